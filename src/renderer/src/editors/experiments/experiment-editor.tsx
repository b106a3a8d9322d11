import type { ReactElement } from 'react'
import { escapeHtml } from '@shared/html'
import { useCallback, useMemo, useRef, useState } from 'react'
import { use as registerEcharts } from 'echarts/core'
import { CustomChart, ScatterChart } from 'echarts/charts'
import { MarkLineComponent } from 'echarts/components'
import type {
  Comparison,
  ExperimentResult,
  ExperimentSettings,
  MetricResult
} from '@shared/domain/experiments'
import { Codicon } from '../../components/codicon'
import { IconButton } from '../../components/icon-button'
import { useI18n } from '../../i18n/i18n-context'
import { useWorkbench } from '../../state/workbench-context'
import type { EditorProps } from '../editor-registry'
import type { ChartTarget } from '../metrics/metrics-chart'
import { MetricsChart } from '../metrics/metrics-chart'
import type { ChartMode } from '../metrics/metrics-charts'
import { useChartPalette } from '../metrics/use-chart-palette'
import { DecisionChip } from './decision-chip'
import type { ExperimentText } from './experiment-format'
import {
  armSuccessesText,
  armUnitsText,
  armValueHint,
  armValueText,
  cleaningText,
  comparisonHint,
  diffCiText,
  diffText,
  formatLift,
  liftCiText,
  liftText,
  omnibusText,
  pBeatText,
  pText,
  reasonText,
  settingsText,
  significantText,
  srmText,
  testText,
  thresholdText,
  powerAchievedText,
  unitsNeededText
} from './experiment-format'
import { forestFrame, forestHeight, forestOption } from './experiment-forest'
import { forestRows, primaryMetric } from './experiment-model'
import { useExperiments } from './use-experiments'
import { LoadingLine } from '../../components/loading-line'
import './experiments.css'

registerEcharts([CustomChart, ScatterChart, MarkLineComponent])

/**
 * One experiment: what was analysed (control, units, cleaning), a sample-ratio mismatch if any,
 * the decision for each arm with its reason, a forest plot of every lift, and per metric the arms
 * and each arm against the control. Follows the workspace's settings live.
 */
export function ExperimentEditor({ input }: EditorProps): ReactElement {
  const { t } = useI18n()
  const state = useExperiments()
  const key = input.kind === 'experiment' ? input.key : ''
  const experiment = state.report?.experiments.find((e) => e.key === key) ?? null
  return (
    <div className="lb-experiment" data-testid="experiment-editor" data-key={key} aria-busy={state.loading}>
      <LoadingLine active={state.loading} />
      <div
        className="lb-experiment-scroll"
        data-testid="experiment-content"
        data-ready={!state.loading && experiment !== null}
      >
        {state.noWorkspace ? (
          <p className="lb-experiment-message">{t('experiments.view.noWorkspace')}</p>
        ) : state.error && !experiment ? (
          <div className="lb-experiment-banner is-error" role="alert" data-testid="experiment-error">
            <Codicon name="error" />
            <div>
              <p>{t('experiments.view.error')}</p>
              <button type="button" className="lb-button is-secondary" onClick={state.retry}>
                {t('experiments.view.retry')}
              </button>
            </div>
          </div>
        ) : !state.report ? (
          <p className="lb-experiment-message" role="status">
            <Codicon name="loading" spin /> {t('experiments.view.loading')}
          </p>
        ) : !experiment ? (
          <p className="lb-experiment-message" data-testid="experiment-gone">
            {t('experiments.editor.gone')}
          </p>
        ) : (
          <ExperimentBody experiment={experiment} settings={state.report.settings} onRefresh={state.retry} />
        )}
      </div>
    </div>
  )
}

function ExperimentBody({
  experiment,
  settings,
  onRefresh
}: {
  experiment: ExperimentResult
  settings: ExperimentSettings
  onRefresh(): void
}): ReactElement {
  const wb = useWorkbench()
  const i18n = useI18n()
  const { t, fmt } = i18n
  const primary = primaryMetric(experiment)
  const [picked, setPicked] = useState(-1)
  const rowsRef = useRef<HTMLDivElement>(null)
  const pick = useCallback((metric: string, arm: string) => {
    const row = rowsRef.current?.querySelector<HTMLElement>(
      `[data-testid="experiment-comparison-row"][data-metric="${CSS.escape(metric)}"][data-arm="${CSS.escape(arm)}"]`
    )
    row?.scrollIntoView({ block: 'center', behavior: 'smooth' })
    row?.focus({ preventScroll: true })
  }, [])

  return (
    <>
      <header className="lb-experiment-head">
        <div className="lb-experiment-title">
          <h1 data-testid="experiment-name">{experiment.name}</h1>
          <span className="lb-experiment-key lb-selectable">{experiment.key}</span>
          <span className="lb-experiment-spacer" />
          <button
            type="button"
            className="lb-button is-secondary"
            data-testid="experiment-open-calculator"
            onClick={() => void wb.runCommand('experiments.openSampleSize')}
          >
            <Codicon name="symbol-numeric" />
            {t('experiments.view.calculator')}
          </button>
          <IconButton
            icon="refresh"
            label={t('experiments.view.refresh')}
            testId="experiment-refresh"
            onClick={onRefresh}
          />
        </div>
        <dl className="lb-experiment-facts">
          <div>
            <dt>{t('experiments.editor.control')}</dt>
            <dd data-testid="experiment-control">{experiment.control}</dd>
          </div>
          <div>
            <dt>{t('experiments.editor.arms')}</dt>
            <dd data-testid="experiment-arms">{fmt.list(experiment.arms.map((a) => a.name))}</dd>
          </div>
          <div>
            <dt>{t('experiments.editor.units')}</dt>
            <dd data-testid="experiment-units">{fmt.integer(experiment.cleaning.unitsAnalysed)}</dd>
          </div>
          <div>
            <dt>{t('experiments.editor.primary')}</dt>
            <dd data-testid="experiment-primary">{primary?.name ?? t('experiments.view.noPrimary')}</dd>
          </div>
          <div>
            <dt>{t('experiments.editor.settings')}</dt>
            <dd>
              <button
                type="button"
                className="lb-link"
                title={t('experiments.editor.openSettings')}
                data-testid="experiment-settings"
                onClick={() => void wb.runCommand('workbench.openSettings')}
              >
                {settingsText(i18n, settings)}
              </button>
            </dd>
          </div>
        </dl>
        <p
          className={`lb-experiment-cleaning${
            experiment.cleaning.exposureMismatchDropped + experiment.cleaning.duplicateUnitsDropped > 0
              ? ' is-dropped'
              : ''
          }`}
          data-testid="experiment-cleaning"
        >
          <Codicon name="filter" />
          {cleaningText(i18n, experiment)}
        </p>
      </header>

      {experiment.srm.flag && (
        <div className="lb-experiment-banner is-error" role="alert" data-testid="experiment-srm-banner">
          <Codicon name="warning" />
          <div>
            <p className="lb-experiment-banner-title">{t('experiments.srm.title')}</p>
            <p>{srmText(i18n, experiment)}</p>
          </div>
        </div>
      )}

      {primary && (
        <section className="lb-experiment-decisions" aria-labelledby="lb-experiment-decision">
          <h2 id="lb-experiment-decision">{t('experiments.decisionTitle')}</h2>
          {primary.comparisons.map((c) => (
            <DecisionCard key={c.arm} metric={primary} comparison={c} settings={settings} />
          ))}
        </section>
      )}

      <Forest
        experiment={experiment}
        settings={settings}
        selected={picked}
        onPick={(i, m, a) => {
          setPicked(i)
          pick(m, a)
        }}
      />

      <div ref={rowsRef}>
        {experiment.metrics.map((metric) => (
          <MetricSection key={metric.name} metric={metric} invalid={experiment.srm.flag} />
        ))}
      </div>
    </>
  )
}

function DecisionCard({
  metric,
  comparison,
  settings
}: {
  metric: MetricResult
  comparison: Comparison
  settings: ExperimentSettings
}): ReactElement {
  const i18n = useI18n()
  const { t } = i18n
  const reason = reasonText(i18n, comparison)
  const units =
    comparison.decision === 'inconclusive' ? unitsNeededText(i18n, metric, comparison, settings) : null
  const power = powerAchievedText(i18n, metric, comparison, settings)
  return (
    <article
      className={`lb-experiment-decision is-${comparison.decision ?? 'none'}`}
      data-testid="experiment-decision-card"
      data-arm={comparison.arm}
    >
      <div className="lb-experiment-decision-head">
        <DecisionChip decision={comparison.decision} testId="experiment-decision" large />
        <span className="lb-experiment-decision-for">
          {t('experiments.decisionFor', { arm: comparison.arm, control: metric.control })}
        </span>
        <span className="lb-experiment-decision-lift" title={t('experiments.col.lift')}>
          {metric.name} {liftText(i18n, comparison)}
        </span>
      </div>
      {reason && (
        <p className="lb-experiment-reason" data-testid="experiment-reason">
          {reason}
        </p>
      )}
      {power && (
        <p className="lb-experiment-units" data-testid="experiment-power">
          <Codicon name="pulse" />
          <span>
            <strong>{t('experiments.power.title')}: </strong>
            {power}
          </span>
        </p>
      )}
      {units && (
        <p className="lb-experiment-units" data-testid="experiment-units-needed">
          <Codicon name="info" />
          <span>
            <strong>{t('experiments.units.title')}: </strong>
            {units}
          </span>
        </p>
      )}
    </article>
  )
}

function Forest({
  experiment,
  settings,
  selected,
  onPick
}: {
  experiment: ExperimentResult
  settings: ExperimentSettings
  selected: number
  onPick(index: number, metric: string, arm: string): void
}): ReactElement {
  const i18n = useI18n()
  const { t, fmt } = i18n
  const palette = useChartPalette()
  const rows = useMemo(() => forestRows(experiment), [experiment])
  const labels = useMemo(
    () => rows.map((r) => t('experiments.forest.row', { metric: r.metric, arm: r.arm })),
    [rows, t]
  )
  const frame = useMemo(() => forestFrame(labels), [labels])
  const height = forestHeight(rows.length, frame)
  const threshold = thresholdText(i18n, settings)
  const relative = settings.minLiftKind === 'relative'
  const comparisons = useMemo(
    () => experiment.metrics.flatMap((m) => m.comparisons.map((c) => ({ metric: m, c }))),
    [experiment]
  )
  const rowLabel = useCallback(
    (index: number): string => {
      const item = comparisons[index]
      if (!item) return ''
      return t('experiments.forest.rowLabel', {
        metric: item.metric.name,
        arm: item.c.arm,
        lift: liftText(i18n, item.c),
        interval: liftCiText(i18n, item.c)
      })
    },
    [comparisons, i18n, t]
  )
  const render = useCallback(
    (mode: ChartMode) =>
      forestOption(
        rows,
        palette,
        mode,
        {
          labels,
          axis: (v: number) =>
            t('experiments.percent', { value: fmt.signed(v, Number.isInteger(v) ? 0 : 1) }),
          threshold: relative
            ? {
                value: settings.minLift * 100,
                label: t('experiments.forest.threshold', { threshold: formatLift(i18n, settings.minLift) })
              }
            : null
        },
        experiment.srm.flag
      ),
    [rows, palette, labels, t, fmt, relative, settings.minLift, i18n, experiment.srm.flag]
  )
  const tooltip = useCallback((index: number) => escapeHtml(rowLabel(index)), [rowLabel])
  const targets: ChartTarget[] = rows.map((r, i) => ({
    label: rowLabel(i),
    data: { 'data-metric': r.metric, 'data-arm': r.arm }
  }))
  const drawable = rows.some((r) => r.lift !== null)
  return (
    <div className="lb-experiment-forest">
      <MetricsChart
        id="experiment-forest"
        title={t('experiments.forest.title')}
        note={
          relative
            ? t('experiments.forest.note', { control: experiment.control, threshold })
            : t('experiments.forest.noteAbsolute', { control: experiment.control, threshold })
        }
        fileLabel={experiment.key}
        exportSubtitle={`${experiment.name} · ${settingsText(i18n, settings)}`}
        frame={frame}
        height={height}
        layout="rows"
        render={render}
        tooltip={tooltip}
        targets={targets}
        targetsLabel={t('experiments.forest.rows')}
        empty={drawable ? null : t('experiments.forest.empty')}
        selected={selected}
        onPick={(index) => {
          const row = rows[index]
          if (row) onPick(index, row.metric, row.arm)
        }}
      />
    </div>
  )
}

function MetricSection({ metric, invalid }: { metric: MetricResult; invalid: boolean }): ReactElement {
  const i18n = useI18n()
  const { t } = i18n
  const omnibus = omnibusText(i18n, metric)
  const binary = metric.kind === 'binary'
  return (
    <section
      className="lb-experiment-metric"
      data-testid="experiment-metric"
      data-metric={metric.name}
      aria-label={metric.name}
    >
      <header className="lb-experiment-metric-head">
        <h2>{metric.name}</h2>
        <span className="lb-experiment-tag is-muted">
          {t(binary ? 'experiments.metric.binary' : 'experiments.metric.continuous')}
        </span>
        {metric.primary && <span className="lb-experiment-tag">{t('experiments.metric.primary')}</span>}
      </header>
      {omnibus && (
        <p className="lb-experiment-note" data-testid="experiment-omnibus">
          {omnibus}
        </p>
      )}
      <div className="lb-experiment-tables">
        <div className="lb-experiment-table-wrap is-arms">
          <table className="lb-experiment-table" data-testid="experiment-arms-table">
            <thead>
              <tr>
                <th scope="col" className="is-name">
                  {t('experiments.col.arm')}
                </th>
                <th scope="col">{t('experiments.col.units')}</th>
                {binary && <th scope="col">{t('experiments.col.successes')}</th>}
                <th scope="col">{t(binary ? 'experiments.col.rate' : 'experiments.col.mean')}</th>
              </tr>
            </thead>
            <tbody>
              {metric.arms.map((arm) => (
                <tr
                  key={arm.name}
                  data-testid="experiment-arm-row"
                  data-arm={arm.name}
                  data-metric={metric.name}
                >
                  <th scope="row" className="is-name">
                    <span data-testid="cell-arm">{arm.name}</span>
                    {arm.name === metric.control && (
                      <span className="lb-experiment-tag is-muted">{t('experiments.controlTag')}</span>
                    )}
                  </th>
                  <td data-testid="cell-n">{armUnitsText(i18n, arm)}</td>
                  {binary && <td data-testid="cell-successes">{armSuccessesText(i18n, arm)}</td>}
                  <td data-testid="cell-value" className="is-value" title={armValueHint(i18n, arm)}>
                    {armValueText(i18n, metric, arm)}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
        <div className="lb-experiment-table-wrap is-comparisons">
          <table className="lb-experiment-table" data-testid="experiment-comparisons-table">
            <caption className="lb-visually-hidden">
              {t('experiments.comparisons', { control: metric.control })}
            </caption>
            <thead>
              <tr>
                <th scope="col" className="is-name">
                  {t('experiments.comparisons', { control: metric.control })}
                </th>
                <th scope="col">{t('experiments.col.lift')}</th>
                <th scope="col">{t('experiments.col.liftCi')}</th>
                <th scope="col">{t('experiments.col.diff')}</th>
                <th scope="col">{t('experiments.col.diffCi')}</th>
                <th scope="col">{t('experiments.col.test')}</th>
                <th scope="col" title={t('experiments.col.p.hint')}>
                  {t('experiments.col.p')}
                </th>
                <th scope="col" title={t('experiments.col.pHolm.hint')}>
                  {t('experiments.col.pHolm')}
                </th>
                <th scope="col" title={t('experiments.col.pBh.hint')}>
                  {t('experiments.col.pBh')}
                </th>
                <th scope="col" title={t('experiments.col.pBeat.hint')}>
                  {t('experiments.col.pBeat')}
                </th>
                <th
                  scope="col"
                  title={t(
                    metric.primary
                      ? 'experiments.col.significant.hint.primary'
                      : 'experiments.col.significant.hint.other'
                  )}
                >
                  {t('experiments.col.significant')}
                </th>
              </tr>
            </thead>
            <tbody>
              {metric.comparisons.map((c) => (
                <ComparisonRow key={c.arm} f={i18n} metric={metric} c={c} invalid={invalid} />
              ))}
            </tbody>
          </table>
        </div>
      </div>
    </section>
  )
}

function ComparisonRow({
  f,
  metric,
  c,
  invalid
}: {
  f: ExperimentText
  metric: MetricResult
  c: Comparison
  /** A sample-ratio mismatch: no lift is coloured as a win or a loss. */
  invalid: boolean
}): ReactElement {
  const direction = c.diff === null || c.diff === 0 ? null : c.diff > 0 ? 'up' : 'down'
  const tone = !invalid && c.significant && direction ? ` is-significant is-${direction}` : ''
  const cell = (
    testId: string,
    text: string,
    field: Parameters<typeof comparisonHint>[3],
    className = ''
  ): ReactElement => (
    <td data-testid={testId} className={className} title={comparisonHint(f, metric, c, field)}>
      {text}
    </td>
  )
  return (
    <tr
      data-testid="experiment-comparison-row"
      data-arm={c.arm}
      data-metric={metric.name}
      data-significant={c.significant ? 'true' : 'false'}
      tabIndex={-1}
    >
      <th scope="row" className="is-name">
        <span data-testid="cell-arm">{c.arm}</span>
      </th>
      {cell('cell-lift', liftText(f, c), 'lift', `is-lift${tone}`)}
      {cell('cell-lift-ci', liftCiText(f, c), 'liftCi', 'is-muted')}
      {cell('cell-diff', diffText(f, metric, c), 'diff')}
      {cell('cell-diff-ci', diffCiText(f, metric, c), 'diffCi', 'is-muted')}
      {cell('cell-test', testText(f, c), 'test', 'is-muted')}
      {cell('cell-p', pText(f, c.pValue), 'p')}
      {cell('cell-p-adj', pText(f, c.pAdjusted), 'p')}
      {cell('cell-p-bh', pText(f, c.pAdjustedBH), 'p')}
      {cell('cell-p-beat', pBeatText(f, c), 'pBeat')}
      <td
        className={`is-significant-cell${c.significant ? ' is-yes' : ''}`}
        title={comparisonHint(f, metric, c, 'significant')}
      >
        {c.pValue !== null && (
          <Codicon name={c.significant ? 'check' : 'dash'} className="lb-experiment-mark" />
        )}
        <span data-testid="cell-significant">{significantText(f, c)}</span>
      </td>
    </tr>
  )
}
