import { ApiError } from '@shared/api/errors'
import type { PdfPrinter } from '../core/report/pdf-printer'
import type { ElectronPorts, PrintToPdfOptions, PrintWindowOptions } from './electron-ports'

/**
 * The hidden window the report is printed in: A4-wide, no script (the report has none), sandboxed,
 * in an in-memory session of its own, whose request filter lets through the report's own `data:`
 * URL and nothing else (the report fetches nothing anyway: its content security policy says so).
 */
export const PRINT_WINDOW_OPTIONS: PrintWindowOptions = {
  show: false,
  width: 794,
  height: 1123,
  webPreferences: {
    partition: 'loopbench-report-print',
    javascript: false,
    contextIsolation: true,
    sandbox: true,
    nodeIntegration: false,
    webviewTag: false,
    webSecurity: true,
    spellcheck: false,
    devTools: false
  }
}

/** The page size and margins come from the report's own `@page` rules; its backgrounds print. */
export const PDF_OPTIONS: PrintToPdfOptions = {
  pageSize: 'A4',
  printBackground: true,
  preferCSSPageSize: true,
  displayHeaderFooter: false
}

/** True for the document the print window may load: the report itself, as a `data:` URL. */
export function isReportDocument(url: string): boolean {
  return url.startsWith('data:text/html;')
}

/** The desktop app's printer: Electron's own `printToPDF`, one hidden window per report. */
export function electronPdfPrinter(ports: Pick<ElectronPorts, 'createPrintWindow'>): PdfPrinter {
  return {
    print: async (html) => {
      const window = ports.createPrintWindow(PRINT_WINDOW_OPTIONS)
      window.onBeforeRequest((details, callback) => callback({ cancel: !isReportDocument(details.url) }))
      try {
        await window.loadURL(
          `data:text/html;charset=utf-8;base64,${Buffer.from(html, 'utf8').toString('base64')}`
        )
        return await window.printToPDF(PDF_OPTIONS)
      } catch (error) {
        throw new ApiError(
          'internal',
          `The report could not be printed: ${error instanceof Error ? error.message : String(error)}`
        )
      } finally {
        window.destroy()
      }
    }
  }
}
