import type { ReactElement } from 'react'
import { useEffect, useId, useMemo, useState } from 'react'
import type { ApiErrorData } from '@shared/api/errors'
import type { MetricsPlan, MetricsPlanRequest, MetricsReport } from '@shared/domain/metrics'
import { Codicon } from '../../components/codicon'
import { describeError, toErrorData } from '../../i18n/error-message'
import { useI18n } from '../../i18n/i18n-context'
import { useWorkbench } from '../../state/workbench-context'
import { formatCount, planMixText, planText } from './metrics-format'
import type { PlanForm, PlanMode } from './metrics-model'
import { PLAN_MAX_N, hasPlanMix, planMix, planRequest } from './metrics-model'

/** Typing pauses this long before the plan is asked for. */
export const PLAN_DEBOUNCE_MS = 250

const MODES: readonly PlanMode[] = ['sample-size', 'margin']

/** What the input starts with: ±5 NPS points, ±3 CSAT percentage points, 1,000 responses. */
const DEFAULT_VALUES = { 'nps-margin': '5', 'csat-margin': '3', n: '1000' }
type ValueSlot = keyof typeof DEFAULT_VALUES

type Answer = { key: string; mode: PlanMode; plan: MetricsPlan } | { key: string; error: ApiErrorData }

/**
 * "Plan a survey": the responses a margin of error needs, or the margin a number of responses
 * gives (95%), for NPS or CSAT, with the range's mix or the worst case. Input is checked here
 * (`planRequest`); the numbers come from `metrics.plan`, asked once typing pauses.
 */
export function SurveyPlanner({ overall }: { overall: MetricsReport['overall'] }): ReactElement {
  const wb = useWorkbench()
  const i18n = useI18n()
  const { t, language } = i18n
  const ids = { metric: useId(), mode: useId(), input: useId(), unit: useId(), error: useId() }
  const [metric, setMetric] = useState<PlanForm['metric']>('nps')
  const [mode, setMode] = useState<PlanMode>('sample-size')
  const [values, setValues] = useState(DEFAULT_VALUES)
  const [useMix, setUseMix] = useState(true)
  const [answer, setAnswer] = useState<Answer | null>(null)

  const mix = useMemo(() => planMix(overall), [overall])
  const mixAvailable = hasPlanMix(mix, metric)
  const slot: ValueSlot = mode === 'margin' ? 'n' : `${metric}-margin`
  const value = values[slot]
  const built = planRequest({ metric, mode, value, useMix: useMix && mixAvailable }, mix)
  const requestJson = built.ok ? JSON.stringify(built.request) : null

  useEffect(() => {
    if (requestJson === null) return
    let live = true
    const timer = setTimeout(() => {
      const args = JSON.parse(requestJson) as MetricsPlanRequest
      const asked: PlanMode = args.n === undefined ? 'sample-size' : 'margin'
      wb.call('metrics.plan', args, { quiet: true }).then(
        (plan) => {
          if (live) setAnswer({ key: requestJson, mode: asked, plan })
        },
        (e: unknown) => {
          if (live) setAnswer({ key: requestJson, error: toErrorData(e) })
        }
      )
    }, PLAN_DEBOUNCE_MS)
    return () => {
      live = false
      clearTimeout(timer)
    }
  }, [wb, requestJson])

  const current = answer && answer.key === requestJson ? answer : null
  // While the next answer is on its way the last one stays, dimmed, rather than a blank.
  const shown = current ?? (requestJson !== null && answer && 'plan' in answer ? answer : null)
  const inputError = built.ok ? null : built.error
  const mixText = planMixText(i18n, metric, mix)
  const unit = mode === 'margin' ? t('metrics.plan.unit.n') : t(`metrics.plan.unit.${metric}`)

  return (
    <section className="lb-metrics-plan" data-testid="metrics-plan" aria-labelledby="lb-metrics-plan">
      <header className="lb-metrics-section-head">
        <h2 id="lb-metrics-plan">{t('metrics.plan.title')}</h2>
        <span className="lb-metrics-plan-note">{t('metrics.plan.note')}</span>
      </header>
      <div className={`lb-metrics-plan-box is-${metric}`}>
        <div className="lb-metrics-plan-fields">
          <div className="lb-metrics-plan-field">
            <label htmlFor={ids.metric}>{t('metrics.plan.metric')}</label>
            <select
              id={ids.metric}
              className="lb-select"
              value={metric}
              data-testid="metrics-plan-metric"
              onChange={(e) => setMetric(e.target.value as PlanForm['metric'])}
            >
              <option value="nps">{t('metrics.nps')}</option>
              <option value="csat">{t('metrics.csat')}</option>
            </select>
          </div>
          <div className="lb-metrics-plan-field">
            <label htmlFor={ids.mode}>{t('metrics.plan.mode')}</label>
            <select
              id={ids.mode}
              className="lb-select"
              value={mode}
              data-testid="metrics-plan-mode"
              onChange={(e) => setMode(e.target.value as PlanMode)}
            >
              {MODES.map((m) => (
                <option key={m} value={m}>
                  {t(`metrics.plan.mode.${m}`)}
                </option>
              ))}
            </select>
          </div>
          <div className="lb-metrics-plan-field">
            <label htmlFor={ids.input}>
              {t(mode === 'margin' ? 'metrics.plan.input.n' : 'metrics.plan.input.margin')}
            </label>
            <span className="lb-metrics-plan-value">
              {mode === 'sample-size' && (
                <span className="lb-metrics-plan-affix" aria-hidden="true">
                  ±
                </span>
              )}
              <input
                id={ids.input}
                className="lb-input"
                type="text"
                inputMode={mode === 'margin' ? 'numeric' : 'decimal'}
                spellCheck={false}
                autoComplete="off"
                value={value}
                aria-invalid={inputError !== null}
                aria-describedby={inputError ? `${ids.unit} ${ids.error}` : ids.unit}
                data-testid="metrics-plan-input"
                onChange={(e) => {
                  const text = e.target.value
                  setValues((v) => ({ ...v, [slot]: text }))
                }}
              />
              <span id={ids.unit} className="lb-metrics-plan-affix">
                {unit}
              </span>
            </span>
          </div>
          <label
            className="lb-metrics-plan-mix"
            title={mixAvailable ? undefined : t('metrics.plan.mix.none')}
          >
            <input
              type="checkbox"
              checked={useMix && mixAvailable}
              disabled={!mixAvailable}
              data-testid="metrics-plan-mix"
              onChange={(e) => setUseMix(e.target.checked)}
            />
            <span>{t('metrics.plan.mix')}</span>
            <span className="lb-metrics-plan-mix-detail">{mixText ?? t('metrics.plan.mix.none')}</span>
          </label>
        </div>
        <div className="lb-metrics-plan-answer" aria-live="polite">
          {inputError ? (
            <p id={ids.error} className="lb-metrics-plan-error" role="alert" data-testid="metrics-plan-error">
              <Codicon name="error" />
              {t(`metrics.plan.error.${inputError}`, { max: formatCount(i18n, PLAN_MAX_N) })}
            </p>
          ) : current && 'error' in current ? (
            <p className="lb-metrics-plan-error" role="alert" data-testid="metrics-plan-error">
              <Codicon name="error" />
              {t('metrics.plan.failed', { message: describeError(language, current.error).message })}
            </p>
          ) : shown && 'plan' in shown ? (
            <p
              className={`lb-metrics-plan-result${current ? '' : ' is-stale'}`}
              data-testid="metrics-plan-result"
              data-pending={current ? 'false' : 'true'}
            >
              <Codicon name="lightbulb" />
              <span>{planText(i18n, shown.mode, shown.plan)}</span>
            </p>
          ) : (
            <p className="lb-metrics-plan-result is-stale" data-testid="metrics-plan-pending">
              <Codicon name="loading" spin />
              {t('metrics.plan.computing')}
            </p>
          )}
        </div>
      </div>
    </section>
  )
}
