import { ApiError } from '@shared/api/errors'
import type { ChangeTest, MetricsGroup, MetricsReport, MetricsRequest } from '@shared/domain/metrics'
import { isTimeGrouping } from '@shared/domain/metrics'
import type { AnalysisSettings } from '@shared/domain/settings'
import { adjustPValues } from '../stats/multiple-testing'
import type { Db } from '../store/sqlite'
import type { AnswerCell, CountRange, GroupedCells, InstantRange } from './answer-histograms'
import {
  channelCells,
  hasChannels,
  periodCells,
  rangeCells,
  responseSpan,
  segmentCells,
  segmentKeys,
  subtractCells
} from './answer-histograms'
import type { CsatRule, GroupEstimates } from './summaries'
import { csatChangeTest, csatSummary, estimate, npsChangeTest, npsSummary, onScale } from './summaries'
import type { Day } from './time-periods'
import {
  addDays,
  formatDay,
  parseDay,
  periodContaining,
  timePeriods,
  zonedDay,
  zonedDayStart
} from './time-periods'

export const DEFAULT_GROUPING = 'month'

/** The days a request covers: as asked, or the span of the responses. Null: no responses at all. */
export function requestDays(
  db: Db,
  request: Pick<MetricsRequest, 'from' | 'to'>,
  timeZone: string
): { from: Day; to: Day } | null {
  const span = request.from && request.to ? null : responseSpan(db)
  if (!span && !(request.from && request.to)) return null
  const from = request.from ? parseDay(request.from) : zonedDay(span!.start, timeZone)
  const to = request.to ? parseDay(request.to) : zonedDay(span!.end - 1, timeZone)
  // One end given and the data all on the other side of it: the range is that one day.
  if (formatDay(from) > formatDay(to)) return request.from ? { from, to: from } : { from: to, to }
  return { from, to }
}

export const dayRange = (days: { from: Day; to: Day }, timeZone: string): InstantRange => ({
  start: zonedDayStart(days.from, timeZone),
  end: zonedDayStart(addDays(days.to, 1), timeZone)
})

/** The groupings a workspace offers: time, channel when responses have one, its segment columns. */
export function availableGroupings(db: Db): string[] {
  return ['week', 'month', 'quarter', ...(hasChannels(db) ? ['channel'] : []), ...segmentKeys(db)]
}

function distribution(cells: readonly AnswerCell[], rule: CsatRule): { nps: number[]; csat: number[] } {
  const nps = new Array<number>(11).fill(0)
  const csat = new Array<number>(rule.scaleMax).fill(0)
  for (const c of cells) {
    if (c.nps !== null && c.nps >= 0 && c.nps <= 10) nps[c.nps]! += c.n
    if (c.csat !== null) {
      const score = Math.round(onScale(c.csat, c.scaleMax, rule.scaleMax))
      const index = Math.min(rule.scaleMax, Math.max(1, score)) - 1
      csat[index]! += c.n
    }
  }
  return { nps, csat }
}

interface DraftGroup {
  key: string | null
  from?: string
  to?: string
  estimates: GroupEstimates
  /** The comparison group's estimates and label; null: no comparison. */
  against: { label: string | null; estimates: GroupEstimates } | null
}

/**
 * CSAT and NPS for a range, overall and by a grouping, with each group's change against the
 * previous period (time) or all other responses in the range (segment), tested and adjusted for
 * multiple comparisons (Holm and Benjamini–Hochberg over every tested change of the view).
 */
export function buildMetricsReport(
  db: Db,
  request: MetricsRequest,
  settings: AnalysisSettings
): MetricsReport {
  const by = request.by ?? DEFAULT_GROUPING
  const timeZone = settings.timeZone
  const rule: CsatRule = { scaleMax: settings.csatScaleMax, threshold: settings.csatSatisfiedThreshold }
  const minSample = settings.metricsMinSampleSize
  const groupings = availableGroupings(db)
  if (!groupings.includes(by)) {
    throw new ApiError(
      'invalid_input',
      `There is no grouping '${by}' in this workspace. Group by one of: ${groupings.join(', ')}.`,
      { groupings }
    )
  }
  const days = requestDays(db, request, timeZone)
  // Without dates the range is the span of every response: count without comparing dates.
  const range: CountRange | null = !days
    ? null
    : request.from || request.to
      ? dayRange(days, timeZone)
      : 'all'
  const overallCells = range ? rangeCells(db, range) : []
  const overall = estimate(overallCells, rule)

  const drafts: DraftGroup[] = []
  if (days && range) {
    if (isTimeGrouping(by)) drafts.push(...timeGroups(db, by, days, overallCells, rule, settings))
    else
      drafts.push(
        ...segmentGroups(
          by === 'channel' ? channelCells(db, range) : segmentCells(db, by, range),
          by,
          overallCells,
          rule
        )
      )
  }

  const groups = drafts.map((d): MetricsGroup => {
    const against = d.against
    return {
      key: d.key,
      ...(d.from !== undefined ? { from: d.from, to: d.to } : {}),
      csat: csatSummary(d.estimates.csat, minSample),
      nps: npsSummary(d.estimates.nps, minSample),
      change: {
        against: against?.label ?? null,
        csat: against ? csatChangeTest(against.estimates, d.estimates, minSample) : null,
        nps: against ? npsChangeTest(against.estimates, d.estimates, minSample) : null
      }
    }
  })
  adjustView(groups, settings.significanceLevel)

  return {
    by,
    kind: isTimeGrouping(by) ? 'time' : 'segment',
    from: days ? formatDay(days.from) : null,
    to: days ? formatDay(days.to) : null,
    timeZone,
    settings: {
      csatScaleMax: settings.csatScaleMax,
      csatSatisfiedThreshold: settings.csatSatisfiedThreshold,
      significanceLevel: settings.significanceLevel,
      minSampleSize: minSample,
      fiscalYearStartMonth: settings.fiscalYearStartMonth
    },
    overall: { csat: csatSummary(overall.csat, minSample), nps: npsSummary(overall.nps, minSample) },
    distribution: distribution(overallCells, rule),
    groups,
    groupings
  }
}

/** Periods of the range, each against the period before it (the first against the one before the range). */
function timeGroups(
  db: Db,
  by: 'week' | 'month' | 'quarter',
  days: { from: Day; to: Day },
  overallCells: readonly AnswerCell[],
  rule: CsatRule,
  settings: AnalysisSettings
): DraftGroup[] {
  let periods
  try {
    periods = timePeriods(by, days.from, days.to, settings.timeZone, settings.fiscalYearStartMonth)
  } catch (error) {
    if (error instanceof RangeError) throw new ApiError('invalid_input', `${error.message}.`)
    throw error
  }
  // The first period may start before the range (a week of 29 December holds 1 January).
  const period = (day: Day): ReturnType<typeof periodContaining> =>
    periodContaining(day, by, settings.timeZone, settings.fiscalYearStartMonth)
  const previous = period(addDays(parseDay(period(parseDay(periods[0]!.from)).from), -1))
  const before = rangeCells(db, previous)
  const cells = periodCells(db, periods, overallCells)
  let prior = { label: previous.key, estimates: estimate(before, rule) }
  return periods.map((p, i) => {
    const estimates = estimate(cells[i]!, rule)
    const group: DraftGroup = { key: p.key, from: p.from, to: p.to, estimates, against: prior }
    prior = { label: p.key, estimates }
    return group
  })
}

/** Segment values (largest first) and the responses without one, each against all the others. */
function segmentGroups(
  grouped: GroupedCells,
  by: string,
  overallCells: readonly AnswerCell[],
  rule: CsatRule
): DraftGroup[] {
  const entries = [...grouped.entries()]
  // For a segment column, responses without it are the range minus every value.
  if (by !== 'channel') {
    const without = subtractCells(overallCells, grouped.values())
    if (without.length > 0) entries.push([null, without])
  }
  const total = (cells: readonly AnswerCell[]): number => cells.reduce((sum, c) => sum + c.n, 0)
  entries.sort(
    ([ka, a], [kb, b]) =>
      (ka === null ? 1 : 0) - (kb === null ? 1 : 0) ||
      total(b) - total(a) ||
      String(ka).localeCompare(String(kb))
  )
  return entries.map(([key, cells]) => ({
    key,
    estimates: estimate(cells, rule),
    against: { label: null, estimates: estimate(subtractCells(overallCells, [cells]), rule) }
  }))
}

/** Holm and Benjamini–Hochberg over every tested change of the view (both metrics). */
function adjustView(groups: MetricsGroup[], alpha: number): void {
  const tested: ChangeTest[] = []
  for (const g of groups) {
    for (const t of [g.change.csat, g.change.nps]) if (t && t.p !== null) tested.push(t)
  }
  if (tested.length === 0) return
  const adjusted = adjustPValues(tested.map((t) => t.p!))
  tested.forEach((t, i) => {
    t.pAdjusted = adjusted.holm[i]!
    t.pAdjustedBH = adjusted.benjaminiHochberg[i]!
    t.significant = t.pAdjusted <= alpha
  })
}
