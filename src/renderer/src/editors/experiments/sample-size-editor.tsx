import type { ReactElement, ReactNode } from 'react'
import { useEffect, useId, useState } from 'react'
import type { ApiErrorData } from '@shared/api/errors'
import type { PowerRequest, PowerResult } from '@shared/domain/experiments'
import { Codicon } from '../../components/codicon'
import { describeError, toErrorData } from '../../i18n/error-message'
import { useI18n } from '../../i18n/i18n-context'
import { useStore } from '../../state/store'
import { useWorkbench } from '../../state/workbench-context'
import type { EditorProps } from '../editor-registry'
import { daysText, powerSummaryText, unitsText } from './experiment-format'
import type { SampleSizeField, SampleSizeForm } from './experiment-model'
import { sampleSizeDefaults, sampleSizeRequest } from './experiment-model'
import './experiments.css'

/** Typing pauses this long before the numbers are asked for. */
export const SAMPLE_SIZE_DEBOUNCE_MS = 250

type Answer = { key: string; result: PowerResult } | { key: string; error: ApiErrorData }

/**
 * The sample-size calculator: the units each arm of a test on a rate needs to detect an effect,
 * by both formulas, the total and the days at a daily traffic. The form is checked here with the
 * backend's schema; the numbers come from `experiments.power` once typing pauses.
 */
export function SampleSizeEditor(_props: EditorProps): ReactElement {
  const wb = useWorkbench()
  const i18n = useI18n()
  const { t, language } = i18n
  const settings = useStore(wb.session, (s) => s.settings)
  const ids = {
    baseline: useId(),
    mde: useId(),
    mdeKind: useId(),
    alpha: useId(),
    power: useId(),
    daily: useId()
  }
  const [form, setForm] = useState<SampleSizeForm>(() => sampleSizeDefaults(settings))
  const [touched, setTouched] = useState(false)
  const [answer, setAnswer] = useState<Answer | null>(null)

  // Settings that arrive after the tab opened become the defaults, unless the user typed already.
  const defaultsKey = settings ? `${settings.significanceLevel}|${settings.experimentPower}` : ''
  useEffect(() => {
    if (!touched) setForm(sampleSizeDefaults(settings))
    // Only a change of the two settings matters here.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [defaultsKey])

  const built = sampleSizeRequest(form)
  const requestJson = built.ok ? JSON.stringify(built.request) : null

  useEffect(() => {
    if (requestJson === null) return
    let live = true
    const timer = setTimeout(() => {
      const args = JSON.parse(requestJson) as PowerRequest
      wb.call('experiments.power', args, { quiet: true }).then(
        (result) => {
          if (live) setAnswer({ key: requestJson, result })
        },
        (e: unknown) => {
          if (live) setAnswer({ key: requestJson, error: toErrorData(e) })
        }
      )
    }, SAMPLE_SIZE_DEBOUNCE_MS)
    return () => {
      live = false
      clearTimeout(timer)
    }
  }, [wb, requestJson])

  const current = answer && answer.key === requestJson ? answer : null
  // While the next answer is on its way the last one stays, dimmed, rather than a blank.
  const shown = current ?? (answer && 'result' in answer ? answer : null)
  const errors = built.ok ? {} : built.errors
  const update = (field: keyof SampleSizeForm, value: string): void => {
    setTouched(true)
    setForm((f) => ({ ...f, [field]: value }) as SampleSizeForm)
  }
  const error = (field: SampleSizeField): ReactNode => {
    const code = errors[field]
    return code ? (
      <p
        className="lb-sample-size-error"
        role="alert"
        id={`${ids[field]}-error`}
        data-testid={`sample-size-error-${field}`}
      >
        <Codicon name="error" />
        {t(`sampleSize.error.${code}`)}
      </p>
    ) : null
  }
  const input = (
    field: SampleSizeField,
    affix: string,
    mode: 'decimal' | 'numeric' = 'decimal'
  ): ReactElement => (
    <span className="lb-sample-size-value">
      <input
        id={ids[field]}
        className="lb-input"
        type="text"
        inputMode={mode}
        spellCheck={false}
        autoComplete="off"
        value={form[field]}
        aria-invalid={errors[field] !== undefined}
        aria-describedby={errors[field] ? `${ids[field]}-error` : undefined}
        data-testid={`sample-size-${field}`}
        onChange={(e) => update(field, e.target.value)}
      />
      <span className="lb-sample-size-affix">{affix}</span>
    </span>
  )
  const result = shown && 'result' in shown ? shown.result : null

  return (
    <div className="lb-experiment" data-testid="sample-size-editor">
      <div className="lb-experiment-scroll">
        <div className="lb-sample-size">
          <h1>{t('sampleSize.title')}</h1>
          <p className="lb-sample-size-intro">{t('sampleSize.intro')}</p>
          <div className="lb-sample-size-form">
            <div className="lb-sample-size-field">
              <label htmlFor={ids.baseline}>{t('sampleSize.baseline')}</label>
              {input('baseline', t('sampleSize.unit.percent'))}
              <span className="lb-sample-size-hint">{t('sampleSize.baseline.hint')}</span>
              {error('baseline')}
            </div>
            <div className="lb-sample-size-field">
              <label htmlFor={ids.mde}>{t('sampleSize.mde')}</label>
              {input(
                'mde',
                t(form.mdeKind === 'relative' ? 'sampleSize.unit.percent' : 'sampleSize.unit.pp')
              )}
              <span className="lb-sample-size-value">
                <label htmlFor={ids.mdeKind} className="lb-visually-hidden">
                  {t('sampleSize.mdeKind')}
                </label>
                <select
                  id={ids.mdeKind}
                  className="lb-select"
                  value={form.mdeKind}
                  data-testid="sample-size-mde-kind"
                  onChange={(e) => update('mdeKind', e.target.value)}
                >
                  <option value="relative">{t('sampleSize.mdeKind.relative')}</option>
                  <option value="absolute">{t('sampleSize.mdeKind.absolute')}</option>
                </select>
              </span>
              {error('mde')}
            </div>
            <div className="lb-sample-size-field">
              <label htmlFor={ids.alpha}>{t('sampleSize.alpha')}</label>
              {input('alpha', '')}
              {error('alpha')}
            </div>
            <div className="lb-sample-size-field">
              <label htmlFor={ids.power}>{t('sampleSize.power')}</label>
              {input('power', t('sampleSize.unit.percent'))}
              {error('power')}
            </div>
            <div className="lb-sample-size-field">
              <label htmlFor={ids.daily}>{t('sampleSize.daily')}</label>
              {input('daily', t('sampleSize.unit.units'), 'numeric')}
              <span className="lb-sample-size-hint">{t('sampleSize.daily.hint')}</span>
              {error('daily')}
            </div>
          </div>
          <p className="lb-sample-size-defaults">
            <span>{t('sampleSize.defaults')}</span>
            <button
              type="button"
              className="lb-link"
              data-testid="sample-size-reset"
              onClick={() => {
                setTouched(false)
                setForm(sampleSizeDefaults(settings))
              }}
            >
              {t('sampleSize.reset')}
            </button>
          </p>
          <div aria-live="polite">
            {!built.ok ? null : current && 'error' in current ? (
              <p className="lb-sample-size-status is-error" role="alert" data-testid="sample-size-failed">
                <Codicon name="error" />
                {t('sampleSize.failed', { message: describeError(language, current.error).message })}
              </p>
            ) : result ? (
              <div data-testid="sample-size-result" data-pending={current ? 'false' : 'true'}>
                <div className={`lb-sample-size-results${current ? '' : ' is-stale'}`}>
                  <div className="lb-sample-size-card is-main">
                    <h3>{t('sampleSize.result.perArm')}</h3>
                    <strong data-testid="sample-size-per-arm">{unitsText(i18n, result.nPerArm)}</strong>
                    <span>{t('sampleSize.result.perArm.note')}</span>
                  </div>
                  <div className="lb-sample-size-card">
                    <h3>{t('sampleSize.result.cohen')}</h3>
                    <strong data-testid="sample-size-cohen">{unitsText(i18n, result.nPerArmCohenH)}</strong>
                    <span>{t('sampleSize.result.cohen.note')}</span>
                  </div>
                  <div className="lb-sample-size-card">
                    <h3>{t('sampleSize.result.total')}</h3>
                    <strong data-testid="sample-size-total">{unitsText(i18n, result.total)}</strong>
                    <span>{t('sampleSize.result.total.note')}</span>
                  </div>
                  <div className="lb-sample-size-card">
                    <h3>{t('sampleSize.result.days')}</h3>
                    <strong data-testid="sample-size-days">{daysText(i18n, result)}</strong>
                    <span>
                      {result.days === null
                        ? t('sampleSize.result.days.none')
                        : t('sampleSize.result.days.note', {
                            daily: unitsText(i18n, built.request.dailyUnits ?? null)
                          })}
                    </span>
                  </div>
                </div>
                <p className="lb-sample-size-summary" data-testid="sample-size-summary">
                  <Codicon name="lightbulb" />
                  <span>{powerSummaryText(i18n, result)}</span>
                </p>
              </div>
            ) : (
              <p className="lb-sample-size-status" data-testid="sample-size-pending">
                <Codicon name="loading" spin />
                {t('sampleSize.computing')}
              </p>
            )}
          </div>
        </div>
      </div>
    </div>
  )
}
