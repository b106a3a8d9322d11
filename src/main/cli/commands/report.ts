import { mkdirSync, writeFileSync } from 'node:fs'
import { join, resolve } from 'node:path'
import type { ReportLanguage } from '@shared/domain/report'
import { REPORT_LANGUAGES } from '@shared/domain/report'
import type { CliContext } from '../cli-io'
import { UsageError } from '../cli-io'
import { parseCommandArgs, requireString } from '../args'
import { EXIT_OK, reportError } from '../output'
import { withWorkbench } from '../with-workbench'

export const REPORT_USAGE = `Usage: loopbench report --workspace W [--quarter 2026-Q3] --out DIR [--lang en|zh-CN] [--pdf]

The quarterly review a CX lead hands over: a cover with the quarter and the workspace, then one
section each for satisfaction trends (CSAT and NPS by month with 95% intervals), the top complaint
themes and movers, the experiments concluded in the quarter with their decisions, and the
feature-priority list with its score breakdowns. Written into DIR (created if missing) as one
self-contained HTML file — charts included, nothing fetched — and, with --pdf, also as a PDF
printed by a headless Chromium (CHROMIUM_PATH, /usr/bin/chromium, or chromium/chrome on PATH).
The quarter defaults to the latest with tickets; --lang is en (default) or zh-CN. Prints the
paths of the files written.`

/** `loopbench report`. */
export async function runReport(argv: string[], ctx: CliContext): Promise<number> {
  const { io } = ctx
  try {
    const { values } = parseCommandArgs('report', argv, {
      workspace: { type: 'string', short: 'w' },
      quarter: { type: 'string', short: 'q' },
      out: { type: 'string', short: 'o' },
      lang: { type: 'string', short: 'l' },
      pdf: { type: 'boolean' },
      help: { type: 'boolean', short: 'h' }
    })
    if (values.help) {
      io.stdout(REPORT_USAGE + '\n')
      return EXIT_OK
    }
    const workspace = requireString('report', values, 'workspace')
    const out = resolve(io.cwd, requireString('report', values, 'out'))
    const lang = (values.lang ?? 'en') as ReportLanguage
    if (!(REPORT_LANGUAGES as readonly string[]).includes(lang))
      throw new UsageError(`report: --lang must be one of ${REPORT_LANGUAGES.join(', ')}`)
    const quarter = typeof values.quarter === 'string' ? { quarter: values.quarter } : {}
    return await withWorkbench(ctx, workspace, { create: false }, async (workbench) => {
      const exportAs = workbench.handlers['report.export']
      const html = await exportAs({ ...quarter, lang, format: 'html' })
      mkdirSync(out, { recursive: true })
      const htmlPath = join(out, html.fileName)
      writeFileSync(htmlPath, html.content, 'utf8')
      io.stdout(`${htmlPath}\n`)
      // The HTML stays written when printing fails (no Chromium): it needs nothing to be read.
      if (values.pdf === true) {
        const pdf = await exportAs({ ...quarter, lang, format: 'pdf' })
        const pdfPath = join(out, pdf.fileName)
        writeFileSync(pdfPath, Buffer.from(pdf.content, 'base64'))
        io.stdout(`${pdfPath}\n`)
      }
      return EXIT_OK
    })
  } catch (error) {
    return reportError(io, error, false)
  }
}
