import type { ThemeSummary, ThemeTrend } from '@shared/domain/themes'
import { compareThemes } from '@shared/domain/themes'

/** The side bar's groups: the ranked list and the excluded themes (collapsed). */
export interface ThemeGroups {
  /** Active themes: pinned first, then by volume; the other bucket last. */
  ranked: ThemeSummary[]
  /** Excluded themes (not complaints), by volume. */
  excluded: ThemeSummary[]
}

/**
 * Ranks the themes for the side bar: pinned themes first, then by their number of tickets, the
 * other bucket last whatever its size; excluded themes apart; merged themes not at all (they
 * live on in the theme they were merged into).
 */
export function groupThemes(themes: readonly ThemeSummary[]): ThemeGroups {
  // The backend's order (compareThemes), so that the list and `themes.list` agree.
  const ranked = themes.filter((t) => t.status === 'active').sort(compareThemes)
  const excluded = themes.filter((t) => t.status === 'excluded').sort(compareThemes)
  return { ranked, excluded }
}

/** Which way a theme's volume moved against the previous quarter. */
export type ChangeDirection = 'up' | 'down' | 'flat' | 'new' | 'none'

/**
 * The direction of a quarter-over-quarter change: "new" when the theme had no tickets in the
 * previous quarter but has some now, "none" when there is nothing to compare (no tickets in
 * either quarter, or a change the backend could not compute).
 */
export function changeDirection(trend: ThemeTrend): ChangeDirection {
  const { change, previousQuarter, currentQuarter } = trend
  if (change === null || !Number.isFinite(change)) {
    return previousQuarter === 0 && currentQuarter > 0 ? 'new' : 'none'
  }
  return change > 0 ? 'up' : change < 0 ? 'down' : 'flat'
}

/** True when a 95% interval lies entirely on one side of zero. */
export function excludesZero(interval: readonly [number, number] | null | undefined): boolean {
  if (!interval) return false
  const [low, high] = interval
  return Number.isFinite(low) && Number.isFinite(high) && (low > 0 || high < 0)
}

/** How a satisfaction difference reads: dragging satisfaction down, lifting it, or neither. */
export type ImpactTone = 'negative' | 'positive' | 'neutral' | 'unknown'

/** The tone of a difference; `unknown` when the source of satisfaction is unknown. */
export function impactTone(source: string, diff: number | null | undefined): ImpactTone {
  if (source === 'unknown') return 'unknown'
  if (typeof diff !== 'number' || !Number.isFinite(diff) || diff === 0) return 'neutral'
  return diff < 0 ? 'negative' : 'positive'
}

/** The points of a sparkline and the area under it, in an SVG box of `width` × `height`. */
export interface SparklineShape {
  /** `x,y` pairs of the line, oldest first. */
  line: string
  /** The closed area under the line (for a faint fill). */
  area: string
  /** The highest value (for the tooltip). */
  max: number
}

/**
 * A sparkline of counts: values scaled to the box's height (zero at the bottom, the highest value
 * at the top), spread evenly across its width, with `pad` pixels kept free at the edges so the
 * stroke is not clipped. Missing or negative values count as zero; one value draws a flat line.
 */
export function sparklineShape(
  values: readonly number[],
  width: number,
  height: number,
  pad = 1.5
): SparklineShape | null {
  if (values.length === 0 || width <= 2 * pad || height <= 2 * pad) return null
  const clean = values.map((v) => (Number.isFinite(v) && v > 0 ? v : 0))
  const max = Math.max(...clean)
  const innerW = width - 2 * pad
  const innerH = height - 2 * pad
  const x = (i: number): number => (clean.length === 1 ? pad : pad + (i / (clean.length - 1)) * innerW)
  const y = (v: number): number => pad + innerH - (max > 0 ? (v / max) * innerH : 0)
  const round = (n: number): string => String(Math.round(n * 10) / 10)
  const points = clean.map((v, i) => `${round(x(i))},${round(y(v))}`)
  if (clean.length === 1) points.push(`${round(pad + innerW)},${round(y(clean[0] ?? 0))}`)
  const bottom = round(pad + innerH)
  const first = points[0]?.split(',')[0] ?? round(pad)
  const last = points[points.length - 1]?.split(',')[0] ?? round(pad + innerW)
  return {
    line: points.join(' '),
    area: `${first},${bottom} ${points.join(' ')} ${last},${bottom}`,
    max
  }
}

/** The label a theme is shown with in lists (its label, never blank). */
export function themeName(theme: Pick<ThemeSummary, 'label' | 'generatedLabel' | 'id'>): string {
  return theme.label.trim() || theme.generatedLabel.trim() || `#${theme.id}`
}

/** A taxonomy's file name for the day it is exported: `loopbench-taxonomy-2026-05-10.json`. */
export function taxonomyFileName(now: Date): string {
  const pad = (n: number): string => String(n).padStart(2, '0')
  return `loopbench-taxonomy-${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}.json`
}

/**
 * The tickets of one page past those already shown: tickets already on screen (the examples, an
 * earlier page) are left out, so that paging never repeats a ticket.
 */
export function appendTickets<T extends { id: number }>(shown: readonly T[], page: readonly T[]): T[] {
  const seen = new Set(shown.map((t) => t.id))
  return [...shown, ...page.filter((t) => !seen.has(t.id))]
}
