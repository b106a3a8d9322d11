import { FIELD_ROLES, RECORD_KINDS, findRole, type RecordKind } from '@shared/domain/field-roles'
import type { ColumnMapping, DateOrder, ImportMapping } from '@shared/domain/import'
import { headerTimeZone } from '../values/header-time-zone'
import { inferDateOrder } from '../values/infer-date-order'
import { columnEvidence, type ColumnEvidence } from './column-evidence'
import { inferCsatScale } from './csat-scale'
import { experimentNameFromFile } from './experiment-name'
import { headerMatcher } from './header-matcher'
import { combineHeaderRows, detectHeaderRows, headerDescriptions, importIdTimeZones } from './header-rows'
import { genericPreset, LAYOUT_PRESETS } from './layout-presets'
import type { DetectedLayout, LayoutPreset } from './layout-types'
import { headerScore, matchRoles, valueFit, type RoleMatch } from './role-matcher'
import { ROLE_SYNONYMS } from './role-synonyms'
import { scorePreset } from './score-preset'

/** What the caller knows about the file. */
export interface DetectOptions {
  /** The record kind the user chose (`--kind`); only layouts of this kind are considered. */
  kind?: RecordKind
  /** The file's name, to name an experiment when the file has no experiment column. */
  fileName?: string
  /** Header rows the user set in the wizard, instead of the detected number. */
  headerRows?: number
}

/** Rows of data read to judge the values of each column. */
export const SAMPLE_ROWS = 200
/** Penalty per required role no column fills, when comparing record kinds. */
const MISSING_REQUIRED_PENALTY = 1.5

// Plain names of the required roles, for the wizard's warnings.
const ROLE_LABELS: Readonly<Record<string, string>> = {
  createdAt: 'the time the ticket was created',
  text: 'the ticket text',
  submittedAt: 'the time the response was submitted',
  customerId: 'the customer id',
  unitId: 'the user (unit) id',
  assignedArm: 'the assigned group or variant',
  arm: 'the arm or variant',
  units: 'the number of units (users, sends, exposures)'
}

const KIND_LABELS: Readonly<Record<RecordKind, string>> = {
  tickets: 'ticket',
  survey_responses: 'survey response',
  customers: 'customer',
  experiment_units: 'experiment row',
  experiment_arm_summaries: 'experiment arm'
}

interface Assigned {
  role: string
  name?: string
}

const quoteHeader = (header: string): string => `'${header.length > 60 ? `${header.slice(0, 57)}…` : header}'`

/** The preset's own columns mapped: ignored vendor columns first, then the first matching spec. */
function presetAssignments(
  preset: LayoutPreset,
  columns: readonly ColumnEvidence[],
  warnings: string[]
): { assigned: Map<number, Assigned>; ignored: Set<number> } {
  const assigned = new Map<number, Assigned>()
  const ignored = new Set<number>()
  const taken = new Set<string>()
  const ignore = (preset.ignore ?? []).map(headerMatcher)
  for (const column of columns) {
    if (ignore.some((m) => m(column.normalized))) {
      ignored.add(column.index)
      continue
    }
    for (const spec of preset.columns) {
      if (!headerMatcher(spec.header)(column.normalized)) continue
      const role = findRole(preset.kind, spec.role)
      if (!role) continue
      if (taken.has(role.id) && !role.multiple) {
        ignored.add(column.index)
        break
      }
      if (
        (role.valueType === 'number' || role.valueType === 'integer') &&
        column.filled > 0 &&
        column.numberRate < 0.5
      ) {
        warnings.push(
          `Column ${quoteHeader(column.header)} should hold ${role.id} numbers but has values such as ${quoteHeader(column.values[0] ?? '')}; it is left unmapped.`
        )
        ignored.add(column.index)
        break
      }
      taken.add(role.id)
      assigned.set(
        column.index,
        role.multiple ? { role: role.id, name: spec.name ?? column.header.trim() } : { role: role.id }
      )
      break
    }
  }
  return { assigned, ignored }
}

function kindScore(kind: RecordKind, matches: readonly RoleMatch[]): number {
  const roles = new Set(matches.map((m) => m.role))
  const missing = FIELD_ROLES[kind].filter((r) => r.required && !roles.has(r.id)).length
  return matches.reduce((sum, m) => sum + m.score, 0) - MISSING_REQUIRED_PENALTY * missing
}

function dateOrderOf(
  columns: readonly ColumnEvidence[],
  mapped: ReadonlyMap<number, Assigned>,
  kind: RecordKind,
  preset: LayoutPreset | null,
  warnings: string[]
): DateOrder | null {
  const found = new Map<string, string[]>()
  for (const column of columns) {
    const assigned = mapped.get(column.index)
    if (!assigned || findRole(kind, assigned.role)?.valueType !== 'datetime') continue
    const order = inferDateOrder(column.values)
    found.set(order, [...(found.get(order) ?? []), column.header])
    if (column.filled > 0 && column.dateRate < 0.8) {
      const bad = column.values.find((v) => !/\d/.test(v)) ?? column.values[0] ?? ''
      warnings.push(
        `Column ${quoteHeader(column.header)} has values that are not dates, such as ${quoteHeader(bad)}.`
      )
    }
  }
  if (found.has('dmy') && found.has('mdy')) {
    warnings.push(
      `Date columns disagree: ${found.get('dmy')!.map(quoteHeader).join(', ')} write the day first, ${found.get('mdy')!.map(quoteHeader).join(', ')} the month first; choose the order.`
    )
    return null
  }
  if (found.has('dmy')) return 'dmy'
  if (found.has('mdy')) return 'mdy'
  if (found.has('ambiguous')) {
    if (preset?.dateOrder) return preset.dateOrder
    warnings.push(
      `Dates in ${found.get('ambiguous')!.map(quoteHeader).join(', ')} (such as 05/03/2026) could be day-first or month-first; choose the order.`
    )
  }
  return null
}

/** Unmapped columns whose header names a numeric role their values do not fit (CSAT answered in words). */
function numericMismatchWarnings(
  kind: RecordKind,
  columns: readonly ColumnEvidence[],
  mapped: ReadonlyMap<number, Assigned>,
  ignored: ReadonlySet<number>
): string[] {
  const warnings: string[] = []
  const taken = new Set([...mapped.values()].map((a) => a.role))
  for (const column of columns) {
    if (mapped.has(column.index) || ignored.has(column.index) || column.filled === 0) continue
    for (const role of FIELD_ROLES[kind]) {
      if (role.valueType !== 'number' && role.valueType !== 'integer') continue
      if (taken.has(role.id) && !role.multiple) continue
      const synonyms = ROLE_SYNONYMS[kind][role.id]
      if (!synonyms || headerScore(column, synonyms) < 0.7 || valueFit(column, role, synonyms) >= 0.3)
        continue
      warnings.push(
        `Column ${quoteHeader(column.header)} looks like ${role.id} but holds values such as ${quoteHeader(column.values[0] ?? '')}; export numeric values or map it by hand.`
      )
      break
    }
  }
  return warnings
}

/**
 * The kind, vendor layout and default mapping of a file, from its first raw rows (header rows
 * included): header rows detected and combined, vendor presets tried by signature, then the
 * generic role matcher (synonyms and values) for the columns no preset maps — or, when no vendor
 * layout fits, for every column under each record kind, the best kind winning. Every column gets
 * a role or null; what the wizard must ask about comes back as warnings.
 */
export function detectLayout(
  rawRows: readonly (readonly string[])[],
  options: DetectOptions = {}
): DetectedLayout {
  const warnings: string[] = []
  const rows = rawRows.map((r) => r.map((c) => c ?? ''))
  const detectedHeader = detectHeaderRows(rows)
  const headerInfo =
    options.headerRows === undefined || options.headerRows === detectedHeader.headerRows
      ? detectedHeader
      : {
          headerRows: options.headerRows,
          style: options.headerRows > 1 ? ('merged-question' as const) : ('first-row' as const)
        }
  const headerRowCells = rows.slice(0, headerInfo.headerRows)
  const sample = rows.slice(headerInfo.headerRows, headerInfo.headerRows + SAMPLE_ROWS)
  const width = Math.max(0, ...headerRowCells.map((r) => r.length), ...sample.map((r) => r.length))
  const combined = combineHeaderRows(headerRowCells, headerInfo)
  const headers = Array.from({ length: width }, (_, i) => combined[i] ?? '')
  const descriptions = headerDescriptions(headerRowCells, headerInfo.style)
  const columns = headers.map((h, i) =>
    columnEvidence(
      i,
      h,
      descriptions?.[i] || null,
      sample.map((r) => r[i] ?? '')
    )
  )

  if (rows.length === 0) warnings.push('The file is empty: there is no header row.')
  else if (sample.length === 0) warnings.push('The file has a header but no data rows.')

  const duplicates = columns.filter(
    (c, i) => c.header !== '' && columns.findIndex((o) => o.normalized === c.normalized) !== i
  )
  for (const dup of duplicates) {
    warnings.push(`Column ${quoteHeader(dup.header)} appears more than once; only the first is mapped.`)
  }
  // Later copies of a header take no role: a record has one value per role.
  const duplicateIndexes = new Set(duplicates.map((c) => c.index))
  const candidates = columns.filter((c) => !duplicateIndexes.has(c.index))

  // 1. Vendor layouts, by signature.
  let preset: LayoutPreset | null = null
  let confidence = 0
  for (const candidate of LAYOUT_PRESETS) {
    if (options.kind && candidate.kind !== options.kind) continue
    const score = scorePreset(candidate, columns)
    if (score !== null && score > confidence) {
      preset = candidate
      confidence = score
    }
  }

  let kind: RecordKind
  const mapped = new Map<number, Assigned>()
  const knownIgnored = new Set<number>()
  if (preset) {
    kind = preset.kind
    if (preset.headerRows !== headerInfo.headerRows) {
      warnings.push(
        `${preset.name} exports have ${preset.headerRows} header row(s); this file seems to have ${headerInfo.headerRows}.`
      )
    }
    const { assigned, ignored } = presetAssignments(preset, candidates, warnings)
    for (const [index, a] of assigned) mapped.set(index, a)
    for (const index of ignored) knownIgnored.add(index)
    const rest = candidates.filter((c) => !assigned.has(c.index) && !ignored.has(c.index))
    const taken = new Set([...assigned.values()].map((a) => a.role))
    for (const m of matchRoles(kind, rest, taken)) mapped.set(m.index, { role: m.role })
  } else {
    // 2. No vendor layout: the record kind whose roles the columns fill best.
    const kinds = options.kind ? [options.kind] : [...RECORD_KINDS]
    const ranked = kinds
      .map((k) => ({ kind: k, matches: matchRoles(k, candidates) }))
      .map((r) => ({ ...r, score: kindScore(r.kind, r.matches) }))
      .sort((a, b) => b.score - a.score)
    const best = ranked[0]!
    kind = best.kind
    preset = genericPreset(kind) ?? null
    for (const m of best.matches) mapped.set(m.index, { role: m.role })
    const required = FIELD_ROLES[kind].filter((r) => r.required)
    const filledRequired = required.every((r) => best.matches.some((m) => m.role === r.id))
    const share = candidates.length === 0 ? 0 : best.matches.length / candidates.length
    const margin = ranked.length > 1 ? best.score - ranked[1]!.score : Infinity
    confidence = filledRequired ? Math.min(0.9, 0.4 + 0.5 * share) * (margin < 1 ? 0.8 : 1) : 0.25
    if (!options.kind && confidence < 0.5 && columns.length > 0) {
      warnings.push(
        `The kind of data is unclear; it looks most like ${KIND_LABELS[kind]} data. Check the kind and the mapping.`
      )
    }
  }

  // Multiple roles keep their column's name (segment, metric).
  for (const [index, a] of mapped) {
    const role = findRole(kind, a.role)
    if (role?.multiple && a.name === undefined)
      a.name = headers[index]!.trim().slice(0, 200) || `column ${index + 1}`
  }

  // A help desk export without a description column: its subject is the only text there is.
  const roleIndex = (role: string): number | undefined => [...mapped].find(([, a]) => a.role === role)?.[0]
  if (kind === 'tickets' && roleIndex('text') === undefined && roleIndex('subject') !== undefined) {
    const index = roleIndex('subject')!
    mapped.set(index, { role: 'text' })
    warnings.push(
      `The file has no description column; the subject (${quoteHeader(headers[index]!)}) is used as the ticket text.`
    )
  }

  for (const role of FIELD_ROLES[kind]) {
    if (role.required && roleIndex(role.id) === undefined) {
      warnings.push(
        `No column was recognised as ${ROLE_LABELS[role.id] ?? role.id} (${role.id}), which every ${KIND_LABELS[kind]} needs; choose it in the mapping.`
      )
    }
  }
  warnings.push(...numericMismatchWarnings(kind, candidates, mapped, knownIgnored))

  const dateOrder = dateOrderOf(columns, mapped, kind, preset, warnings)

  let csatScaleMax: number | null = null
  const csatIndex = kind === 'survey_responses' ? roleIndex('csatScore') : undefined
  if (csatIndex !== undefined) {
    const inferred = preset?.csatScaleMax ? null : inferCsatScale(columns[csatIndex]!)
    csatScaleMax = preset?.csatScaleMax ?? inferred?.top ?? null
    if (inferred && inferred.above > 0) {
      warnings.push(
        `${quoteHeader(headers[csatIndex]!)} looks like a 1–${inferred.top} scale, but ${inferred.above === 1 ? 'one value lies' : `${inferred.above} values lie`} above ${inferred.top}; those rows will be rejected unless you set a larger scale.`
      )
    }
    if (csatScaleMax === null) {
      warnings.push(
        `The CSAT scale of ${quoteHeader(headers[csatIndex]!)} could not be told from its values; set its top (5, 7 or 10).`
      )
    }
  }

  let experiment: string | null = null
  if (
    (kind === 'experiment_units' || kind === 'experiment_arm_summaries') &&
    roleIndex('experiment') === undefined
  ) {
    experiment = experimentNameFromFile(options.fileName)
    if (experiment === null) warnings.push('The file has no experiment column; name the experiment.')
  }

  const mappingColumns: ColumnMapping[] = headers.map((fullHeader, index) => {
    // The mapping schema bounds headers; a SurveyMonkey question may run longer.
    const header = fullHeader.slice(0, 1000)
    const a = mapped.get(index)
    if (!a) return { index, header, role: null }
    return a.name === undefined
      ? { index, header, role: a.role }
      : { index, header, role: a.role, name: a.name }
  })
  const mapping: ImportMapping = {
    kind,
    preset: preset?.id ?? null,
    sourceSystem: preset?.sourceSystem ?? 'generic',
    columns: mappingColumns,
    dateOrder,
    csatScaleMax,
    experiment
  }
  const declaredZones = importIdTimeZones(headerRowCells, headerInfo.style)
  const columnTimeZones = headers.map((header, i) => declaredZones?.[i] ?? headerTimeZone(header))
  return {
    kind,
    preset: preset?.id ?? null,
    columnTimeZones,
    confidence: Math.round(confidence * 1000) / 1000,
    headerRows: headerInfo.headerRows,
    headers,
    mapping,
    warnings
  }
}
