import { z } from 'zod'

/** Time groupings; any other `by` names a segment column (or `channel`). */
export const TIME_GROUPINGS = ['week', 'month', 'quarter'] as const
export type TimeGrouping = (typeof TIME_GROUPINGS)[number]

export const isTimeGrouping = (by: string): by is TimeGrouping =>
  (TIME_GROUPINGS as readonly string[]).includes(by)

/** A calendar day `YYYY-MM-DD`, read in the workspace's time zone. */
export const IsoDateSchema = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, 'Use a date like 2026-07-01')
  .refine((s) => {
    const [y, m, d] = s.split('-').map(Number) as [number, number, number]
    const date = new Date(Date.UTC(y, m - 1, d))
    return date.getUTCFullYear() === y && date.getUTCMonth() === m - 1 && date.getUTCDate() === d
  }, 'Not a calendar date')

/** What to measure: a grouping and an inclusive date range (both ends optional). */
export const MetricsRequestSchema = z
  .strictObject({
    /** `week`, `month`, `quarter`, `channel` or a segment column; default `month`. */
    by: z.string().min(1).max(200).optional(),
    from: IsoDateSchema.optional(),
    to: IsoDateSchema.optional()
  })
  .refine((r) => !r.from || !r.to || r.from <= r.to, {
    message: 'The start date must not be after the end date',
    path: ['from']
  })
export type MetricsRequest = z.infer<typeof MetricsRequestSchema>

/** Which responses' comments to read: those behind one point of a chart or row of a table. */
export const MetricsCommentsRequestSchema = z.strictObject({
  by: z.string().min(1).max(200).optional(),
  from: IsoDateSchema.optional(),
  to: IsoDateSchema.optional(),
  /** A group of the report (a period or segment key; null: responses without the segment). */
  group: z.string().max(500).nullable().optional(),
  /** Only responses with this NPS answer (0–10), or in this NPS band. */
  npsScore: z.number().int().gte(0).lte(10).optional(),
  npsBand: z.enum(['promoters', 'passives', 'detractors']).optional(),
  offset: z.number().int().gte(0).default(0),
  limit: z.number().int().gte(1).lte(500).default(100)
})
export type MetricsCommentsRequest = z.input<typeof MetricsCommentsRequestSchema>

/** Why a value, an interval or a test is missing. */
export type MetricReason =
  /** No response in the group answered this question. */
  | 'no_responses'
  /** One response: a value, but no interval. */
  | 'single_response'
  /** Every response gave the same answer: the normal interval has no width to offer. */
  | 'no_variation'
  /** Fewer responses than the minimum sample size: shown, but no significance is claimed. */
  | 'too_few_responses'

export type Interval = [number, number]

export interface CsatSummary {
  /** Responses with a CSAT score. */
  n: number
  satisfied: number
  /** Share satisfied, 0–1; null when n = 0. */
  value: number | null
  /** Wilson 95% interval of the share. */
  ci95: Interval | null
  /** Mean score on the workspace's CSAT scale. */
  mean: number | null
  reason: MetricReason | null
}

export interface NpsSummary {
  /** Responses with an NPS answer. */
  n: number
  /** NPS in points, −100..100. */
  value: number | null
  /** Standard error in points. */
  se: number | null
  /** value ∓ 1.96·se, unclipped. */
  ci95: Interval | null
  /** The same within −100..100. */
  ci95Clipped: Interval | null
  /** Shares 0–1. */
  promoters: number | null
  passives: number | null
  detractors: number | null
  counts: { promoters: number; passives: number; detractors: number }
  reason: MetricReason | null
}

/** Why a change has no test. */
export type ChangeReason = MetricReason

/** The change of one metric against its comparison group. */
export interface ChangeTest {
  /** CSAT: difference of shares (0–1 scale); NPS: difference in points. Null when a side has no value. */
  diff: number | null
  se: number | null
  z: number | null
  p: number | null
  /** Holm-adjusted across the tested comparisons of the view. */
  pAdjusted: number | null
  /** Benjamini–Hochberg-adjusted across the same comparisons. */
  pAdjustedBH: number | null
  /** pAdjusted ≤ the significance level. */
  significant: boolean
  reason: ChangeReason | null
}

export interface MetricsGroup {
  /** `2026-07`, `2026-Q3`, `FY2027-Q2`, `2026-W27`, or a segment value; null: no value for the segment. */
  key: string | null
  /** For periods: the first and last day covered (in the range), `YYYY-MM-DD`. */
  from?: string
  to?: string
  csat: CsatSummary
  nps: NpsSummary
  /** Against the previous period (time) or all other responses in the range (segment). */
  change: { against: string | null; csat: ChangeTest | null; nps: ChangeTest | null }
}

export interface MetricsReport {
  by: string
  kind: 'time' | 'segment'
  /** The range asked for (or the span of the data), inclusive. */
  from: string | null
  to: string | null
  timeZone: string
  settings: {
    csatScaleMax: number
    csatSatisfiedThreshold: number
    significanceLevel: number
    minSampleSize: number
    fiscalYearStartMonth: number
  }
  overall: { csat: CsatSummary; nps: NpsSummary }
  /** Counts of NPS answers 0..10 and of CSAT scores 1..scale max (rounded onto the scale) in the range. */
  distribution: { nps: number[]; csat: number[] }
  groups: MetricsGroup[]
  /** Groupings this workspace offers: time, `channel`, and its segment columns. */
  groupings: string[]
}

export interface MetricsComment {
  id: number
  submittedAt: number
  survey: string | null
  channel: string | null
  csatScore: number | null
  npsScore: number | null
  comment: string
}

export interface MetricsComments {
  /** Responses matching with a comment. */
  total: number
  rows: MetricsComment[]
}

/**
 * Survey planning: the 95% margin of error with `n` responses, or the responses needed for a
 * margin. NPS margins are in points, CSAT margins are shares (0.03 = ±3 points). Without the
 * expected mix (`promoters`/`detractors` shares, or the CSAT `share`) the worst case is assumed.
 */
export const MetricsPlanRequestSchema = z
  .strictObject({
    metric: z.enum(['nps', 'csat']),
    n: z.number().int().gte(1).lte(1e9).optional(),
    margin: z.number().gt(0).lte(100).optional(),
    promoters: z.number().gte(0).lte(1).optional(),
    detractors: z.number().gte(0).lte(1).optional(),
    share: z.number().gte(0).lte(1).optional()
  })
  .refine((r) => (r.n === undefined) !== (r.margin === undefined), {
    message: 'Give either n (for a margin) or margin (for a sample size)',
    path: ['n']
  })
  .refine((r) => r.metric !== 'csat' || r.margin === undefined || r.margin < 1, {
    message: 'A CSAT margin is a share below 1 (0.03 for ±3 points)',
    path: ['margin']
  })
  .refine((r) => (r.promoters ?? 0) + (r.detractors ?? 0) <= 1 + 1e-9, {
    message: 'Promoter and detractor shares add up to more than 1',
    path: ['promoters']
  })
export type MetricsPlanRequest = z.infer<typeof MetricsPlanRequestSchema>

export interface MetricsPlan {
  metric: 'nps' | 'csat'
  /** Responses (given, or needed). */
  n: number
  /** ± margin at 95% (given, or reached with n). */
  margin: number
  /** Whether the expected mix was given or the worst case assumed. */
  assumption: 'given' | 'worst_case'
}
