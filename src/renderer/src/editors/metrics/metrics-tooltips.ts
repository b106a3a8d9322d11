import type { MetricsGroup } from '@shared/domain/metrics'
import type { MetricId, MetricsText } from './metrics-format'
import { escapeHtml } from '@shared/html'
import {
  answersText,
  changeText,
  csatIntervalText,
  csatValueText,
  npsIntervalText,
  npsValueText,
  responsesText,
  significanceText
} from './metrics-format'

const line = (text: string, muted = false): string =>
  `<div${muted ? ' style="opacity:.75"' : ''}>${escapeHtml(text)}</div>`

/** The tooltip of one period of a trend: value, interval, responses and the change. */
export function trendTooltip(f: MetricsText, metric: MetricId, group: MetricsGroup): string {
  const summary = metric === 'csat' ? group.csat : group.nps
  const name = f.t(metric === 'csat' ? 'metrics.csat' : 'metrics.nps')
  const value = metric === 'csat' ? csatValueText(f, group.csat) : npsValueText(f, group.nps)
  const interval = metric === 'csat' ? csatIntervalText(f, group.csat) : npsIntervalText(f, group.nps)
  const test = metric === 'csat' ? group.change.csat : group.change.nps
  const parts = [
    `<div style="font-weight:600;margin-bottom:2px">${escapeHtml(group.key ?? '')}</div>`,
    line(`${name} ${value}`),
    line(f.t('metrics.ci', { interval }), true),
    line(responsesText(f, summary.n), true)
  ]
  if (summary.n > 0 && test) {
    const against = group.change.against
    const vs = against ? f.t('metrics.changeVs', { against }) : f.t('metrics.changeVsNone')
    parts.push(
      line(
        f.t('metrics.chart.changeLine', {
          vs,
          change: changeText(f, metric, test),
          significance: significanceText(f, test)
        })
      )
    )
  }
  return parts.join('')
}

/** The tooltip of one bar of the NPS distribution. */
export function distributionTooltip(f: MetricsText, score: number, count: number, total: number): string {
  const share = total > 0 ? count / total : null
  return [
    `<div style="font-weight:600;margin-bottom:2px">${escapeHtml(f.t('metrics.score', { score }))}</div>`,
    line(answersText(f, count)),
    ...(share === null ? [] : [line(f.fmt.percent(share, 1, 1), true)])
  ].join('')
}
