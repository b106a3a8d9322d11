import { BarChart, CustomChart, LineChart, ScatterChart } from 'echarts/charts'
import type { CustomSeriesRenderItem } from 'echarts'
import { GridComponent, LegendComponent, MarkAreaComponent, MarkLineComponent } from 'echarts/components'
import type { EChartsCoreOption } from 'echarts/core'
import { init, use } from 'echarts/core'
import { SVGRenderer } from 'echarts/renderers'

use([
  BarChart,
  CustomChart,
  LineChart,
  ScatterChart,
  GridComponent,
  LegendComponent,
  MarkAreaComponent,
  MarkLineComponent,
  SVGRenderer
])

/**
 * The report's charts, drawn on the server to inline SVG with ECharts' server-side renderer: no
 * script, no canvas, nothing fetched. Every function takes its words already translated and
 * formatted, and returns one `<svg>` element as text.
 */

/** Fonts of the report, CJK included; no quotes (the SVG puts the list in a double-quoted attribute). */
export const REPORT_FONTS =
  '-apple-system, Segoe UI, Helvetica Neue, Arial, Noto Sans CJK SC, Source Han Sans SC, PingFang SC, Microsoft YaHei, sans-serif'

/** The report's colours: light, and distinct in print. */
export const REPORT_COLOURS = {
  text: '#1f2937',
  muted: '#686f7c',
  grid: '#e5e7eb',
  axis: '#9ca3af',
  csat: '#2563eb',
  nps: '#7c3aed',
  current: '#2563eb',
  previous: '#cbd5e1',
  positive: '#15803d',
  negative: '#b91c1c',
  neutral: '#475569',
  highlight: 'rgba(37, 99, 235, 0.08)',
  reach: '#2563eb',
  impact: '#f59e0b',
  confidence: '#94a3b8',
  effort: '#ef4444'
} as const

/** Width of a chart across the page's text column (A4 less the margins), in CSS pixels. */
export const CHART_WIDTH = 680

/**
 * Renders an option to an SVG string and frees the chart. `id` names the chart within its page:
 * it replaces the renderer's per-process numbering of clip paths, so that ids are unique in the
 * page and the same on every run.
 */
export function renderSvg(
  option: EChartsCoreOption,
  size: { width: number; height: number },
  text: { label: string; id: string }
): string {
  const { width, height } = size
  const chart = init(null, null, { renderer: 'svg', ssr: true, width, height })
  try {
    chart.setOption({
      animation: false,
      textStyle: { fontFamily: REPORT_FONTS, color: REPORT_COLOURS.text, fontSize: 11 },
      ...option
    })
    return tidySvg(chart.renderToSVGString(), text)
  } finally {
    chart.dispose()
  }
}

const escapeAttribute = (text: string): string =>
  text.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;').replace(/>/g, '&gt;')

/**
 * Drops what only an interactive chart uses — the hover style sheet, whose class names are
 * numbered per process (so two runs would differ), and the renderer's metadata attributes — and
 * names the picture for screen readers.
 */
function tidySvg(svg: string, text: { label: string; id: string }): string {
  return svg
    .replace(/<style[^>]*>[\s\S]*?<\/style>/g, '')
    .replace(/ class="zr\d+-cls-\d+"/g, '')
    .replace(/ ecmeta_[a-z_]+="[^"]*"/g, '')
    .replace(/\bzr\d+-/g, `${text.id}-`)
    .replace(/^<svg /, `<svg role="img" aria-label="${escapeAttribute(text.label)}" `)
}

const axisStyle = {
  axisLine: { lineStyle: { color: REPORT_COLOURS.axis } },
  axisTick: { show: false },
  axisLabel: { color: REPORT_COLOURS.muted, fontSize: 10 },
  splitLine: { lineStyle: { color: REPORT_COLOURS.grid } }
}

/** A legend in the top right corner. */
const legend = (names: readonly string[]): EChartsCoreOption => ({
  top: 0,
  right: 0,
  itemWidth: 12,
  itemHeight: 8,
  textStyle: { color: REPORT_COLOURS.muted, fontSize: 10 },
  data: [...names]
})

/** The category axis of a horizontal chart: one row per label, top down, labels cut to fit. */
const rowAxis = (labels: readonly string[], width: number): EChartsCoreOption => ({
  type: 'category',
  inverse: true,
  data: labels.map((l) => shorten(l, Math.floor(width / 5))),
  ...axisStyle,
  splitLine: { show: false },
  axisLabel: { color: REPORT_COLOURS.text, fontSize: 10, width, overflow: 'truncate' }
})

/** A value with its 95% interval; null where there is no value. */
export interface IntervalPoint {
  value: number | null
  low: number | null
  high: number | null
}

/** Vertical or horizontal whiskers with caps: [value axis low, value axis high, category index]. */
function whiskers(
  colours: readonly string[],
  orientation: 'vertical' | 'horizontal'
): CustomSeriesRenderItem {
  return (params, api) => {
    const at = (value: number, index: number): number[] =>
      api.coord(orientation === 'vertical' ? [index, value] : [value, index]) as number[]
    const index = api.value(2) as number
    const [ax = 0, ay = 0] = at(api.value(0) as number, index)
    const [bx = 0, by = 0] = at(api.value(1) as number, index)
    const style = { stroke: colours[params.dataIndex] ?? REPORT_COLOURS.neutral, lineWidth: 1.4 }
    const cap = 4
    const caps =
      orientation === 'vertical'
        ? [
            { x1: ax - cap, y1: ay, x2: ax + cap, y2: ay },
            { x1: bx - cap, y1: by, x2: bx + cap, y2: by }
          ]
        : [
            { x1: ax, y1: ay - cap, x2: ax, y2: ay + cap },
            { x1: bx, y1: by - cap, x2: bx, y2: by + cap }
          ]
    return {
      type: 'group',
      children: [{ x1: ax, y1: ay, x2: bx, y2: by }, ...caps].map((shape) => ({
        type: 'line' as const,
        shape,
        style
      }))
    }
  }
}

/** Axis bounds with some room around the values, within the metric's possible range. */
function bounds(values: readonly number[], floor: number, ceiling: number, step: number): [number, number] {
  if (values.length === 0) return [floor, ceiling]
  const low = Math.max(floor, Math.floor((Math.min(...values) - step / 2) / step) * step)
  const high = Math.min(ceiling, Math.ceil((Math.max(...values) + step / 2) / step) * step)
  return low < high ? [low, high] : [floor, ceiling]
}

/**
 * A monthly trend: the value as a line with markers, its 95% interval as error bars, and the
 * report's quarter shaded. Months without a value are gaps.
 */
export function trendChart(options: {
  label: string
  /** Unique in the page (letters, digits, dashes). */
  id: string
  categories: readonly string[]
  points: readonly IntervalPoint[]
  /** First and last category of the report's quarter. */
  highlight: [string, string] | null
  colour: string
  /** The metric's possible range (CSAT 0–100 %, NPS −100–100). */
  range: [number, number]
  format: (value: number) => string
  height?: number
}): string {
  const { points } = options
  const seen = points.flatMap((p) => [p.value, p.low, p.high]).filter((v): v is number => v !== null)
  const [min, max] = bounds(seen, options.range[0], options.range[1], 10)
  const bars = points.flatMap((p, i) => (p.low !== null && p.high !== null ? [[p.low, p.high, i]] : []))
  const option: EChartsCoreOption = {
    grid: { top: 16, right: 16, bottom: 26, left: 44 },
    xAxis: {
      type: 'category',
      data: [...options.categories],
      boundaryGap: true,
      ...axisStyle,
      splitLine: { show: false }
    },
    yAxis: {
      type: 'value',
      min,
      max,
      ...axisStyle,
      axisLine: { show: false },
      axisLabel: { ...axisStyle.axisLabel, formatter: options.format }
    },
    series: [
      {
        type: 'custom',
        renderItem: whiskers(
          bars.map(() => options.colour),
          'vertical'
        ),
        data: bars,
        encode: { x: 2, y: [0, 1] },
        z: 2,
        silent: true
      },
      {
        type: 'line',
        data: points.map((p) => (p.value === null ? '-' : p.value)),
        connectNulls: false,
        symbol: 'circle',
        symbolSize: 6,
        lineStyle: { color: options.colour, width: 2 },
        itemStyle: { color: options.colour },
        z: 3,
        silent: true,
        ...(options.highlight
          ? {
              markArea: {
                silent: true,
                itemStyle: { color: REPORT_COLOURS.highlight },
                data: [[{ xAxis: options.highlight[0] }, { xAxis: options.highlight[1] }]]
              }
            }
          : {})
      }
    ]
  }
  return renderSvg(option, { width: CHART_WIDTH, height: options.height ?? 190 }, options)
}

/** Tickets per theme in the quarter against the previous one, as horizontal bars, largest on top. */
export function themeBarsChart(options: {
  label: string
  /** Unique in the page (letters, digits, dashes). */
  id: string
  themes: readonly string[]
  current: readonly number[]
  previous: readonly number[]
  currentName: string
  previousName: string
  format: (value: number) => string
}): string {
  const rowHeight = 26
  const height = 44 + Math.max(1, options.themes.length) * rowHeight
  const option: EChartsCoreOption = {
    grid: { top: 30, right: 40, bottom: 14, left: 190 },
    legend: legend([options.currentName, options.previousName]),
    xAxis: { type: 'value', ...axisStyle, axisLabel: { ...axisStyle.axisLabel, formatter: options.format } },
    yAxis: rowAxis(options.themes, 180),
    series: [
      {
        name: options.currentName,
        type: 'bar',
        data: [...options.current],
        barGap: '10%',
        barWidth: 9,
        itemStyle: { color: REPORT_COLOURS.current },
        label: {
          show: true,
          position: 'right',
          fontSize: 9,
          color: REPORT_COLOURS.muted,
          formatter: (p: { value: number }) => options.format(p.value)
        },
        silent: true
      },
      {
        name: options.previousName,
        type: 'bar',
        data: [...options.previous],
        barWidth: 9,
        itemStyle: { color: REPORT_COLOURS.previous },
        silent: true
      }
    ]
  }
  return renderSvg(option, { width: CHART_WIDTH, height }, options)
}

/** A row of the experiments' forest plot: the relative lift in percent, its interval, its colour. */
export interface ForestRow {
  label: string
  lift: number | null
  low: number | null
  high: number | null
  colour: string
}

/**
 * Relative lifts of the primary metrics with their 95% intervals, one row per experiment; dashed
 * lines at no difference and at the minimum practical lift (when it is relative).
 */
export function forestChart(options: {
  label: string
  /** Unique in the page (letters, digits, dashes). */
  id: string
  rows: readonly ForestRow[]
  threshold: { value: number; label: string } | null
  format: (value: number) => string
}): string {
  const { rows } = options
  const seen = rows
    .flatMap((r) => [r.lift, r.low, r.high])
    .filter((v): v is number => v !== null)
    .concat([0, options.threshold?.value ?? 0])
  const [min, max] = bounds(seen, -1000, 1000, 5)
  const bars = rows.flatMap((r, i) => (r.low !== null && r.high !== null ? [[r.low, r.high, i]] : []))
  const barColours = rows.flatMap((r) => (r.low !== null && r.high !== null ? [r.colour] : []))
  const lines = [
    { xAxis: 0, lineStyle: { color: REPORT_COLOURS.axis, type: 'dashed' }, label: { show: false } },
    ...(options.threshold
      ? [
          {
            xAxis: options.threshold.value,
            lineStyle: { color: REPORT_COLOURS.positive, type: 'dashed' },
            label: {
              show: true,
              // The category axis runs top down, so the line starts at the top.
              position: 'start',
              formatter: options.threshold.label,
              color: REPORT_COLOURS.positive,
              fontSize: 9
            }
          }
        ]
      : [])
  ]
  const option: EChartsCoreOption = {
    grid: { top: 24, right: 24, bottom: 24, left: 230 },
    xAxis: {
      type: 'value',
      min,
      max,
      ...axisStyle,
      axisLabel: { ...axisStyle.axisLabel, formatter: options.format }
    },
    yAxis: rowAxis(
      rows.map((r) => r.label),
      220
    ),
    series: [
      {
        type: 'custom',
        renderItem: whiskers(barColours, 'horizontal'),
        data: bars,
        encode: { x: [0, 1], y: 2 },
        silent: true
      },
      {
        type: 'scatter',
        data: rows.map((r, i) => ({
          value: [r.lift === null ? '-' : r.lift, i],
          itemStyle: { color: r.colour }
        })),
        symbolSize: 8,
        silent: true,
        markLine: { silent: true, symbol: 'none', data: lines }
      }
    ]
  }
  return renderSvg(option, { width: CHART_WIDTH, height: 46 + Math.max(1, rows.length) * 30 }, options)
}

/** One row of the priority chart: the factors of its score. */
export interface ScoreFactors {
  label: string
  reach: number
  impact: number
  confidence: number
  effort: number
}

/**
 * What moves each score: the score is reach × impact × confidence ÷ effort, so on a log scale it
 * is the sum of the factors' logarithms — a stacked bar whose segments right of 1 raise the score
 * and left of it lower it, with a dot at the score itself. Rows without reach (score 0) have no
 * logarithm and are left out by the caller.
 */
export function scoreFactorsChart(options: {
  label: string
  /** Unique in the page (letters, digits, dashes). */
  id: string
  rows: readonly ScoreFactors[]
  names: { reach: string; impact: string; confidence: string; effort: string; score: string }
  format: (value: number) => string
}): string {
  const { rows, names } = options
  const log = Math.log10
  const segment = (name: string, colour: string, values: number[]): EChartsCoreOption => ({
    name,
    type: 'bar',
    stack: 'factors',
    barWidth: 12,
    data: values,
    itemStyle: { color: colour },
    silent: true
  })
  const scores = rows.map((r) => log(r.reach) + log(r.impact) + log(r.confidence) - log(r.effort))
  const ends = rows.flatMap((r) => {
    const up = Math.max(0, log(r.reach)) + Math.max(0, log(r.impact)) + Math.max(0, -log(r.effort))
    const down =
      Math.min(0, log(r.reach)) + Math.min(0, log(r.impact)) + log(r.confidence) - Math.max(0, log(r.effort))
    return [up, down]
  })
  const min = Math.floor(Math.min(0, ...ends))
  const max = Math.ceil(Math.max(1, ...ends))
  const option: EChartsCoreOption = {
    grid: { top: 30, right: 24, bottom: 24, left: 190 },
    legend: legend([names.reach, names.impact, names.confidence, names.effort, names.score]),
    xAxis: {
      type: 'value',
      min,
      max,
      interval: 1,
      ...axisStyle,
      axisLabel: { ...axisStyle.axisLabel, formatter: (v: number) => options.format(10 ** v) }
    },
    yAxis: rowAxis(
      rows.map((r) => r.label),
      180
    ),
    series: [
      segment(
        names.reach,
        REPORT_COLOURS.reach,
        rows.map((r) => log(r.reach))
      ),
      segment(
        names.impact,
        REPORT_COLOURS.impact,
        rows.map((r) => log(r.impact))
      ),
      segment(
        names.confidence,
        REPORT_COLOURS.confidence,
        rows.map((r) => log(r.confidence))
      ),
      segment(
        names.effort,
        REPORT_COLOURS.effort,
        rows.map((r) => -log(r.effort))
      ),
      {
        name: names.score,
        type: 'scatter',
        data: scores.map((s, i) => [s, i]),
        symbolSize: 8,
        itemStyle: { color: REPORT_COLOURS.text },
        z: 5,
        silent: true
      }
    ]
  }
  return renderSvg(option, { width: CHART_WIDTH, height: 48 + Math.max(1, rows.length) * 24 }, options)
}

/** A label cut to a length, with an ellipsis (code points, so that Chinese is not split). */
export function shorten(text: string, max: number): string {
  const chars = [...text]
  return chars.length <= max ? text : chars.slice(0, max - 1).join('') + '…'
}
