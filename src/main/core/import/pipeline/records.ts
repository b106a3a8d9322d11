/**
 * Records as the import writes them, one type per record kind, in the canonical field roles.
 * Times are epoch milliseconds UTC; absent values are null.
 */

export interface TicketRecord {
  sourceSystem: string
  /** Null when the file has no id column; the writer keys the row by its content instead. */
  externalId: string | null
  createdAt: number
  resolvedAt: number | null
  firstResponseAt: number | null
  channel: string | null
  status: string | null
  priority: string | null
  subject: string | null
  text: string
  customerId: string | null
  rating: number | null
  tags: string[] | null
  attributes: Record<string, string> | null
}

export interface SurveyResponseRecord {
  sourceSystem: string
  externalId: string | null
  survey: string | null
  submittedAt: number
  customerId: string | null
  csatScore: number | null
  csatScaleMax: number | null
  npsScore: number | null
  comment: string | null
  channel: string | null
  /** Segment columns by name (region, plan …). */
  segments: Record<string, string>
  attributes: Record<string, string> | null
}

export interface CustomerRecord {
  customerId: string
  name: string | null
  tier: string | null
  region: string | null
  revenue: number | null
  signupAt: number | null
  attributes: Record<string, string> | null
}

export interface ExperimentUnitImportRecord {
  experiment: string
  unitId: string
  assignedArm: string
  exposedArm: string | null
  timestamp: number | null
  /** Metric values by name; binary metrics are 0/1. Empty cells are absent. */
  values: Record<string, number>
  /** Each mapped metric's kind, from its column's role. */
  metricKinds: Record<string, 'binary' | 'numeric'>
}

export interface ArmSummaryImportRecord {
  experiment: string
  arm: string
  metric: string
  units: number
  successes: number | null
  mean: number | null
  sd: number | null
  n: number | null
  intendedShare: number | null
}

/** A built record with its kind. */
export type ImportRecord =
  | { kind: 'tickets'; record: TicketRecord }
  | { kind: 'survey_responses'; record: SurveyResponseRecord }
  | { kind: 'customers'; record: CustomerRecord }
  | { kind: 'experiment_units'; record: ExperimentUnitImportRecord }
  | { kind: 'experiment_arm_summaries'; record: ArmSummaryImportRecord }
