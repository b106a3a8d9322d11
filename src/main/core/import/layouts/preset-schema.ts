import { z } from 'zod'
import { FIELD_ROLES, RECORD_KINDS } from '@shared/domain/field-roles'
import { DATE_ORDERS } from '@shared/domain/import'
import type { LayoutPreset } from './layout-types'

const HeaderSpec = z.string().min(1).max(300)

/** The shape of a preset data file; roles are checked against the preset's record kind. */
export const LayoutPresetSchema = z
  .strictObject({
    id: z.string().regex(/^[a-z0-9][a-z0-9-]{0,63}$/),
    name: z.string().min(1).max(120),
    kind: z.enum(RECORD_KINDS),
    sourceSystem: z.string().min(1).max(64),
    headerRows: z.number().int().gte(1).lte(10),
    // A vendor's help-centre URL, or for generic layouts the repository document describing them.
    documentation: z.union([z.url(), z.string().regex(/^[\w./-]+\.md(#[\w-]+)?$/)]),
    signature: z.strictObject({
      all: z.array(HeaderSpec),
      any: z.array(HeaderSpec).optional(),
      minAny: z.number().int().gte(0).optional(),
      first: HeaderSpec.optional(),
      minQuestions: z.number().int().gte(0).optional()
    }),
    columns: z.array(
      z.strictObject({
        header: HeaderSpec,
        role: z.string().min(1).max(64),
        name: z.string().min(1).max(200).optional()
      })
    ),
    dateOrder: z.enum(DATE_ORDERS).nullable().optional(),
    csatScaleMax: z.number().int().gte(2).lte(100).nullable().optional(),
    headerStyle: z.enum(['single', 'first-row', 'merged-question']).optional(),
    match: z.enum(['signature', 'roles']).optional(),
    ignore: z.array(HeaderSpec).optional(),
    notes: z.string().max(2000).optional()
  })
  .superRefine((preset, ctx) => {
    const roles = new Set(FIELD_ROLES[preset.kind].map((r) => r.id))
    preset.columns.forEach((column, i) => {
      if (!roles.has(column.role)) {
        ctx.addIssue({
          code: 'custom',
          path: ['columns', i, 'role'],
          message: `'${column.role}' is not a role of ${preset.kind}`
        })
      }
    })
    if (
      (preset.match ?? 'signature') === 'signature' &&
      preset.signature.all.length === 0 &&
      !preset.signature.first
    ) {
      ctx.addIssue({
        code: 'custom',
        path: ['signature'],
        message: 'a signature preset needs headers in `all` or `first`'
      })
    }
  })

/** A preset data file parsed and checked; throws naming the file when it is malformed. */
export function parsePreset(fileName: string, text: string): LayoutPreset {
  let data: unknown
  try {
    data = JSON.parse(text)
  } catch (error) {
    throw new Error(`Layout preset ${fileName} is not valid JSON: ${(error as Error).message}`, {
      cause: error
    })
  }
  const result = LayoutPresetSchema.safeParse(data)
  if (!result.success) {
    const issues = result.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ')
    throw new Error(`Layout preset ${fileName} is invalid: ${issues}`)
  }
  return result.data
}
