import { z } from 'zod'
import type { Interval } from './metrics'

/** How many themes the user wants relative to what the data suggest. */
export const THEME_GRANULARITIES = ['coarse', 'normal', 'fine'] as const
export type ThemeGranularity = (typeof THEME_GRANULARITIES)[number]

/** Where a theme came from: the clustering, the other bucket, a keyword rule, or a split. */
export const THEME_KINDS = ['cluster', 'other', 'rule'] as const
export type ThemeKind = (typeof THEME_KINDS)[number]

/** A theme is active, excluded (not a complaint), or merged into another. */
export const THEME_STATUSES = ['active', 'excluded', 'merged'] as const
export type ThemeStatus = (typeof THEME_STATUSES)[number]

/** A calendar or fiscal quarter label: `2026-Q3` or `FY2027-Q1`. */
export const QuarterLabelSchema = z
  .string()
  .regex(/^(?:FY)?\d{4}-Q[1-4]$/, 'Use a quarter like 2026-Q3 (or FY2027-Q1 with a fiscal year)')

/** A theme's volume in the current and the previous quarter. */
export interface ThemeTrend {
  /** Tickets in the previous quarter (0 when it has none). */
  previousQuarter: number
  currentQuarter: number
  /** Relative change of the volume, (current − previous) / previous; null when previous is 0. */
  change: number | null
}

/** Where the satisfaction behind a theme's impact comes from. */
export type ImpactSource = 'surveys' | 'ticket_ratings' | 'unknown'

/**
 * A theme's effect on satisfaction in the current quarter: the CSAT (share satisfied, 0–1) and NPS
 * (−100…100) of customers who raised the theme minus those of customers who did not, with 95%
 * intervals. Negative drags satisfaction down. Null values: not enough data on one side.
 */
export interface ThemeImpact {
  source: ImpactSource
  csatDiff: number | null
  csatDiffCi95: Interval | null
  npsDiff: number | null
  npsDiffCi95: Interval | null
  /** Responses (or rated tickets) from customers who raised the theme. */
  n: number
  /** Responses (or rated tickets) from the others. */
  nOthers: number
}

/** A theme as the side bar and the CLI list it. */
export interface ThemeSummary {
  id: number
  /** What the user calls it: their label, else the generated one. */
  label: string
  generatedLabel: string
  /** True when the user renamed it. */
  renamed: boolean
  terms: string[]
  kind: ThemeKind
  status: ThemeStatus
  pinned: boolean
  /** The keyword rule of a rule theme. */
  rule: string | null
  /** The theme this one was split from. */
  parentId: number | null
  /** Another edited theme that matched the same cluster at the last re-run; shown to the user. */
  conflictWith: number | null
  /** Tickets in the theme, all time. */
  size: number
  /** Share of all themed tickets (the other bucket included, excluded themes not). */
  share: number
  trend: ThemeTrend
  /** Tickets per month over the last twelve months of data, oldest first (the side bar sparkline). */
  sparkline: number[]
  impact: ThemeImpact
  /** The most representative tickets' ids (the source system's ticket ids). */
  examples: string[]
}

/**
 * The order themes are listed in, by the backend and the side bar alike: pinned first, then by
 * volume (ties by id); excluded after the active ones; the other bucket last whatever its size.
 */
export function compareThemes(
  a: Pick<ThemeSummary, 'id' | 'kind' | 'status' | 'pinned' | 'size'>,
  b: Pick<ThemeSummary, 'id' | 'kind' | 'status' | 'pinned' | 'size'>
): number {
  const group = (t: typeof a): number =>
    t.kind === 'other' ? 3 : t.status === 'excluded' ? 2 : t.pinned ? 0 : 1
  return group(a) - group(b) || b.size - a.size || a.id - b.id
}

/** The last clustering run. */
export interface ThemeRunInfo {
  id: number
  startedAt: number
  finishedAt: number | null
  granularity: ThemeGranularity
  ticketCount: number
  /** Tickets clustered directly; the rest were assigned by the trained classifier. */
  sampled: number
  status: 'running' | 'succeeded' | 'failed' | 'cancelled'
}

/** Every theme of the workspace with its figures for a quarter. */
export interface ThemesOverview {
  /** The current quarter (the request's, else the latest with tickets); null without tickets. */
  quarter: string | null
  previousQuarter: string | null
  /** Quarters with tickets, oldest first. */
  quarters: string[]
  /** The last run; null before the first. */
  run: ThemeRunInfo | null
  /** Active and excluded themes, pinned first, then by volume; the other bucket last. */
  themes: ThemeSummary[]
  /** Tickets in the workspace. */
  totalTickets: number
  /** Tickets not yet assigned to any theme (imported since the last run and not yet assigned). */
  unassigned: number
  /** The months of the sparklines, `YYYY-MM`, oldest first. */
  sparklineMonths: string[]
}

/** A ticket shown as an example of a theme. */
export interface ThemeTicket {
  id: number
  ticketId: string
  createdAt: number
  channel: string | null
  subject: string | null
  text: string
  assignedBy: 'model' | 'user' | 'rule'
}

/** One period or group of a theme's breakdown. */
export interface ThemeBreakdownRow {
  key: string
  /** The theme's tickets in it. */
  count: number
  /** Share of all themed tickets in it that belong to the theme. */
  share: number
}

/** Everything the theme editor shows. */
export interface ThemeDetail {
  theme: ThemeSummary
  /** Themes merged into this one. */
  merged: Array<{ id: number; label: string }>
  examples: ThemeTicket[]
  trend: { by: 'week' | 'month' | 'quarter'; rows: ThemeBreakdownRow[] }
  byChannel: ThemeBreakdownRow[]
  /** Split by the customers' segment (tier), when the workspace has customers with one. */
  bySegment: { key: string; rows: ThemeBreakdownRow[] } | null
}

/** One theme of an exported taxonomy. */
export const TaxonomyThemeSchema = z.strictObject({
  /** The theme's id in the workspace it came from; links merges and splits within the file. */
  key: z.number().int(),
  label: z.string().min(1).max(200),
  generatedLabel: z.string().max(200),
  renamed: z.boolean(),
  kind: z.enum(THEME_KINDS),
  status: z.enum(THEME_STATUSES),
  pinned: z.boolean(),
  rule: z.string().min(1).max(500).nullable(),
  parentKey: z.number().int().nullable(),
  mergedIntoKey: z.number().int().nullable(),
  terms: z.array(z.string().max(200)).max(50),
  /** The theme's centroid as term weights, so another workspace's clusters can match it. */
  signature: z.record(z.string().max(200), z.number().finite()).refine((s) => Object.keys(s).length <= 500, {
    message: 'A signature has at most 500 terms'
  })
})
export type TaxonomyTheme = z.infer<typeof TaxonomyThemeSchema>

/** The whole taxonomy as a file: names, rules, pins, exclusions, merges and splits. */
export const TaxonomySchema = z.strictObject({
  format: z.literal('loopbench-taxonomy'),
  version: z.literal(1),
  exportedAt: z.string().max(40),
  themes: z.array(TaxonomyThemeSchema).max(5000)
})
export type Taxonomy = z.infer<typeof TaxonomySchema>

const ThemeId = z.number().int().gte(1)

export const ThemesListRequestSchema = z.strictObject({ quarter: QuarterLabelSchema.optional() })
export const ThemeDetailRequestSchema = z.strictObject({
  id: ThemeId,
  quarter: QuarterLabelSchema.optional(),
  by: z.enum(['week', 'month', 'quarter']).optional()
})
export const ThemesRunRequestSchema = z.strictObject({
  granularity: z.enum(THEME_GRANULARITIES).optional(),
  /** Only give the last run's themes to tickets that have none (no clustering); default false. */
  newTicketsOnly: z.boolean().optional()
})
export const ThemeRenameRequestSchema = z.strictObject({
  id: ThemeId,
  /** The new name; empty restores the generated label. */
  label: z.string().trim().max(200)
})
export const ThemeMergeRequestSchema = z
  .strictObject({ ids: z.array(ThemeId).min(1).max(200), into: ThemeId })
  .refine((r) => !r.ids.includes(r.into), { message: 'A theme cannot be merged into itself', path: ['ids'] })
export const ThemeSplitRequestSchema = z.strictObject({
  id: ThemeId,
  /** Parts to split into (default: as many as the theme's tickets suggest, at least two). */
  parts: z.number().int().gte(2).lte(20).optional()
})
export const ThemeFlagRequestSchema = z.strictObject({ id: ThemeId, value: z.boolean() })
export const ThemeMoveTicketRequestSchema = z.strictObject({ ticket: z.number().int().gte(1), into: ThemeId })
export const ThemeFromRuleRequestSchema = z.strictObject({
  label: z.string().trim().min(1).max(200),
  /** Words or a phrase, as in the tickets search: tickets that match it form the theme. */
  rule: z.string().trim().min(1).max(500)
})
export const ThemeTicketsRequestSchema = z.strictObject({
  id: ThemeId,
  offset: z.number().int().gte(0).default(0),
  limit: z.number().int().gte(1).lte(500).default(50)
})

/** What an edit changed, for the toast and the tests. */
export interface ThemeEditResult {
  /** Themes created or changed by the edit. */
  themes: number[]
  /** Tickets that moved. */
  tickets: number
}
