import type {
  MetricsCommentsRequest,
  MetricsGroup,
  MetricsPlanRequest,
  MetricsReport,
  TimeGrouping
} from '@shared/domain/metrics'
import { isTimeGrouping } from '@shared/domain/metrics'

/** The dashboard's own choices: a time grain, a segment, and an optional date range. */
export interface DashboardQuery {
  grain: TimeGrouping
  /** The grouping of the segment table; null until the workspace's groupings are known. */
  segment: string | null
  /** `YYYY-MM-DD` or empty (no bound). */
  from: string
  to: string
}

export const DEFAULT_GRAIN: TimeGrouping = 'quarter'

/** The groupings the segment select offers: channel and segment columns, not time. */
export function segmentChoices(groupings: readonly string[]): string[] {
  return groupings.filter((g) => !isTimeGrouping(g))
}

/** The segment to show: the chosen one while the workspace offers it, else the first on offer. */
export function effectiveSegment(groupings: readonly string[], chosen: string | null): string | null {
  const choices = segmentChoices(groupings)
  return chosen !== null && choices.includes(chosen) ? chosen : (choices[0] ?? null)
}

/** True when both dates are set and the start is after the end. */
export function isRangeInverted(from: string, to: string): boolean {
  return from !== '' && to !== '' && from > to
}

/** The date bounds of a request: only the ones the user set. */
export function rangeArgs(from: string, to: string): { from?: string; to?: string } {
  return { ...(from ? { from } : {}), ...(to ? { to } : {}) }
}

/** What the comments pane shows: the responses behind one point, bar or row. */
export interface CommentsSelection {
  /** The grouping the group belongs to (a time grain or a segment). */
  by: string
  /** A period or segment key; null: responses without the segment; undefined: every group. */
  group?: string | null
  npsScore?: number
  from: string
  to: string
}

/** The `metrics.comments` arguments for a selection and a page. */
export function commentsRequest(
  selection: CommentsSelection,
  offset: number,
  limit: number
): MetricsCommentsRequest {
  return {
    by: selection.by,
    ...rangeArgs(selection.from, selection.to),
    ...(selection.group !== undefined ? { group: selection.group } : {}),
    ...(selection.npsScore !== undefined ? { npsScore: selection.npsScore } : {}),
    offset,
    limit
  }
}

/** A stable identity of a selection, to tell whether a loaded page belongs to it. */
export function selectionKey(selection: CommentsSelection): string {
  return JSON.stringify([
    selection.by,
    selection.group === undefined ? '*' : selection.group,
    selection.npsScore ?? null,
    selection.from,
    selection.to
  ])
}

/** The period whose change the cards show: the chosen one if present, else the latest. */
export function changePeriod(groups: readonly MetricsGroup[], chosen: string | null): MetricsGroup | null {
  return groups.find((g) => g.key === chosen && chosen !== null) ?? groups[groups.length - 1] ?? null
}

/** Columns of the segment table, in order. */
export const SEGMENT_COLUMNS = [
  'group',
  'csat-n',
  'csat-value',
  'csat-interval',
  'csat-change',
  'csat-p',
  'nps-n',
  'nps-value',
  'nps-interval',
  'nps-change',
  'nps-p'
] as const
export type SegmentColumn = (typeof SEGMENT_COLUMNS)[number]

export type SortDirection = 'ascending' | 'descending'
export interface SegmentSort {
  column: SegmentColumn
  direction: SortDirection
}

/** The number a group sorts by in a column (null sorts last whatever the direction). */
export function sortValue(group: MetricsGroup, column: Exclude<SegmentColumn, 'group'>): number | null {
  const { csat, nps, change } = group
  switch (column) {
    case 'csat-n':
      return csat.n
    case 'csat-value':
      return csat.value
    case 'csat-interval':
      return csat.ci95?.[0] ?? null
    case 'csat-change':
      return change.csat?.diff ?? null
    case 'csat-p':
      return change.csat?.pAdjusted ?? null
    case 'nps-n':
      return nps.n
    case 'nps-value':
      return nps.value
    case 'nps-interval':
      return nps.ci95Clipped?.[0] ?? null
    case 'nps-change':
      return change.nps?.diff ?? null
    case 'nps-p':
      return change.nps?.pAdjusted ?? null
  }
}

/** The direction a first click on a column sorts in: names A→Z, numbers largest first, p smallest first. */
export function firstDirection(column: SegmentColumn): SortDirection {
  return column === 'group' || column.endsWith('-p') ? 'ascending' : 'descending'
}

/** The sort after a click on a column's header. */
export function nextSort(current: SegmentSort | null, column: SegmentColumn): SegmentSort {
  if (current?.column === column) {
    return { column, direction: current.direction === 'ascending' ? 'descending' : 'ascending' }
  }
  return { column, direction: firstDirection(column) }
}

/**
 * The rows of the segment table: filtered by a text (matched against the shown label, case- and
 * width-insensitively), then sorted; without a sort they keep the report's order (largest first).
 * `label` turns a key into what the row shows, so that "Not set" can be found by typing it.
 */
export function segmentRows(
  groups: readonly MetricsGroup[],
  filter: string,
  sort: SegmentSort | null,
  label: (key: string | null) => string,
  locale: string
): MetricsGroup[] {
  const needle = filter.trim().normalize('NFKC').toLocaleLowerCase(locale)
  const rows = needle
    ? groups.filter((g) => label(g.key).normalize('NFKC').toLocaleLowerCase(locale).includes(needle))
    : [...groups]
  if (!sort) return rows
  const sign = sort.direction === 'ascending' ? 1 : -1
  const collator = new Intl.Collator(locale, { numeric: true, sensitivity: 'base' })
  const indexed = rows.map((group, index) => ({ group, index }))
  indexed.sort((a, b) => {
    if (sort.column === 'group') {
      // "Not set" stays last: it is not a value of the segment.
      if (a.group.key === null || b.group.key === null) {
        return (a.group.key === null ? 1 : 0) - (b.group.key === null ? 1 : 0)
      }
      return sign * collator.compare(a.group.key, b.group.key) || a.index - b.index
    }
    const va = sortValue(a.group, sort.column)
    const vb = sortValue(b.group, sort.column)
    if (va === null || vb === null) return (va === null ? 1 : 0) - (vb === null ? 1 : 0) || a.index - b.index
    return sign * (va - vb) || a.index - b.index
  })
  return indexed.map((x) => x.group)
}

/** Charts the dashboard can export. */
export type ChartId = 'csat-trend' | 'nps-trend' | 'nps-distribution'

/**
 * The file name of an exported chart, e.g. `loopbench-nps-trend-2026-Q3.svg`: the chart and the
 * latest period it shows (or the range's end date), safe on every file system.
 */
export function chartFileName(
  chart: ChartId | (string & {}),
  label: string | null,
  extension: 'png' | 'svg'
): string {
  const safe = (label ?? '')
    .normalize('NFKC')
    .replace(/[^\p{L}\p{N}_-]+/gu, '-')
    .replace(/^-+|-+$/g, '')
  return `loopbench-${chart}${safe ? `-${safe}` : ''}.${extension}`
}

/** Steps a value axis may use: labels land on round numbers whatever the data. */
const NICE_STEPS = [1, 2, 5, 10, 20, 25, 50]
/** At most this many steps (six labels) on a chart 224 pixels high. */
const MAX_STEPS = 5

/**
 * A y-axis that holds every value and interval with a little air, on the smallest round step
 * that needs at most five steps, within the metric's bounds (CSAT 0–100%, NPS −100..100).
 */
export function axisRange(
  values: ReadonlyArray<number | null>,
  bounds: [number, number]
): { min: number; max: number; interval: number } {
  const finite = values.filter((v): v is number => typeof v === 'number' && Number.isFinite(v))
  if (finite.length === 0) return { min: bounds[0], max: bounds[1], interval: 50 }
  const lo = Math.min(...finite)
  const hi = Math.max(...finite)
  for (const interval of NICE_STEPS) {
    const min = Math.max(bounds[0], Math.floor((lo - interval * 0.2) / interval) * interval)
    const max = Math.min(bounds[1], Math.ceil((hi + interval * 0.2) / interval) * interval)
    const steps = (max - min) / interval
    if (steps <= MAX_STEPS) return { min, max: steps === 0 ? min + interval : max, interval }
  }
  return { min: bounds[0], max: bounds[1], interval: 50 }
}

/** NPS bands of an answer 0–10. */
export function npsBand(score: number): 'detractors' | 'passives' | 'promoters' {
  return score >= 9 ? 'promoters' : score >= 7 ? 'passives' : 'detractors'
}

/** What the survey planner asks: the responses a margin needs, or the margin n responses give. */
export type PlanMode = 'sample-size' | 'margin'

/** The survey planner's inputs as typed: `value` is NPS points, CSAT percentage points, or n. */
export interface PlanForm {
  metric: 'csat' | 'nps'
  mode: PlanMode
  value: string
  useMix: boolean
}

/** The expected mix a range offers the planner; null where the range has no responses. */
export interface PlanMix {
  nps: { promoters: number; detractors: number } | null
  csat: number | null
}

/** Why a planner input is refused (each has a message `metrics.plan.error.<code>`). */
export type PlanInputError = 'n' | 'n_max' | 'nps_margin' | 'csat_margin'

export type PlanRequestResult =
  { ok: true; request: MetricsPlanRequest } | { ok: false; error: PlanInputError }

/** The most responses the planner accepts (the API's bound). */
export const PLAN_MAX_N = 1e9

/** The overall NPS shares and CSAT share of a report, as the planner's expected mix. */
export function planMix(overall: MetricsReport['overall']): PlanMix {
  const { nps, csat } = overall
  return {
    nps:
      nps.n > 0 && nps.promoters !== null && nps.detractors !== null
        ? { promoters: nps.promoters, detractors: nps.detractors }
        : null,
    csat: csat.n > 0 && csat.value !== null ? csat.value : null
  }
}

/** Whether the range offers a mix for a metric (the "use this range's mix" box can be ticked). */
export function hasPlanMix(mix: PlanMix, metric: PlanForm['metric']): boolean {
  return metric === 'nps' ? mix.nps !== null : mix.csat !== null
}

/**
 * A typed number: full-width digits (a Chinese IME) read as ASCII, grouping commas and spaces
 * ignored ("1,000"); anything else, a sign included, is not a number (null).
 */
export function parsePlanNumber(text: string): number | null {
  const plain = text.normalize('NFKC').replace(/[\s,]/g, '')
  return /^(\d+(\.\d*)?|\.\d+)$/.test(plain) ? Number(plain) : null
}

/**
 * The `metrics.plan` arguments for the planner's inputs, or why they are refused: n a whole
 * number ≥ 1; a margin above 0, at most 100 NPS points or below 100 CSAT percentage points
 * (sent as a share: 3 → 0.03). With `useMix` and a mix on offer the range's shares are sent,
 * otherwise none (the API then assumes the worst case).
 */
export function planRequest(form: PlanForm, mix: PlanMix): PlanRequestResult {
  const value = parsePlanNumber(form.value)
  const { metric } = form
  let target: { n: number } | { margin: number }
  if (form.mode === 'margin') {
    if (value === null || !Number.isInteger(value) || value < 1) return { ok: false, error: 'n' }
    if (value > PLAN_MAX_N) return { ok: false, error: 'n_max' }
    target = { n: value }
  } else if (metric === 'nps') {
    if (value === null || value <= 0 || value > 100) return { ok: false, error: 'nps_margin' }
    target = { margin: value }
  } else {
    if (value === null || value <= 0 || value >= 100) return { ok: false, error: 'csat_margin' }
    target = { margin: value / 100 }
  }
  const shares = !form.useMix
    ? {}
    : metric === 'nps'
      ? (mix.nps ?? {})
      : mix.csat === null
        ? {}
        : { share: mix.csat }
  return { ok: true, request: { metric, ...target, ...shares } }
}
