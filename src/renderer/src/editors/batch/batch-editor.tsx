import type { ReactElement } from 'react'
import { useEffect, useState } from 'react'
import type { ApiErrorData } from '@shared/api/errors'
import type { ImportBatchInfo, RejectedRow } from '@shared/domain/import'
import { Codicon } from '../../components/codicon'
import { TABLE_META } from '../../data/table-meta'
import { describeError, toErrorData } from '../../i18n/error-message'
import { useI18n } from '../../i18n/i18n-context'
import { tableOfKind } from '../../state/import-controller'
import { useStore } from '../../state/store'
import { useWorkbench } from '../../state/workbench-context'
import type { EditorProps } from '../editor-registry'
import { KIND_ICONS, presetLabel } from '../import/import-labels'
import '../import/import-editor.css'
import './batch-editor.css'

const PAGE = 100

/** One import batch: its counts, the file's facts (SHA-256, preset, encoding) and all its rejects. */
export function BatchEditor({ input }: EditorProps): ReactElement | null {
  const wb = useWorkbench()
  const { t } = useI18n()
  const batches = useStore(wb.imports.batches)
  useEffect(() => wb.imports.ensureBatches(), [wb])
  if (input.kind !== 'batch') return null
  const batch = batches.list?.find((b) => b.id === input.batchId)
  if (!batch) {
    return (
      <div className="lb-batch" data-testid="batch-editor">
        <p className="lb-empty">
          {batches.list === null && !batches.error
            ? t('batches.details.loading')
            : t('batches.details.notFound')}
        </p>
      </div>
    )
  }
  return <BatchDetails batch={batch} />
}

function BatchDetails({ batch }: { batch: ImportBatchInfo }): ReactElement {
  const wb = useWorkbench()
  const i18n = useI18n()
  const { t, fmt } = i18n
  const timeZone = useStore(wb.session, (s) => s.settings?.timeZone)
  const undone = batch.status === 'undone'
  const table = tableOfKind(batch.kind)
  const facts: Array<[string, string, string, boolean?]> = [
    ['file', t('batches.details.file'), batch.sourceName],
    ...(batch.sourcePath
      ? [['path', t('batches.details.path'), batch.sourcePath] as [string, string, string]]
      : []),
    ['size', t('batches.details.size'), fmt.bytes(batch.sourceSize)],
    ['sha256', t('batches.details.sha256'), batch.sha256 ?? '—', true],
    ['kind', t('batches.details.kind'), t(`import.kind.${batch.kind}`)],
    ['preset', t('batches.details.preset'), presetLabel(i18n, batch.preset)],
    ['format', t('batches.details.format'), batch.format.toUpperCase()],
    ['encoding', t('batches.details.encoding'), batch.encoding?.toUpperCase() ?? '—'],
    ['started', t('batches.details.started'), fmt.dateTime(batch.startedAt, timeZone)],
    ['finished', t('batches.details.finished'), fmt.dateTime(batch.finishedAt, timeZone)],
    ['status', t('batches.details.status'), t(undone ? 'batches.status.undone' : 'batches.status.committed')]
  ]
  const counts = [
    ['rowsRead', t('batches.details.rowsRead'), batch.rowsRead],
    ['inserted', t('import.result.inserted'), batch.inserted],
    ['updated', t('import.result.updated'), batch.updated],
    ['unchanged', t('import.result.unchanged'), batch.unchanged],
    ['rejected', t('import.result.rejected'), batch.rejected]
  ] as const
  return (
    <div className="lb-batch" data-testid="batch-editor" data-batch-id={batch.id}>
      <div className="lb-batch-inner">
        <header className="lb-batch-head">
          <span className="lb-batch-icon" aria-hidden="true">
            <Codicon name={KIND_ICONS[batch.kind]} />
          </span>
          <div className="lb-batch-title">
            <h1>{t('batches.details.title', { id: batch.id })}</h1>
            <p className="lb-selectable">{batch.sourceName}</p>
          </div>
          <div className="lb-batch-actions">
            {!undone && (
              <>
                <button type="button" className="lb-button is-secondary" onClick={() => wb.openTable(table)}>
                  <Codicon name="table" />
                  {t('import.result.openTable', { table: t(TABLE_META[table].title) })}
                </button>
                <button
                  type="button"
                  className="lb-button is-secondary is-danger"
                  data-testid="batch-details-undo"
                  onClick={() => void wb.imports.undo(batch)}
                >
                  <Codicon name="discard" />
                  {t('batches.undo.action')}
                </button>
              </>
            )}
          </div>
        </header>
        {undone && (
          <p className="lb-import-banner" role="status">
            <Codicon name="discard" />
            <span>{t('batches.details.undoneNote')}</span>
          </p>
        )}
        <h2 className="lb-batch-heading">{t('batches.details.counts')}</h2>
        <dl className="lb-batch-counts">
          {counts.map(([id, label, value]) => (
            <div key={id} data-testid={`batch-count-${id}`}>
              <dt>{label}</dt>
              <dd>{fmt.integer(value)}</dd>
            </div>
          ))}
        </dl>
        <h2 className="lb-batch-heading">{t('batches.details.facts')}</h2>
        <dl className="lb-batch-facts">
          {facts.map(([id, label, value, mono]) => (
            <div key={id} data-testid={`batch-fact-${id}`}>
              <dt>{label}</dt>
              <dd className={`lb-selectable${mono ? ' is-mono' : ''}`}>{value}</dd>
            </div>
          ))}
        </dl>
        <BatchRejects batch={batch} />
      </div>
    </div>
  )
}

function BatchRejects({ batch }: { batch: ImportBatchInfo }): ReactElement {
  const wb = useWorkbench()
  const { t, fmt, language } = useI18n()
  const [offset, setOffset] = useState(0)
  const [page, setPage] = useState<{ offset: number; total: number; rows: RejectedRow[] } | null>(null)
  const [error, setError] = useState<ApiErrorData | null>(null)

  useEffect(() => {
    if (batch.rejected === 0) return
    let live = true
    wb.call('batches.rejects', { batchId: batch.id, offset, limit: PAGE }, { quiet: true }).then(
      (result) => {
        if (!live) return
        setPage({ offset, total: result.total, rows: result.rows })
        setError(null)
      },
      (e: unknown) => {
        if (live) setError(toErrorData(e))
      }
    )
    return () => {
      live = false
    }
  }, [wb, batch.id, batch.rejected, offset])

  const total = page?.total ?? batch.rejected
  return (
    <section className="lb-batch-rejects" aria-labelledby="lb-batch-rejects" data-testid="batch-rejects">
      <div className="lb-import-section-head">
        <h2 id="lb-batch-rejects" className="lb-batch-heading">
          {t('batches.details.rejects')}
        </h2>
        {total > 0 && page && (
          <span className="lb-import-muted" data-testid="batch-rejects-page">
            {t('batches.details.page', {
              from: fmt.integer(page.offset + 1),
              to: fmt.integer(page.offset + page.rows.length),
              total: fmt.integer(total)
            })}
          </span>
        )}
        {total > 0 && (
          <button
            type="button"
            className="lb-link lb-import-section-action"
            onClick={() => void wb.imports.showRejectsInProblems(batch.id, batch.sourceName)}
          >
            {t('import.result.showInProblems')}
          </button>
        )}
      </div>
      {batch.rejected === 0 ? (
        <p className="lb-import-muted">{t('batches.details.noRejects')}</p>
      ) : error ? (
        <p className="lb-import-muted" role="alert">
          {describeError(language, error).message}
        </p>
      ) : (
        <>
          <table className="lb-import-rejects-table">
            <thead>
              <tr>
                <th scope="col">{t('import.result.line')}</th>
                <th scope="col">{t('import.result.reason')}</th>
              </tr>
            </thead>
            <tbody>
              {(page?.rows ?? []).map((reject) => (
                <tr key={`${reject.line}:${reject.reason}`} data-testid="batch-reject">
                  <td className="lb-import-reject-line">{fmt.integer(reject.line)}</td>
                  <td className="lb-selectable">{reject.reason}</td>
                </tr>
              ))}
            </tbody>
          </table>
          {total > PAGE && (
            <div className="lb-batch-pager">
              <button
                type="button"
                className="lb-button is-secondary"
                disabled={offset === 0}
                onClick={() => setOffset(Math.max(0, offset - PAGE))}
              >
                <Codicon name="chevron-left" />
                {t('batches.details.previous')}
              </button>
              <button
                type="button"
                className="lb-button is-secondary"
                disabled={offset + PAGE >= total}
                onClick={() => setOffset(offset + PAGE)}
              >
                {t('batches.details.next')}
                <Codicon name="chevron-right" />
              </button>
            </div>
          )}
        </>
      )}
    </section>
  )
}
