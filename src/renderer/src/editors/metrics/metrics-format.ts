import type {
  ChangeTest,
  CsatSummary,
  Interval,
  MetricReason,
  MetricsPlan,
  NpsSummary
} from '@shared/domain/metrics'
import type { I18n } from '../../i18n/i18n'
import { MISSING_VALUE } from '../../i18n/format'
import type { PlanMix, PlanMode } from './metrics-model'

/**
 * How the metrics dashboard writes its numbers. Every card value, table cell, chart tooltip and
 * export label goes through these functions, and the end-to-end test formats the CLI's JSON with
 * them to check the screen, so a number reads the same everywhere. A missing value is written as
 * the reason the backend gives for it ("too few responses"), never as NaN or a blank.
 */
export type MetricsText = Pick<I18n, 'language' | 't' | 'fmt'>

/** Below this a p-value is written as "p < 0.001". */
export const P_FLOOR = 0.001

/** Which metric a change belongs to: CSAT changes are differences of shares, NPS changes points. */
export type MetricId = 'csat' | 'nps'

/** A share 0–1 as a percentage with one decimal (68.9%). */
export function formatShare(f: MetricsText, share: number | null | undefined): string {
  return f.fmt.percent(share, 1, 1)
}

/** NPS points with sign and one decimal (+15.7, −13.0). */
export function formatNps(f: MetricsText, value: number | null | undefined): string {
  return f.fmt.signed(value, 1)
}

/** A count with the language's grouping (6,676). */
export function formatCount(f: MetricsText, n: number | null | undefined): string {
  return f.fmt.integer(n)
}

/** A mean score with two decimals (3.78). */
export function formatMean(f: MetricsText, mean: number | null | undefined): string {
  return f.fmt.number(mean, 2, 2)
}

/**
 * A p-value: "p = 0.031", or "p < 0.001" below the floor. `bare` leaves out the "p =" for a
 * column that is already headed p ("0.031", "< 0.001").
 */
export function formatPValue(f: MetricsText, p: number | null | undefined, bare = false): string {
  if (typeof p !== 'number' || !Number.isFinite(p)) return MISSING_VALUE
  if (p < P_FLOOR) {
    return f.t(bare ? 'metrics.pBelowBare' : 'metrics.pBelow', { p: f.fmt.number(P_FLOOR, 3, 3) })
  }
  const text = f.fmt.number(p, 3, 3)
  return bare ? text : f.t('metrics.p', { p: text })
}

/** A 95% interval of a share (67.8% to 70.0%) or of NPS points (+13.4 to +17.9). */
export function formatInterval(f: MetricsText, metric: MetricId, interval: Interval | null): string {
  if (!interval) return MISSING_VALUE
  const [low, high] = interval
  const one = (v: number): string => (metric === 'csat' ? formatShare(f, v) : formatNps(f, v))
  return f.t('metrics.interval', { low: one(low), high: one(high) })
}

/** The words for a reason a value, interval or test is missing. */
export function reasonText(f: MetricsText, reason: MetricReason | null | undefined): string {
  return f.t(`metrics.reason.${reason ?? 'no_responses'}`)
}

/** The CSAT share of a summary, or why there is none. */
export function csatValueText(f: MetricsText, s: CsatSummary): string {
  return s.value === null ? reasonText(f, s.reason) : formatShare(f, s.value)
}

/** The CSAT interval of a summary, or why there is none. */
export function csatIntervalText(f: MetricsText, s: CsatSummary): string {
  return s.ci95 ? formatInterval(f, 'csat', s.ci95) : reasonText(f, s.reason ?? 'single_response')
}

/** The NPS of a summary, or why there is none. */
export function npsValueText(f: MetricsText, s: NpsSummary): string {
  return s.value === null ? reasonText(f, s.reason) : formatNps(f, s.value)
}

/** The NPS interval of a summary (clipped to −100..100), or why there is none. */
export function npsIntervalText(f: MetricsText, s: NpsSummary): string {
  return s.ci95Clipped ? formatInterval(f, 'nps', s.ci95Clipped) : reasonText(f, s.reason ?? 'no_variation')
}

/** "6,676 responses" / "6,676 条回复". */
export function responsesText(f: MetricsText, n: number): string {
  const key = n === 1 && f.language === 'en' ? 'metrics.responses.one' : 'metrics.responses.other'
  return f.t(key, { count: formatCount(f, n) })
}

/** "Mean score 3.78 of 5". */
export function meanText(f: MetricsText, mean: number | null, scaleMax: number): string {
  return f.t('metrics.mean', { mean: formatMean(f, mean), max: formatCount(f, scaleMax) })
}

/** A change as points: CSAT in percentage points (−6.6 pts), NPS in points (−13.0 pts). */
export function formatChange(f: MetricsText, metric: MetricId, diff: number): string {
  return metric === 'csat'
    ? f.t('metrics.csatPoints', { value: f.fmt.signed(diff * 100, 1) })
    : f.t('metrics.npsPoints', { value: f.fmt.signed(diff, 1) })
}

/** The change of a test, or why there is none. */
export function changeText(f: MetricsText, metric: MetricId, test: ChangeTest | null): string {
  if (!test) return f.t('metrics.notTested')
  return test.diff === null ? reasonText(f, test.reason) : formatChange(f, metric, test.diff)
}

/** The Holm-adjusted p of a test (bare for a column headed p), or why it was not tested. */
export function adjustedPText(f: MetricsText, test: ChangeTest | null, bare = false): string {
  if (!test) return f.t('metrics.notTested')
  return test.pAdjusted === null ? reasonText(f, test.reason) : formatPValue(f, test.pAdjusted, bare)
}

/** "Significant", "Not significant", or why the change was not tested. */
export function significanceText(f: MetricsText, test: ChangeTest | null): string {
  if (!test) return f.t('metrics.notTested')
  if (test.significant) return f.t('metrics.significant')
  return test.p === null ? reasonText(f, test.reason) : f.t('metrics.notSignificant')
}

/**
 * What a change was tested against and how: p, Holm- and BH-adjusted p, the verdict, or why no
 * test was made. `against` null means "all other responses in the range" (segments).
 */
export function changeDetails(
  f: MetricsText,
  test: ChangeTest | null,
  against: string | null,
  settings: { significanceLevel: number; minSampleSize: number }
): string[] {
  const compared = against === null ? f.t('metrics.detail.rest') : f.t('metrics.detail.against', { against })
  if (!test) return [compared, f.t('metrics.notTested')]
  const alpha = f.fmt.number(settings.significanceLevel, 3)
  if (test.p === null) {
    const lines = [compared, f.t('metrics.detail.notTested', { reason: reasonText(f, test.reason) })]
    if (test.reason === 'too_few_responses') {
      lines.push(f.t('metrics.detail.tooFew', { min: formatCount(f, settings.minSampleSize) }))
    }
    return lines
  }
  return [
    compared,
    f.t('metrics.detail.p', { p: formatPValue(f, test.p) }),
    f.t('metrics.detail.holm', { p: formatPValue(f, test.pAdjusted) }),
    f.t('metrics.detail.bh', { p: formatPValue(f, test.pAdjustedBH) }),
    f.t(test.significant ? 'metrics.detail.verdict.significant' : 'metrics.detail.verdict.not', { alpha })
  ]
}

/** "128 comments" / "128 条评论". */
export function commentsCountText(f: MetricsText, n: number): string {
  const key = n === 1 && f.language === 'en' ? 'metrics.comments.count.one' : 'metrics.comments.count.other'
  return f.t(key, { count: formatCount(f, n) })
}

/** "1,123 answers" for a bar of the NPS distribution. */
export function answersText(f: MetricsText, n: number): string {
  const key = n === 1 && f.language === 'en' ? 'metrics.chart.answers.one' : 'metrics.chart.answers.other'
  return f.t(key, { count: formatCount(f, n) })
}

/** A group's key as shown: null is a response without the segment ("Not set"). */
export function groupLabel(f: MetricsText, key: string | null): string {
  return key === null ? f.t('metrics.notSet') : key
}

/** A grouping's name as shown: `channel` is translated, segment columns keep their own names. */
export function groupingLabel(f: MetricsText, by: string): string {
  if (by === 'channel') return f.t('metrics.segment.channel')
  if (by === 'week' || by === 'month' || by === 'quarter') return f.t(`metrics.grain.${by}`)
  return by
}

/**
 * A planned margin with its unit and metric: NPS points (±5.0 NPS points), CSAT shares as
 * percentage points (0.03 → ±3.0 percentage points of CSAT).
 */
export function planMarginText(f: MetricsText, metric: MetricId, margin: number): string {
  const value = f.fmt.number(metric === 'csat' ? margin * 100 : margin, 1, 1)
  return f.t(`metrics.plan.margin.${metric}`, { value })
}

/** The expected mix the planner would use: "promoters 43.1%, detractors 27.3%" or "68.9% satisfied". */
export function planMixText(f: MetricsText, metric: MetricId, mix: PlanMix): string | null {
  if (metric === 'nps') {
    return mix.nps
      ? f.t('metrics.plan.mix.nps', {
          promoters: formatShare(f, mix.nps.promoters),
          detractors: formatShare(f, mix.nps.detractors)
        })
      : null
  }
  return mix.csat === null ? null : f.t('metrics.plan.mix.csat', { share: formatShare(f, mix.csat) })
}

/**
 * The planner's answer as a sentence: "1,537 responses give ±5.0 NPS points at 95% (worst
 * case: half promoters, half detractors)." or "With 1,000 responses the margin is ±6.2 NPS
 * points at 95% (this range's mix)."
 */
export function planText(f: MetricsText, mode: PlanMode, plan: MetricsPlan): string {
  const assumption =
    plan.assumption === 'given'
      ? f.t('metrics.plan.assumption.given')
      : f.t(`metrics.plan.assumption.worst.${plan.metric}`)
  const plural = plan.n === 1 && f.language === 'en' ? 'one' : 'other'
  const question = mode === 'sample-size' ? 'needed' : 'with'
  return f.t(`metrics.plan.${question}.${plural}`, {
    count: responsesText(f, plan.n),
    margin: planMarginText(f, plan.metric, plan.margin),
    assumption
  })
}
