import { ApiError } from '@shared/api/errors'
import type { Interval, TimeGrouping } from '@shared/domain/metrics'
import type { AnalysisSettings } from '@shared/domain/settings'
import type { ImpactSource, ThemeBreakdownRow, ThemeImpact, ThemeTrend } from '@shared/domain/themes'
import type { AnswerCell } from '../metrics/answer-histograms'
import { subtractCells } from '../metrics/answer-histograms'
import { csatChange } from '../metrics/csat'
import { npsChange } from '../metrics/nps'
import type { CsatRule } from '../metrics/summaries'
import { estimate } from '../metrics/summaries'
import type { TimePeriod } from '../metrics/time-periods'
import { parseDay, periodContaining, previousQuarter, timePeriods, zonedDay } from '../metrics/time-periods'
import type { DifferenceTest } from '../stats/proportion'
import { prepared } from '../store/repositories/statements'
import type { Db } from '../store/sqlite'

/**
 * Volume, trend and satisfaction impact of every theme, counted in SQL and bucketed in time the
 * way the survey metrics are: period boundaries are computed as instants in the workspace's time
 * zone and fiscal calendar (time-periods.ts), and tickets are counted with range conditions on
 * `created_at`, so a ticket at 23:30 local time on the last day of a quarter counts in it.
 *
 * Definitions:
 * - Current quarter: the requested one, which must hold tickets; else the latest quarter with
 *   tickets. Previous quarter: the one before it (with or without tickets).
 * - size: the theme's tickets, all time. share: size over the tickets of active themes (the other
 *   bucket included); an excluded theme's share is size over (that total + its own size), what its
 *   share would be were it counted, so it stays within 0–1 and never divides by zero.
 * - Merged themes have no tickets of their own (a merge moves them to the target): they get no
 *   figures, and a ticket left in one would count in no theme's share.
 */

/** A theme's figures; see the module comment for the definitions. */
export interface ThemeFigures {
  size: number
  share: number
  trend: ThemeTrend
  /** Tickets per month over {@link ThemeMetrics.sparklineMonths}, oldest first. */
  sparkline: number[]
  impact: ThemeImpact
}

/** The figures of every active and excluded theme for one quarter. */
export interface ThemeMetrics {
  /** The current quarter's label; null when the workspace has no tickets. */
  quarter: string | null
  previousQuarter: string | null
  /** Quarters with tickets, oldest first. */
  quarters: string[]
  /** The twelve months up to the latest with tickets, `YYYY-MM`; empty without tickets. */
  sparklineMonths: string[]
  totalTickets: number
  /** Tickets without a theme (imported since the last run and not yet assigned). */
  unassigned: number
  /** By theme id; themes merged into another are not here. */
  byTheme: Map<number, ThemeFigures>
}

/** What a theme breakdown groups by: a period of the ticket's creation, its channel, its customer's tier. */
export type ThemeBreakdownBy = TimeGrouping | 'channel' | 'segment'

/** Ticket ratings are read on this scale (see {@link ratingCells}). */
export const TICKET_RATING_SCALE_MAX = 5

const SPARKLINE_MONTHS = 12

/**
 * Per-theme figures for a quarter: volume, share, quarter-over-quarter trend, monthly sparkline
 * and satisfaction impact. Throws `invalid_input` for a quarter that is not one with tickets in
 * the workspace's calendar.
 */
export function themeMetrics(db: Db, settings: AnalysisSettings, quarter?: string): ThemeMetrics {
  const quarters = periodsWithTickets(db, 'quarter', settings)
  const current = resolveQuarter(quarters, quarter, settings)
  const previous = current ? previousQuarterOf(current, settings) : null

  const totalTickets = prepared(db, 'SELECT count(*) FROM tickets').pluck().get() as number
  const unassigned = prepared(
    db,
    'SELECT count(*) FROM tickets t WHERE NOT EXISTS (SELECT 1 FROM ticket_themes tt WHERE tt.ticket_id = t.id)'
  )
    .pluck()
    .get() as number

  const themes = prepared(
    db,
    "SELECT id, status FROM themes WHERE status IN ('active', 'excluded') ORDER BY id"
  ).all() as Array<{ id: number; status: 'active' | 'excluded' }>
  const sizes = new Map(
    (
      prepared(
        db,
        'SELECT theme_id AS id, count(*) AS n FROM ticket_themes GROUP BY theme_id'
      ).all() as Array<{
        id: number
        n: number
      }>
    ).map((r) => [r.id, r.n])
  )
  let activeTickets = 0
  for (const t of themes) if (t.status === 'active') activeTickets += sizes.get(t.id) ?? 0

  const months = sparklineMonths(db, settings)
  const monthBounds = months.length > 0 ? [...months.map((m) => m.start), months.at(-1)!.end] : []
  const quarterBounds = previous && current ? [previous.start, current.start, current.end] : []
  const { sparklines, trends } = countByRanges(db, monthBounds, quarterBounds)
  const impacts = current ? themeImpacts(db, settings, current) : null

  const byTheme = new Map<number, ThemeFigures>()
  for (const { id, status } of themes) {
    const size = sizes.get(id) ?? 0
    const [prev = 0, cur = 0] = trends.get(id) ?? []
    byTheme.set(id, {
      size,
      share: ratio(size, activeTickets + (status === 'excluded' ? size : 0)),
      trend: { previousQuarter: prev, currentQuarter: cur, change: prev > 0 ? (cur - prev) / prev : null },
      sparkline: sparklines.get(id) ?? new Array<number>(months.length).fill(0),
      impact: impacts?.get(id) ?? unknownImpact(impacts?.source ?? 'unknown', impacts?.nOthers ?? 0)
    })
  }

  return {
    quarter: current?.key ?? null,
    previousQuarter: previous?.key ?? null,
    quarters: quarters.map((q) => q.key),
    sparklineMonths: months.map((m) => m.key),
    totalTickets,
    unassigned,
    byTheme
  }
}

/** What a group of themes (a priority item) counts in a quarter. */
export interface ThemeGroupFigures {
  /** The group's tickets created in the quarter (a ticket is in one theme, so counted once). */
  tickets: number
  previousTickets: number
  /**
   * Who raised the group in the quarter: distinct customers, plus each ticket without a customer
   * id as one person (a workspace without customer ids counts tickets).
   */
  reach: number
  impact: ThemeImpact
}

export interface ThemeGroupsReport {
  quarter: string | null
  previousQuarter: string | null
  /** Quarters with tickets, oldest first. */
  quarters: string[]
  /** Every ticket created in the quarter, themed or not. */
  quarterTickets: number
  /** By the caller's group key; a group whose themes have no tickets gets zeros, not nothing. */
  byGroup: Map<number, ThemeGroupFigures>
}

/** Groups as SQL reads them: a JSON array of [group, theme] pairs, joined as `g(grp, theme)`. */
interface ThemeGroups {
  json: string
}

/**
 * Tickets of the groups' themes, as `g`, `tt` and `t`. CROSS JOIN keeps the pairs the outer loop
 * (each theme's tickets by the theme index): SQLite 3.54 otherwise scans the pairs once per ticket
 * of the quarter — a second, not milliseconds, for the priority list's few hundred themes.
 */
const GROUP_FROM = `FROM (SELECT json_extract(value, '$[0]') AS grp, json_extract(value, '$[1]') AS theme
    FROM json_each(?)) g
  CROSS JOIN ticket_themes tt ON tt.theme_id = g.theme
  CROSS JOIN tickets t ON t.id = tt.ticket_id`
const TICKETS_FROM = 'FROM tickets t JOIN ticket_themes tt ON tt.ticket_id = t.id'

/**
 * Volume, reach, trend and satisfaction impact of groups of themes in a quarter (the requested
 * one, else the latest with tickets; as {@link themeMetrics} resolves it): what the priority list
 * scores an item by. Impact compares the customers who raised any theme of the group with everyone
 * else, exactly as a theme's own impact does.
 */
export function themeGroupFigures(
  db: Db,
  settings: AnalysisSettings,
  groups: ReadonlyMap<number, readonly number[]>,
  quarter?: string
): ThemeGroupsReport {
  const quarters = periodsWithTickets(db, 'quarter', settings)
  const current = resolveQuarter(quarters, quarter, settings)
  const previous = current ? previousQuarterOf(current, settings) : null
  const byGroup = new Map<number, ThemeGroupFigures>()
  const keys = quarters.map((q) => q.key)
  if (!current || !previous)
    return { quarter: null, previousQuarter: null, quarters: keys, quarterTickets: 0, byGroup }
  const pairs: Array<[number, number]> = []
  for (const [key, themes] of groups) for (const theme of themes) pairs.push([key, theme])
  const set: ThemeGroups = { json: JSON.stringify(pairs) }

  const quarterTickets = prepared(db, 'SELECT count(*) FROM tickets WHERE created_at >= ? AND created_at < ?')
    .pluck()
    .get(current.start, current.end) as number
  const counts = prepared(
    db,
    `SELECT g.grp AS grp,
       sum(t.created_at >= @start) AS tickets,
       sum(t.created_at < @start) AS previous,
       count(DISTINCT CASE WHEN t.created_at >= @start
         THEN coalesce('c' || t.customer_id, 't' || t.id) END) AS reach
     ${GROUP_FROM}
     WHERE t.created_at >= @from AND t.created_at < @end
     GROUP BY g.grp`
  ).all(set.json, { from: previous.start, start: current.start, end: current.end }) as Array<{
    grp: number
    tickets: number
    previous: number
    reach: number
  }>
  const byKey = new Map(counts.map((c) => [c.grp, c]))
  const impacts = themeImpacts(db, settings, current, set)
  for (const key of groups.keys()) {
    const c = byKey.get(key)
    byGroup.set(key, {
      tickets: c?.tickets ?? 0,
      previousTickets: c?.previous ?? 0,
      reach: c?.reach ?? 0,
      impact: impacts.get(key) ?? unknownImpact(impacts.source, impacts.nOthers)
    })
  }
  return { quarter: current.key, previousQuarter: previous.key, quarters: keys, quarterTickets, byGroup }
}

/**
 * The quarter a request resolves to, as {@link themeGroupFigures} resolves it (the requested one,
 * else the latest with tickets; invalid_input for a quarter without tickets), the one before it,
 * and every quarter with tickets, oldest first.
 */
export function resolveTicketQuarter(
  db: Db,
  settings: AnalysisSettings,
  quarter?: string
): { quarter: string | null; previousQuarter: string | null; quarters: string[] } {
  const quarters = periodsWithTickets(db, 'quarter', settings)
  const current = resolveQuarter(quarters, quarter, settings)
  return {
    quarter: current?.key ?? null,
    previousQuarter: current ? previousQuarterOf(current, settings).key : null,
    quarters: quarters.map((q) => q.key)
  }
}

/**
 * One theme's tickets per group, with their share of the themed tickets in the group (the
 * denominator of {@link themeMetrics}' share: tickets of active themes, plus the theme's own
 * when it is excluded).
 *
 * - week, month, quarter: every period with themed tickets, oldest first, keyed as the survey
 *   metrics key them (`2026-W27`, `2026-07`, `2026-Q3` / `FY2027-Q1`); periods holding no themed
 *   ticket are left out (their share would be 0/0). `quarter` is only validated here.
 * - channel (`''` for none) and segment (the customer's tier, `''` for no customer, no tier or a
 *   customer not imported): groups where the theme has tickets, largest first, then by key. With
 *   `quarter`, only that quarter's tickets count; without it, all of them.
 *
 * Throws `not_found` for an unknown theme and `invalid_input` for a quarter without tickets.
 */
export function themeBreakdown(
  db: Db,
  settings: AnalysisSettings,
  themeId: number,
  by: ThemeBreakdownBy,
  quarter?: string
): ThemeBreakdownRow[] {
  const theme = prepared(db, 'SELECT status FROM themes WHERE id = ?').get(themeId) as
    { status: string } | undefined
  if (!theme)
    throw new ApiError('not_found', `There is no theme ${themeId} in this workspace.`, { id: themeId })
  const window =
    quarter === undefined
      ? null
      : resolveQuarter(periodsWithTickets(db, 'quarter', settings), quarter, settings)

  // A ticket counts in the denominator when its theme is active, or is this theme.
  const counted = `coalesce(sum(tt.theme_id = :theme), 0) AS count,
    coalesce(sum(th.status = 'active' OR tt.theme_id = :theme), 0) AS total`
  // CROSS JOIN keeps tickets the outer loop: a scan in storage order (or of the date index), not
  // one random look-up of a ticket per theme assignment.
  const joins = `FROM tickets t CROSS JOIN ticket_themes tt ON tt.ticket_id = t.id JOIN themes th ON th.id = tt.theme_id`
  const toRow = (key: string, r: { count: number; total: number }): ThemeBreakdownRow => ({
    key,
    count: r.count,
    share: ratio(r.count, r.total)
  })

  if (by === 'week' || by === 'month' || by === 'quarter') {
    const count = prepared(
      db,
      `SELECT ${counted} ${joins} WHERE t.created_at >= :start AND t.created_at < :end`
    )
    const rows: ThemeBreakdownRow[] = []
    for (const p of periodsWithTickets(db, by, settings)) {
      const r = count.get({ theme: themeId, start: p.start, end: p.end }) as { count: number; total: number }
      if (r.total > 0) rows.push(toRow(p.key, r))
    }
    return rows
  }

  const key = by === 'channel' ? "coalesce(t.channel, '')" : "coalesce(c.tier, '')"
  const customers = by === 'segment' ? 'LEFT JOIN customers c ON c.customer_id = t.customer_id' : ''
  const range = window ? 'WHERE t.created_at >= :start AND t.created_at < :end' : ''
  const rows = prepared(
    db,
    `SELECT ${key} AS key, ${counted} ${joins} ${customers} ${range}
     GROUP BY 1 HAVING count > 0 ORDER BY count DESC, key`
  ).all({ theme: themeId, ...(window ? { start: window.start, end: window.end } : {}) }) as Array<{
    key: string
    count: number
    total: number
  }>
  return rows.map((r) => toRow(r.key, r))
}

/** a / b, and 0 for 0 / 0 (nothing of nothing), so that no share is ever NaN. */
const ratio = (a: number, b: number): number => (b > 0 ? a / b : 0)

/**
 * The periods of a grouping holding at least one ticket, oldest first: one index seek to the
 * next ticket per period, so a workspace with a stray ticket decades off costs two periods, not
 * thousands of empty ones.
 */
function periodsWithTickets(db: Db, by: TimeGrouping, settings: AnalysisSettings): TimePeriod[] {
  const { timeZone, fiscalYearStartMonth } = settings
  const next = prepared(db, 'SELECT min(created_at) FROM tickets WHERE created_at >= ?').pluck()
  const periods: TimePeriod[] = []
  let at = prepared(db, 'SELECT min(created_at) FROM tickets').pluck().get() as number | null
  while (at !== null) {
    const period = periodContaining(zonedDay(at, timeZone), by, timeZone, fiscalYearStartMonth)
    periods.push(period)
    // A period always ends after the instant it was built around; guard the loop all the same.
    at = period.end > at ? (next.get(period.end) as number | null) : null
  }
  return periods
}

const monthName = (month: number): string =>
  new Date(Date.UTC(2000, month - 1, 1)).toLocaleString('en-US', { month: 'long', timeZone: 'UTC' })

/** The requested quarter among those with tickets (else the latest); throws for any other label. */
function resolveQuarter(
  quarters: readonly TimePeriod[],
  requested: string | undefined,
  settings: AnalysisSettings
): TimePeriod | null {
  if (requested === undefined) return quarters.at(-1) ?? null
  const found = quarters.find((q) => q.key === requested)
  if (found) return found
  const keys = quarters.map((q) => q.key)
  const fiscal = settings.fiscalYearStartMonth !== 1
  const form = fiscal ? /^FY\d{4}-Q[1-4]$/ : /^\d{4}-Q[1-4]$/
  const details = { quarter: requested, quarters: keys }
  if (!form.test(requested)) {
    const calendar = fiscal
      ? `fiscal year, which starts in ${monthName(settings.fiscalYearStartMonth)}`
      : 'calendar year'
    const example = keys.at(-1) ?? (fiscal ? 'FY2027-Q1' : '2026-Q3')
    throw new ApiError(
      'invalid_input',
      `'${requested}' is not a quarter of this workspace's ${calendar}; use a label like ${example}.`,
      details
    )
  }
  throw new ApiError(
    'invalid_input',
    keys.length === 0
      ? `There are no tickets in ${requested}: this workspace has no tickets yet.`
      : `There are no tickets in ${requested}. Choose a quarter with tickets: ${keys.join(', ')}.`,
    details
  )
}

const previousQuarterOf = (current: TimePeriod, settings: AnalysisSettings): TimePeriod =>
  previousQuarter(current, settings.timeZone, settings.fiscalYearStartMonth)

/** The twelve calendar months (workspace time zone) up to the latest month with tickets. */
function sparklineMonths(db: Db, settings: AnalysisSettings): TimePeriod[] {
  const latest = prepared(db, 'SELECT max(created_at) FROM tickets').pluck().get() as number | null
  if (latest === null) return []
  const { timeZone, fiscalYearStartMonth } = settings
  const last = periodContaining(zonedDay(latest, timeZone), 'month', timeZone, fiscalYearStartMonth)
  const lastDay = parseDay(last.to)
  const firstIndex = lastDay.year * 12 + (lastDay.month - 1) - (SPARKLINE_MONTHS - 1)
  const first = { year: Math.floor(firstIndex / 12), month: (firstIndex % 12) + 1, day: 1 }
  return timePeriods('month', first, lastDay, timeZone, fiscalYearStartMonth)
}

/**
 * Themed tickets per theme in each month of the sparkline and in the previous and current
 * quarter. Quarters start on the first of a month in the same time zone, so when both quarters
 * lie within the sparkline's months (the usual case: the latest quarter) one scan answers both;
 * a quarter asked for further back takes a second scan rather than one over everything between.
 */
function countByRanges(
  db: Db,
  monthBounds: readonly number[],
  quarterBounds: readonly number[]
): { sparklines: Map<number, number[]>; trends: Map<number, number[]> } {
  const inside =
    monthBounds.length > 0 &&
    quarterBounds.length > 0 &&
    quarterBounds[0]! >= monthBounds[0]! &&
    quarterBounds.at(-1)! <= monthBounds.at(-1)!
  if (!inside) {
    return {
      sparklines: monthBounds.length > 0 ? bucketCounts(db, monthBounds) : new Map<number, number[]>(),
      trends: quarterBounds.length > 0 ? bucketCounts(db, quarterBounds) : new Map<number, number[]>()
    }
  }
  const all = [...new Set([...monthBounds, ...quarterBounds])].sort((a, b) => a - b)
  const counts = bucketCounts(db, all)
  // The buckets between two of the bounds, summed.
  const regroup = (bounds: readonly number[]): Map<number, number[]> => {
    const at = bounds.map((b) => all.indexOf(b))
    const out = new Map<number, number[]>()
    for (const [theme, row] of counts) {
      out.set(
        theme,
        at.slice(0, -1).map((from, i) => row.slice(from, at[i + 1]).reduce((s, n) => s + n, 0))
      )
    }
    return out
  }
  return { sparklines: regroup(monthBounds), trends: regroup(quarterBounds) }
}

/**
 * Themed tickets per theme in each of the ranges [b0, b1), [b1, b2)… of ascending instants: one
 * scan of the creation-date index over [b0, bk), each ticket bucketed by a CASE of range tests.
 */
function bucketCounts(db: Db, boundaries: readonly number[]): Map<number, number[]> {
  const buckets = boundaries.length - 1
  const cases = boundaries
    .slice(1, -1)
    .map((_, i) => `WHEN t.created_at < ? THEN ${i}`)
    .join(' ')
  const bucket = buckets > 1 ? `CASE ${cases} ELSE ${buckets - 1} END` : '0'
  const rows = prepared(
    db,
    `SELECT tt.theme_id AS theme, ${bucket} AS b, count(*) AS n
     FROM tickets t JOIN ticket_themes tt ON tt.ticket_id = t.id
     WHERE t.created_at >= ? AND t.created_at < ?
     GROUP BY tt.theme_id, b`
  ).all(...boundaries.slice(1, -1), boundaries[0], boundaries.at(-1)) as Array<{
    theme: number
    b: number
    n: number
  }>
  const counts = new Map<number, number[]>()
  for (const r of rows) {
    let row = counts.get(r.theme)
    if (!row) counts.set(r.theme, (row = new Array<number>(buckets).fill(0)))
    row[r.b] = r.n
  }
  return counts
}

/** Every theme's impact, and what a theme without data on its side gets. */
interface Impacts {
  source: ImpactSource
  /** The comparison group of a theme that has nothing on its side: everything. */
  nOthers: number
  get(themeId: number): ThemeImpact | undefined
}

const sumN = (cells: readonly AnswerCell[]): number => cells.reduce((s, c) => s + c.n, 0)

/** The impact of a theme nothing can be said of: every value null, not zero. */
export function unknownImpact(source: ImpactSource = 'unknown', nOthers = 0): ThemeImpact {
  return { source, csatDiff: null, csatDiffCi95: null, npsDiff: null, npsDiffCi95: null, n: 0, nOthers }
}

interface CellRow {
  theme: number | null
  nps: number | null
  csat: number | null
  scale: number | null
  n: number
}

const groupByTheme = (rows: readonly CellRow[]): Map<number, AnswerCell[]> => {
  const cells = new Map<number, AnswerCell[]>()
  for (const r of rows) {
    if (r.theme === null) continue
    const cell = { nps: r.nps, csat: r.csat, scaleMax: r.scale, n: r.n }
    const list = cells.get(r.theme)
    if (list) list.push(cell)
    else cells.set(r.theme, [cell])
  }
  return cells
}

/**
 * The satisfaction impact of every theme in a quarter.
 *
 * Source `surveys`, when any survey response submitted in the quarter with a score names a
 * customer: the responses (in the quarter) of customers who raised the theme (a ticket of it
 * created in the quarter) against the responses of all other customers. Responses without a
 * customer id cannot be placed on either side and are left out.
 *
 * Else source `ticket_ratings`, when tickets of the quarter carry a rating: the theme's rated
 * tickets against every other rated ticket of the quarter, themed or not (see
 * {@link ratingCells} for the scale). NPS is null: a rating is not a 0–10 recommendation.
 *
 * Else `unknown`: every value null and n 0 — no data is not no impact.
 */
function themeImpacts(
  db: Db,
  settings: AnalysisSettings,
  quarter: TimePeriod,
  groups: ThemeGroups | null = null
): Impacts {
  const rule: CsatRule = { scaleMax: settings.csatScaleMax, threshold: settings.csatSatisfiedThreshold }
  const minSample = settings.metricsMinSampleSize
  const range = [quarter.start, quarter.end] as const

  const surveyed = prepared(
    db,
    `SELECT nps_score AS nps, csat_score AS csat, csat_scale_max AS scale, count(*) AS n
     FROM survey_responses
     WHERE submitted_at >= ? AND submitted_at < ? AND customer_id IS NOT NULL
       AND (csat_score IS NOT NULL OR nps_score IS NOT NULL)
     GROUP BY nps_score, csat_score, csat_scale_max`
  ).all(...range) as CellRow[]
  let source: ImpactSource = 'surveys'
  let all: AnswerCell[] = surveyed.map((r) => ({ nps: r.nps, csat: r.csat, scaleMax: r.scale, n: r.n }))
  let byTheme: Map<number, AnswerCell[]>
  if (all.length > 0) {
    byTheme = groupByTheme(
      prepared(
        db,
        `WITH raised AS (
           SELECT DISTINCT ${groups ? 'g.grp' : 'tt.theme_id'} AS theme, t.customer_id AS customer
           ${groups ? GROUP_FROM : TICKETS_FROM}
           WHERE t.created_at >= ? AND t.created_at < ? AND t.customer_id IS NOT NULL
         )
         SELECT raised.theme AS theme, r.nps_score AS nps, r.csat_score AS csat, r.csat_scale_max AS scale,
           count(*) AS n
         FROM raised JOIN survey_responses r ON r.customer_id = raised.customer
         WHERE r.submitted_at >= ? AND r.submitted_at < ? AND (r.csat_score IS NOT NULL OR r.nps_score IS NOT NULL)
         GROUP BY raised.theme, r.nps_score, r.csat_score, r.csat_scale_max`
      ).all(...(groups ? [groups.json] : []), ...range, ...range) as CellRow[]
    )
  } else {
    const rated = ratingCells(db, quarter, groups)
    all = rated.all
    byTheme = rated.byTheme
    source = all.length > 0 ? 'ticket_ratings' : 'unknown'
  }

  const total = sumN(all)
  const impacts = new Map<number, ThemeImpact>()
  if (source !== 'unknown') {
    for (const [theme, raised] of byTheme) {
      impacts.set(theme, compareGroups(source, raised, subtractCells(all, [raised]), rule, minSample))
    }
  }
  return { source, nOthers: source === 'unknown' ? 0 : total, get: (id) => impacts.get(id) }
}

/**
 * Rated tickets of a quarter as answer cells, all and by theme. The importers store a ticket's
 * rating as the help desk exported it, without a scale (record-builder.ts); the presets that map
 * one (Intercom conversation rating, Jira Service Management satisfaction, the Chinese help-desk
 * 满意度) export 1–5, and the demo copies its 1–5 CSAT answers. Ratings are therefore read on a
 * 1–5 scale (mapped onto the workspace's CSAT scale by `onScale`, like survey answers on another
 * scale) and ratings outside 1–5 — whose scale cannot be known — are left out.
 */
function ratingCells(
  db: Db,
  quarter: TimePeriod,
  groups: ThemeGroups | null
): { all: AnswerCell[]; byTheme: Map<number, AnswerCell[]> } {
  const rows = prepared(
    db,
    `SELECT tt.theme_id AS theme, NULL AS nps, t.rating AS csat, ${TICKET_RATING_SCALE_MAX} AS scale, count(*) AS n
     FROM tickets t LEFT JOIN ticket_themes tt ON tt.ticket_id = t.id
     WHERE t.created_at >= ? AND t.created_at < ? AND t.rating >= 1 AND t.rating <= ${TICKET_RATING_SCALE_MAX}
     GROUP BY tt.theme_id, t.rating`
  ).all(quarter.start, quarter.end) as CellRow[]
  const all = new Map<number, AnswerCell>()
  for (const r of rows) {
    const csat = r.csat as number
    const cell = all.get(csat)
    if (cell) cell.n += r.n
    else all.set(csat, { nps: null, csat, scaleMax: r.scale, n: r.n })
  }
  if (!groups) return { all: [...all.values()], byTheme: groupByTheme(rows) }
  // A theme may be in more than one group: each group's rated tickets, counted on their own.
  const grouped = prepared(
    db,
    `SELECT g.grp AS theme, NULL AS nps, t.rating AS csat, ${TICKET_RATING_SCALE_MAX} AS scale, count(*) AS n
     ${GROUP_FROM}
     WHERE t.created_at >= ? AND t.created_at < ? AND t.rating >= 1 AND t.rating <= ${TICKET_RATING_SCALE_MAX}
     GROUP BY g.grp, t.rating`
  ).all(groups.json, quarter.start, quarter.end) as CellRow[]
  return { all: [...all.values()], byTheme: groupByTheme(grouped) }
}

/** The impact of one theme: its side's estimates minus the others'. */
function compareGroups(
  source: ImpactSource,
  raised: readonly AnswerCell[],
  others: readonly AnswerCell[],
  rule: CsatRule,
  minSample: number
): ThemeImpact {
  const a = estimate(raised, rule)
  const b = estimate(others, rule)
  const csat = difference(a.csat, b.csat, csatChange, minSample)
  const nps =
    source === 'surveys' ? difference(a.nps, b.nps, npsChange, minSample) : { diff: null, ci95: null }
  return {
    source,
    csatDiff: csat.diff,
    csatDiffCi95: csat.ci95,
    npsDiff: nps.diff,
    npsDiffCi95: nps.ci95,
    n: sumN(raised),
    nOthers: sumN(others)
  }
}

/**
 * raised − others with its 95% Wald interval, diff ∓ 1.96·√(se_raised² + se_others²) (the
 * existing two-sample tests, csatChange and npsChange). The difference is null when a side has
 * no answer for the metric. The interval is null when a side has fewer answers than the
 * workspace's minimum sample size (the normal approximation is not trusted there, as the survey
 * metrics test no change below it) or when neither side varies (se = 0: a zero-width interval
 * would claim certainty).
 */
function difference<E extends { n: number }>(
  raised: E | null,
  others: E | null,
  test: (a: E, b: E) => DifferenceTest,
  minSample: number
): { diff: number | null; ci95: Interval | null } {
  if (!raised || !others) return { diff: null, ci95: null }
  const t = test(others, raised)
  const enough = Math.min(raised.n, others.n) >= minSample && t.se > 0
  return { diff: t.diff, ci95: enough ? [t.ci95[0], t.ci95[1]] : null }
}
