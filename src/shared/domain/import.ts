import { z } from 'zod'
import { RECORD_KINDS } from './field-roles'
import { isValidTimeZone } from './settings'

/** File formats the importers read. */
export const SOURCE_FORMATS = ['csv', 'tsv', 'xlsx', 'json', 'ndjson'] as const
export type SourceFormat = (typeof SOURCE_FORMATS)[number]

/** Text encodings the importers decode (detected when not given). */
export const SOURCE_ENCODINGS = ['utf-8', 'utf-16le', 'utf-16be', 'gb18030'] as const
export type SourceEncoding = (typeof SOURCE_ENCODINGS)[number]

/** How an all-numeric date like 05/03/2026 is read. */
export const DATE_ORDERS = ['dmy', 'mdy', 'ymd'] as const
export type DateOrder = (typeof DATE_ORDERS)[number]

/** Where the bytes of a file to import are: a path (desktop, CLI) or an upload (web host). */
export const ImportSourceSchema = z.union([
  z.strictObject({ path: z.string().min(1).max(4096) }),
  z.strictObject({ uploadId: z.string().min(1).max(64) })
])
export type ImportSource = z.infer<typeof ImportSourceSchema>

/** How the file is read; every field is detected when absent. */
export const ReadOptionsSchema = z.strictObject({
  format: z.enum(SOURCE_FORMATS).optional(),
  encoding: z.enum(SOURCE_ENCODINGS).optional(),
  /** One character; CSV/TSV only. */
  delimiter: z.string().length(1).optional(),
  /** XLSX only. */
  sheet: z.string().min(1).max(200).optional(),
  /** Rows of header above the data (SurveyMonkey has 2, Qualtrics 3). */
  headerRows: z.number().int().gte(1).lte(10).optional()
})
export type ReadOptions = z.infer<typeof ReadOptionsSchema>

/**
 * What one source column becomes: a canonical role of the record kind, or nothing (`role: null`,
 * ignored). Roles that allow several columns (segments, experiment metrics) take the column's
 * `name` as the segment or metric name.
 */
export const ColumnMappingSchema = z.strictObject({
  /** Position of the column in the file, 0-based. */
  index: z.number().int().gte(0).lte(10_000),
  /** The header as it appears in the file. */
  header: z.string().max(1000),
  role: z.string().min(1).max(64).nullable(),
  name: z.string().min(1).max(200).optional(),
  /**
   * The zone of this column's wall-clock times when the export declares one (Typeform's
   * "Submit Date (UTC)", Qualtrics' ImportId timeZone); else the workspace's zone applies.
   */
  timeZone: z.string().min(1).max(64).refine(isValidTimeZone, { message: 'Unknown time zone' }).optional()
})
export type ColumnMapping = z.infer<typeof ColumnMappingSchema>

/** The complete instructions for turning a file's rows into records. */
export const ImportMappingSchema = z.strictObject({
  kind: z.enum(RECORD_KINDS),
  /** Preset the mapping started from, if any (`zendesk`, `surveymonkey` …). */
  preset: z.string().max(64).nullable(),
  /** Part of every record's key: (source system, external id). */
  sourceSystem: z.string().max(64),
  columns: z.array(ColumnMappingSchema).max(2000),
  /** How all-numeric dates are read; null when no column needs it. */
  dateOrder: z.enum(DATE_ORDERS).nullable(),
  /** Top of the CSAT scale when the file has no scale column. */
  csatScaleMax: z.number().int().gte(2).lte(100).nullable(),
  /** Experiment name when the file has no experiment column (experiment kinds). */
  experiment: z.string().min(1).max(200).nullable()
})
export type ImportMapping = z.infer<typeof ImportMappingSchema>

/** Options of one import run. */
export const ImportOptionsSchema = z.strictObject({
  /** Replace personal data (e-mail, phone, ID and card numbers) before anything is stored. */
  redact: z.boolean(),
  /** The import is refused when more than this share of rows is rejected (default 0.05). */
  rejectThreshold: z.number().gte(0).lte(1)
})
export type ImportOptions = z.infer<typeof ImportOptionsSchema>

export const DEFAULT_REJECT_THRESHOLD = 0.05

/** The value type the inspector inferred for a column, with examples. */
export interface ColumnProfile {
  index: number
  header: string
  inferredType: 'empty' | 'text' | 'id' | 'integer' | 'number' | 'percent' | 'datetime' | 'binary'
  /** For date columns: the order the values force, or 'ambiguous' (ask the user). */
  dateOrder: DateOrder | 'ambiguous' | null
  examples: string[]
  /** Share of sampled cells that are empty. */
  emptyShare: number
}

/** A file as the import wizard previews it. */
export interface ImportPreview {
  source: { name: string; size: number; sha256: string | null }
  read: {
    format: SourceFormat
    encoding: SourceEncoding
    /** How the encoding was decided. */
    encodingSource: 'bom' | 'detected' | 'given' | 'not_applicable'
    delimiter: string | null
    sheets: string[]
    sheet: string | null
    headerRows: number
  }
  headers: string[]
  /** The first rows (at most 50), as text, with their line numbers. */
  sample: Array<{ line: number; values: string[] }>
  columns: ColumnProfile[]
  /** The detected kind and layout, and how sure the detector is (0..1). */
  detected: { kind: (typeof RECORD_KINDS)[number]; preset: string | null; confidence: number }
  /** The mapping to start from: a saved one for these headers, else the detected one. */
  mapping: ImportMapping
  /** Id of the saved mapping used, if any. */
  savedMappingId: number | null
  warnings: string[]
}

/** One rejected row. */
export interface RejectedRow {
  line: number
  reason: string
}

/** Counts of personal data replaced at import, by type. */
export interface RedactionCounts {
  email: number
  phone: number
  idNumber: number
  card: number
}

/** What an import did. */
export interface ImportResult {
  batchId: number
  file: string
  kind: (typeof RECORD_KINDS)[number]
  preset: string | null
  rowsRead: number
  inserted: number
  updated: number
  unchanged: number
  rejected: number
  /** The first rejects (all of them are stored with the batch). */
  rejects: RejectedRow[]
  redactions: RedactionCounts
  /**
   * What the reader noticed that the user should know (duplicate or empty headers; JSON keys
   * that first appear after the first 1,000 records, whose values were not imported).
   */
  warnings: string[]
  /** From the start of the job until every row was committed. */
  committedMs: number
  /** The whole job, including the indexes rebuilt after the commit. */
  elapsedMs: number
}

/** An import batch as the Explorer and `loopbench batches` list it. */
export interface ImportBatchInfo {
  id: number
  kind: (typeof RECORD_KINDS)[number]
  sourceName: string
  sourcePath: string | null
  sourceSize: number | null
  sha256: string | null
  format: string
  encoding: string | null
  preset: string | null
  status: 'committed' | 'undone'
  rowsRead: number
  inserted: number
  updated: number
  unchanged: number
  rejected: number
  startedAt: number
  finishedAt: number | null
}

/** What removing a batch did. */
export interface UndoResult {
  batchId: number
  /** Rows that only this batch supplied, now removed. */
  removed: number
  /** Rows this batch had changed, now back to the values the remaining batches imply. */
  restored: number
}

/** A mapping the user saved; offered again for files with the same headers. */
export interface SavedMapping {
  id: number
  name: string
  headersKey: string
  mapping: ImportMapping
  createdAt: number
}
