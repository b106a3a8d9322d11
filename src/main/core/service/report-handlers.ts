import { basename } from 'node:path'
import type { WorkbenchHandlers } from '@shared/api/contract'
import { ApiError } from '@shared/api/errors'
import { dataVersion } from '../explore/data-version'
import { formatDay, zonedDay } from '../metrics/time-periods'
import type { ServiceContext } from './service-context'

type ReportMethods = 'report.export'

/** Handlers of the quarterly review report. */
export function createReportHandlers(ctx: ServiceContext): Pick<WorkbenchHandlers, ReportMethods> {
  let last: { key: string; quarter: string | null; html: string } | null = null
  return {
    'report.export': async ({ quarter, lang, format }) => {
      const ws = ctx.requireWorkspace()
      const printer = ctx.host.pdfPrinter
      // Before the work: a host that cannot print says so at once.
      if (format === 'pdf' && !printer)
        throw new ApiError('not_supported', 'This host cannot print PDF; export the HTML report instead.')
      const settings = ws.settings.get()
      // The service is where the clock is read: the report itself is a function of its input.
      const generatedAt = Date.now()
      // The last report is kept while the data stays the same, so that the PDF after the HTML (or
      // after a preview) is not gathered twice; a new day is a new report (its date changes).
      const day = formatDay(zonedDay(generatedAt, settings.timeZone))
      const key = JSON.stringify([ws.path, dataVersion(ws.db), quarter ?? null, lang, day])
      if (last?.key !== key) {
        // Loaded on first use: the report's charts bring echarts, which no other command needs
        // and every start of the app, the web host and the CLI would otherwise load.
        const [{ gatherReportData }, { renderReportHtml }] = await Promise.all([
          import('../report/report-data'),
          import('../report/report-html')
        ])
        const data = gatherReportData({
          db: ws.db,
          settings,
          workspace: { name: ws.name, fileName: basename(ws.path) },
          ...(quarter !== undefined ? { quarter } : {}),
          generatedAt
        })
        last = { key, quarter: data.quarter, html: renderReportHtml(data, lang) }
      }
      const { html, quarter: reported } = last
      const stem = `loopbench-review-${reported ?? 'empty'}.${lang}`
      if (format === 'html' || !printer)
        return {
          fileName: `${stem}.html`,
          quarter: reported,
          mime: 'text/html; charset=utf-8',
          content: html
        }
      const pdf = await printer.print(html)
      return {
        fileName: `${stem}.pdf`,
        quarter: reported,
        mime: 'application/pdf',
        content: Buffer.from(pdf.buffer, pdf.byteOffset, pdf.byteLength).toString('base64')
      }
    }
  }
}
