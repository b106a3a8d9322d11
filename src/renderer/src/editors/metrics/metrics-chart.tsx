import type { KeyboardEvent, ReactElement } from 'react'
import { useEffect, useRef, useState } from 'react'
import { init, use as registerEcharts } from 'echarts/core'
import type { EChartsCoreOption, EChartsType } from 'echarts/core'
import { BarChart, LineChart } from 'echarts/charts'
import { GridComponent, LegendComponent, TitleComponent, TooltipComponent } from 'echarts/components'
import { SVGRenderer } from 'echarts/renderers'
import { Codicon } from '../../components/codicon'
import { toErrorData } from '../../i18n/error-message'
import { useI18n } from '../../i18n/i18n-context'
import { useWorkbench } from '../../state/workbench-context'
import { downloadBlob, svgToPng } from './chart-export'
import type { ChartFrame, ChartMode } from './metrics-charts'
import { CHART_HEIGHT, EXPORT_HEADER, categoryBands, categoryRows } from './metrics-charts'
import { chartFileName } from './metrics-model'
import './metrics-chart.css'

registerEcharts([
  LineChart,
  BarChart,
  GridComponent,
  LegendComponent,
  TitleComponent,
  TooltipComponent,
  SVGRenderer
])

/** Exports are at least this wide, so that a chart from a narrow window still reads well on a slide. */
const EXPORT_MIN_WIDTH = 720

/** One category of a chart (a period, an answer), as a target for the pointer and the keyboard. */
export interface ChartTarget {
  /** What a screen reader says, and the tooltip of the hit area. */
  label: string
  /** An attribute that names the target for tests and styling, e.g. `data-key="2026-Q3"`. */
  data: Record<`data-${string}`, string>
}

/**
 * A chart of the dashboard: a header with its title and export buttons, the ECharts drawing (SVG
 * renderer), and over its plot one hit area per category that opens the comments behind it. The
 * hit areas make the chart usable from the keyboard (arrow keys move between them, Enter opens)
 * and show the chart's tooltip on hover and focus.
 */
export function MetricsChart({
  id,
  title,
  note,
  legend,
  fileLabel,
  exportSubtitle,
  frame,
  render,
  tooltip,
  targets,
  targetsLabel,
  empty,
  selected,
  onPick,
  height = CHART_HEIGHT,
  layout = 'columns'
}: {
  /** Names the chart's test ids and its exported files (`loopbench-<id>-…`). */
  id: string
  title: string
  note: string
  legend?: ReactElement
  /** The period (or date) the export's file name ends with. */
  fileLabel: string | null
  /** The subtitle drawn into exports (the range and grouping). */
  exportSubtitle: string
  frame: ChartFrame
  /** The chart's ECharts option; charts other than the dashboard's register their series types. */
  render: (mode: ChartMode) => EChartsCoreOption
  /** The tooltip of a category, as HTML (escaped by the caller). */
  tooltip: (index: number) => string
  targets: readonly ChartTarget[]
  targetsLabel: string
  /** A message instead of the chart when there is nothing to draw. */
  empty: string | null
  /** The category whose comments are open (marked); -1 when none. */
  selected: number
  onPick(index: number): void
  /** The drawing's height in pixels (exports add their header). */
  height?: number
  /** Categories along the x axis (columns, the default) or down the y axis (rows, e.g. a forest plot). */
  layout?: 'columns' | 'rows'
}): ReactElement {
  const wb = useWorkbench()
  const { t } = useI18n()
  const host = useRef<HTMLDivElement>(null)
  const chart = useRef<EChartsType | null>(null)
  const hits = useRef<Array<HTMLButtonElement | null>>([])
  const [width, setWidth] = useState(0)
  const [current, setCurrent] = useState(0)
  const [exporting, setExporting] = useState(false)

  useEffect(() => {
    const element = host.current
    if (!element) return
    const observer = new ResizeObserver((entries) => {
      const box = entries[0]?.contentRect
      if (box) setWidth(Math.floor(box.width))
    })
    observer.observe(element)
    return () => observer.disconnect()
  }, [])

  useEffect(
    () => () => {
      chart.current?.dispose()
      chart.current = null
    },
    []
  )

  // Drawn only while visible: a hidden editor has no width, and ECharts would draw nothing.
  useEffect(() => {
    const element = host.current
    if (!element || width === 0 || empty) return
    const instance = chart.current ?? init(element, undefined, { renderer: 'svg', width, height })
    chart.current = instance
    instance.resize({ width, height })
    instance.setOption(render({ frame, tooltip }), { notMerge: true })
  }, [width, height, render, tooltip, frame, empty])

  const bands = (layout === 'rows' ? categoryRows : categoryBands)(targets.length, width, height, frame)
  const focusIndex = Math.min(current, Math.max(0, targets.length - 1))

  const showTip = (index: number): void => {
    const band = bands[index]
    if (!band || !chart.current) return
    chart.current.dispatchAction({
      type: 'showTip',
      x: band.left + band.width / 2,
      y: band.top + band.height / 2
    })
  }
  const hideTip = (): void => {
    chart.current?.dispatchAction({ type: 'hideTip' })
    // The axis pointer stays where the tip put it unless told that the pointer left.
    chart.current?.dispatchAction({ type: 'updateAxisPointer', currTrigger: 'leave' })
  }
  const onKeyDown = (e: KeyboardEvent<HTMLButtonElement>, index: number): void => {
    const last = targets.length - 1
    const next =
      e.key === 'ArrowRight' || e.key === 'ArrowDown'
        ? Math.min(last, index + 1)
        : e.key === 'ArrowLeft' || e.key === 'ArrowUp'
          ? Math.max(0, index - 1)
          : e.key === 'Home'
            ? 0
            : e.key === 'End'
              ? last
              : null
    if (next === null) return
    e.preventDefault()
    setCurrent(next)
    hits.current[next]?.focus()
  }

  const exportAs = async (extension: 'png' | 'svg'): Promise<void> => {
    const exportWidth = Math.max(EXPORT_MIN_WIDTH, width)
    const exportHeight = height + EXPORT_HEADER
    const name = chartFileName(id, fileLabel, extension)
    setExporting(true)
    try {
      const drawing = init(null, undefined, {
        renderer: 'svg',
        ssr: true,
        width: exportWidth,
        height: exportHeight
      })
      let svg: string
      try {
        drawing.setOption(render({ frame, title: { text: title, subtext: exportSubtitle } }))
        svg = drawing.renderToSVGString()
      } finally {
        drawing.dispose()
      }
      const blob =
        extension === 'svg'
          ? new Blob([svg], { type: 'image/svg+xml;charset=utf-8' })
          : await svgToPng(svg, exportWidth, exportHeight, 2)
      downloadBlob(blob, name)
      wb.output('info', { key: 'metrics.chart.exported', params: { file: name } })
    } catch (error) {
      wb.reportError(toErrorData(error), `export ${name}`)
    } finally {
      setExporting(false)
    }
  }

  return (
    <section className="lb-metrics-chart" data-testid={`metrics-chart-${id}`} aria-label={title}>
      <header className="lb-metrics-chart-head">
        <div className="lb-metrics-chart-titles">
          <h3>{title}</h3>
          <p>{note}</p>
        </div>
        {legend}
        <div className="lb-metrics-chart-actions">
          <button
            type="button"
            className="lb-icon-button lb-metrics-export"
            title={t('metrics.chart.exportPng')}
            aria-label={`${t('metrics.chart.exportPng')}: ${title}`}
            disabled={exporting || !!empty}
            data-testid={`metrics-export-png-${id}`}
            onClick={() => void exportAs('png')}
          >
            <Codicon name="file-media" />
            <span>PNG</span>
          </button>
          <button
            type="button"
            className="lb-icon-button lb-metrics-export"
            title={t('metrics.chart.exportSvg')}
            aria-label={`${t('metrics.chart.exportSvg')}: ${title}`}
            disabled={exporting || !!empty}
            data-testid={`metrics-export-svg-${id}`}
            onClick={() => void exportAs('svg')}
          >
            <Codicon name="file-code" />
            <span>SVG</span>
          </button>
        </div>
      </header>
      <div className="lb-metrics-chart-body" style={{ height }}>
        <div ref={host} className="lb-metrics-chart-canvas" hidden={!!empty} />
        {empty ? (
          <p className="lb-metrics-chart-empty">{empty}</p>
        ) : (
          <div className="lb-metrics-chart-hits" role="group" aria-label={targetsLabel}>
            {bands.map((band, index) => {
              const target = targets[index]
              if (!target) return null
              return (
                <button
                  key={index}
                  ref={(el) => {
                    hits.current[index] = el
                  }}
                  type="button"
                  className={`lb-metrics-chart-hit${index === selected ? ' is-selected' : ''}`}
                  style={band}
                  tabIndex={index === focusIndex ? 0 : -1}
                  aria-label={target.label}
                  aria-pressed={index === selected}
                  data-testid={`metrics-hit-${id}`}
                  {...target.data}
                  onClick={() => onPick(index)}
                  onMouseEnter={() => showTip(index)}
                  onMouseLeave={hideTip}
                  onFocus={() => {
                    setCurrent(index)
                    showTip(index)
                  }}
                  onBlur={hideTip}
                  onKeyDown={(e) => onKeyDown(e, index)}
                />
              )
            })}
          </div>
        )}
      </div>
    </section>
  )
}
