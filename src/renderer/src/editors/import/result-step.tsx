import type { ReactElement } from 'react'
import type { ApiErrorData } from '@shared/api/errors'
import type { ImportResult, RedactionCounts } from '@shared/domain/import'
import type { MessageKey } from '@shared/i18n/catalog'
import { NO_PATH_REASON } from '../../api/import-files'
import { Codicon } from '../../components/codicon'
import { InlineCode } from '../../components/inline-code'
import { TABLE_META } from '../../data/table-meta'
import { describeError } from '../../i18n/error-message'
import type { I18n } from '../../i18n/i18n'
import { useI18n } from '../../i18n/i18n-context'
import { tableOfKind } from '../../state/import-controller'
import { useWorkbench } from '../../state/workbench-context'
import { formatDuration, joinList } from './import-labels'
import type { WizardState } from './import-wizard-model'

const COUNTS = ['inserted', 'updated', 'unchanged', 'rejected'] as const
const REDACTIONS: ReadonlyArray<[keyof RedactionCounts, MessageKey, MessageKey]> = [
  ['email', 'import.redaction.email.one', 'import.redaction.email'],
  ['phone', 'import.redaction.phone.one', 'import.redaction.phone'],
  ['idNumber', 'import.redaction.idNumber.one', 'import.redaction.idNumber'],
  ['card', 'import.redaction.card.one', 'import.redaction.card']
]

/** The counts of personal data replaced, as a sentence, or null when nothing was replaced. */
export function redactionSummary(i18n: I18n, counts: RedactionCounts): string | null {
  const parts = REDACTIONS.filter(([k]) => counts[k] > 0).map(([k, one, other]) =>
    i18n.t(counts[k] === 1 ? one : other, { count: i18n.fmt.integer(counts[k]) })
  )
  return parts.length > 0 ? i18n.t('import.result.redacted', { list: joinList(i18n, parts) }) : null
}

/** The last step: what the import did, its first rejects, and what to do next (including undo). */
export function ResultStep({ state }: { state: WizardState }): ReactElement | null {
  const wb = useWorkbench()
  const i18n = useI18n()
  const { t, fmt } = i18n
  const result = state.result
  if (!result) return null
  const table = tableOfKind(result.kind)
  const undone = state.undo?.state === 'done' ? state.undo.result : null
  const undoing = state.undo?.state === 'running'
  const redaction = redactionSummary(i18n, result.redactions)
  const nothingNew = result.inserted === 0 && result.updated === 0 && result.unchanged > 0
  return (
    <div className="lb-import-body lb-import-result" data-testid="import-result">
      <header className="lb-import-result-head">
        <span className={`lb-import-result-icon${undone ? ' is-undone' : ''}`} aria-hidden="true">
          <Codicon name={undone ? 'discard' : 'pass-filled'} />
        </span>
        <div>
          <h2>{t('import.result.title', { file: result.file })}</h2>
          <p className="lb-import-muted">
            {t('import.result.summary', {
              rows: fmt.integer(result.rowsRead),
              time: formatDuration(i18n, result.elapsedMs),
              batch: result.batchId
            })}
          </p>
        </div>
      </header>

      {undone && (
        <p className="lb-import-banner" role="status" data-testid="import-undone">
          <Codicon name="discard" />
          <span>
            {t('import.result.undone', {
              removed: fmt.integer(undone.removed),
              restored: fmt.integer(undone.restored)
            })}
          </span>
        </p>
      )}

      <dl className={`lb-import-counts${undone ? ' is-undone' : ''}`}>
        {COUNTS.map((count) => (
          <div
            key={count}
            className={`lb-import-count is-${count}${result[count] === 0 ? ' is-zero' : ''}`}
            data-testid={`import-count-${count}`}
          >
            <dt>{t(`import.result.${count}`)}</dt>
            <dd>
              <span className="lb-import-count-value" data-testid={`import-count-${count}-value`}>
                {fmt.integer(result[count])}
              </span>
              <span className="lb-import-count-hint">{t(`import.result.${count}.hint`)}</span>
            </dd>
          </div>
        ))}
      </dl>

      {nothingNew && (
        <p className="lb-import-note" data-testid="import-reimport">
          <Codicon name="info" />
          <span>{t('import.result.reimport')}</span>
        </p>
      )}
      {redaction ? (
        <p className="lb-import-note" data-testid="import-redactions">
          <Codicon name="shield" />
          <span>{redaction}</span>
        </p>
      ) : (
        state.redact && (
          <p className="lb-import-note" data-testid="import-redactions">
            <Codicon name="shield" />
            <span>{t('import.result.redactedNone')}</span>
          </p>
        )
      )}

      {result.warnings.map((warning) => (
        <p key={warning} className="lb-import-note is-warning" data-testid="import-warning">
          <Codicon name="warning" />
          <span>{warning}</span>
        </p>
      ))}

      {result.rejected > 0 && <Rejects result={result} />}

      <div className="lb-import-actions">
        <button
          type="button"
          className="lb-button"
          data-testid="import-open-table"
          onClick={() => wb.openTable(table)}
        >
          <Codicon name="table" />
          {t('import.result.openTable', { table: t(TABLE_META[table].title) })}
        </button>
        <button
          type="button"
          className="lb-button is-secondary"
          data-testid="import-another"
          onClick={() => wb.imports.reset()}
        >
          {t('import.result.another')}
        </button>
        <button
          type="button"
          className="lb-button is-secondary"
          data-testid="import-details"
          onClick={() => wb.openEditor({ kind: 'batch', batchId: result.batchId, name: result.file })}
        >
          {t('import.result.details')}
        </button>
        <span className="lb-import-actions-spacer" />
        {!undone && (
          <button
            type="button"
            className="lb-button is-secondary is-danger"
            data-testid="import-undo"
            disabled={undoing}
            onClick={() =>
              void wb.imports.undo({
                id: result.batchId,
                sourceName: result.file,
                inserted: result.inserted,
                updated: result.updated
              })
            }
          >
            <Codicon name={undoing ? 'loading' : 'discard'} spin={undoing} />
            {undoing ? t('import.result.undoing') : t('import.result.undo')}
          </button>
        )}
      </div>
    </div>
  )
}

function Rejects({ result }: { result: ImportResult }): ReactElement {
  const wb = useWorkbench()
  const { t, fmt } = useI18n()
  return (
    <section className="lb-import-rejects" aria-labelledby="lb-import-rejects" data-testid="import-rejects">
      <div className="lb-import-section-head">
        <h3 id="lb-import-rejects">
          <Codicon name="warning" />
          {t('import.result.rejects')}
        </h3>
        {result.rejects.length < result.rejected && (
          <span className="lb-import-muted">
            {t('import.result.rejectsShown', {
              shown: fmt.integer(result.rejects.length),
              total: fmt.integer(result.rejected)
            })}
          </span>
        )}
        <button
          type="button"
          className="lb-link lb-import-section-action"
          data-testid="import-rejects-to-problems"
          onClick={() => void wb.imports.showRejectsInProblems(result.batchId, result.file)}
        >
          {t('import.result.showInProblems')}
        </button>
      </div>
      <table className="lb-import-rejects-table">
        <thead>
          <tr>
            <th scope="col">{t('import.result.line')}</th>
            <th scope="col">{t('import.result.reason')}</th>
          </tr>
        </thead>
        <tbody>
          {result.rejects.map((reject) => (
            <tr key={`${reject.line}:${reject.reason}`} data-testid="import-reject">
              <td className="lb-import-reject-line">{fmt.integer(reject.line)}</td>
              <td className="lb-selectable">{reject.reason}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  )
}

/** The translated explanation of a failure, with the facts that help. */
function failureText(i18n: I18n, error: ApiErrorData): { message: string; details: string[] } {
  if (error.code === 'payload_too_large') {
    const limit = error.details?.limit
    return typeof limit === 'number'
      ? { message: i18n.t('import.failed.tooLarge', { limit: i18n.fmt.bytes(limit) }), details: [] }
      : { message: i18n.t('import.failed.tooLargeNoLimit'), details: [] }
  }
  if (error.code === 'not_supported' && error.details?.reason === NO_PATH_REASON) {
    return { message: i18n.t('import.failed.noPath'), details: [] }
  }
  const described = describeError(i18n.language, error)
  return { message: described.message, details: described.details }
}

/** A failure at any step: the translated reason with file and line, and that nothing was imported. */
export function FailedStep({ state }: { state: WizardState }): ReactElement | null {
  const i18n = useI18n()
  const { t } = i18n
  const error = state.error
  if (!error) return null
  const { message, details } = failureText(i18n, error)
  const title: MessageKey =
    state.failedAt === 'upload'
      ? 'import.failed.uploadTitle'
      : state.failedAt === 'inspect'
        ? 'import.failed.readTitle'
        : 'import.failed.title'
  const canGoBack = state.preview !== null && (state.failedAt === 'import' || state.failedAt === 'start')
  // import_* messages already say that nothing was imported.
  const saysNothing = error.code === 'import_unreadable' || error.code === 'import_rejected'
  return (
    <div className="lb-import-body lb-import-center">
      <div
        className="lb-import-card is-error"
        role="alert"
        data-testid="import-failed"
        data-code={error.code}
      >
        <h2>
          <Codicon name="error" />
          {t(title)}
        </h2>
        <p className="lb-import-failure lb-selectable" data-testid="import-failure-message">
          <InlineCode text={message} />
        </p>
        {details.map((line) => (
          <p key={line} className="lb-import-muted lb-selectable">
            {line}
          </p>
        ))}
        {!saysNothing && <p className="lb-import-muted">{t('import.failed.nothing')}</p>}
        {error.message && error.message !== message && (
          <details className="lb-import-technical">
            <summary>{t('import.failed.technical')}</summary>
            <p className="lb-selectable">{error.message}</p>
          </details>
        )}
        <StartOverActions canGoBack={canGoBack} />
      </div>
    </div>
  )
}

/** After a cancel: nothing was imported, and the workspace is as it was. */
export function CancelledStep({ state }: { state: WizardState }): ReactElement {
  const { t } = useI18n()
  return (
    <div className="lb-import-body lb-import-center">
      <div className="lb-import-card" role="status" data-testid="import-cancelled">
        <h2>
          <Codicon name="circle-slash" />
          {t('import.cancelled.title')}
        </h2>
        <p data-testid="import-cancelled-message">
          {t('import.cancelled.message', { file: state.file?.name ?? '' })}
        </p>
        <StartOverActions canGoBack={Boolean(state.preview)} />
      </div>
    </div>
  )
}

/** Back to the mapping (when there is one to go back to), or start again with another file. */
function StartOverActions({ canGoBack }: { canGoBack: boolean }): ReactElement {
  const wb = useWorkbench()
  const { t } = useI18n()
  return (
    <div className="lb-import-card-actions">
      {canGoBack && (
        <button
          type="button"
          className="lb-button is-secondary"
          data-testid="import-back"
          onClick={() => wb.imports.backToPreview()}
        >
          {t('import.backToMapping')}
        </button>
      )}
      <button
        type="button"
        className="lb-button"
        data-testid="import-choose-another"
        onClick={() => wb.imports.reset()}
      >
        {t('import.chooseAnother')}
      </button>
    </div>
  )
}
