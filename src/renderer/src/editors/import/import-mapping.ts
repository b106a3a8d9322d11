import type { FieldRole, RecordKind } from '@shared/domain/field-roles'
import { FIELD_ROLES, findRole } from '@shared/domain/field-roles'
import type {
  ColumnMapping,
  ColumnProfile,
  DateOrder,
  ImportMapping,
  ImportPreview
} from '@shared/domain/import'

/** Longest segment or metric name the contract accepts. */
export const MAX_COLUMN_NAME = 200

/** One edit of the mapping in the preview step. */
export type MappingEdit =
  | { type: 'role'; index: number; role: string | null }
  | { type: 'name'; index: number; name: string }
  | { type: 'dateOrder'; order: DateOrder }
  | { type: 'sourceSystem'; value: string }
  | { type: 'experiment'; value: string }
  | { type: 'csatScaleMax'; value: number | null }

/** Why a multi-role column's name cannot be used. */
export type NameProblem = 'empty' | 'duplicate'

/** The roles of a kind as the role dropdown lists them: required ones first, then the rest. */
export function orderedRoles(kind: RecordKind): { required: FieldRole[]; optional: FieldRole[] } {
  const roles = FIELD_ROLES[kind]
  return { required: roles.filter((r) => r.required), optional: roles.filter((r) => !r.required) }
}

/** A default segment or metric name from a column header. */
export function defaultColumnName(header: string, index: number): string {
  const trimmed = header.trim().slice(0, MAX_COLUMN_NAME)
  return trimmed || `column_${index + 1}`
}

/**
 * The preview's mapping with exactly one entry per file column, in file order: the detector may
 * leave unmapped columns out, and the editor needs a row for each.
 */
export function completeMapping(preview: ImportPreview): ImportMapping {
  const byIndex = new Map(preview.mapping.columns.map((c) => [c.index, c]))
  const columns: ColumnMapping[] = preview.headers.map(
    (header, index) => byIndex.get(index) ?? { index, header, role: null }
  )
  return { ...preview.mapping, columns }
}

/**
 * Gives a column a role. A role that only one column may take moves: the column that had it
 * becomes ignored. A role that several columns may take gets the header as its name.
 */
export function assignRole(mapping: ImportMapping, index: number, role: string | null): ImportMapping {
  const target = mapping.columns.find((c) => c.index === index)
  if (!target) return mapping
  const spec = role === null ? undefined : findRole(mapping.kind, role)
  if (role !== null && !spec) return mapping
  const columns = mapping.columns.map((column): ColumnMapping => {
    if (column.index === index) {
      const { name, ...rest } = column
      if (spec?.multiple) {
        const keep = column.role === role && name !== undefined
        return { ...rest, role, name: keep ? name : defaultColumnName(column.header, column.index) }
      }
      return { ...rest, role }
    }
    if (spec && !spec.multiple && column.role === role) {
      const { name: _drop, ...rest } = column
      return { ...rest, role: null }
    }
    return column
  })
  return { ...mapping, columns }
}

/** Renames a segment or metric column. */
export function renameColumn(mapping: ImportMapping, index: number, name: string): ImportMapping {
  return {
    ...mapping,
    columns: mapping.columns.map((c) =>
      c.index === index ? { ...c, name: name.slice(0, MAX_COLUMN_NAME) } : c
    )
  }
}

/** Applies one edit. */
export function applyMappingEdit(mapping: ImportMapping, edit: MappingEdit): ImportMapping {
  switch (edit.type) {
    case 'role':
      return assignRole(mapping, edit.index, edit.role)
    case 'name':
      return renameColumn(mapping, edit.index, edit.name)
    case 'dateOrder':
      return { ...mapping, dateOrder: edit.order }
    case 'sourceSystem':
      return { ...mapping, sourceSystem: edit.value.slice(0, 64) }
    case 'experiment':
      return { ...mapping, experiment: edit.value.slice(0, 200) }
    case 'csatScaleMax':
      return { ...mapping, csatScaleMax: edit.value }
  }
}

/** Required roles of the kind that no column has. */
export function missingRequiredRoles(mapping: ImportMapping): FieldRole[] {
  const used = new Set(mapping.columns.map((c) => c.role))
  return FIELD_ROLES[mapping.kind].filter((r) => r.required && !used.has(r.id))
}

/** Multi-role columns whose name is empty or repeats another name of the same role. */
export function columnNameProblems(mapping: ImportMapping): Map<number, NameProblem> {
  const problems = new Map<number, NameProblem>()
  const seen = new Map<string, number>()
  for (const column of mapping.columns) {
    if (column.role === null || !findRole(mapping.kind, column.role)?.multiple) continue
    const name = (column.name ?? '').trim()
    if (!name) {
      problems.set(column.index, 'empty')
      continue
    }
    const key = `${column.role}\u0000${name.toLowerCase()}`
    const first = seen.get(key)
    if (first === undefined) seen.set(key, column.index)
    else problems.set(column.index, 'duplicate')
  }
  return problems
}

/** Whether a column's role holds dates. */
export function isDateRole(mapping: ImportMapping, role: string | null): boolean {
  return role !== null && findRole(mapping.kind, role)?.valueType === 'datetime'
}

/** Profiles of date columns in use whose all-numeric dates could be read day-first or month-first. */
export function ambiguousDateColumns(preview: ImportPreview, mapping: ImportMapping): ColumnProfile[] {
  const used = new Set(mapping.columns.filter((c) => isDateRole(mapping, c.role)).map((c) => c.index))
  return preview.columns.filter((p) => used.has(p.index) && p.dateOrder === 'ambiguous')
}

/** True when the kind takes an experiment name and no column supplies one. */
export function needsExperimentName(mapping: ImportMapping): boolean {
  const experimentKind = mapping.kind === 'experiment_units' || mapping.kind === 'experiment_arm_summaries'
  return experimentKind && !mapping.columns.some((c) => c.role === 'experiment')
}

/** True when survey scores need a scale top because no column gives one. */
export function needsCsatScale(mapping: ImportMapping): boolean {
  return (
    mapping.kind === 'survey_responses' &&
    mapping.columns.some((c) => c.role === 'csatScore') &&
    !mapping.columns.some((c) => c.role === 'csatScaleMax')
  )
}

/** True for kinds whose records are keyed by (source system, external id). */
export function usesSourceSystem(kind: RecordKind): boolean {
  return kind === 'tickets' || kind === 'survey_responses' || kind === 'customers'
}

/**
 * The mapping as `import.start` accepts it: names only on multi-role columns and trimmed, an
 * experiment name only where one is needed.
 */
export function finalMapping(mapping: ImportMapping): ImportMapping {
  const columns = mapping.columns.map((column): ColumnMapping => {
    const { name, ...rest } = column
    const multiple = column.role !== null && findRole(mapping.kind, column.role)?.multiple
    return multiple && name?.trim() ? { ...rest, name: name.trim() } : rest
  })
  const experiment = mapping.experiment?.trim() ?? ''
  return {
    ...mapping,
    sourceSystem: mapping.sourceSystem.trim(),
    columns,
    experiment: needsExperimentName(mapping) && experiment ? experiment : null
  }
}
