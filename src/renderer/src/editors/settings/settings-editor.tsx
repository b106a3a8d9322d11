import type { ReactElement, ReactNode } from 'react'
import { useCallback, useEffect, useId, useMemo, useRef, useState } from 'react'
import type { AnalysisSettings } from '@shared/domain/settings'
import { isValidTimeZone } from '@shared/domain/settings'
import type { LanguageId, ThemeId } from '@shared/domain/preferences'
import { LANGUAGE_IDS, THEME_IDS } from '@shared/domain/preferences'
import { fiscalYearAndQuarter, zonedYearMonth } from '@shared/domain/periods'
import type { MessageKey } from '@shared/i18n/catalog'
import { translate } from '@shared/i18n/translate'
import { Codicon } from '../../components/codicon'
import { useI18n } from '../../i18n/i18n-context'
import { useStore } from '../../state/store'
import { useWorkbench } from '../../state/workbench-context'
import type { EditorProps } from '../editor-registry'
import type { FieldError, SettingsDraft, SettingsField } from './settings-form'
import { diffSettings, draftFromSettings, parseDraft } from './settings-form'
import './settings-editor.css'

const ERROR_KEYS: Readonly<Record<SettingsField, MessageKey>> = {
  significanceLevel: 'settings.error.significanceLevel',
  minPracticalLift: 'settings.error.minPracticalLift',
  minPracticalLiftKind: 'settings.error.minPracticalLiftKind',
  experimentPower: 'settings.error.experimentPower',
  csatSatisfiedThreshold: 'settings.error.csatSatisfiedThreshold',
  csatScaleMax: 'settings.error.csatScaleMax',
  fiscalYearStartMonth: 'settings.error.fiscalYearStartMonth',
  metricsMinSampleSize: 'settings.error.metricsMinSampleSize',
  timeZone: 'settings.error.timeZone',
  importRedactByDefault: 'settings.error.importRedactByDefault',
  importRejectThreshold: 'settings.error.importRejectThreshold'
}

/** Time zones this runtime knows, for the time-zone field's suggestions. */
function timeZones(): string[] {
  try {
    return Intl.supportedValuesOf('timeZone')
  } catch {
    return ['UTC']
  }
}

/** The settings editor: analysis settings of the workspace, and the user's appearance preferences. */
export function SettingsEditor({ id }: EditorProps): ReactElement {
  const wb = useWorkbench()
  const { t } = useI18n()
  const workspace = useStore(wb.session, (s) => s.workspace)
  const settings = useStore(wb.session, (s) => s.settings)
  return (
    <div className="lb-settings" data-testid="settings-editor">
      <div className="lb-settings-inner">
        <h1 className="lb-settings-title">{t('editor.settings.title')}</h1>
        <AppearanceSection />
        {workspace && settings ? (
          <AnalysisSection
            key={workspace.path}
            editorId={id}
            saved={settings}
            workspaceName={workspace.name}
          />
        ) : (
          <section className="lb-settings-section">
            <SectionHeading title={t('settings.analysis')} scope={t('settings.scope.workspace')} />
            <p className="lb-settings-empty" data-testid="settings-no-workspace">
              {workspace ? t('settings.loading') : t('settings.noWorkspace')}
            </p>
          </section>
        )}
      </div>
    </div>
  )
}

function SectionHeading({
  title,
  scope,
  children
}: {
  title: string
  scope: string
  children?: ReactNode
}): ReactElement {
  return (
    <div className="lb-settings-section-head">
      <h2>{title}</h2>
      <span className="lb-settings-scope">{scope}</span>
      <span className="lb-settings-section-actions">{children}</span>
    </div>
  )
}

function AppearanceSection(): ReactElement {
  const wb = useWorkbench()
  const { t } = useI18n()
  const prefs = useStore(wb.preferences, (p) => p.preferences)
  const themeId = useId()
  const languageId = useId()
  return (
    <section className="lb-settings-section" data-testid="settings-appearance">
      <SectionHeading title={t('settings.appearance')} scope={t('settings.scope.user')} />
      <div className="lb-settings-pair">
        <div className="lb-setting">
          <label htmlFor={themeId} className="lb-setting-label">
            {t('settings.field.theme')}
          </label>
          <p className="lb-setting-description">{t('settings.description.theme')}</p>
          <select
            id={themeId}
            className="lb-select"
            data-testid="settings-theme"
            value={prefs.theme ?? 'system'}
            onChange={(e) =>
              void wb.setTheme(e.target.value === 'system' ? null : (e.target.value as ThemeId))
            }
          >
            <option value="system">{t('theme.system')}</option>
            {THEME_IDS.map((theme) => (
              <option key={theme} value={theme}>
                {t(`theme.${theme}`)}
              </option>
            ))}
          </select>
        </div>
        <div className="lb-setting">
          <label htmlFor={languageId} className="lb-setting-label">
            {t('settings.field.language')}
          </label>
          <p className="lb-setting-description">{t('settings.description.language')}</p>
          <select
            id={languageId}
            className="lb-select"
            data-testid="settings-language"
            value={prefs.language ?? 'system'}
            onChange={(e) =>
              void wb.setLanguage(e.target.value === 'system' ? null : (e.target.value as LanguageId))
            }
          >
            <option value="system">{t('language.system')}</option>
            {LANGUAGE_IDS.map((language) => (
              <option key={language} value={language}>
                {translate(language, `language.${language}`)}
              </option>
            ))}
          </select>
        </div>
      </div>
    </section>
  )
}

function AnalysisSection({
  editorId,
  saved,
  workspaceName
}: {
  editorId: string
  saved: AnalysisSettings
  workspaceName: string
}): ReactElement {
  const wb = useWorkbench()
  const { t, fmt } = useI18n()
  const [draft, setDraft] = useState<SettingsDraft>(() => draftFromSettings(saved))
  const [base, setBase] = useState<AnalysisSettings>(saved)
  const [touched, setTouched] = useState<ReadonlySet<keyof SettingsDraft>>(new Set())
  const [saving, setSaving] = useState(false)
  const [savedAt, setSavedAt] = useState<number | null>(null)
  const form = useRef<HTMLFormElement>(null)
  const zones = useMemo(() => timeZones(), [])
  const ids = {
    significanceLevel: useId(),
    minPracticalLift: useId(),
    minPracticalLiftKind: useId(),
    experimentPower: useId(),
    csatSatisfiedThreshold: useId(),
    csatScaleMax: useId(),
    metricsMinSampleSize: useId(),
    fiscalYearStartMonth: useId(),
    timeZone: useId(),
    zones: useId(),
    importRedactByDefault: useId(),
    importRejectThreshold: useId()
  }

  const parsed = useMemo(() => parseDraft(draft), [draft])
  const patch = parsed.settings ? diffSettings(base, parsed.settings) : null
  const baseDraft = useMemo(() => draftFromSettings(base), [base])
  const dirty = patch
    ? Object.keys(patch).length > 0
    : (Object.keys(baseDraft) as Array<keyof SettingsDraft>).some(
        (k) => String(baseDraft[k]) !== String(draft[k])
      )

  // Saved settings changed elsewhere (another window, the CLI): adopt them unless we are editing.
  if (saved !== base) {
    setBase(saved)
    if (!dirty) setDraft(draftFromSettings(saved))
  }

  useEffect(() => {
    wb.setEditorDirty(editorId, dirty)
  }, [wb, editorId, dirty])

  const save = useCallback(async (): Promise<boolean> => {
    const result = parseDraft(draft)
    if (!result.settings) {
      setTouched(new Set(Object.keys(draft) as Array<keyof SettingsDraft>))
      form.current?.querySelector<HTMLElement>('[aria-invalid="true"]')?.focus()
      return false
    }
    const changes = diffSettings(base, result.settings)
    if (Object.keys(changes).length === 0) return true
    setSaving(true)
    try {
      const next = await wb.call('settings.update', { patch: changes })
      setBase(next)
      setDraft(draftFromSettings(next))
      setTouched(new Set())
      setSavedAt(Date.now())
      wb.session.set((s) => ({ ...s, settings: next }))
      wb.output('info', { key: 'output.settingsSaved', params: { name: workspaceName } })
      return true
    } catch {
      return false
    } finally {
      setSaving(false)
    }
  }, [wb, draft, base, workspaceName])

  useEffect(() => wb.registerEditorHooks(editorId, { save }), [wb, editorId, save])

  const update = <K extends keyof SettingsDraft>(key: K, value: SettingsDraft[K]): void => {
    setDraft((d) => ({ ...d, [key]: value }))
    setTouched((s) => (s.has(key) ? s : new Set([...s, key])))
    setSavedAt(null)
  }
  const revert = (): void => {
    setDraft(draftFromSettings(base))
    setTouched(new Set())
  }
  const errorOf = (field: SettingsField, draftKey: keyof SettingsDraft): FieldError | undefined =>
    touched.has(draftKey) ? parsed.errors[field] : undefined
  const errorText = (field: SettingsField, error: FieldError | undefined): string | null => {
    if (!error) return null
    if (error === 'number') return t('settings.error.number')
    return t(ERROR_KEYS[field], { max: draft.csatScaleMax })
  }

  const scaleMax = parsed.settings?.csatScaleMax ?? base.csatScaleMax
  const preview = fiscalPreview(draft, base, t, fmt)
  const hasErrors = Object.keys(parsed.errors).length > 0

  return (
    <section className="lb-settings-section" data-testid="settings-analysis">
      <SectionHeading title={t('settings.analysis')} scope={t('settings.scope.workspace')}>
        <span className="lb-settings-state" role="status" data-testid="settings-state">
          {saving
            ? t('settings.saving')
            : dirty
              ? t('settings.unsaved')
              : savedAt !== null
                ? t('settings.saved')
                : t('settings.savedIn', { name: workspaceName })}
        </span>
        <button
          type="button"
          className="lb-button is-secondary"
          disabled={!dirty || saving}
          data-testid="settings-revert"
          onClick={revert}
        >
          {t('settings.revert')}
        </button>
        <button
          type="submit"
          form="lb-settings-form"
          className="lb-button"
          disabled={!dirty || saving || hasErrors}
          data-testid="settings-save"
        >
          {t('settings.save')}
        </button>
      </SectionHeading>
      <form
        id="lb-settings-form"
        ref={form}
        noValidate
        onSubmit={(e) => {
          e.preventDefault()
          void save()
        }}
      >
        <Setting
          id={ids.significanceLevel}
          testId="significanceLevel"
          label={t('settings.field.significanceLevel')}
          description={t('settings.description.significanceLevel')}
          error={errorText('significanceLevel', errorOf('significanceLevel', 'significanceLevel'))}
        >
          <NumberInput
            id={ids.significanceLevel}
            testId="significanceLevel"
            value={draft.significanceLevel}
            invalid={!!errorOf('significanceLevel', 'significanceLevel')}
            onChange={(v) => update('significanceLevel', v)}
          />
        </Setting>

        <Setting
          id={ids.minPracticalLift}
          testId="minPracticalLift"
          label={t('settings.field.minPracticalLift')}
          description={t('settings.description.minPracticalLift')}
          error={errorText('minPracticalLift', errorOf('minPracticalLift', 'minPracticalLiftPercent'))}
        >
          <div className="lb-setting-row">
            <NumberInput
              id={ids.minPracticalLift}
              testId="minPracticalLift"
              value={draft.minPracticalLiftPercent}
              invalid={!!errorOf('minPracticalLift', 'minPracticalLiftPercent')}
              suffix={draft.minPracticalLiftKind === 'relative' ? '%' : t('settings.unit.points')}
              onChange={(v) => update('minPracticalLiftPercent', v)}
            />
            <select
              id={ids.minPracticalLiftKind}
              className="lb-select"
              aria-label={t('settings.field.minPracticalLiftKind')}
              data-testid="setting-minPracticalLiftKind-input"
              value={draft.minPracticalLiftKind}
              onChange={(e) =>
                update('minPracticalLiftKind', e.target.value as SettingsDraft['minPracticalLiftKind'])
              }
            >
              <option value="relative">{t('settings.liftKind.relative')}</option>
              <option value="absolute">{t('settings.liftKind.absolute')}</option>
            </select>
          </div>
        </Setting>

        <Setting
          id={ids.experimentPower}
          testId="experimentPower"
          label={t('settings.field.experimentPower')}
          description={t('settings.description.experimentPower')}
          error={errorText('experimentPower', errorOf('experimentPower', 'experimentPowerPercent'))}
        >
          <NumberInput
            id={ids.experimentPower}
            testId="experimentPower"
            value={draft.experimentPowerPercent}
            invalid={!!errorOf('experimentPower', 'experimentPowerPercent')}
            suffix="%"
            onChange={(v) => update('experimentPowerPercent', v)}
          />
        </Setting>

        <Setting
          id={ids.csatSatisfiedThreshold}
          testId="csatSatisfiedThreshold"
          label={t('settings.field.csatSatisfiedThreshold')}
          description={t('settings.description.csatSatisfiedThreshold')}
          error={errorText(
            'csatSatisfiedThreshold',
            errorOf('csatSatisfiedThreshold', 'csatSatisfiedThreshold')
          )}
        >
          <div className="lb-setting-row">
            <NumberInput
              id={ids.csatSatisfiedThreshold}
              testId="csatSatisfiedThreshold"
              value={draft.csatSatisfiedThreshold}
              invalid={!!errorOf('csatSatisfiedThreshold', 'csatSatisfiedThreshold')}
              onChange={(v) => update('csatSatisfiedThreshold', v)}
            />
            <span className="lb-setting-inline-text">
              {t('settings.csatOf', { max: fmt.integer(scaleMax) })}
            </span>
          </div>
        </Setting>

        <Setting
          id={ids.csatScaleMax}
          testId="csatScaleMax"
          label={t('settings.field.csatScaleMax')}
          description={t('settings.description.csatScaleMax')}
          error={errorText('csatScaleMax', errorOf('csatScaleMax', 'csatScaleMax'))}
        >
          <NumberInput
            id={ids.csatScaleMax}
            testId="csatScaleMax"
            value={draft.csatScaleMax}
            invalid={!!errorOf('csatScaleMax', 'csatScaleMax')}
            onChange={(v) => update('csatScaleMax', v)}
          />
        </Setting>

        <Setting
          id={ids.metricsMinSampleSize}
          testId="metricsMinSampleSize"
          label={t('settings.field.metricsMinSampleSize')}
          description={t('settings.description.metricsMinSampleSize')}
          error={errorText('metricsMinSampleSize', errorOf('metricsMinSampleSize', 'metricsMinSampleSize'))}
        >
          <NumberInput
            id={ids.metricsMinSampleSize}
            testId="metricsMinSampleSize"
            value={draft.metricsMinSampleSize}
            invalid={!!errorOf('metricsMinSampleSize', 'metricsMinSampleSize')}
            onChange={(v) => update('metricsMinSampleSize', v)}
          />
        </Setting>

        <Setting
          id={ids.fiscalYearStartMonth}
          testId="fiscalYearStartMonth"
          label={t('settings.field.fiscalYearStartMonth')}
          description={t('settings.description.fiscalYearStartMonth')}
          error={null}
        >
          <select
            id={ids.fiscalYearStartMonth}
            className="lb-select"
            data-testid="setting-fiscalYearStartMonth-input"
            value={draft.fiscalYearStartMonth}
            onChange={(e) => update('fiscalYearStartMonth', Number(e.target.value))}
          >
            {Array.from({ length: 12 }, (_, i) => i + 1).map((month) => (
              <option key={month} value={month}>
                {fmt.monthName(month)}
              </option>
            ))}
          </select>
          <p className="lb-setting-preview" data-testid="settings-fiscal-preview">
            <Codicon name="calendar" />
            <span>{preview}</span>
          </p>
        </Setting>

        <Setting
          id={ids.timeZone}
          testId="timeZone"
          label={t('settings.field.timeZone')}
          description={t('settings.description.timeZone')}
          error={errorText('timeZone', errorOf('timeZone', 'timeZone'))}
        >
          <input
            id={ids.timeZone}
            className="lb-input lb-setting-wide"
            list={ids.zones}
            spellCheck={false}
            autoComplete="off"
            aria-invalid={!!errorOf('timeZone', 'timeZone')}
            aria-describedby={`${ids.timeZone}-error`}
            data-testid="setting-timeZone-input"
            value={draft.timeZone}
            onChange={(e) => update('timeZone', e.target.value)}
          />
          <datalist id={ids.zones}>
            {zones.map((zone) => (
              <option key={zone} value={zone} />
            ))}
          </datalist>
        </Setting>

        <Setting
          id={ids.importRedactByDefault}
          testId="importRedactByDefault"
          label={t('settings.field.importRedactByDefault')}
          description={t('settings.description.importRedactByDefault')}
          error={null}
        >
          <label className="lb-setting-row">
            <input
              id={ids.importRedactByDefault}
              type="checkbox"
              data-testid="setting-importRedactByDefault-input"
              checked={draft.importRedactByDefault}
              onChange={(e) => update('importRedactByDefault', e.target.checked)}
            />
            <span className="lb-setting-inline-text">{t('settings.importRedactByDefault.check')}</span>
          </label>
        </Setting>

        <Setting
          id={ids.importRejectThreshold}
          testId="importRejectThreshold"
          label={t('settings.field.importRejectThreshold')}
          description={t('settings.description.importRejectThreshold')}
          error={errorText(
            'importRejectThreshold',
            errorOf('importRejectThreshold', 'importRejectThresholdPercent')
          )}
        >
          <div className="lb-setting-row">
            <NumberInput
              id={ids.importRejectThreshold}
              testId="importRejectThreshold"
              value={draft.importRejectThresholdPercent}
              invalid={!!errorOf('importRejectThreshold', 'importRejectThresholdPercent')}
              onChange={(v) => update('importRejectThresholdPercent', v)}
            />
            <span className="lb-setting-inline-text">%</span>
          </div>
        </Setting>
      </form>
    </section>
  )
}

/** "With the fiscal year starting in April, 10 May 2026 falls in FY2027-Q1." for today. */
function fiscalPreview(
  draft: SettingsDraft,
  base: AnalysisSettings,
  t: ReturnType<typeof useI18n>['t'],
  fmt: ReturnType<typeof useI18n>['fmt']
): string {
  const zone = isValidTimeZone(draft.timeZone.trim()) ? draft.timeZone.trim() : base.timeZone
  const today = zonedYearMonth(Date.now(), zone)
  const start = draft.fiscalYearStartMonth
  const period = fiscalYearAndQuarter(today.year, today.month, start)
  const date = fmt.calendarDate(today.year, today.month, today.day)
  if (start === 1) return t('settings.fiscalPreview.calendar', { date, label: period.label })
  // The fiscal year runs from its start month in the previous calendar year to the month before it.
  const end = start - 1
  return t('settings.fiscalPreview', {
    month: fmt.monthName(start),
    date,
    label: period.label,
    fiscalYear: `FY${period.fiscalYear}`,
    from: fmt.monthYear(period.fiscalYear - 1, start),
    to: fmt.monthYear(period.fiscalYear, end)
  })
}

function Setting({
  id,
  testId,
  label,
  description,
  error,
  children
}: {
  id: string
  testId: string
  label: string
  description: string
  error: string | null
  children: ReactNode
}): ReactElement {
  return (
    <div className={`lb-setting${error ? ' is-invalid' : ''}`} data-testid={`setting-${testId}`}>
      <label htmlFor={id} className="lb-setting-label">
        {label}
      </label>
      <p className="lb-setting-description">{description}</p>
      {children}
      <p
        id={`${id}-error`}
        className="lb-setting-error"
        role={error ? 'alert' : undefined}
        data-testid={`setting-${testId}-error`}
        hidden={!error}
      >
        {error && <Codicon name="error" />}
        <span>{error}</span>
      </p>
    </div>
  )
}

function NumberInput({
  id,
  testId,
  value,
  invalid,
  suffix,
  onChange
}: {
  id: string
  testId: string
  value: string
  invalid: boolean
  suffix?: string
  onChange(value: string): void
}): ReactElement {
  return (
    <span className="lb-number-input">
      <input
        id={id}
        className="lb-input"
        inputMode="decimal"
        spellCheck={false}
        autoComplete="off"
        aria-invalid={invalid}
        aria-describedby={`${id}-error`}
        data-testid={`setting-${testId}-input`}
        value={value}
        onChange={(e) => onChange(e.target.value)}
      />
      {suffix && <span className="lb-number-suffix">{suffix}</span>}
    </span>
  )
}
