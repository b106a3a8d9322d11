import type { ReactElement } from 'react'
import { useId } from 'react'
import type { ExperimentResult } from '@shared/domain/experiments'
import { Codicon } from '../../components/codicon'
import { IconButton } from '../../components/icon-button'
import { DecisionChip } from '../../editors/experiments/decision-chip'
import { decisionLabel, headlineLiftText, thresholdText } from '../../editors/experiments/experiment-format'
import { experimentVerdict } from '../../editors/experiments/experiment-model'
import { useExperiments } from '../../editors/experiments/use-experiments'
import { useI18n } from '../../i18n/i18n-context'
import { useStore } from '../../state/store'
import { useWorkbench } from '../../state/workbench-context'
import { LoadingLine } from '../../components/loading-line'
import './experiments-view.css'

/**
 * The Experiments view: every A/B test of the workspace with its primary metric, the leading
 * arm's lift and the decision; a click opens the experiment. Says what to import when there is
 * none, and opens the sample-size calculator.
 */
export function ExperimentsView(): ReactElement {
  const wb = useWorkbench()
  const i18n = useI18n()
  const { t } = i18n
  const state = useExperiments()
  return (
    <div className="lb-experiments-view" data-testid="experiments-view" aria-busy={state.loading}>
      <div className="lb-view-title">
        <h2>{t('view.experiments')}</h2>
        <div className="lb-view-actions">
          <IconButton
            icon="symbol-numeric"
            label={t('experiments.view.calculator')}
            testId="experiments-calculator"
            onClick={() => void wb.runCommand('experiments.openSampleSize')}
          />
          {!state.noWorkspace && (
            <>
              <IconButton
                icon="cloud-upload"
                label={t('command.importFile')}
                testId="experiments-import"
                onClick={() => void wb.runCommand('import.open')}
              />
              <IconButton
                icon="refresh"
                label={t('experiments.view.refresh')}
                testId="experiments-refresh"
                onClick={state.retry}
              />
            </>
          )}
        </div>
      </div>
      <LoadingLine active={state.loading} />
      {state.noWorkspace ? (
        <p className="lb-experiments-note" data-testid="experiments-no-workspace">
          {t('experiments.view.noWorkspace')}
        </p>
      ) : state.error && !state.report ? (
        <div className="lb-experiments-note" role="alert" data-testid="experiments-error">
          <p>{t('experiments.view.error')}</p>
          <button type="button" className="lb-link" onClick={state.retry}>
            {t('experiments.view.retry')}
          </button>
        </div>
      ) : !state.report ? (
        <div className="lb-explorer-loading" aria-busy="true" data-testid="experiments-loading">
          {[80, 60, 75, 55].map((w, i) => (
            <span key={i} className="lb-explorer-skeleton" style={{ width: `${w}%` }} />
          ))}
        </div>
      ) : state.report.experiments.length === 0 ? (
        <Empty />
      ) : (
        <>
          <ul
            className="lb-experiments-list"
            aria-label={t('view.experiments')}
            data-testid="experiments-list"
            data-ready={!state.loading}
          >
            {state.report.experiments.map((experiment) => (
              <ExperimentItem key={experiment.key} experiment={experiment} />
            ))}
          </ul>
          <p className="lb-experiments-settings" data-testid="experiments-settings">
            <Codicon name="settings" />
            <button
              type="button"
              className="lb-link"
              title={t('experiments.editor.openSettings')}
              onClick={() => void wb.runCommand('workbench.openSettings')}
            >
              {t('experiments.view.settings', {
                alpha: String(state.report.settings.alpha),
                threshold: thresholdText(i18n, state.report.settings)
              })}
            </button>
          </p>
        </>
      )}
    </div>
  )
}

function ExperimentItem({ experiment }: { experiment: ExperimentResult }): ReactElement {
  const wb = useWorkbench()
  const i18n = useI18n()
  const { t } = i18n
  const activeId = useStore(wb.tabs, (s) => s.activeId)
  const verdict = experimentVerdict(experiment)
  const metric = verdict.metric?.name ?? t('experiments.view.noPrimary')
  const lift = headlineLiftText(i18n, verdict.comparison)
  const descriptionId = useId()
  const open = (): void => wb.openEditor({ kind: 'experiment', key: experiment.key, name: experiment.name })
  return (
    <li>
      <button
        type="button"
        className={`lb-experiments-item${activeId === `experiment:${experiment.key}` ? ' is-active' : ''}`}
        data-testid="experiments-item"
        data-name={experiment.name}
        data-key={experiment.key}
        aria-describedby={descriptionId}
        title={experiment.name}
        onClick={open}
      >
        <span className="lb-experiments-item-name" data-testid="experiments-item-name">
          {experiment.name}
        </span>
        <span className="lb-experiments-item-meta">
          <DecisionChip decision={verdict.decision} testId="experiments-item-decision" />
          <span className="lb-experiments-item-detail">
            <span data-testid="experiments-item-metric">{metric}</span>
            {verdict.comparison && (
              <>
                {' · '}
                <span className="lb-experiments-item-arm">{verdict.comparison.arm}</span>{' '}
                <span className="lb-experiments-item-lift" data-testid="experiments-item-lift">
                  {lift}
                </span>
              </>
            )}
          </span>
        </span>
      </button>
      {/* The name is what the row shows (label in name, WCAG 2.5.3); the sentence reads it out. */}
      <span id={descriptionId} hidden>
        {t('experiments.view.itemLabel', {
          name: experiment.name,
          decision: decisionLabel(i18n, verdict.decision),
          metric,
          arm: verdict.comparison?.arm ?? '',
          lift
        })}
      </span>
    </li>
  )
}

function Empty(): ReactElement {
  const wb = useWorkbench()
  const { t } = useI18n()
  return (
    <div className="lb-experiments-empty" data-testid="experiments-empty">
      <h3>{t('experiments.empty.title')}</h3>
      <p>{t('experiments.empty.body')}</p>
      <button
        type="button"
        className="lb-button"
        data-testid="experiments-empty-import"
        onClick={() => void wb.runCommand('import.open')}
      >
        <Codicon name="cloud-upload" />
        {t('experiments.empty.import')}
      </button>
      <button
        type="button"
        className="lb-link"
        data-testid="experiments-empty-calculator"
        onClick={() => void wb.runCommand('experiments.openSampleSize')}
      >
        {t('experiments.empty.calculator')}
      </button>
    </div>
  )
}
