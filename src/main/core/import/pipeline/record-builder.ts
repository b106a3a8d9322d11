import type { ColumnMapping, ImportMapping } from '@shared/domain/import'
import { ATTRIBUTE_ROLE, FIELD_ROLES } from '@shared/domain/field-roles'
import type { RawRow } from '../readers/table-source'
import type { Parsed, ValueParsers } from './value-parsers'
import type {
  ArmSummaryImportRecord,
  CustomerRecord,
  ExperimentUnitImportRecord,
  ImportRecord,
  SurveyResponseRecord,
  TicketRecord
} from './records'

/** A row turned into a record, or the reason it was rejected. */
export type BuildOutcome = { ok: true; value: ImportRecord } | { ok: false; reason: string }

/** Replaces personal data in free text; the caller counts what it replaced. */
export type Redactor = (text: string) => string

/** Parsers for wall-clock times in a zone (null: the file's zone). */
export type ParsersForZone = (timeZone: string | null) => ValueParsers

interface Column {
  index: number
  header: string
  name: string
  timeZone: string | null
}

/**
 * The mapping compiled once per file: which column feeds each role. Rows are then built without
 * looking anything up by name.
 */
interface Plan {
  single: Map<string, Column>
  multiple: Map<string, Column[]>
}

function compile(mapping: ImportMapping): Plan {
  const single = new Map<string, Column>()
  const multiple = new Map<string, Column[]>()
  const roles = new Map(FIELD_ROLES[mapping.kind].map((r) => [r.id, r]))
  for (const c of mapping.columns) {
    if (c.role === null) continue
    const role = roles.get(c.role)
    if (!role) continue
    const column = { index: c.index, header: c.header, name: columnName(c), timeZone: c.timeZone ?? null }
    if (role.multiple) multiple.set(c.role, [...(multiple.get(c.role) ?? []), column])
    else if (!single.has(c.role)) single.set(c.role, column)
  }
  return { single, multiple }
}

function columnName(c: ColumnMapping): string {
  return (c.name ?? c.header).trim() || `column ${c.index + 1}`
}

/** The roles a mapping must assign for its kind, missing ones first. */
export function missingRequiredRoles(mapping: ImportMapping): string[] {
  const assigned = new Set(mapping.columns.map((c) => c.role))
  const missing = FIELD_ROLES[mapping.kind].filter((r) => r.required && !assigned.has(r.id)).map((r) => r.id)
  // An experiment needs a name: from a column, or one for the whole file.
  if (
    (mapping.kind === 'experiment_units' || mapping.kind === 'experiment_arm_summaries') &&
    !assigned.has('experiment') &&
    !mapping.experiment
  ) {
    missing.push('experiment')
  }
  return missing
}

/**
 * Turns rows into records for one file: parses every mapped cell with the file's parsers,
 * checks required fields and ranges, and says exactly why a row is rejected.
 */
export class RecordBuilder {
  private readonly plan: Plan
  private readonly parse: ValueParsers
  private readonly zoned = new Map<string, ValueParsers>()

  constructor(
    private readonly mapping: ImportMapping,
    private readonly parsersFor: ParsersForZone,
    private readonly redact: Redactor | null
  ) {
    this.plan = compile(mapping)
    this.parse = parsersFor(null)
  }

  /** The record of one row, or why it cannot be one. */
  build(row: RawRow): BuildOutcome {
    if (row.issue) return { ok: false, reason: row.issue }
    try {
      switch (this.mapping.kind) {
        case 'tickets':
          return { ok: true, value: { kind: 'tickets', record: this.ticket(row.cells) } }
        case 'survey_responses':
          return { ok: true, value: { kind: 'survey_responses', record: this.surveyResponse(row.cells) } }
        case 'customers':
          return { ok: true, value: { kind: 'customers', record: this.customer(row.cells) } }
        case 'experiment_units':
          return { ok: true, value: { kind: 'experiment_units', record: this.unit(row.cells) } }
        case 'experiment_arm_summaries':
          return { ok: true, value: { kind: 'experiment_arm_summaries', record: this.summary(row.cells) } }
      }
    } catch (error) {
      if (error instanceof RowRejected) return { ok: false, reason: error.message }
      throw error
    }
  }

  private ticket(cells: string[]): TicketRecord {
    const subject = this.freeText(cells, 'subject')
    const body = this.freeText(cells, 'text')
    const text = body ?? subject
    if (text === null) throw new RowRejected(`the ticket has no text (${this.describe('text')} is empty)`)
    return {
      sourceSystem: this.mapping.sourceSystem,
      externalId: this.id(cells, 'externalId'),
      createdAt: this.requiredDate(cells, 'createdAt'),
      resolvedAt: this.date(cells, 'resolvedAt'),
      firstResponseAt: this.date(cells, 'firstResponseAt'),
      channel: this.category(cells, 'channel'),
      status: this.category(cells, 'status'),
      priority: this.category(cells, 'priority'),
      subject,
      text,
      customerId: this.id(cells, 'customerId'),
      rating: this.number(cells, 'rating'),
      tags: this.tags(cells),
      attributes: this.attributes(cells)
    }
  }

  private surveyResponse(cells: string[]): SurveyResponseRecord {
    const scaleFromColumn = this.number(cells, 'csatScaleMax')
    const scaleMax = scaleFromColumn ?? this.mapping.csatScaleMax ?? null
    const csat = this.number(cells, 'csatScore')
    if (csat !== null) {
      const top = scaleMax ?? 5
      if (csat < 1 || csat > top) {
        throw new RowRejected(`${this.describe('csatScore')}: score ${csat} is outside the scale 1–${top}`)
      }
    }
    const nps = this.integer(cells, 'npsScore')
    if (nps !== null && (nps < 0 || nps > 10)) {
      throw new RowRejected(`${this.describe('npsScore')}: score ${nps} is outside 0–10`)
    }
    const comment = this.freeText(cells, 'comment')
    if (csat === null && nps === null && comment === null) {
      throw new RowRejected('the response has no score and no comment')
    }
    const segments: Record<string, string> = {}
    for (const column of this.plan.multiple.get('segment') ?? []) {
      const value = cell(cells, column.index).trim()
      if (value !== '') segments[column.name] = value
    }
    return {
      sourceSystem: this.mapping.sourceSystem,
      externalId: this.id(cells, 'externalId'),
      survey: this.category(cells, 'survey'),
      submittedAt: this.requiredDate(cells, 'submittedAt'),
      customerId: this.id(cells, 'customerId'),
      csatScore: csat,
      csatScaleMax: csat === null ? null : (scaleMax ?? 5),
      npsScore: nps,
      comment,
      channel: this.category(cells, 'channel'),
      segments,
      attributes: this.attributes(cells)
    }
  }

  private customer(cells: string[]): CustomerRecord {
    const customerId = this.id(cells, 'customerId')
    if (customerId === null) throw new RowRejected(`${this.describe('customerId')} is empty`)
    return {
      customerId,
      name: this.freeText(cells, 'name'),
      tier: this.category(cells, 'tier'),
      region: this.category(cells, 'region'),
      revenue: this.number(cells, 'revenue'),
      signupAt: this.date(cells, 'signupAt'),
      attributes: this.attributes(cells)
    }
  }

  private unit(cells: string[]): ExperimentUnitImportRecord {
    const unitId = this.id(cells, 'unitId')
    if (unitId === null) throw new RowRejected(`${this.describe('unitId')} is empty`)
    const assignedArm = this.category(cells, 'assignedArm')
    if (assignedArm === null) throw new RowRejected(`${this.describe('assignedArm')} is empty`)
    const values: Record<string, number> = {}
    const metricKinds: Record<string, 'binary' | 'numeric'> = {}
    for (const column of this.plan.multiple.get('binaryMetric') ?? []) {
      metricKinds[column.name] = 'binary'
      const raw = cell(cells, column.index).trim()
      if (raw === '') continue
      values[column.name] = this.value(this.parse.binary(raw), column)
    }
    for (const column of this.plan.multiple.get('numericMetric') ?? []) {
      metricKinds[column.name] = 'numeric'
      const raw = cell(cells, column.index).trim()
      if (raw === '') continue
      values[column.name] = this.value(this.parse.number(raw), column).value
    }
    return {
      experiment: this.experimentName(cells),
      unitId,
      assignedArm,
      exposedArm: this.category(cells, 'exposedArm'),
      timestamp: this.date(cells, 'timestamp'),
      values,
      metricKinds
    }
  }

  private summary(cells: string[]): ArmSummaryImportRecord {
    const arm = this.category(cells, 'arm')
    if (arm === null) throw new RowRejected(`${this.describe('arm')} is empty`)
    const units = this.integer(cells, 'units')
    if (units === null) throw new RowRejected(`${this.describe('units')} is empty`)
    if (units < 0) throw new RowRejected(`${this.describe('units')}: ${units} is negative`)
    const successes = this.integer(cells, 'successes')
    if (successes !== null && (successes < 0 || successes > units)) {
      throw new RowRejected(
        `${this.describe('successes')}: ${successes} is not between 0 and the ${units} units`
      )
    }
    const sd = this.number(cells, 'sd')
    if (sd !== null && sd < 0)
      throw new RowRejected(`${this.describe('sd')}: a standard deviation cannot be negative`)
    const share = this.numberWithPercent(cells, 'intendedShare')
    if (share !== null && (share <= 0 || share > 1)) {
      throw new RowRejected(`${this.describe('intendedShare')}: a share must be above 0 and at most 100%`)
    }
    const metric =
      this.category(cells, 'metric') ??
      this.plan.single.get('successes')?.name ??
      this.plan.single.get('mean')?.name
    return {
      experiment: this.experimentName(cells),
      arm,
      metric: metric ?? 'conversion',
      units,
      successes,
      mean: this.number(cells, 'mean'),
      sd,
      n: this.integer(cells, 'n'),
      intendedShare: share
    }
  }

  private experimentName(cells: string[]): string {
    const name = this.category(cells, 'experiment') ?? this.mapping.experiment
    if (!name) throw new RowRejected('the row names no experiment')
    return name
  }

  private raw(cells: string[], role: string): string | null {
    const column = this.plan.single.get(role)
    if (!column) return null
    const value = cell(cells, column.index)
    return value.trim() === '' ? null : value
  }

  /** Identifiers are kept exactly as written (leading zeros, case), only trimmed. */
  private id(cells: string[], role: string): string | null {
    return this.raw(cells, role)?.trim() ?? null
  }

  private category(cells: string[], role: string): string | null {
    return this.raw(cells, role)?.trim() ?? null
  }

  private freeText(cells: string[], role: string): string | null {
    const value = this.raw(cells, role)
    if (value === null) return null
    const text = this.redact ? this.redact(value) : value
    return text.trim() === '' ? null : text
  }

  private date(cells: string[], role: string): number | null {
    const raw = this.raw(cells, role)
    if (raw === null) return null
    const column = this.plan.single.get(role)
    return this.value(this.parsersOf(column).dateTime(raw.trim()), column)
  }

  /** The parsers of a column: its own zone's when the export declares one. */
  private parsersOf(column: Column | undefined): ValueParsers {
    const zone = column?.timeZone
    if (!zone) return this.parse
    let parsers = this.zoned.get(zone)
    if (!parsers) {
      parsers = this.parsersFor(zone)
      this.zoned.set(zone, parsers)
    }
    return parsers
  }

  private requiredDate(cells: string[], role: string): number {
    const value = this.date(cells, role)
    if (value === null) throw new RowRejected(`${this.describe(role)} is empty`)
    return value
  }

  private number(cells: string[], role: string): number | null {
    const raw = this.raw(cells, role)
    return raw === null ? null : this.value(this.parse.number(raw.trim()), this.plan.single.get(role)).value
  }

  /** A number where "50%" means 0.5. */
  private numberWithPercent(cells: string[], role: string): number | null {
    const raw = this.raw(cells, role)
    if (raw === null) return null
    const parsed = this.value(this.parse.number(raw.trim()), this.plan.single.get(role))
    return parsed.percent ? parsed.value / 100 : parsed.value
  }

  private integer(cells: string[], role: string): number | null {
    const raw = this.raw(cells, role)
    return raw === null ? null : this.value(this.parse.integer(raw.trim()), this.plan.single.get(role))
  }

  private tags(cells: string[]): string[] | null {
    const raw = this.raw(cells, 'tags')
    if (raw === null) return null
    const tags = this.parse.tags(raw)
    return tags.length > 0 ? tags : null
  }

  private attributes(cells: string[]): Record<string, string> | null {
    const columns = this.plan.multiple.get(ATTRIBUTE_ROLE)
    if (!columns) return null
    const out: Record<string, string> = {}
    for (const column of columns) {
      const value = cell(cells, column.index)
      if (value.trim() === '') continue
      out[column.name] = this.redact ? this.redact(value) : value
    }
    return Object.keys(out).length > 0 ? out : null
  }

  private value<T>(parsed: Parsed<T>, column: Column | undefined): T {
    if (parsed.ok) return parsed.value
    throw new RowRejected(`${column ? `“${column.header}”` : 'a value'}: ${parsed.reason}`)
  }

  private describe(role: string): string {
    const column = this.plan.single.get(role)
    return column ? `“${column.header}”` : `the ${role} column`
  }
}

function cell(cells: readonly string[], index: number): string {
  return cells[index] ?? ''
}

/** A row that cannot become a record; caught inside build(). */
class RowRejected extends Error {}
