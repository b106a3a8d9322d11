import type { ReactElement } from 'react'
import { useEffect, useId, useState } from 'react'
import type { ApiErrorData } from '@shared/api/errors'
import type { ReportExport, ReportFormat, ReportLanguage } from '@shared/domain/report'
import { REPORT_LANGUAGES } from '@shared/domain/report'
import { Codicon } from '../../components/codicon'
import { LoadingLine } from '../../components/loading-line'
import { toErrorData } from '../../i18n/error-message'
import { useI18n } from '../../i18n/i18n-context'
import { useStore } from '../../state/store'
import type { WorkbenchController } from '../../state/workbench-controller'
import { useWorkbench } from '../../state/workbench-context'
import type { EditorProps } from '../editor-registry'
import { downloadBlob } from '../metrics/chart-export'
import './report-preview.css'

const LANGUAGE_NAMES: Record<ReportLanguage, string> = { en: 'English', 'zh-CN': '简体中文' }

/**
 * The quarterly review report as it will be handed over: the self-contained HTML page in a
 * sandboxed frame (no scripts, no requests), for the quarter the Priorities editor shows, in
 * either language, with buttons that save it as HTML or PDF.
 */
export function ReportPreview(_props: EditorProps): ReactElement {
  const wb = useWorkbench()
  const i18n = useI18n()
  const { t } = i18n
  const languageId = useId()
  const quarter = useStore(wb.prioritiesQuarter)
  const version = useStore(wb.prioritiesVersion)
  const key = useStore(wb.session, (s) =>
    s.workspace ? `${s.workspaceEpoch}|${s.dataVersion}|${JSON.stringify(s.settings)}|${version}` : null
  )
  const [lang, setLang] = useState<ReportLanguage>(i18n.language === 'zh-CN' ? 'zh-CN' : 'en')
  const [exporting, setExporting] = useState<ReportFormat | null>(null)
  const request = `${key ?? ''}|${quarter ?? ''}|${lang}`
  const [state, setState] = useState<{
    request: string
    report: ReportExport | null
    error: ApiErrorData | null
  }>({
    request: '',
    report: null,
    error: null
  })

  useEffect(() => {
    if (key === null) return
    let live = true
    wb.call(
      'report.export',
      { format: 'html', lang, ...(quarter === null ? {} : { quarter }) },
      { quiet: true }
    ).then(
      (report) => {
        if (live) setState({ request, report, error: null })
      },
      (e: unknown) => {
        if (!live) return
        const error = toErrorData(e)
        if (error.code !== 'no_workspace') wb.recordError(error, 'report.export')
        setState((s) => ({ request, report: s.report, error }))
      }
    )
    return () => {
      live = false
    }
  }, [wb, key, quarter, lang, request])

  const loading = key !== null && state.request !== request
  const report = state.report
  return (
    <div className="lb-report" data-testid="report-preview" aria-busy={loading}>
      <LoadingLine active={loading || exporting !== null} />
      <div className="lb-report-toolbar">
        <span className="lb-report-quarter" data-testid="report-quarter">
          <Codicon name="calendar" /> {report?.quarter ?? quarter ?? '—'}
        </span>
        <label className="lb-report-field" htmlFor={languageId}>
          {t('report.preview.language')}
        </label>
        <select
          id={languageId}
          className="lb-select"
          data-testid="report-language"
          value={lang}
          onChange={(e) => setLang(e.target.value as ReportLanguage)}
        >
          {REPORT_LANGUAGES.map((l) => (
            <option key={l} value={l}>
              {LANGUAGE_NAMES[l]}
            </option>
          ))}
        </select>
        <span className="lb-report-spacer" />
        <button
          type="button"
          className="lb-button is-secondary"
          data-testid="report-export-html"
          disabled={key === null || exporting !== null}
          onClick={() => void exportReport(wb, 'html', quarter, lang, setExporting)}
        >
          <Codicon name="file-code" /> {t('report.preview.exportHtml')}
        </button>
        <button
          type="button"
          className="lb-button"
          data-testid="report-export-pdf"
          disabled={key === null || exporting !== null}
          onClick={() => void exportReport(wb, 'pdf', quarter, lang, setExporting)}
        >
          <Codicon name={exporting === 'pdf' ? 'loading' : 'file-pdf'} spin={exporting === 'pdf'} />{' '}
          {t('report.preview.exportPdf')}
        </button>
      </div>
      {state.error && state.request === request ? (
        <div className="lb-report-banner" role="alert" data-testid="report-error">
          <Codicon name="error" />
          <p>
            {t('report.preview.error')} {i18n.text({ error: state.error })}
          </p>
        </div>
      ) : null}
      {report ? (
        <iframe
          className="lb-report-frame"
          title={t('report.preview.frame')}
          data-testid="report-frame"
          data-ready={!loading}
          // No scripts run in the frame; same origin only so that the workbench can read (and print) it.
          sandbox="allow-same-origin"
          srcDoc={report.content}
        />
      ) : (
        <p className="lb-report-message" role="status">
          <Codicon name="loading" spin /> {t('report.preview.loading')}
        </p>
      )}
    </div>
  )
}

async function exportReport(
  wb: WorkbenchController,
  format: ReportFormat,
  quarter: string | null,
  lang: ReportLanguage,
  busy: (format: ReportFormat | null) => void
): Promise<void> {
  busy(format)
  try {
    const file = await wb.call('report.export', { format, lang, ...(quarter === null ? {} : { quarter }) })
    const body = format === 'pdf' ? base64Bytes(file.content) : file.content
    downloadBlob(new Blob([body], { type: file.mime }), file.fileName)
    const done = { key: 'report.preview.saved', params: { file: file.fileName } } as const
    wb.output('info', done)
    wb.notify('info', done)
  } catch {
    // Reported by call().
  } finally {
    busy(null)
  }
}

function base64Bytes(text: string): Uint8Array<ArrayBuffer> {
  const binary = atob(text)
  const bytes = new Uint8Array(binary.length)
  for (let i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i)
  return bytes
}
