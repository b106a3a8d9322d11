import { useMemo, useSyncExternalStore } from 'react'
import type { ChartPalette } from './metrics-charts'

/** Changes of the theme and language attributes on the root element, where the CSS variables hang. */
function subscribe(onChange: () => void): () => void {
  const observer = new MutationObserver(onChange)
  observer.observe(document.documentElement, { attributes: true, attributeFilter: ['data-theme', 'lang'] })
  return () => observer.disconnect()
}

const snapshot = (): string =>
  `${document.documentElement.dataset.theme ?? ''}|${document.documentElement.lang}`

/** The chart colours of a theme, from its CSS variables (`--lb-chart-*` and the base ones). */
function readPalette(): ChartPalette {
  const style = getComputedStyle(document.documentElement)
  const value = (name: string, fallback: string): string => style.getPropertyValue(name).trim() || fallback
  const number = (name: string, fallback: number): number => {
    const n = Number.parseFloat(style.getPropertyValue(name))
    return Number.isFinite(n) ? n : fallback
  }
  return {
    fg: value('--lb-fg', '#cccccc'),
    muted: value('--lb-fg-muted', '#9d9d9d'),
    strong: value('--lb-fg-strong', '#e7e7e7'),
    background: value('--lb-bg-editor', '#1f1f1f'),
    elevated: value('--lb-bg-elevated', '#252526'),
    border: value('--lb-border-strong', '#3c3c3c'),
    grid: value('--lb-chart-grid', 'rgba(128, 128, 128, 0.15)'),
    axis: value('--lb-chart-axis', '#3c3c3c'),
    // Single quotes: ECharts writes the family into a double-quoted style attribute of exported
    // SVG without escaping, and a double quote there would make the file unreadable.
    font: (getComputedStyle(document.body).fontFamily || 'sans-serif').replace(/"/g, "'"),
    csat: value('--lb-chart-csat', '#3794ff'),
    nps: value('--lb-chart-nps', '#c586c0'),
    bandOpacity: number('--lb-chart-band-opacity', 0.2),
    bandEdgeOpacity: number('--lb-chart-band-edge-opacity', 0),
    detractors: value('--lb-chart-detractors', '#f14c4c'),
    passives: value('--lb-chart-passives', '#cca700'),
    promoters: value('--lb-chart-promoters', '#3fb950'),
    positive: value('--lb-success', '#2ea043'),
    negative: value('--lb-error', '#f85149'),
    threshold: value('--lb-warning', '#cca700')
  }
}

/** The chart palette of the theme in effect; a new one whenever the theme (or language) changes. */
export function useChartPalette(): ChartPalette {
  const key = useSyncExternalStore(subscribe, snapshot, () => '')
  // The key is what the palette depends on; the values themselves live in the stylesheet.
  // eslint-disable-next-line react-hooks/exhaustive-deps
  return useMemo(() => readPalette(), [key])
}
