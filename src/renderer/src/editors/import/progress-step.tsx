import type { ReactElement } from 'react'
import { useEffect, useState } from 'react'
import { Codicon } from '../../components/codicon'
import { useI18n } from '../../i18n/i18n-context'
import { useWorkbench } from '../../state/workbench-context'
import { formatDuration } from './import-labels'
import type { WizardState } from './import-wizard-model'
import { progressShare, rowsRead } from './import-wizard-model'

/** A progress bar; without a share it shows an indeterminate stripe. */
export function ProgressBar({ share, label }: { share: number | null; label: string }): ReactElement {
  return (
    <div
      className={`lb-progress${share === null ? ' is-indeterminate' : ''}`}
      role="progressbar"
      aria-label={label}
      aria-valuemin={0}
      aria-valuemax={100}
      aria-valuenow={share === null ? undefined : Math.round(share * 100)}
      data-testid="import-progress"
    >
      <span style={share === null ? undefined : { width: `${share * 100}%` }} />
    </div>
  )
}

/** Re-renders every second while mounted, for elapsed times. */
function useNow(): number {
  const [now, setNow] = useState(() => Date.now())
  useEffect(() => {
    const handle = setInterval(() => setNow(Date.now()), 1000)
    return () => clearInterval(handle)
  }, [])
  return now
}

/** Uploading, reading and importing: what is happening, how far it is, and Cancel. */
export function ProgressStep({ state }: { state: WizardState }): ReactElement {
  const wb = useWorkbench()
  const i18n = useI18n()
  const { t, fmt } = i18n
  const now = useNow()
  const file = state.file?.name ?? ''

  if (state.step === 'uploading' && state.upload) {
    const { sent, total } = state.upload
    const share = total > 0 ? sent / total : null
    return (
      <div className="lb-import-body lb-import-center">
        <div className="lb-import-card" data-testid="import-uploading">
          <h2>{t('import.uploading.title', { file })}</h2>
          <ProgressBar share={share} label={t('import.uploading.title', { file })} />
          <p className="lb-import-progress-facts">
            <span>{t('import.uploading.progress', { sent: fmt.bytes(sent), total: fmt.bytes(total) })}</span>
            {share !== null && <span>{fmt.percent(share, 0)}</span>}
          </p>
          <div className="lb-import-card-actions">
            <button
              type="button"
              className="lb-button is-secondary"
              data-testid="import-cancel"
              onClick={() => void wb.imports.cancel()}
            >
              {t('import.cancel')}
            </button>
          </div>
        </div>
      </div>
    )
  }

  if (state.step === 'importing' && state.job) {
    const job = state.job
    const share = progressShare(job)
    const rows = rowsRead(job)
    const status = job.cancelling
      ? t('import.cancelling')
      : rows !== null
        ? t('import.importing.rows', { rows: fmt.integer(rows) })
        : job.total > 0
          ? t('import.importing.bytes', { done: fmt.bytes(job.done), total: fmt.bytes(job.total) })
          : t('import.importing.starting')
    return (
      <div className="lb-import-body lb-import-center">
        <div className="lb-import-card" data-testid="import-running" aria-busy="true">
          <h2>{t('import.importing.title', { file })}</h2>
          <ProgressBar share={share} label={t('import.importing.title', { file })} />
          <p className="lb-import-progress-facts">
            <span data-testid="import-progress-message" className="lb-import-progress-message">
              {status}
            </span>
            {share !== null && <span>{fmt.percent(share, 0)}</span>}
          </p>
          <p className="lb-import-muted">
            {t('import.importing.elapsed', { time: formatDuration(i18n, now - job.startedAt) })}
          </p>
          <p className="lb-import-note">
            <Codicon name="shield" />
            <span>{t('import.importing.atomic')}</span>
          </p>
          <p className="lb-import-note">
            <Codicon name="info" />
            <span>{t('import.importing.background')}</span>
          </p>
          <div className="lb-import-card-actions">
            <button
              type="button"
              className="lb-button is-secondary"
              data-testid="import-cancel"
              disabled={job.cancelling}
              onClick={() => void wb.imports.cancel()}
            >
              <Codicon name="debug-stop" />
              {job.cancelling ? t('import.cancelling') : t('import.cancelImport')}
            </button>
          </div>
        </div>
      </div>
    )
  }

  return (
    <div className="lb-import-body lb-import-center">
      <div className="lb-import-card is-quiet" data-testid="import-inspecting" aria-busy="true">
        <p className="lb-import-loading">
          <Codicon name="loading" spin />
          {t('import.inspecting', { file })}
        </p>
      </div>
    </div>
  )
}
