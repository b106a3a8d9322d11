import type { ReactElement } from 'react'
import { useCallback, useEffect, useId, useMemo, useState } from 'react'
import type { ApiErrorData } from '@shared/api/errors'
import type { MetricsGroup, MetricsReport, MetricsRequest, TimeGrouping } from '@shared/domain/metrics'
import { TIME_GROUPINGS } from '@shared/domain/metrics'
import { Codicon } from '../../components/codicon'
import { IconButton } from '../../components/icon-button'
import { describeError, toErrorData } from '../../i18n/error-message'
import type { Formatter } from '../../i18n/format'
import { useI18n } from '../../i18n/i18n-context'
import { useStore } from '../../state/store'
import { useWorkbench } from '../../state/workbench-context'
import type { EditorProps } from '../editor-registry'
import { CommentsPane } from './comments-pane'
import { MetricsCards } from './metrics-cards'
import type { ChartTarget } from './metrics-chart'
import { MetricsChart } from './metrics-chart'
import type { ChartMode } from './metrics-charts'
import {
  DISTRIBUTION_FRAME,
  TREND_FRAME,
  distributionOption,
  trendOption,
  trendPoints
} from './metrics-charts'
import type { MetricId } from './metrics-format'
import {
  answersText,
  csatValueText,
  groupLabel,
  groupingLabel,
  npsValueText,
  responsesText
} from './metrics-format'
import type { CommentsSelection } from './metrics-model'
import {
  DEFAULT_GRAIN,
  changePeriod,
  effectiveSegment,
  isRangeInverted,
  rangeArgs,
  segmentChoices
} from './metrics-model'
import { distributionTooltip, trendTooltip } from './metrics-tooltips'
import { SegmentTable } from './segment-table'
import { SurveyPlanner } from './survey-planner'
import { useChartPalette } from './use-chart-palette'
import { LoadingLine } from '../../components/loading-line'
import './metrics-dashboard.css'

/**
 * The metrics dashboard: CSAT and NPS over a range, by period (cards, trends, the NPS answers)
 * and by segment (a table), each number with its interval and each change with its test; a click
 * on a period, an answer or a group opens the comments behind it.
 */
export function MetricsDashboard(_props: EditorProps): ReactElement {
  const wb = useWorkbench()
  const { t } = useI18n()
  const workspace = useStore(wb.session, (s) => s.workspace)
  if (!workspace) {
    return (
      <div className="lb-metrics is-message" data-testid="metrics-dashboard">
        <p className="lb-empty" data-testid="metrics-no-workspace">
          {t('metrics.noWorkspace')}
        </p>
      </div>
    )
  }
  if (workspace.counts.surveyResponses === 0) return <NoResponses />
  return <Dashboard />
}

/** What to do when the workspace holds no survey response: import one. */
function NoResponses(): ReactElement {
  const wb = useWorkbench()
  const { t } = useI18n()
  return (
    <div className="lb-metrics is-message" data-testid="metrics-dashboard">
      <div className="lb-metrics-empty" data-testid="metrics-empty">
        <span className="lb-metrics-empty-icon" aria-hidden="true">
          <Codicon name="graph-line" />
        </span>
        <h2>{t('metrics.empty.title')}</h2>
        <p>{t('metrics.empty.body')}</p>
        <button
          type="button"
          className="lb-button"
          data-testid="metrics-empty-import"
          onClick={() => void wb.runCommand('import.open')}
        >
          <Codicon name="cloud-upload" />
          {t('metrics.empty.import')}
        </button>
      </div>
    </div>
  )
}

interface ReportState {
  report: MetricsReport | null
  loading: boolean
  error: ApiErrorData | null
  retry(): void
}

/**
 * A report for a request, reloaded when the request or `refreshKey` (data, settings, refresh)
 * changes; the previous report stays on screen while the next one is computed.
 */
function useReport(request: MetricsRequest | null, refreshKey: string): ReportState {
  const wb = useWorkbench()
  const requestJson = request ? JSON.stringify(request) : null
  const key = requestJson === null ? null : `${requestJson}|${refreshKey}`
  const [attempt, setAttempt] = useState(0)
  const [state, setState] = useState<{
    key: string
    report: MetricsReport | null
    error: ApiErrorData | null
  }>({
    key: '',
    report: null,
    error: null
  })

  useEffect(() => {
    if (requestJson === null || key === null) return
    let live = true
    const args = JSON.parse(requestJson) as MetricsRequest
    wb.call('metrics.report', args, { quiet: true }).then(
      (report) => {
        if (live) setState({ key, report, error: null })
      },
      (e: unknown) => {
        if (!live) return
        const error = toErrorData(e)
        wb.recordError(error, 'metrics.report')
        setState({ key, report: null, error })
      }
    )
    return () => {
      live = false
    }
  }, [wb, requestJson, key, attempt])

  return {
    report: state.report,
    loading: key !== null && state.key !== key,
    error: state.key === key ? state.error : null,
    retry: () => setAttempt((n) => n + 1)
  }
}

/** A `YYYY-MM-DD` day written the language's way (November 20, 2026). */
function dayText(fmt: Formatter, day: string | null): string {
  const match = day ? /^(\d{4})-(\d{2})-(\d{2})$/.exec(day) : null
  if (!match) return '—'
  return fmt.calendarDate(Number(match[1]), Number(match[2]), Number(match[3]))
}

function Dashboard(): ReactElement {
  const wb = useWorkbench()
  const i18n = useI18n()
  const { t, fmt } = i18n
  const ids = { grain: useId(), segment: useId(), from: useId(), to: useId(), period: useId() }
  const dataVersion = useStore(wb.session, (s) => s.dataVersion)
  const settings = useStore(wb.session, (s) => s.settings)
  const palette = useChartPalette()
  const [grain, setGrain] = useState<TimeGrouping>(DEFAULT_GRAIN)
  const [chosenSegment, setChosenSegment] = useState<string | null>(null)
  const [from, setFrom] = useState('')
  const [to, setTo] = useState('')
  const [reload, setReload] = useState(0)
  const [chosenPeriod, setChosenPeriod] = useState<string | null>(null)
  const [comments, setComments] = useState<{
    selection: CommentsSelection
    title: string
    subtitle: string
    groupKey?: string | null
  } | null>(null)

  const inverted = isRangeInverted(from, to)
  const refreshKey = `${dataVersion}|${settings ? JSON.stringify(settings) : ''}|${reload}`
  const time = useReport(inverted ? null : { by: grain, ...rangeArgs(from, to) }, refreshKey)
  const report = time.report
  const groupings = useMemo(() => report?.groupings ?? [], [report])
  const segment = effectiveSegment(groupings, chosenSegment)
  const segments = useReport(
    inverted || segment === null ? null : { by: segment, ...rangeArgs(from, to) },
    refreshKey
  )
  const loading = time.loading || segments.loading

  const groups = useMemo(() => report?.groups ?? [], [report])
  const period = changePeriod(groups, chosenPeriod)
  const rangeText = report
    ? t('metrics.range', {
        from: dayText(fmt, report.from),
        to: dayText(fmt, report.to),
        timeZone: report.timeZone
      })
    : ''
  const fileLabel = groups[groups.length - 1]?.key ?? report?.to ?? null
  const byText = t(`metrics.by.${grain}`)
  const exportSubtitle = `${rangeText} · ${byText}`

  // Charts: the points, how they are drawn and what their tooltips say.
  const csatPoints = useMemo(() => trendPoints('csat', groups), [groups])
  const npsPoints = useMemo(() => trendPoints('nps', groups), [groups])
  const percentAxis = useCallback((v: number) => fmt.percent(v / 100, 0), [fmt])
  const pointsAxis = useCallback((v: number) => fmt.signed(v, 0), [fmt])
  const countAxis = useCallback((v: number) => fmt.integer(v), [fmt])
  const renderCsat = useCallback(
    (mode: ChartMode) => trendOption('csat', csatPoints, palette, mode, percentAxis),
    [csatPoints, palette, percentAxis]
  )
  const renderNps = useCallback(
    (mode: ChartMode) => trendOption('nps', npsPoints, palette, mode, pointsAxis),
    [npsPoints, palette, pointsAxis]
  )
  const distribution = useMemo(() => report?.distribution.nps ?? [], [report])
  const answers = distribution.reduce((sum, n) => sum + n, 0)
  const bandLabels = useMemo(
    () => ({
      detractors: `${t('metrics.detractors')} 0–6`,
      passives: `${t('metrics.passives')} 7–8`,
      promoters: `${t('metrics.promoters')} 9–10`
    }),
    [t]
  )
  const renderDistribution = useCallback(
    (mode: ChartMode) => distributionOption(distribution, palette, mode, bandLabels, countAxis),
    [distribution, palette, bandLabels, countAxis]
  )
  const csatTooltip = useCallback(
    (index: number) => {
      const group = groups[index]
      return group ? trendTooltip(i18n, 'csat', group) : ''
    },
    [groups, i18n]
  )
  const npsTooltip = useCallback(
    (index: number) => {
      const group = groups[index]
      return group ? trendTooltip(i18n, 'nps', group) : ''
    },
    [groups, i18n]
  )
  const distributionTip = useCallback(
    (score: number) => distributionTooltip(i18n, score, distribution[score] ?? 0, answers),
    [i18n, distribution, answers]
  )

  const trendTargets = (metric: MetricId): ChartTarget[] =>
    groups.map((g) => {
      const summary = metric === 'csat' ? g.csat : g.nps
      const name = t(metric === 'csat' ? 'metrics.csat' : 'metrics.nps')
      return {
        label:
          summary.n === 0
            ? t('metrics.chart.periodEmpty', { period: g.key ?? '' })
            : t('metrics.chart.period', {
                period: g.key ?? '',
                metric: name,
                value: metric === 'csat' ? csatValueText(i18n, g.csat) : npsValueText(i18n, g.nps),
                count: responsesText(i18n, summary.n)
              }),
        data: { 'data-key': g.key ?? '' }
      }
    })
  const barTargets: ChartTarget[] = distribution.map((count, score) => ({
    label: t('metrics.chart.bar', { score, count: answersText(i18n, count) }),
    data: { 'data-score': String(score) }
  }))

  const openPeriod = (index: number): void => {
    const group = groups[index]
    if (!group?.key) return
    setComments({
      selection: { by: grain, group: group.key, from, to },
      title: group.key,
      subtitle: `${dayText(fmt, group.from ?? null)} – ${dayText(fmt, group.to ?? null)}`,
      groupKey: group.key
    })
  }
  const openScore = (score: number): void => {
    setComments({
      selection: { by: grain, npsScore: score, from, to },
      title: t('metrics.score', { score }),
      subtitle: rangeText
    })
  }
  const openGroup = (group: MetricsGroup): void => {
    if (!segment) return
    setComments({
      selection: { by: segment, group: group.key, from, to },
      title: `${groupingLabel(i18n, segment)} · ${groupLabel(i18n, group.key)}`,
      subtitle: rangeText,
      groupKey: group.key
    })
  }
  const selectedPeriod =
    comments && comments.selection.by === grain && comments.selection.group !== undefined
      ? groups.findIndex((g) => g.key === comments.selection.group)
      : -1
  const selectedScore = comments?.selection.npsScore ?? -1

  const choices = segmentChoices(groupings)
  const noResponses = report !== null && report.overall.csat.n === 0 && report.overall.nps.n === 0
  const trendEmpty = (metric: MetricId): string | null =>
    groups.some((g) => (metric === 'csat' ? g.csat.n : g.nps.n) > 0) ? null : t('metrics.chart.noData')

  return (
    <div className="lb-metrics" data-testid="metrics-dashboard" aria-busy={loading}>
      <div className="lb-metrics-toolbar">
        <label htmlFor={ids.grain}>{t('metrics.grain')}</label>
        <select
          id={ids.grain}
          className="lb-select"
          value={grain}
          data-testid="metrics-grain"
          onChange={(e) => setGrain(e.target.value as TimeGrouping)}
        >
          {TIME_GROUPINGS.map((g) => (
            <option key={g} value={g}>
              {t(`metrics.grain.${g}`)}
            </option>
          ))}
        </select>
        <label htmlFor={ids.segment}>{t('metrics.segment')}</label>
        <select
          id={ids.segment}
          className="lb-select"
          value={segment ?? ''}
          disabled={choices.length === 0}
          data-testid="metrics-segment"
          onChange={(e) => setChosenSegment(e.target.value)}
        >
          {choices.map((g) => (
            <option key={g} value={g}>
              {groupingLabel(i18n, g)}
            </option>
          ))}
        </select>
        <span className="lb-metrics-toolbar-sep" aria-hidden="true" />
        <label htmlFor={ids.from}>{t('metrics.from')}</label>
        <input
          id={ids.from}
          type="date"
          className="lb-input lb-metrics-date"
          value={from}
          max={to || undefined}
          aria-invalid={inverted}
          data-testid="metrics-from"
          onChange={(e) => setFrom(e.target.value)}
        />
        <label htmlFor={ids.to}>{t('metrics.to')}</label>
        <input
          id={ids.to}
          type="date"
          className="lb-input lb-metrics-date"
          value={to}
          min={from || undefined}
          aria-invalid={inverted}
          data-testid="metrics-to"
          onChange={(e) => setTo(e.target.value)}
        />
        <button
          type="button"
          className="lb-button is-secondary"
          disabled={!from && !to}
          title={t('metrics.allDatesHint')}
          data-testid="metrics-all-dates"
          onClick={() => {
            setFrom('')
            setTo('')
          }}
        >
          {t('metrics.allDates')}
        </button>
        <span className="lb-metrics-spacer" />
        {loading && (
          <span className="lb-metrics-status" role="status" data-testid="metrics-loading">
            <Codicon name="loading" spin />
            {t('metrics.loading')}
          </span>
        )}
        <IconButton
          icon="refresh"
          label={t('metrics.refresh')}
          testId="metrics-refresh"
          onClick={() => setReload((n) => n + 1)}
        />
      </div>
      <LoadingLine active={loading} />
      <div className="lb-metrics-body">
        <div
          className="lb-metrics-scroll"
          data-testid="metrics-content"
          data-ready={!loading && report !== null}
        >
          {inverted && (
            <p className="lb-metrics-banner is-error" role="alert" data-testid="metrics-range-error">
              <Codicon name="error" />
              {t('metrics.rangeInvalid')}
            </p>
          )}
          {time.error && <ReportError error={time.error} onRetry={time.retry} />}
          {!inverted && report && (
            <>
              <div className="lb-metrics-overview-head">
                <h2>{t('metrics.wholeRange')}</h2>
                <span className="lb-metrics-range" data-testid="metrics-range">
                  {rangeText}
                </span>
                <span className="lb-metrics-spacer" />
                {groups.length > 0 && (
                  <>
                    <label htmlFor={ids.period}>{t('metrics.changePeriod')}</label>
                    <select
                      id={ids.period}
                      className="lb-select"
                      value={period?.key ?? ''}
                      data-testid="metrics-change-period"
                      onChange={(e) => setChosenPeriod(e.target.value)}
                    >
                      {groups.map((g) => (
                        <option key={g.key ?? ''} value={g.key ?? ''}>
                          {g.key}
                        </option>
                      ))}
                    </select>
                  </>
                )}
              </div>
              {noResponses && (
                <p className="lb-metrics-banner" role="status" data-testid="metrics-none-in-range">
                  <Codicon name="info" />
                  {t('metrics.noneInRange', { from: dayText(fmt, report.from), to: dayText(fmt, report.to) })}
                </p>
              )}
              <MetricsCards report={report} period={period} />
              <div className="lb-metrics-charts">
                <MetricsChart
                  id="csat-trend"
                  title={t('metrics.chart.csatTrend')}
                  note={t('metrics.chart.trendNote', { by: byText })}
                  fileLabel={fileLabel}
                  exportSubtitle={exportSubtitle}
                  frame={TREND_FRAME}
                  render={renderCsat}
                  tooltip={csatTooltip}
                  targets={trendTargets('csat')}
                  targetsLabel={t('metrics.chart.points')}
                  empty={trendEmpty('csat')}
                  selected={selectedPeriod}
                  onPick={openPeriod}
                />
                <MetricsChart
                  id="nps-trend"
                  title={t('metrics.chart.npsTrend')}
                  note={t('metrics.chart.trendNote', { by: byText })}
                  fileLabel={fileLabel}
                  exportSubtitle={exportSubtitle}
                  frame={TREND_FRAME}
                  render={renderNps}
                  tooltip={npsTooltip}
                  targets={trendTargets('nps')}
                  targetsLabel={t('metrics.chart.points')}
                  empty={trendEmpty('nps')}
                  selected={selectedPeriod}
                  onPick={openPeriod}
                />
                <MetricsChart
                  id="nps-distribution"
                  title={t('metrics.chart.npsDistribution')}
                  note={t('metrics.chart.distributionNote')}
                  fileLabel={fileLabel}
                  exportSubtitle={rangeText}
                  frame={DISTRIBUTION_FRAME}
                  render={renderDistribution}
                  tooltip={distributionTip}
                  targets={barTargets}
                  targetsLabel={t('metrics.chart.bars')}
                  empty={answers === 0 ? t('metrics.chart.noData') : null}
                  selected={selectedScore}
                  onPick={openScore}
                />
              </div>
              <p className="lb-metrics-hint">
                <Codicon name="comment" />
                {t('metrics.chart.hint')}
              </p>
              {segments.error ? (
                <ReportError error={segments.error} onRetry={segments.retry} />
              ) : segment === null ? (
                <p className="lb-metrics-banner" data-testid="metrics-no-segments">
                  <Codicon name="info" />
                  {t('metrics.segments.noSegments')}
                </p>
              ) : (
                segments.report &&
                segments.report.by === segment && (
                  <SegmentTable
                    report={segments.report}
                    selectedKey={comments?.selection.by === segment ? comments.groupKey : undefined}
                    onPick={openGroup}
                  />
                )
              )}
              <SurveyPlanner overall={report.overall} />
            </>
          )}
        </div>
        {comments && (
          <CommentsPane
            selection={comments.selection}
            title={comments.title}
            subtitle={comments.subtitle}
            onClose={() => setComments(null)}
          />
        )}
      </div>
    </div>
  )
}

function ReportError({ error, onRetry }: { error: ApiErrorData; onRetry(): void }): ReactElement {
  const { t, language } = useI18n()
  return (
    <div className="lb-metrics-error" role="alert" data-testid="metrics-error">
      <Codicon name="error" />
      <div>
        <p className="lb-metrics-error-title">{t('metrics.error')}</p>
        <p className="lb-selectable">{describeError(language, error).message}</p>
        <button type="button" className="lb-button is-secondary" onClick={onRetry}>
          {t('metrics.retry')}
        </button>
      </div>
    </div>
  )
}
