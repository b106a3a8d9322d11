import type { ReactElement, ReactNode } from 'react'
import { useEffect, useId, useState } from 'react'
import { RECORD_KINDS } from '@shared/domain/field-roles'
import type { RecordKind } from '@shared/domain/field-roles'
import type { ImportMapping, ImportPreview } from '@shared/domain/import'
import { SOURCE_ENCODINGS } from '@shared/domain/import'
import type { MessageKey } from '@shared/i18n/catalog'
import { Codicon } from '../../components/codicon'
import type { I18n } from '../../i18n/i18n'
import { useI18n } from '../../i18n/i18n-context'
import { useWorkbench } from '../../state/workbench-context'
import { dateReadings } from './date-order'
import {
  ambiguousDateColumns,
  missingRequiredRoles,
  needsCsatScale,
  needsExperimentName,
  usesSourceSystem
} from './import-mapping'
import {
  ENCODING_NAMES,
  FORMAT_NAMES,
  KIND_ICONS,
  detectedSentence,
  joinList,
  presetLabel,
  roleLabel
} from './import-labels'
import type { StartBlocker, WizardState } from './import-wizard-model'
import { parseRejectThreshold, startBlockers } from './import-wizard-model'
import { MappingTable } from './mapping-table'

const DELIMITERS: ReadonlyArray<[string, MessageKey]> = [
  [',', 'import.delimiter.comma'],
  [';', 'import.delimiter.semicolon'],
  ['\t', 'import.delimiter.tab'],
  ['|', 'import.delimiter.pipe']
]
const HEADER_ROWS = [1, 2, 3, 4, 5, 6, 7, 8, 9, 10]
const CSAT_SCALES = [3, 4, 5, 7, 10]
const LOW_CONFIDENCE = 0.6

/** The second step: what the file looks like, how it is read, what each column becomes, and options. */
export function PreviewStep({ state }: { state: WizardState }): ReactElement | null {
  const i18n = useI18n()
  const { preview, mapping } = state
  if (!preview || !mapping) return null
  const missing = missingRequiredRoles(mapping)
  return (
    <>
      <div className="lb-import-body lb-import-preview" aria-busy={state.reinspecting}>
        <FileSummary preview={preview} mapping={mapping} state={state} />
        <ReadSettings preview={preview} reinspecting={state.reinspecting} />
        {preview.warnings.length > 0 && (
          <ul className="lb-import-warnings" data-testid="import-warnings">
            {preview.warnings.map((warning) => (
              <li key={warning}>
                <Codicon name="warning" />
                <span className="lb-selectable">{warning}</span>
              </li>
            ))}
          </ul>
        )}
        <section className="lb-import-section" aria-labelledby="lb-import-columns">
          <div className="lb-import-section-head">
            <h2 id="lb-import-columns">{i18n.t('import.columns.title')}</h2>
            <span className="lb-import-muted">
              {i18n.t('import.columns.summary', {
                mapped: i18n.fmt.integer(mapping.columns.filter((c) => c.role !== null).length),
                total: i18n.fmt.integer(mapping.columns.length)
              })}
            </span>
            <span className="lb-import-legend">
              <span className="lb-import-legend-mark" aria-hidden="true" />
              {i18n.t('import.columns.legendRequired')}
            </span>
          </div>
          {missing.length > 0 && (
            <p className="lb-import-inline-warning" role="alert" data-testid="import-missing-required">
              <Codicon name="warning" />
              <span>
                {i18n.t('import.missingRequired', {
                  roles: joinList(
                    i18n,
                    missing.map((r) => roleLabel(i18n, r.id))
                  )
                })}
              </span>
            </p>
          )}
          <DateOrderQuestion preview={preview} mapping={mapping} />
          <MappingTable preview={preview} mapping={mapping} />
        </section>
        <Options state={state} mapping={mapping} />
      </div>
      <StartBar state={state} />
    </>
  )
}

function FileSummary({
  preview,
  mapping,
  state
}: {
  preview: ImportPreview
  mapping: ImportMapping
  state: WizardState
}): ReactElement {
  const wb = useWorkbench()
  const i18n = useI18n()
  const { t, fmt } = i18n
  const kindId = useId()
  const savedName = useSavedMappingName(preview.savedMappingId)
  const { detected } = preview
  const low = detected.confidence < LOW_CONFIDENCE
  return (
    <section className="lb-import-summary" data-testid="import-summary">
      <span className="lb-import-summary-icon" aria-hidden="true">
        <Codicon name={KIND_ICONS[mapping.kind]} />
      </span>
      <div className="lb-import-summary-main">
        <div className="lb-import-summary-file">
          <strong className="lb-selectable" title={preview.source.name}>
            {preview.source.name}
          </strong>
          <span className="lb-import-muted">
            {t('import.fileFacts', {
              size: fmt.bytes(preview.source.size),
              format: FORMAT_NAMES[preview.read.format]
            })}
          </span>
        </div>
        <p className="lb-import-detected" data-testid="import-detected">
          {detectedSentence(i18n, detected.kind, detected.preset)}
          <span className={`lb-import-confidence${low ? ' is-low' : ''}`}>
            {t('import.confidence', { percent: fmt.percent(detected.confidence, 0) })}
          </span>
        </p>
        {low && <p className="lb-import-muted">{t('import.lowConfidence')}</p>}
        {preview.savedMappingId !== null && (
          <p className="lb-import-saved" data-testid="import-saved-mapping">
            <Codicon name="bookmark" />
            {savedName ? t('import.savedMapping', { name: savedName }) : t('import.savedMappingUnnamed')}
          </p>
        )}
      </div>
      <div className="lb-import-summary-kind">
        <label htmlFor={kindId}>{t('import.field.kind')}</label>
        <select
          id={kindId}
          className="lb-select"
          value={mapping.kind}
          disabled={state.reinspecting}
          data-testid="import-kind"
          onChange={(e) => wb.imports.reinspect({ kind: e.target.value as RecordKind })}
        >
          {RECORD_KINDS.map((kind) => (
            <option key={kind} value={kind}>
              {t(`import.kind.${kind}`)}
            </option>
          ))}
        </select>
        <span className="lb-import-muted" data-testid="import-preset">
          {t('import.presetLine', { preset: presetLabel(i18n, mapping.preset) })}
        </span>
      </div>
    </section>
  )
}

/** The name of a saved mapping by id, looked up once. */
function useSavedMappingName(id: number | null): string | null {
  const wb = useWorkbench()
  const [name, setName] = useState<{ id: number; name: string } | null>(null)
  useEffect(() => {
    if (id === null) return
    let live = true
    wb.call('import.mappings', {}, { quiet: true }).then(
      (list) => {
        const found = list.find((m) => m.id === id)
        if (live && found) setName({ id, name: found.name })
      },
      () => undefined
    )
    return () => {
      live = false
    }
  }, [wb, id])
  return name && name.id === id ? name.name : null
}

function ReadSettings({
  preview,
  reinspecting
}: {
  preview: ImportPreview
  reinspecting: boolean
}): ReactElement {
  const wb = useWorkbench()
  const { t } = useI18n()
  const ids = { encoding: useId(), delimiter: useId(), sheet: useId(), headerRows: useId() }
  const { read } = preview
  const text = read.format === 'csv' || read.format === 'tsv'
  const delimiters =
    read.delimiter && !DELIMITERS.some(([d]) => d === read.delimiter)
      ? [...DELIMITERS, [read.delimiter, 'import.delimiter.other'] as [string, MessageKey]]
      : DELIMITERS
  return (
    <section className="lb-import-read" aria-labelledby="lb-import-read" data-testid="import-read">
      <h2 id="lb-import-read" className="lb-import-read-title">
        {t('import.read.title')}
      </h2>
      {read.encodingSource !== 'not_applicable' && (
        <Field
          id={ids.encoding}
          label={t('import.read.encoding')}
          note={t(`import.read.encodingSource.${read.encodingSource}`)}
        >
          <select
            id={ids.encoding}
            className="lb-select"
            value={read.encoding}
            disabled={reinspecting}
            data-testid="import-encoding"
            onChange={(e) =>
              wb.imports.reinspect({
                read: { encoding: e.target.value as (typeof SOURCE_ENCODINGS)[number] }
              })
            }
          >
            {SOURCE_ENCODINGS.map((encoding) => (
              <option key={encoding} value={encoding}>
                {ENCODING_NAMES[encoding]}
              </option>
            ))}
          </select>
        </Field>
      )}
      {text && read.delimiter !== null && (
        <Field id={ids.delimiter} label={t('import.read.delimiter')}>
          <select
            id={ids.delimiter}
            className="lb-select"
            value={read.delimiter}
            disabled={reinspecting}
            data-testid="import-delimiter"
            onChange={(e) => wb.imports.reinspect({ read: { delimiter: e.target.value } })}
          >
            {delimiters.map(([char, key]) => (
              <option key={char} value={char}>
                {t(key, { char })}
              </option>
            ))}
          </select>
        </Field>
      )}
      {read.format === 'xlsx' && read.sheets.length > 0 && (
        <Field id={ids.sheet} label={t('import.read.sheet')}>
          <select
            id={ids.sheet}
            className="lb-select"
            value={read.sheet ?? read.sheets[0]}
            disabled={reinspecting}
            data-testid="import-sheet"
            onChange={(e) => wb.imports.reinspect({ read: { sheet: e.target.value } })}
          >
            {read.sheets.map((sheet) => (
              <option key={sheet} value={sheet}>
                {sheet}
              </option>
            ))}
          </select>
        </Field>
      )}
      {read.format !== 'json' && read.format !== 'ndjson' && (
        <Field id={ids.headerRows} label={t('import.read.headerRows')}>
          <select
            id={ids.headerRows}
            className="lb-select lb-import-narrow"
            value={read.headerRows}
            disabled={reinspecting}
            data-testid="import-header-rows"
            onChange={(e) => wb.imports.reinspect({ read: { headerRows: Number(e.target.value) } })}
          >
            {HEADER_ROWS.map((n) => (
              <option key={n} value={n}>
                {n}
              </option>
            ))}
          </select>
        </Field>
      )}
      {reinspecting && (
        <span className="lb-import-muted lb-import-rereading" role="status">
          <Codicon name="loading" spin />
          {t('import.read.rereading')}
        </span>
      )}
    </section>
  )
}

function Field({
  id,
  label,
  note,
  children
}: {
  id: string
  label: string
  note?: string
  children: ReactNode
}): ReactElement {
  return (
    <div className="lb-import-field">
      <label htmlFor={id}>{label}</label>
      {children}
      {note && <span className="lb-import-field-note">{note}</span>}
    </div>
  )
}

function DateOrderQuestion({
  preview,
  mapping
}: {
  preview: ImportPreview
  mapping: ImportMapping
}): ReactElement | null {
  const wb = useWorkbench()
  const i18n = useI18n()
  const { t, fmt } = i18n
  const name = useId()
  const columns = ambiguousDateColumns(preview, mapping)
  if (columns.length === 0) return null
  const headers = joinList(
    i18n,
    columns.map((c) => c.header)
  )
  const readings = dateReadings(columns.flatMap((c) => c.examples))
  const choices: Array<{ order: 'dmy' | 'mdy'; label: string }> = readings
    ? [
        {
          order: 'dmy',
          label: t('import.dateOrder.dmy', {
            date: fmt.calendarDate(readings.year, readings.dmy.month, readings.dmy.day)
          })
        },
        {
          order: 'mdy',
          label: t('import.dateOrder.mdy', {
            date: fmt.calendarDate(readings.year, readings.mdy.month, readings.mdy.day)
          })
        }
      ]
    : [
        { order: 'dmy', label: t('import.dateOrder.genericDmy') },
        { order: 'mdy', label: t('import.dateOrder.genericMdy') }
      ]
  const unanswered = mapping.dateOrder === null
  return (
    <fieldset className={`lb-import-question${unanswered ? ' is-open' : ''}`} data-testid="import-date-order">
      <legend>
        <Codicon name={unanswered ? 'question' : 'calendar'} />
        {readings
          ? t('import.dateOrder.title', { example: readings.example })
          : t('import.dateOrder.genericTitle', { columns: headers })}
      </legend>
      {readings && <p className="lb-import-muted">{t('import.dateOrder.question', { columns: headers })}</p>}
      <div className="lb-import-choices" role="radiogroup">
        {choices.map((choice) => (
          <label key={choice.order} className="lb-import-choice">
            <input
              type="radio"
              name={name}
              value={choice.order}
              checked={mapping.dateOrder === choice.order}
              data-testid={`import-date-order-${choice.order}`}
              onChange={() => wb.imports.edit({ type: 'dateOrder', order: choice.order })}
            />
            <span>{choice.label}</span>
          </label>
        ))}
      </div>
    </fieldset>
  )
}

function Options({ state, mapping }: { state: WizardState; mapping: ImportMapping }): ReactElement {
  const wb = useWorkbench()
  const i18n = useI18n()
  const { t } = i18n
  const ids = {
    redact: useId(),
    threshold: useId(),
    thresholdError: useId(),
    source: useId(),
    experiment: useId(),
    scale: useId(),
    remember: useId(),
    rememberName: useId()
  }
  const thresholdInvalid = parseRejectThreshold(state.rejectThresholdPercent) === null
  const experiment = needsExperimentName(mapping)
  const scale = needsCsatScale(mapping)
  const scales =
    mapping.csatScaleMax !== null && !CSAT_SCALES.includes(mapping.csatScaleMax)
      ? [...CSAT_SCALES, mapping.csatScaleMax].sort((a, b) => a - b)
      : CSAT_SCALES
  return (
    <section className="lb-import-section" aria-labelledby="lb-import-options">
      <div className="lb-import-section-head">
        <h2 id="lb-import-options">{t('import.options.title')}</h2>
      </div>
      <div className="lb-import-options">
        <div className="lb-import-option">
          <label className="lb-import-check" htmlFor={ids.redact}>
            <input
              id={ids.redact}
              type="checkbox"
              checked={state.redact}
              data-testid="import-redact"
              onChange={(e) => wb.imports.setRedact(e.target.checked)}
            />
            <span>{t('import.redact.label')}</span>
          </label>
          <p className="lb-import-option-description">{t('import.redact.description')}</p>
        </div>
        <div className="lb-import-option">
          <label htmlFor={ids.threshold} className="lb-import-option-label">
            {t('import.threshold.label')}
          </label>
          <span className="lb-number-input">
            <input
              id={ids.threshold}
              className="lb-input lb-import-number"
              inputMode="decimal"
              value={state.rejectThresholdPercent}
              aria-invalid={thresholdInvalid}
              aria-describedby={thresholdInvalid ? ids.thresholdError : undefined}
              data-testid="import-threshold"
              onChange={(e) => wb.imports.setRejectThreshold(e.target.value)}
            />
            <span className="lb-number-suffix">%</span>
          </span>
          {thresholdInvalid && (
            <span id={ids.thresholdError} className="lb-import-field-error" role="alert">
              {t('import.threshold.invalid')}
            </span>
          )}
          <p className="lb-import-option-description">{t('import.threshold.description')}</p>
        </div>
        {usesSourceSystem(mapping.kind) && (
          <div className="lb-import-option">
            <label htmlFor={ids.source} className="lb-import-option-label">
              {t('import.sourceSystem.label')}
            </label>
            <input
              id={ids.source}
              className="lb-input lb-import-text"
              value={mapping.sourceSystem}
              maxLength={64}
              data-testid="import-source-system"
              onChange={(e) => wb.imports.edit({ type: 'sourceSystem', value: e.target.value })}
            />
            <p className="lb-import-option-description">{t('import.sourceSystem.description')}</p>
          </div>
        )}
        {experiment && (
          <div className="lb-import-option">
            <label htmlFor={ids.experiment} className="lb-import-option-label">
              {t('import.experiment.label')}
            </label>
            <input
              id={ids.experiment}
              className="lb-input lb-import-text"
              value={mapping.experiment ?? ''}
              maxLength={200}
              aria-invalid={!mapping.experiment?.trim()}
              data-testid="import-experiment"
              onChange={(e) => wb.imports.edit({ type: 'experiment', value: e.target.value })}
            />
            <p className="lb-import-option-description">{t('import.experiment.description')}</p>
          </div>
        )}
        {scale && (
          <div className="lb-import-option">
            <label htmlFor={ids.scale} className="lb-import-option-label">
              {t('import.csatScale.label')}
            </label>
            <select
              id={ids.scale}
              className="lb-select lb-import-narrow"
              value={mapping.csatScaleMax ?? 5}
              data-testid="import-csat-scale"
              onChange={(e) => wb.imports.edit({ type: 'csatScaleMax', value: Number(e.target.value) })}
            >
              {scales.map((max) => (
                <option key={max} value={max}>
                  {t('import.csatScale.option', { max })}
                </option>
              ))}
            </select>
            <p className="lb-import-option-description">{t('import.csatScale.description')}</p>
          </div>
        )}
        <div className="lb-import-option">
          <label className="lb-import-check" htmlFor={ids.remember}>
            <input
              id={ids.remember}
              type="checkbox"
              checked={state.remember.enabled}
              data-testid="import-remember"
              onChange={(e) => wb.imports.setRemember({ enabled: e.target.checked })}
            />
            <span>{t('import.remember.label')}</span>
          </label>
          {state.remember.enabled && (
            <div className="lb-import-remember-name">
              <label htmlFor={ids.rememberName} className="lb-import-muted">
                {t('import.remember.name')}
              </label>
              <input
                id={ids.rememberName}
                className="lb-input lb-import-text"
                value={state.remember.name}
                maxLength={200}
                aria-invalid={!state.remember.name.trim()}
                data-testid="import-remember-name"
                onChange={(e) => wb.imports.setRemember({ name: e.target.value })}
              />
            </div>
          )}
        </div>
      </div>
    </section>
  )
}

/** The text of a start blocker. */
function blockerText(i18n: I18n, blocker: StartBlocker): string {
  switch (blocker.type) {
    case 'required':
      return i18n.t('import.blocker.required', {
        roles: joinList(
          i18n,
          blocker.roles.map((r) => roleLabel(i18n, r))
        )
      })
    case 'names':
      return i18n.t('import.blocker.names')
    case 'dateOrder':
      return i18n.t('import.blocker.dateOrder')
    case 'experiment':
      return i18n.t('import.blocker.experiment')
    case 'threshold':
      return i18n.t('import.blocker.threshold')
    case 'mappingName':
      return i18n.t('import.blocker.mappingName')
    case 'busy':
      return i18n.t('import.blocker.busy')
  }
}

function StartBar({ state }: { state: WizardState }): ReactElement {
  const wb = useWorkbench()
  const i18n = useI18n()
  const { t } = i18n
  const blockers = startBlockers(state)
  const first = blockers[0]
  return (
    <footer className="lb-import-footer">
      <p
        className={`lb-import-footer-text${first ? ' is-blocked' : ''}`}
        role="status"
        data-testid="import-start-status"
      >
        <Codicon
          name={first ? (first.type === 'busy' ? 'loading' : 'warning') : 'shield'}
          spin={first?.type === 'busy'}
        />
        <span>{first ? blockerText(i18n, first) : t('import.startHint')}</span>
      </p>
      <button
        type="button"
        className="lb-button is-secondary"
        data-testid="import-choose-another"
        onClick={() => wb.imports.reset()}
      >
        {t('import.chooseAnother')}
      </button>
      <button
        type="button"
        className="lb-button"
        disabled={blockers.length > 0}
        data-testid="import-start"
        onClick={() => void wb.imports.start()}
      >
        <Codicon name="cloud-upload" />
        {t('import.start')}
      </button>
    </footer>
  )
}
