/**
 * The entry points of the streaming readers: `openTableSource` (import) and `peekRows` (detection
 * and preview). Formats: CSV/TSV (csv-tokenizer), XLSX (xlsx-reader over exceljs), JSON lists
 * (json-splitter) and NDJSON; text in UTF-8 (BOM or not), UTF-16 LE/BE and GB18030 (encoding-detect,
 * text-decode). What a row's `line` is: CSV/TSV the physical line where the record starts, XLSX
 * the Excel row number, JSON the line where the record's object starts, NDJSON its line.
 * Structural problems throw `import_unreadable` naming the file and line; a row that does not fit
 * the header gets an `issue` and is rejected alone. Limits are in read-limits.ts.
 */
import { ApiError } from '@shared/api/errors'
import type { ReadOptions, SourceFormat } from '@shared/domain/import'
import { openByteSource } from './byte-source'
import type { ByteSource } from './byte-source'
import { openDelimited } from './csv-reader'
import { encodingFor } from './encoding-detect'
import { openJson } from './json-reader'
import { openNdjson } from './ndjson-reader'
import { DEFAULT_CHUNK_ROWS } from './read-limits'
import type { RowStream } from './row-stream'
import { formatFromName, sniffMagic, sniffTextFormat } from './sniff'
import type { NamedFormat } from './sniff'
import { alignRow, headerWarnings } from './table-shape'
import { readError } from './table-source'
import type { OpenTableSource, PeekRows, RawRow, ReadInfo, ReadWarning, TableSource } from './table-source'
import { decodeSample } from './text-decode'

/** Any failure while reading as `import_unreadable` naming the file: never a raw exception. */
function asReadError(displayName: string, error: unknown): ApiError {
  if (error instanceof ApiError) return error
  const message = error instanceof Error ? error.message : String(error)
  return readError(displayName, null, `the file could not be read (${message})`)
}

/**
 * The format to read: the one given, else the extension's, else the content's. Content also
 * settles a JSON/NDJSON extension that does not match (JSON Lines saved as .json is common).
 */
function decideFormat(
  bytes: ByteSource,
  names: string[],
  displayName: string,
  options: ReadOptions
): SourceFormat | 'delimited' {
  if (options.format !== undefined) return options.format
  let named: NamedFormat = null
  for (const name of names) {
    named = formatFromName(name)
    if (named !== null) break
  }
  if (named === 'xlsx' || named === 'csv' || named === 'tsv' || named === 'delimited') return named
  const magic = sniffMagic(bytes.sample)
  if (named === null && magic === 'zip') return 'xlsx'
  if (named === null && magic === 'ole2') {
    throw readError(
      displayName,
      null,
      'this is an old-format Excel workbook (.xls) or a password-protected one — open it in Excel and save it as .xlsx or CSV'
    )
  }
  const sample = decodeSample(bytes.sample, encodingFor(bytes, displayName, named ?? 'csv', options))
  const text = sniffTextFormat(sample)
  // Only clear evidence overrides the extension: JSON Lines in a .json file, a list in a .jsonl one.
  if (named === 'json') return text === 'ndjson' ? 'ndjson' : 'json'
  if (named === 'ndjson') return sample.trimStart().startsWith('[') ? 'json' : 'ndjson'
  return text
}

/** Opens the file with the reader for its format. */
async function openRowStream(path: string, displayName: string, options: ReadOptions): Promise<RowStream> {
  const bytes = await openByteSource(path, displayName)
  try {
    if (bytes.size === 0) throw readError(displayName, null, 'the file is empty')
    const format = decideFormat(bytes, [displayName, path], displayName, options)
    switch (format) {
      case 'xlsx': {
        const magic = sniffMagic(bytes.sample)
        if (magic !== 'zip') {
          throw readError(
            displayName,
            null,
            magic === 'ole2'
              ? 'this is an old-format Excel workbook (.xls) or a password-protected one — open it in Excel and save it as .xlsx or CSV'
              : 'this is not an XLSX file (it may be damaged or truncated, or another kind of file renamed .xlsx)'
          )
        }
        // Loaded on first use: exceljs takes a while to load and text files never need it.
        const { openXlsx } = await import('./xlsx-reader')
        return await openXlsx(bytes, displayName, options)
      }
      case 'json':
        return openJson(bytes, displayName, options)
      case 'ndjson':
        return openNdjson(bytes, displayName, options)
      default:
        return openDelimited(bytes, displayName, format, options)
    }
  } catch (error) {
    await bytes.close()
    throw asReadError(displayName, error)
  }
}

/** The structural error for a file without a single row, worded for its format. */
function emptyError(displayName: string, info: ReadInfo): ApiError {
  switch (info.format) {
    case 'xlsx':
      return readError(
        displayName,
        null,
        info.sheets.length > 1
          ? `the sheet “${info.sheet ?? ''}” is empty — choose another sheet`
          : 'the workbook is empty'
      )
    case 'json':
      return readError(displayName, null, 'the JSON list is empty — it holds no records')
    case 'ndjson':
      return readError(displayName, null, 'the file holds no records, only blank lines')
    default:
      return readError(displayName, null, 'the file is empty (it has no rows, only blank lines)')
  }
}

/** Opens a file for streaming its rows; see {@link OpenTableSource}. */
export const openTableSource: OpenTableSource = async (path, displayName, options) => {
  const stream = await openRowStream(path, displayName, options)
  let closed = false
  const close = async (): Promise<void> => {
    if (closed) return
    closed = true
    await stream.batches.return(undefined).catch(() => undefined)
    await stream.close()
  }
  try {
    // JSON and NDJSON: the keys are the header, whatever the caller's headerRows.
    const headerRows = stream.shape === 'keyed' ? 1 : options.headerRows
    const headerLines: string[][] = []
    const pending: RawRow[] = []
    while (headerLines.length < headerRows || (headerRows === 0 && pending.length === 0)) {
      const next = await stream.batches.next()
      if (next.done === true) break
      for (const row of next.value) {
        if (headerLines.length < headerRows) headerLines.push(row.cells)
        else pending.push(row)
      }
    }
    if (headerLines.length === 0 && pending.length === 0) throw emptyError(displayName, stream.info)
    const header = headerLines.reduce<string[]>(
      (widest, line) => (line.length > widest.length ? line : widest),
      []
    )
    const headerProblems: ReadWarning[] =
      headerRows === 1 && headerLines[0] !== undefined ? headerWarnings(headerLines[0]) : []
    const policy = stream.shape === 'keyed' || headerRows === 0 ? null : stream.shape
    let started = false

    async function* chunks(size = DEFAULT_CHUNK_ROWS): AsyncGenerator<RawRow[], void, undefined> {
      if (started) throw new Error('chunks() of a table source can be iterated only once')
      started = true
      const limit = Math.max(1, Math.floor(size))
      let out: RawRow[] = []
      try {
        let batch: RawRow[] | null = pending.splice(0)
        while (batch !== null) {
          for (const row of batch) {
            out.push(policy === null ? row : alignRow(row.line, row.cells, header, policy))
            if (out.length >= limit) {
              yield out
              out = []
            }
          }
          const next = await stream.batches.next()
          batch = next.done === true ? null : next.value
        }
        if (out.length > 0) yield out
      } catch (error) {
        throw asReadError(displayName, error)
      } finally {
        await close()
      }
    }

    const source: TableSource = {
      info: stream.info,
      headerLines,
      chunks,
      progress: () => stream.progress(),
      warnings: () => [...headerProblems, ...stream.warnings()],
      close
    }
    return source
  } catch (error) {
    await close()
    throw asReadError(displayName, error)
  }
}

/** Reads the first rows of a file raw, reading no more of it than needed; see {@link PeekRows}. */
export const peekRows: PeekRows = async (path, displayName, options, maxRows) => {
  const stream = await openRowStream(path, displayName, options)
  try {
    const rows: RawRow[] = []
    while (rows.length < maxRows) {
      const next = await stream.batches.next()
      if (next.done === true) break
      for (const row of next.value) {
        if (rows.length < maxRows) rows.push(row)
      }
    }
    if (rows.length === 0 && maxRows > 0) throw emptyError(displayName, stream.info)
    return { info: stream.info, rows }
  } catch (error) {
    throw asReadError(displayName, error)
  } finally {
    await stream.batches.return(undefined).catch(() => undefined)
    await stream.close()
  }
}
