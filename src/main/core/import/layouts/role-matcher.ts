import { FIELD_ROLES, type FieldRole, type RecordKind } from '@shared/domain/field-roles'
import type { ColumnEvidence } from './column-evidence'
import { numericValues } from './column-evidence'
import { ROLE_SYNONYMS, type RoleSynonyms } from './role-synonyms'

/** A role the generic matcher gave a column, with how sure it is (0..1). */
export interface RoleMatch {
  index: number
  role: string
  score: number
}

/** Below this a column stays unmapped rather than get a doubtful role. */
export const MIN_ROLE_SCORE = 0.3

const HEADER_EXACT = 1
const HEADER_PATTERN = 0.75
const DESCRIPTION_EXACT = 0.9
const DESCRIPTION_PATTERN = 0.7
const ID_LIKE = /(?:^|\s)(id|key|uuid|no|number|code|#)$|编号$|号$|id$/

function textScore(text: string, synonyms: RoleSynonyms, exact: number, pattern: number): number {
  if (synonyms.exclude.some((re) => re.test(text))) return 0
  if (synonyms.headers.includes(text)) return exact
  if (synonyms.patterns.some((re) => re.test(text))) return pattern
  return 0
}

/** How well a column's header (or Qualtrics question text) names a role. */
export function headerScore(column: ColumnEvidence, synonyms: RoleSynonyms): number {
  const own = textScore(column.normalized, synonyms, HEADER_EXACT, HEADER_PATTERN)
  const described =
    column.description === null
      ? 0
      : textScore(column.description, synonyms, DESCRIPTION_EXACT, DESCRIPTION_PATTERN)
  return Math.max(own, described)
}

/**
 * A role's range is evidence, not a filter: a column named "nps" with a few 11s is still the NPS
 * column (its out-of-range rows are rejected with a reason at import, not silently unmapped).
 */
const IN_RANGE_SHARE = 0.9

function inRangeShare(column: ColumnEvidence, range: NonNullable<RoleSynonyms['range']>): number {
  const numbers = numericValues(column)
  if (numbers.length === 0) return 0
  return numbers.filter((v) => v >= range.min && v <= range.max).length / numbers.length
}

/** How well a column's values fit a role's value type and constraints (0..1). */
export function valueFit(column: ColumnEvidence, role: FieldRole, synonyms: RoleSynonyms | null): number {
  if (column.filled === 0) return 0.6
  const numericLike = column.numberRate === 1
  switch (role.valueType) {
    case 'datetime':
      return column.dateRate >= 0.8 ? 1 : column.dateRate >= 0.5 ? 0.5 : 0.05
    case 'number':
    case 'integer': {
      const rate = role.valueType === 'integer' ? column.integerRate : column.numberRate
      if (rate < 0.9) return 0.05
      if (synonyms?.range) {
        if (synonyms.range.integer && column.integerRate < IN_RANGE_SHARE) return 0.1
        return inRangeShare(column, synonyms.range) >= IN_RANGE_SHARE ? 1 : 0.1
      }
      return 1
    }
    case 'binary':
      return column.binaryOnly ? 1 : 0.05
    case 'id':
      if (column.avgLength > 64) return 0.2
      if (column.dateRate >= 0.8 && !numericLike) return 0.1
      return synonyms?.unique && column.uniqueRate < 0.95 ? 0.7 : 1
    case 'text':
      if (column.dateRate >= 0.8 || numericLike) return 0.1
      return column.avgLength >= 15 ? 1 : column.avgLength >= 4 ? 0.8 : 0.5
    case 'category':
      if (column.dateRate >= 0.8 && !numericLike) return 0.1
      if (synonyms?.notBinary && column.binaryOnly) return 0.4
      // Labels repeat; a column of numbers that are all different is counts or ids, not labels.
      if (numericLike && column.filled >= 3 && column.uniqueRate === 1 && !column.binaryOnly) return 0.3
      return column.avgLength > 50 ? 0.3 : 1
    case 'tags':
      return column.dateRate >= 0.8 && !numericLike ? 0.1 : 1
  }
}

/** The score a column earns for a role from its values alone, when its header names no role. */
function valueOnlyScore(column: ColumnEvidence, role: FieldRole, synonyms: RoleSynonyms): number {
  if (synonyms.valueOnly === null || column.filled === 0) return 0
  if (role.valueType === 'binary') return column.binaryOnly ? synonyms.valueOnly : 0
  if (role.valueType === 'number' || role.valueType === 'integer') {
    const idLike = ID_LIKE.test(column.normalized)
    return column.numberRate === 1 && !column.binaryOnly && !idLike && column.dateRate < 0.8
      ? synonyms.valueOnly
      : 0
  }
  if (role.valueType === 'text')
    return column.avgLength >= 30 && column.numberRate < 0.5 ? synonyms.valueOnly : 0
  return 0
}

/** The score of every role of a kind for one column (roles scoring under the threshold left out). */
export function scoreColumn(kind: RecordKind, column: ColumnEvidence): RoleMatch[] {
  const out: RoleMatch[] = []
  for (const role of FIELD_ROLES[kind]) {
    const synonyms = ROLE_SYNONYMS[kind][role.id]
    if (!synonyms) continue
    const named = headerScore(column, synonyms)
    const score =
      named > 0 ? named * valueFit(column, role, synonyms) : valueOnlyScore(column, role, synonyms)
    if (score >= MIN_ROLE_SCORE) out.push({ index: column.index, role: role.id, score })
  }
  return out
}

/**
 * Roles for columns no preset mapped: every (column, role) pair scored from header synonyms and
 * values, then taken best first — a column gets at most one role, a role at most one column
 * unless it allows several (segments, experiment metrics). `taken` lists roles already assigned.
 */
export function matchRoles(
  kind: RecordKind,
  columns: readonly ColumnEvidence[],
  taken: ReadonlySet<string> = new Set()
): RoleMatch[] {
  const order = new Map(FIELD_ROLES[kind].map((r, i) => [r.id, i]))
  const multiple = new Set(FIELD_ROLES[kind].filter((r) => r.multiple).map((r) => r.id))
  const candidates = columns.flatMap((c) => scoreColumn(kind, c))
  candidates.sort(
    (a, b) => b.score - a.score || (order.get(a.role) ?? 0) - (order.get(b.role) ?? 0) || a.index - b.index
  )
  const usedColumns = new Set<number>()
  const usedRoles = new Set(taken)
  const matches: RoleMatch[] = []
  for (const candidate of candidates) {
    if (usedColumns.has(candidate.index)) continue
    if (usedRoles.has(candidate.role) && !multiple.has(candidate.role)) continue
    usedColumns.add(candidate.index)
    usedRoles.add(candidate.role)
    matches.push(candidate)
  }
  return matches.sort((a, b) => a.index - b.index)
}
