import { z } from 'zod'
import { FIELD_ROLES, RECORD_KINDS, type RecordKind } from '@shared/domain/field-roles'
import { normalizeHeader } from './normalize-header'
import synonymsText from './role-synonyms.json?raw'

/** How the generic matcher recognises one role: header synonyms, patterns and value constraints. */
export interface RoleSynonyms {
  /** Synonyms, normalised ({@link normalizeHeader}). */
  headers: string[]
  patterns: RegExp[]
  exclude: RegExp[]
  range: { min: number; max: number; integer: boolean } | null
  unique: boolean
  notBinary: boolean
  valueOnly: number | null
}

const EntrySchema = z.strictObject({
  headers: z.array(z.string().min(1)),
  patterns: z.array(z.string().min(1)).optional(),
  exclude: z.array(z.string().min(1)).optional(),
  range: z.strictObject({ min: z.number(), max: z.number(), integer: z.boolean().optional() }).optional(),
  unique: z.boolean().optional(),
  notBinary: z.boolean().optional(),
  valueOnly: z.number().gt(0).lte(1).optional()
})

const FileSchema = z
  .object({ $comment: z.string().optional() })
  .catchall(z.record(z.string(), EntrySchema))
  .superRefine((file, ctx) => {
    for (const [kind, roles] of Object.entries(file)) {
      if (kind === '$comment') continue
      if (!(RECORD_KINDS as readonly string[]).includes(kind)) {
        ctx.addIssue({ code: 'custom', path: [kind], message: `'${kind}' is not a record kind` })
        continue
      }
      const known = new Set(FIELD_ROLES[kind as RecordKind].map((r) => r.id))
      for (const role of Object.keys(roles as object)) {
        if (!known.has(role))
          ctx.addIssue({ code: 'custom', path: [kind, role], message: `'${role}' is not a role of ${kind}` })
      }
    }
  })

const compile = (source: string): RegExp => new RegExp(source, 'iu')

/** Parses and checks a synonyms file; throws with the offending path when it is malformed. */
export function parseRoleSynonyms(text: string): Record<RecordKind, Record<string, RoleSynonyms>> {
  const result = FileSchema.safeParse(JSON.parse(text))
  if (!result.success) {
    const issues = result.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ')
    throw new Error(`role-synonyms.json is invalid: ${issues}`)
  }
  const out = {} as Record<RecordKind, Record<string, RoleSynonyms>>
  for (const kind of RECORD_KINDS) {
    const entries = (result.data[kind] ?? {}) as Record<string, z.infer<typeof EntrySchema>>
    out[kind] = {}
    for (const [role, entry] of Object.entries(entries)) {
      out[kind][role] = {
        headers: entry.headers.map(normalizeHeader),
        patterns: (entry.patterns ?? []).map(compile),
        exclude: (entry.exclude ?? []).map(compile),
        range: entry.range
          ? { min: entry.range.min, max: entry.range.max, integer: entry.range.integer ?? false }
          : null,
        unique: entry.unique ?? false,
        notBinary: entry.notBinary ?? false,
        valueOnly: entry.valueOnly ?? null
      }
    }
  }
  return out
}

/** The shipped synonyms (layouts/role-synonyms.json), validated at load. */
export const ROLE_SYNONYMS: Readonly<Record<RecordKind, Record<string, RoleSynonyms>>> =
  parseRoleSynonyms(synonymsText)
