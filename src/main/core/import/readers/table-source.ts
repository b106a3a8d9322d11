import type { ReadOptions, SourceEncoding, SourceFormat } from '@shared/domain/import'
import { ApiError } from '@shared/api/errors'

/** How a file was read: what was given and what was detected. */
export interface ReadInfo {
  format: SourceFormat
  encoding: SourceEncoding
  encodingSource: 'bom' | 'detected' | 'given' | 'not_applicable'
  /** CSV/TSV: the delimiter used (sniffed unless given). */
  delimiter: string | null
  /** XLSX: every sheet's name, in workbook order. */
  sheets: string[]
  /** XLSX: the sheet read. */
  sheet: string | null
}

/** One row of cells as text, with the line where it starts in the file. */
export interface RawRow {
  /**
   * CSV/TSV: the 1-based physical line where the record starts (a quoted field may span lines).
   * XLSX: the 1-based row number. NDJSON: the 1-based line. JSON array: the 1-based line where
   * the element starts.
   */
  line: number
  /** Cells aligned to the header; JSON values flattened to text (nested keys joined with '.'). */
  cells: string[]
  /** A problem with this row only (e.g. "has 9 fields; the header has 7"); it will be rejected. */
  issue?: string
}

export interface OpenOptions extends ReadOptions {
  /** Rows that form the header (0 for none). JSON/NDJSON ignore it: keys are the header. */
  headerRows: number
}

/**
 * Something about a file that does not stop it being read but that the user should see (the
 * wizard shows these): header names that repeat or are empty, JSON keys first seen after the
 * header was fixed. `details` carries the facts for a translated message.
 */
export interface ReadWarning {
  code: 'duplicate_headers' | 'empty_headers' | 'late_keys'
  message: string
  details: Record<string, unknown>
}

/** A file opened for streaming its rows. Memory stays flat whatever the file size. */
export interface TableSource {
  info: ReadInfo
  /** The raw header rows (JSON/NDJSON: one row, the keys). */
  headerLines: string[][]
  /** Data rows after the header, in chunks of about `size` rows. Throws {@link readError}. */
  chunks(size?: number): AsyncIterable<RawRow[]>
  /** Bytes consumed so far and the file size, for progress. */
  progress(): { bytesRead: number; totalBytes: number }
  /**
   * Warnings found so far (header problems at once; JSON keys first seen late as rows are read,
   * complete once `chunks()` has finished). Optional only so that test doubles need not
   * implement it; `openTableSource` always does.
   */
  warnings?(): ReadWarning[]
  close(): Promise<void>
}

/**
 * A file that cannot be read structurally (not the format it claims, an unbalanced quote, a
 * record over the size limit, a damaged XLSX): nothing of it is imported.
 */
export function readError(file: string, line: number | null, reason: string): ApiError {
  const where = line === null ? file : `${file}, line ${line}`
  return new ApiError('import_unreadable', `${where}: ${reason}`, { file, line, reason })
}

/** Opens a file for streaming. Implemented in open-table.ts. */
export type OpenTableSource = (
  path: string,
  displayName: string,
  options: OpenOptions
) => Promise<TableSource>

/** Reads the first rows raw (no header interpretation), for detection and preview. */
export type PeekRows = (
  path: string,
  displayName: string,
  options: ReadOptions,
  maxRows: number
) => Promise<{ info: ReadInfo; rows: RawRow[] }>
