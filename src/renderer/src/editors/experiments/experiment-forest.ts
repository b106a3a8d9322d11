import type { ComposeOption } from 'echarts/core'
import type { CustomSeriesOption, ScatterSeriesOption } from 'echarts/charts'
import type { CustomSeriesRenderItem } from 'echarts'
import type {
  GridComponentOption,
  MarkLineComponentOption,
  TitleComponentOption,
  TooltipComponentOption
} from 'echarts/components'
import type { ChartFrame, ChartMode, ChartPalette } from '../metrics/metrics-charts'
import { chartChrome } from '../metrics/metrics-charts'
import type { ForestRow } from './experiment-model'
import { forestAxis } from './experiment-model'

export type ForestOption = ComposeOption<
  | CustomSeriesOption
  | ScatterSeriesOption
  | GridComponentOption
  | MarkLineComponentOption
  | TitleComponentOption
  | TooltipComponentOption
>

/** Height of one metric × arm row of the forest plot. */
export const FOREST_ROW_HEIGHT = 34

/** The plot's frame: room on the left for the row labels, above for the lines' labels. */
export function forestFrame(labels: readonly string[]): ChartFrame {
  const longest = labels.reduce((n, l) => Math.max(n, [...l].length), 0)
  return { top: 24, right: 24, bottom: 28, left: Math.round(Math.min(280, Math.max(96, longest * 6.6 + 18))) }
}

/** The drawing's height for a number of rows. */
export function forestHeight(rows: number, frame: ChartFrame): number {
  return frame.top + frame.bottom + Math.max(1, rows) * FOREST_ROW_HEIGHT
}

/** What the forest plot's words say, in the UI language. */
export interface ForestText {
  labels: readonly string[]
  axis: (value: number) => string
  /** Null when the minimum lift is absolute, and so not on this relative scale. */
  threshold: { value: number; label: string } | null
}

/**
 * A forest plot of relative lifts (percent): one row per metric × arm, the point estimate with
 * its 95% interval as whiskers, coloured when significant (up or down); dashed vertical lines at
 * no difference and at the minimum practical lift.
 */
export function forestOption(
  rows: readonly ForestRow[],
  palette: ChartPalette,
  mode: ChartMode,
  text: ForestText,
  /** A sample-ratio mismatch: nothing is coloured as a win or a loss. */
  invalid = false
): ForestOption {
  const { min, max, interval } = forestAxis(rows, text.threshold?.value ?? null)
  const colour = (r: ForestRow): string =>
    !invalid && r.significant && r.lift !== null
      ? r.lift >= 0
        ? palette.positive
        : palette.negative
      : palette.fg
  const whiskers = rows.flatMap((r, i) => (r.low !== null && r.high !== null ? [[r.low, r.high, i]] : []))
  const whiskerColours = rows.flatMap((r) => (r.low !== null && r.high !== null ? [colour(r)] : []))
  const renderItem: CustomSeriesRenderItem = (params, api) => {
    const low = api.coord([api.value(0), api.value(2)]) as number[]
    const high = api.coord([api.value(1), api.value(2)]) as number[]
    const cap = (api.size?.([0, 1]) as number[] | undefined)?.[1] ?? FOREST_ROW_HEIGHT
    const half = Math.min(6, cap * 0.2)
    const stroke = whiskerColours[params.dataIndex] ?? palette.fg
    const style = { stroke, lineWidth: 1.5 }
    const [x1 = 0, y = 0] = low
    const [x2 = 0] = high
    return {
      type: 'group',
      children: [
        { type: 'line', shape: { x1, y1: y, x2, y2: y }, style },
        { type: 'line', shape: { x1, y1: y - half, x2: x1, y2: y + half }, style },
        { type: 'line', shape: { x1: x2, y1: y - half, x2, y2: y + half }, style }
      ]
    }
  }
  const line = (
    value: number,
    label: string | null,
    color: string
  ): NonNullable<MarkLineComponentOption['data']>[number] => ({
    xAxis: value,
    lineStyle: { color, type: 'dashed', width: 1 },
    // The y axis runs top-down (inverse), so the line's start is at the top, clear of the x axis' labels.
    label: label
      ? { formatter: label, color, fontSize: 10.5, fontFamily: palette.font, position: 'start' }
      : { show: false }
  })
  return {
    ...chartChrome(palette, mode, {
      axisPointer: { type: 'shadow', shadowStyle: { color: palette.grid } },
      // Whiskers carry their row as their last value; markers use their data index.
      index: (item) =>
        Array.isArray(item.value) ? Number(item.value[item.value.length - 1]) : (item.dataIndex ?? 0)
    }),
    xAxis: {
      type: 'value',
      min,
      max,
      interval,
      axisLabel: { color: palette.muted, fontSize: 11, formatter: text.axis },
      axisLine: { show: false },
      splitLine: { lineStyle: { color: palette.grid } }
    },
    yAxis: {
      type: 'category',
      inverse: true,
      data: [...text.labels],
      axisTick: { show: false },
      axisLine: { lineStyle: { color: palette.axis } },
      axisLabel: { color: palette.fg, fontSize: 11.5, width: mode.frame.left - 12, overflow: 'truncate' }
    },
    series: [
      {
        type: 'custom',
        name: 'interval',
        renderItem,
        encode: { x: [0, 1], y: 2 },
        data: whiskers,
        silent: true,
        z: 2
      },
      {
        type: 'scatter',
        name: 'lift',
        symbol: 'diamond',
        symbolSize: 11,
        data: rows.flatMap((r, i) =>
          r.lift === null
            ? []
            : [
                {
                  value: [r.lift, i],
                  itemStyle: { color: colour(r), borderColor: palette.background, borderWidth: 1 }
                }
              ]
        ),
        z: 3,
        markLine: {
          silent: true,
          symbol: 'none',
          animation: false,
          data: [
            // Zero is labelled by its axis; a label of its own would collide with a nearby threshold's.
            line(0, null, palette.muted),
            ...(text.threshold ? [line(text.threshold.value, text.threshold.label, palette.threshold)] : [])
          ]
        }
      }
    ]
  }
}
