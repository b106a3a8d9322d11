import type { ComposeOption } from 'echarts/core'
import type { BarSeriesOption, LineSeriesOption } from 'echarts/charts'
import type {
  GridComponentOption,
  LegendComponentOption,
  TitleComponentOption,
  TooltipComponentOption
} from 'echarts/components'
import type { MetricsGroup } from '@shared/domain/metrics'
import type { MetricId } from './metrics-format'
import { axisRange, npsBand } from './metrics-model'

export type ChartOption = ComposeOption<
  | LineSeriesOption
  | BarSeriesOption
  | GridComponentOption
  | LegendComponentOption
  | TitleComponentOption
  | TooltipComponentOption
>

/** Colours and font of the charts, read from the theme's CSS variables. */
export interface ChartPalette {
  fg: string
  muted: string
  strong: string
  background: string
  elevated: string
  border: string
  grid: string
  axis: string
  font: string
  csat: string
  nps: string
  bandOpacity: number
  /** Dashed edges on the interval band (high contrast, where a faint fill is not enough). */
  bandEdgeOpacity: number
  detractors: string
  passives: string
  promoters: string
  /** A lift that counts (the experiments' forest plot). */
  positive: string
  /** A significant loss. */
  negative: string
  /** The minimum practical lift's line. */
  threshold: string
}

/** Where the plot sits in the chart, in pixels; the hit areas over the plot use the same numbers. */
export interface ChartFrame {
  top: number
  right: number
  bottom: number
  left: number
}

export const CHART_HEIGHT = 224
export const TREND_FRAME: ChartFrame = { top: 14, right: 18, bottom: 28, left: 50 }
export const DISTRIBUTION_FRAME: ChartFrame = { top: 34, right: 18, bottom: 28, left: 50 }
/** Exports carry a title and the range above the plot. */
export const EXPORT_HEADER = 58

/** How a chart is drawn: on screen (tooltips) or for a file (title, solid background). */
export interface ChartMode {
  frame: ChartFrame
  /** Title and subtitle drawn into the chart (exports). */
  title?: { text: string; subtext: string }
  /** Tooltip contents by category index (on screen); none for exports. */
  tooltip?: (index: number) => string
}

/** One period of a trend, on the chart's scale (CSAT in percent, NPS in points). */
export interface TrendPoint {
  key: string
  value: number | null
  low: number | null
  high: number | null
}

/** The points of a trend: CSAT shares become percentages; NPS keeps points (clipped interval). */
export function trendPoints(metric: MetricId, groups: readonly MetricsGroup[]): TrendPoint[] {
  return groups.map((g) => {
    if (metric === 'csat') {
      const s = g.csat
      return {
        key: g.key ?? '',
        value: s.value === null ? null : s.value * 100,
        low: s.ci95 ? s.ci95[0] * 100 : null,
        high: s.ci95 ? s.ci95[1] * 100 : null
      }
    }
    const s = g.nps
    return {
      key: g.key ?? '',
      value: s.value,
      low: s.ci95Clipped?.[0] ?? null,
      high: s.ci95Clipped?.[1] ?? null
    }
  })
}

const MISSING = '-'

/** How a chart's tooltip finds its row, and an optional pointer across the hovered row. */
export interface TooltipStyle {
  axisPointer?: { type: 'shadow'; shadowStyle: { color: string } }
  /** The row a hovered item stands for (default: its data index). */
  index?: (item: { dataIndex?: number; value?: unknown }) => number
}

/** The parts of an option every chart shares: frame, the title of an export, a themed tooltip. */
export type ChartChrome = ComposeOption<GridComponentOption | TitleComponentOption | TooltipComponentOption>

/** The frame, export title and tooltip of a chart (metrics charts and the experiments' forest plot). */
export function chartChrome(palette: ChartPalette, mode: ChartMode, style: TooltipStyle = {}): ChartChrome {
  const header = mode.title ? EXPORT_HEADER : 0
  return {
    animation: false,
    backgroundColor: mode.title ? palette.background : 'transparent',
    textStyle: { fontFamily: palette.font, color: palette.fg },
    grid: {
      top: mode.frame.top + header,
      right: mode.frame.right,
      bottom: mode.frame.bottom,
      left: mode.frame.left
    },
    ...(mode.title
      ? {
          title: {
            text: mode.title.text,
            subtext: mode.title.subtext,
            left: 12,
            top: 10,
            textStyle: { color: palette.strong, fontSize: 15, fontWeight: 600, fontFamily: palette.font },
            subtextStyle: { color: palette.muted, fontSize: 12, fontFamily: palette.font }
          }
        }
      : {}),
    ...(mode.tooltip
      ? {
          tooltip: {
            trigger: 'axis',
            ...(style.axisPointer ? { axisPointer: style.axisPointer } : {}),
            confine: true,
            transitionDuration: 0,
            hideDelay: 0,
            backgroundColor: palette.elevated,
            borderColor: palette.border,
            borderWidth: 1,
            padding: [6, 9],
            textStyle: { color: palette.fg, fontSize: 12, fontFamily: palette.font },
            extraCssText: 'box-shadow: var(--lb-shadow-soft); border-radius: 4px;',
            formatter: (params: unknown): string => {
              const first = ((Array.isArray(params) ? params[0] : params) ?? {}) as {
                dataIndex?: number
                value?: unknown
              }
              const index = style.index ? style.index(first) : (first.dataIndex ?? 0)
              return mode.tooltip?.(Number.isFinite(index) ? index : 0) ?? ''
            }
          }
        }
      : {})
  }
}

const categoryAxis = (palette: ChartPalette, data: string[]): ChartOption['xAxis'] => ({
  type: 'category',
  data,
  axisLine: { lineStyle: { color: palette.axis } },
  axisTick: { show: false },
  axisLabel: { color: palette.muted, fontSize: 11, hideOverlap: true }
})

/**
 * A trend of CSAT (%) or NPS per period: the value as a line with its 95% interval as a shaded
 * band (a stack of the lower bound and the interval's width); periods without responses are gaps.
 */
export function trendOption(
  metric: MetricId,
  points: readonly TrendPoint[],
  palette: ChartPalette,
  mode: ChartMode,
  axisLabel: (value: number) => string
): ChartOption {
  const color = metric === 'csat' ? palette.csat : palette.nps
  const { min, max, interval } = axisRange(
    points.flatMap((p) => [p.value, p.low, p.high]),
    metric === 'csat' ? [0, 100] : [-100, 100]
  )
  const dense = points.length > 24
  const edge = {
    color,
    opacity: palette.bandEdgeOpacity,
    width: 1,
    type: 'dashed' as const
  }
  const band: LineSeriesOption = {
    type: 'line',
    stack: 'ci',
    stackStrategy: 'all',
    symbol: 'none',
    silent: true,
    connectNulls: false,
    emphasis: { disabled: true },
    lineStyle: edge,
    z: 1
  }
  return {
    ...chartChrome(palette, mode),
    xAxis: categoryAxis(
      palette,
      points.map((p) => p.key)
    ),
    yAxis: {
      type: 'value',
      min,
      max,
      interval,
      axisLabel: { color: palette.muted, fontSize: 11, formatter: axisLabel },
      splitLine: { lineStyle: { color: palette.grid } }
    },
    ...(mode.tooltip
      ? {
          axisPointer: {
            lineStyle: { color: palette.muted, type: 'dashed' }
          }
        }
      : {}),
    series: [
      { ...band, name: 'low', data: points.map((p) => p.low ?? MISSING) },
      {
        ...band,
        name: 'interval',
        data: points.map((p) => (p.low !== null && p.high !== null ? p.high - p.low : MISSING)),
        areaStyle: { color, opacity: palette.bandOpacity }
      },
      {
        type: 'line',
        name: metric,
        data: points.map((p) => p.value ?? MISSING),
        connectNulls: false,
        symbol: 'circle',
        symbolSize: dense ? 4 : 7,
        showSymbol: true,
        // Every point keeps its dot: a period between two gaps is only a dot.
        showAllSymbol: true,
        lineStyle: { color, width: dense ? 1.5 : 2 },
        itemStyle: { color, borderColor: palette.background, borderWidth: 1 },
        emphasis: { scale: 1.4 },
        z: 3
      }
    ]
  }
}

/** The NPS answers 0–10 as bars coloured by band (detractors 0–6, passives 7–8, promoters 9–10). */
export function distributionOption(
  counts: readonly number[],
  palette: ChartPalette,
  mode: ChartMode,
  labels: { detractors: string; passives: string; promoters: string },
  countLabel: (value: number) => string
): ChartOption {
  const bands = ['detractors', 'passives', 'promoters'] as const
  const header = mode.title ? EXPORT_HEADER : 0
  return {
    ...chartChrome(palette, mode),
    legend: {
      top: 6 + header,
      right: mode.frame.right,
      selectedMode: false,
      itemWidth: 10,
      itemHeight: 10,
      icon: 'rect',
      textStyle: { color: palette.muted, fontSize: 11, fontFamily: palette.font }
    },
    xAxis: categoryAxis(
      palette,
      counts.map((_, score) => String(score))
    ),
    yAxis: {
      type: 'value',
      splitNumber: 4,
      minInterval: 1,
      axisLabel: { color: palette.muted, fontSize: 11, formatter: countLabel },
      splitLine: { lineStyle: { color: palette.grid } }
    },
    ...(mode.tooltip ? { axisPointer: { type: 'shadow' as const } } : {}),
    series: bands.map((band): BarSeriesOption => ({
      type: 'bar',
      name: labels[band],
      stack: 'answers',
      barCategoryGap: '22%',
      itemStyle: { color: palette[band], borderRadius: [2, 2, 0, 0] },
      emphasis: { focus: 'none' },
      data: counts.map((count, score) => (npsBand(score) === band ? count : MISSING))
    }))
  }
}

/**
 * The hit area of each category over the plot, in pixels of the chart: a band as wide as the
 * category (category axes put each point in the middle of its band).
 */
export function categoryBands(
  count: number,
  width: number,
  height: number,
  frame: ChartFrame
): Array<{ left: number; top: number; width: number; height: number }> {
  const plotWidth = Math.max(0, width - frame.left - frame.right)
  const plotHeight = Math.max(0, height - frame.top - frame.bottom)
  if (count === 0 || plotWidth === 0) return []
  const step = plotWidth / count
  return Array.from({ length: count }, (_, i) => ({
    left: frame.left + i * step,
    top: frame.top,
    width: step,
    height: plotHeight
  }))
}

/**
 * The hit area of each category of a chart whose categories run down the y axis (a forest plot),
 * top to bottom: a band as tall as the category, across the whole plot.
 */
export function categoryRows(
  count: number,
  width: number,
  height: number,
  frame: ChartFrame
): Array<{ left: number; top: number; width: number; height: number }> {
  const plotWidth = Math.max(0, width - frame.left - frame.right)
  const plotHeight = Math.max(0, height - frame.top - frame.bottom)
  if (count === 0 || plotWidth === 0 || plotHeight === 0) return []
  const step = plotHeight / count
  return Array.from({ length: count }, (_, i) => ({
    left: frame.left,
    top: frame.top + i * step,
    width: plotWidth,
    height: step
  }))
}
