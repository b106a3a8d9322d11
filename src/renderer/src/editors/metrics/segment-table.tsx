import type { ReactElement } from 'react'
import { useId, useMemo, useState } from 'react'
import type { ChangeTest, MetricsGroup, MetricsReport } from '@shared/domain/metrics'
import { Codicon } from '../../components/codicon'
import { useI18n } from '../../i18n/i18n-context'
import type { MetricId } from './metrics-format'
import {
  adjustedPText,
  changeDetails,
  changeText,
  csatIntervalText,
  csatValueText,
  formatCount,
  groupLabel,
  groupingLabel,
  npsIntervalText,
  npsValueText,
  reasonText
} from './metrics-format'
import type { SegmentColumn, SegmentSort } from './metrics-model'
import { nextSort, segmentRows } from './metrics-model'

const METRIC_COLUMNS = ['n', 'value', 'interval', 'change', 'p'] as const
type MetricColumn = (typeof METRIC_COLUMNS)[number]

/**
 * CSAT and NPS per group of a segment, each group against all other responses in the range:
 * sortable by any column (the header buttons; aria-sort says how), filterable by the group's
 * name; a row opens the comments of its group.
 */
export function SegmentTable({
  report,
  selectedKey,
  onPick
}: {
  report: MetricsReport
  /** The group whose comments are open (highlighted); undefined when none. */
  selectedKey: string | null | undefined
  onPick(group: MetricsGroup): void
}): ReactElement {
  const i18n = useI18n()
  const { t, fmt } = i18n
  const filterId = useId()
  const [filter, setFilter] = useState('')
  const [sort, setSort] = useState<SegmentSort | null>(null)
  const segmentName = groupingLabel(i18n, report.by)
  const rows = useMemo(
    () => segmentRows(report.groups, filter, sort, (key) => groupLabel(i18n, key), fmt.locale),
    [report.groups, filter, sort, i18n, fmt.locale]
  )
  const columnTitle = (column: MetricColumn): string => t(`metrics.col.${column}`)
  const ariaSort = (column: SegmentColumn): 'ascending' | 'descending' | 'none' =>
    sort?.column === column ? sort.direction : 'none'

  const header = (column: SegmentColumn, label: string, metric?: MetricId): ReactElement => (
    <th
      key={column}
      scope="col"
      aria-sort={ariaSort(column)}
      className={column === 'group' ? 'is-group' : `is-${column.split('-')[1] ?? ''}`}
      {...(metric ? { 'data-metric': metric } : {})}
    >
      <button
        type="button"
        className="lb-metrics-sort"
        title={t('metrics.sort.by', { column: metric ? `${t(`metrics.${metric}`)} · ${label}` : label })}
        data-testid={`metrics-sort-${column}`}
        onClick={() => setSort(nextSort(sort, column))}
      >
        <span>{label}</span>
        <Codicon
          name={
            sort?.column === column
              ? sort.direction === 'ascending'
                ? 'arrow-up'
                : 'arrow-down'
              : 'arrow-both'
          }
          className={sort?.column === column ? 'is-sorted' : 'is-unsorted'}
        />
      </button>
    </th>
  )

  return (
    <section
      className="lb-metrics-segments"
      data-testid="metrics-segments"
      aria-labelledby="lb-metrics-segments"
    >
      <header className="lb-metrics-section-head">
        <h2 id="lb-metrics-segments">{t('metrics.segments.title', { segment: segmentName })}</h2>
        <label htmlFor={filterId} className="lb-visually-hidden">
          {t('metrics.segments.filter')}
        </label>
        <span className="lb-metrics-filter">
          <Codicon name="filter" />
          <input
            id={filterId}
            className="lb-input"
            type="search"
            placeholder={t('metrics.segments.filter')}
            spellCheck={false}
            autoComplete="off"
            value={filter}
            data-testid="metrics-segment-filter"
            onChange={(e) => setFilter(e.target.value)}
          />
        </span>
      </header>
      <div className="lb-metrics-table-wrap">
        <table className="lb-metrics-table" data-testid="metrics-segment-table">
          <thead>
            <tr>
              <td className="is-group-head" />
              <th scope="colgroup" colSpan={5} className="is-metric-head">
                {t('metrics.csat')}
              </th>
              <th scope="colgroup" colSpan={5} className="is-metric-head is-nps">
                {t('metrics.nps')}
              </th>
            </tr>
            <tr>
              {header('group', segmentName)}
              {METRIC_COLUMNS.map((c) => header(`csat-${c}`, columnTitle(c), 'csat'))}
              {METRIC_COLUMNS.map((c) => header(`nps-${c}`, columnTitle(c), 'nps'))}
            </tr>
          </thead>
          <tbody>
            {rows.map((group) => (
              <SegmentRow
                key={group.key ?? '\u0000'}
                group={group}
                settings={report.settings}
                selected={selectedKey !== undefined && selectedKey === group.key}
                onPick={() => onPick(group)}
              />
            ))}
          </tbody>
        </table>
        {rows.length === 0 && (
          <p className="lb-metrics-table-empty" data-testid="metrics-segment-nomatch">
            {t('metrics.segments.noMatch', { filter: filter.trim() })}
          </p>
        )}
      </div>
      <p className="lb-metrics-section-note">
        {t('metrics.segments.note', { alpha: fmt.number(report.settings.significanceLevel, 3) })}
      </p>
    </section>
  )
}

function SegmentRow({
  group,
  settings,
  selected,
  onPick
}: {
  group: MetricsGroup
  settings: MetricsReport['settings']
  selected: boolean
  onPick(): void
}): ReactElement {
  const i18n = useI18n()
  const { t } = i18n
  const label = groupLabel(i18n, group.key)
  const metricCells = (metric: MetricId): ReactElement[] => {
    const summary = metric === 'csat' ? group.csat : group.nps
    const test: ChangeTest | null = group.change[metric]
    const details = changeDetails(i18n, test, group.change.against, settings).join('\n')
    const direction = test?.diff ? (test.diff > 0 ? 'up' : 'down') : null
    const tooFew = summary.reason === 'too_few_responses' && summary.n > 0
    return [
      <td key="n" className="is-n" data-testid={`metrics-cell-${metric}-n`}>
        {formatCount(i18n, summary.n)}
      </td>,
      <td
        key="value"
        className={`is-value${tooFew ? ' is-tentative' : ''}`}
        title={tooFew ? reasonText(i18n, summary.reason) : undefined}
      >
        <span data-testid={`metrics-cell-${metric}-value`}>
          {metric === 'csat' ? csatValueText(i18n, group.csat) : npsValueText(i18n, group.nps)}
        </span>
        {tooFew && (
          <Codicon name="warning" label={reasonText(i18n, summary.reason)} className="lb-metrics-flag" />
        )}
      </td>,
      <td key="interval" className="is-interval" data-testid={`metrics-cell-${metric}-interval`}>
        {metric === 'csat' ? csatIntervalText(i18n, group.csat) : npsIntervalText(i18n, group.nps)}
      </td>,
      <td
        key="change"
        className={`is-change${test?.significant ? ` is-significant is-${direction ?? 'up'}` : ''}`}
        title={details}
      >
        {test?.significant && (
          <Codicon
            name={direction === 'down' ? 'arrow-down' : 'arrow-up'}
            label={t('metrics.significant')}
            className="lb-metrics-flag"
          />
        )}
        <span
          data-testid={`metrics-cell-${metric}-change`}
          data-significant={test?.significant ? 'true' : 'false'}
        >
          {changeText(i18n, metric, test)}
        </span>
      </td>,
      <td key="p" className={`is-p${test?.significant ? ' is-significant' : ''}`} title={details}>
        <span data-testid={`metrics-cell-${metric}-p`}>{adjustedPText(i18n, test, true)}</span>
      </td>
    ]
  }
  return (
    <tr
      className={selected ? 'is-selected' : undefined}
      data-testid="metrics-segment-row"
      data-key={group.key ?? ''}
      data-not-set={group.key === null ? 'true' : undefined}
      onClick={onPick}
    >
      <th scope="row" className="is-group">
        <button
          type="button"
          className="lb-metrics-row-button"
          aria-label={t('metrics.segments.rowLabel', { group: label })}
          data-testid="metrics-cell-group"
          onClick={(e) => {
            e.stopPropagation()
            onPick()
          }}
        >
          <span className={group.key === null ? 'is-not-set' : undefined}>{label}</span>
          <Codicon name="comment" className="lb-metrics-row-icon" />
        </button>
      </th>
      {metricCells('csat')}
      {metricCells('nps')}
    </tr>
  )
}
