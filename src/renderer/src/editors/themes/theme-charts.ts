import type { ThemeBreakdownRow } from '@shared/domain/themes'
import type { ChartMode, ChartOption, ChartPalette } from '../metrics/metrics-charts'
import { chartChrome } from '../metrics/metrics-charts'

/**
 * A theme's tickets per period as bars, in the metrics charts' frame, colours and tooltip (the
 * same chrome, so that a theme's chart exports like the dashboard's).
 */
export function themeTrendOption(
  rows: readonly ThemeBreakdownRow[],
  palette: ChartPalette,
  mode: ChartMode,
  countLabel: (value: number) => string
): ChartOption {
  const dense = rows.length > 30
  return {
    ...chartChrome(palette, mode, {
      axisPointer: { type: 'shadow', shadowStyle: { color: palette.grid } }
    }),
    xAxis: {
      type: 'category',
      data: rows.map((r) => r.key),
      axisLine: { lineStyle: { color: palette.axis } },
      axisTick: { show: false },
      axisLabel: { color: palette.muted, fontSize: 11, hideOverlap: true }
    },
    yAxis: {
      type: 'value',
      minInterval: 1,
      splitNumber: 4,
      axisLabel: { color: palette.muted, fontSize: 11, formatter: countLabel },
      splitLine: { lineStyle: { color: palette.grid } }
    },
    series: [
      {
        type: 'bar',
        name: 'tickets',
        data: rows.map((r) => (Number.isFinite(r.count) ? r.count : 0)),
        barCategoryGap: dense ? '18%' : '32%',
        barMaxWidth: 36,
        itemStyle: { color: palette.csat, borderRadius: [2, 2, 0, 0] },
        emphasis: { focus: 'none' }
      }
    ]
  }
}
