import { z } from 'zod'
import { QuarterSchema } from './priorities'

/** The languages the quarterly review report is written in. */
export const REPORT_LANGUAGES = ['en', 'zh-CN'] as const
export type ReportLanguage = (typeof REPORT_LANGUAGES)[number]

/** The file formats of the report: one self-contained HTML page, or that page printed to PDF. */
export const REPORT_FORMATS = ['html', 'pdf'] as const
export type ReportFormat = (typeof REPORT_FORMATS)[number]

/** Which report: a quarter (default: the latest with tickets) in a language. */
export const ReportRequestSchema = z.strictObject({
  quarter: QuarterSchema.optional(),
  lang: z.enum(REPORT_LANGUAGES)
})
export type ReportRequest = z.infer<typeof ReportRequestSchema>

export const ReportExportRequestSchema = ReportRequestSchema.extend({ format: z.enum(REPORT_FORMATS) })
export type ReportExportRequest = z.infer<typeof ReportExportRequestSchema>

/** An exported report: a suggested file name and the file. */
export interface ReportExport {
  /** `loopbench-review-2026-Q3.en.html`, `loopbench-review-FY2027-Q1.zh-CN.pdf`. */
  fileName: string
  /** The report's quarter; null when the workspace has no tickets and none was asked for. */
  quarter: string | null
  mime: string
  /** The HTML text, or the PDF's bytes in base64. */
  content: string
}
