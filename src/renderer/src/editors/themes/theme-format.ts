import type { Interval } from '@shared/domain/metrics'
import type { ImpactSource, ThemeImpact, ThemeTrend } from '@shared/domain/themes'
import type { I18n } from '../../i18n/i18n'
import { MISSING_VALUE } from '../../i18n/format'
import { changeDirection } from './theme-model'

/**
 * How the Themes view and the theme editor write their numbers. Every value goes through these
 * functions (and the end-to-end test formats the backend's answer with them), so a number reads
 * the same in the list, the editor and the tooltips. A missing value is written as why it is
 * missing, never as NaN or a blank.
 */
export type ThemeText = Pick<I18n, 'language' | 't' | 'fmt'>

const isNumber = (v: number | null | undefined): v is number => typeof v === 'number' && Number.isFinite(v)

/** A share 0–1 as a percentage with one decimal (12.3%). */
export function formatThemeShare(f: ThemeText, share: number | null | undefined): string {
  return f.fmt.percent(share, 1, 1)
}

/** "1,234 tickets" / "1,234 条工单". */
export function ticketsText(f: ThemeText, n: number | null | undefined): string {
  const key = n === 1 && f.language === 'en' ? 'themes.tickets.one' : 'themes.tickets.other'
  return f.t(key, { count: f.fmt.integer(n) })
}

/**
 * A quarter-over-quarter change as the list shows it: a signed percentage (+24%, −12%), "new"
 * when the previous quarter had none of the theme's tickets, and a dash when there is nothing to
 * compare. Changes under 10% keep one decimal, so that +0.4% does not read as +0%.
 */
export function changeText(f: ThemeText, trend: ThemeTrend): string {
  const direction = changeDirection(trend)
  if (direction === 'new') return f.t('themes.change.new')
  if (direction === 'none' || !isNumber(trend.change)) return MISSING_VALUE
  if (direction === 'flat') return f.fmt.percent(0, 0)
  const size = Math.abs(trend.change)
  const sign = direction === 'up' ? '+' : '\u2212'
  return `${sign}${f.fmt.percent(size, size < 0.1 ? 1 : 0)}`
}

/** The change spelled out for a tooltip: the two quarters' counts and what they are. */
export function changeHint(
  f: ThemeText,
  trend: ThemeTrend,
  quarter: string | null,
  previousQuarter: string | null
): string {
  if (!quarter) return f.t('themes.change.noQuarter')
  const current = ticketsText(f, trend.currentQuarter)
  if (!previousQuarter) return f.t('themes.change.hintFirst', { current, quarter })
  const key =
    changeDirection(trend) === 'new'
      ? 'themes.change.hintNew'
      : changeDirection(trend) === 'none'
        ? 'themes.change.hintNone'
        : 'themes.change.hint'
  return f.t(key, {
    change: changeText(f, trend),
    current,
    quarter,
    previous: ticketsText(f, trend.previousQuarter),
    previousQuarter
  })
}

/** A CSAT difference (a difference of shares) in percentage points: −6.2 pts / −6.2 个百分点. */
export function csatPointsText(f: ThemeText, diff: number | null | undefined): string {
  if (!isNumber(diff)) return MISSING_VALUE
  return f.t('themes.impact.pp', { value: f.fmt.signed(diff * 100, 1) })
}

/** An NPS difference in points: −13.0 points / −13.0 分. */
export function npsPointsText(f: ThemeText, diff: number | null | undefined): string {
  if (!isNumber(diff)) return MISSING_VALUE
  return f.t('themes.impact.npsPoints', { value: f.fmt.signed(diff, 1) })
}

/** A 95% interval of a difference: "−9.1 to −3.3 pts". */
export function intervalText(f: ThemeText, metric: 'csat' | 'nps', interval: Interval | null): string {
  if (!interval || !isNumber(interval[0]) || !isNumber(interval[1])) return MISSING_VALUE
  const scale = metric === 'csat' ? 100 : 1
  return f.t(metric === 'csat' ? 'themes.impact.intervalPp' : 'themes.impact.intervalPoints', {
    low: f.fmt.signed(interval[0] * scale, 1),
    high: f.fmt.signed(interval[1] * scale, 1)
  })
}

/**
 * The CSAT impact as the side bar shows it, short: "CSAT −6.2", "CSAT unknown" when nothing
 * links these tickets to satisfaction, "CSAT: too few" when one side has too little data.
 */
export function impactShortText(f: ThemeText, impact: ThemeImpact): string {
  if (impact.source === 'unknown') return f.t('themes.impact.unknownShort')
  if (!isNumber(impact.csatDiff)) return f.t('themes.impact.tooFewShort')
  return f.t('themes.impact.csatShort', { value: f.fmt.signed(impact.csatDiff * 100, 1) })
}

/** Where the satisfaction behind the impact comes from: Survey responses, Ticket ratings, Unknown. */
export function impactSourceText(f: ThemeText, source: ImpactSource): string {
  return f.t(`themes.impact.source.${source}`)
}

/** How many responses (or rated tickets) stand behind the impact, on both sides. */
export function impactSampleText(f: ThemeText, impact: ThemeImpact): string {
  if (impact.source === 'unknown') return f.t('themes.impact.unknownBody')
  return f.t(`themes.impact.n.${impact.source}`, {
    n: f.fmt.integer(impact.n),
    others: f.fmt.integer(impact.nOthers)
  })
}

/** The impact spelled out for a tooltip: the CSAT and NPS differences with intervals, and n. */
export function impactHint(f: ThemeText, impact: ThemeImpact): string {
  if (impact.source === 'unknown') return f.t('themes.impact.unknownBody')
  const lines = [
    isNumber(impact.csatDiff)
      ? f.t('themes.impact.hintCsat', {
          diff: csatPointsText(f, impact.csatDiff),
          interval: intervalText(f, 'csat', impact.csatDiffCi95)
        })
      : f.t('themes.impact.tooFewCsat'),
    ...(isNumber(impact.npsDiff)
      ? [
          f.t('themes.impact.hintNps', {
            diff: npsPointsText(f, impact.npsDiff),
            interval: intervalText(f, 'nps', impact.npsDiffCi95)
          })
        ]
      : []),
    impactSampleText(f, impact)
  ]
  return lines.join('\n')
}

/** A `YYYY-MM` month as the language writes it (May 2026 / 2026年5月); other keys unchanged. */
export function monthLabel(f: ThemeText, key: string): string {
  const match = /^(\d{4})-(\d{2})$/.exec(key)
  return match ? f.fmt.monthYear(Number(match[1]), Number(match[2])) : key
}

/** The sparkline's tooltip: what it counts, over which months, and its highest month. */
export function sparklineHint(f: ThemeText, values: readonly number[], months: readonly string[]): string {
  const first = months[0]
  const last = months[months.length - 1]
  if (!first || !last || values.length === 0) return f.t('themes.sparkline.empty')
  let top = 0
  values.forEach((v, i) => {
    if ((v ?? 0) > (values[top] ?? 0)) top = i
  })
  return f.t('themes.sparkline.hint', {
    from: monthLabel(f, first),
    to: monthLabel(f, last),
    max: f.fmt.integer(values[top] ?? 0),
    month: monthLabel(f, months[top] ?? last)
  })
}
