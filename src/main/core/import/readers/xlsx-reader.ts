import { Readable } from 'node:stream'
import ExcelJS from 'exceljs'
import type { Row } from 'exceljs'
import { ApiError } from '@shared/api/errors'
import type { ReadOptions } from '@shared/domain/import'
import type { ByteSource } from './byte-source'
import type { RowStream } from './row-stream'
import { readError } from './table-source'
import type { RawRow } from './table-source'
import { cellText } from './xlsx-cells'
import { entryText, readZipDirectory, ZipProblem } from './zip-archive'
import type { ZipEntry } from './zip-archive'

/**
 * The parts of exceljs's streaming WorkbookReader used here. Its own `read()` pipes the archive
 * through unzipper and decodes every chunk of XML separately, which garbles a multi-byte
 * character (Chinese text) split between two chunks — 199 of 100,000 rows in a test. So the
 * archive is opened here (random access through the central directory, each part inflated and
 * decoded as one UTF-8 stream) and the reader's per-part parsers are fed text: the sheet's rows
 * still come from exceljs's streaming WorksheetReader. Pinned by the tests in
 * test/unit/import/readers/xlsx-reader.test.ts if an exceljs upgrade changes these internals.
 */
interface WorkbookReaderParts {
  _parseRels(entry: Readable): Promise<void>
  _parseWorkbook(entry: Readable): Promise<void>
  _parseStyles(entry: Readable): Promise<void>
  _parseSharedStrings(entry: Readable): AsyncGenerator<unknown>
  _parseWorksheet(
    text: AsyncIterable<string>,
    sheetNo: string
  ): Generator<{ eventType: string; value: SheetRows }>
  model?: { sheets?: Array<{ name?: string; rId?: string; state?: string }> }
  workbookRels?: Array<{ Id?: string; Target?: string; Type?: string }>
  properties?: { model?: { date1904?: boolean } }
  sharedStrings?: unknown[]
}

/** exceljs's streaming WorksheetReader: rows as they are parsed. */
type SheetRows = AsyncIterable<Row>

/** A worksheet of the workbook: its name, whether hidden, and its part in the archive. */
interface SheetPart {
  name: string
  hidden: boolean
  entry: ZipEntry
}

/** Why a ZIP archive is not a workbook, said for what it most likely is. */
function notAWorkbook(entries: Map<string, ZipEntry>): string {
  if (entries.has('mimetype') && entries.has('content.xml')) {
    return 'this is an OpenDocument file (.ods), not an XLSX workbook — save it as .xlsx or CSV'
  }
  if (entries.has('word/document.xml')) return 'this is a Word document, not an XLSX workbook'
  if ([...entries.keys()].some((name) => name.startsWith('ppt/')))
    return 'this is a PowerPoint file, not an XLSX workbook'
  return 'this is a ZIP archive but not an XLSX workbook (it has no workbook inside)'
}

/** Resolves a relationship target of xl/workbook.xml to a path in the archive. */
function partPath(target: string): string {
  const parts = (target.startsWith('/') ? target.slice(1) : `xl/${target}`).split('/')
  const resolved: string[] = []
  for (const part of parts) {
    if (part === '..') resolved.pop()
    else if (part !== '.' && part !== '') resolved.push(part)
  }
  return resolved.join('/')
}

/** An entry's decoded text as the Node stream exceljs's part parsers read. */
function partStream(bytes: ByteSource, entry: ZipEntry): Readable {
  return Readable.from(smallPieces(entryText(bytes, entry)))
}

/**
 * A compact copy of a string parsed from the workbook's XML. The parser's strings are slices of
 * the decoded XML (a slice keeps its whole parent alive), and a slice of text that contains any
 * Chinese is stored two bytes per character even when the slice itself is ASCII. Re-decoding
 * from UTF-8 gives a flat string, one byte per character where possible: 300,000 shared strings
 * went from 62 MB to about 30 MB, and the heap grows to a multiple of what is live before V8
 * collects it, so this is what keeps a large workbook's peak RSS under 400 MB.
 */
function detach(text: string): string {
  return text.length < 13 ? text : Buffer.from(text, 'utf8').toString('utf8') // V8 copies short slices anyway
}

/** A shared string (plain, or rich text runs) detached from the XML it was parsed from. */
function detachSharedString(entry: unknown): unknown {
  if (typeof entry === 'string') return detach(entry)
  if (
    typeof entry === 'object' &&
    entry !== null &&
    Array.isArray((entry as { richText?: unknown }).richText)
  ) {
    const runs = (entry as { richText: Array<{ text?: unknown }> }).richText
    return {
      richText: runs.map((run) => (typeof run.text === 'string' ? { ...run, text: detach(run.text) } : run))
    }
  }
  return entry
}

/** Characters of sheet XML handed to the parser at a time. */
const PARSE_PIECE_CHARS = 16 * 1024

/**
 * Cuts text into small pieces (never inside a surrogate pair). exceljs parses each piece into
 * all its events and rows at once; from a 256 KB piece those live long enough to reach the old
 * generation, and the heap then grows to ~300 MB of garbage between full collections (peak RSS
 * 420 MB on a 300,000-row sheet). Small pieces die young: the peak falls under 200 MB.
 */
async function* smallPieces(text: AsyncIterable<string>): AsyncGenerator<string, void, undefined> {
  for await (const chunk of text) {
    let start = 0
    while (chunk.length - start > PARSE_PIECE_CHARS) {
      let end = start + PARSE_PIECE_CHARS
      const last = chunk.charCodeAt(end - 1)
      if (last >= 0xd800 && last <= 0xdbff) end--
      yield chunk.slice(start, end)
      start = end
    }
    yield start === 0 ? chunk : chunk.slice(start)
  }
}

/** True when the sheet has a cell with a value (not just formatting) before its data ends. */
async function sheetHasData(bytes: ByteSource, entry: ZipEntry): Promise<boolean> {
  const value = /<(?:[A-Za-z_][\w.-]*:)?(?:v|is)[\s>]/
  const end = /<\/(?:[A-Za-z_][\w.-]*:)?sheetData>|<(?:[A-Za-z_][\w.-]*:)?sheetData\s*\/>/
  let tail = ''
  const text = entryText(bytes, entry)
  try {
    for await (const piece of text) {
      const window = tail + piece
      const found = value.exec(window)
      const ended = end.exec(window)
      if (found !== null && (ended === null || found.index < ended.index)) return true
      if (ended !== null) return false
      tail = window.slice(-64)
    }
    return false
  } finally {
    await text.return(undefined)
  }
}

/** The workbook's parts opened and parsed up to the sheet to read. */
interface OpenedWorkbook {
  reader: WorkbookReaderParts
  sheets: SheetPart[]
  chosen: SheetPart | null
  date1904: boolean
}

/** Reads the workbook index, styles and shared strings, and picks the sheet. */
async function openWorkbook(
  bytes: ByteSource,
  displayName: string,
  options: ReadOptions
): Promise<OpenedWorkbook> {
  const entries = await readZipDirectory(bytes)
  const workbookEntry = entries.get('xl/workbook.xml')
  const relsEntry = entries.get('xl/_rels/workbook.xml.rels')
  if (workbookEntry === undefined || relsEntry === undefined) throw new ZipProblem(notAWorkbook(entries))
  // The path is never opened: every part is handed to the reader's parsers below.
  const reader = new ExcelJS.stream.xlsx.WorkbookReader(displayName, {
    worksheets: 'emit',
    sharedStrings: 'cache',
    styles: 'cache',
    hyperlinks: 'ignore',
    entries: 'ignore'
  }) as unknown as WorkbookReaderParts
  await parsing(workbookEntry, () => reader._parseWorkbook(partStream(bytes, workbookEntry)))
  await parsing(relsEntry, () => reader._parseRels(partStream(bytes, relsEntry)))
  const relations = new Map((reader.workbookRels ?? []).map((rel) => [rel.Id ?? '', rel]))
  const sheets: SheetPart[] = []
  for (const sheet of reader.model?.sheets ?? []) {
    const rel = relations.get(sheet.rId ?? '')
    if (rel?.Target === undefined || !(rel.Type ?? '').endsWith('/worksheet')) continue // chart sheets
    const entry = entries.get(partPath(rel.Target))
    if (entry === undefined) continue
    sheets.push({
      name: sheet.name ?? `Sheet${sheets.length + 1}`,
      hidden: (sheet.state ?? 'visible') !== 'visible',
      entry
    })
  }
  if (sheets.length === 0) throw readError(displayName, null, 'this workbook has no worksheets')

  let chosen: SheetPart | null = null
  if (options.sheet !== undefined) {
    const wanted = options.sheet
    chosen =
      sheets.find((sheet) => sheet.name === wanted) ??
      sheets.find((sheet) => sheet.name.trim().toLowerCase() === wanted.trim().toLowerCase()) ??
      null
    if (chosen === null) {
      throw readError(
        displayName,
        null,
        `the workbook has no sheet named “${wanted}” (its sheets: ${sheets.map((s) => `“${s.name}”`).join(', ')})`
      )
    }
  } else {
    // The first visible sheet with data; else any sheet with data; else the first visible one.
    const ordered = [...sheets.filter((s) => !s.hidden), ...sheets.filter((s) => s.hidden)]
    for (const sheet of ordered) {
      if (await sheetHasData(bytes, sheet.entry)) {
        chosen = sheet
        break
      }
    }
    chosen ??= ordered[0] ?? null
  }

  const styles = entries.get('xl/styles.xml')
  if (styles !== undefined) await parsing(styles, () => reader._parseStyles(partStream(bytes, styles)))
  const shared = entries.get('xl/sharedStrings.xml')
  if (shared !== undefined) {
    await parsing(shared, async () => {
      for await (const _event of reader._parseSharedStrings(partStream(bytes, shared))) {
        // 'cache' mode fills reader.sharedStrings; nothing is emitted.
      }
    })
    reader.sharedStrings = (reader.sharedStrings ?? []).map(detachSharedString)
  } else {
    reader.sharedStrings = []
  }
  return { reader, sheets, chosen, date1904: reader.properties?.model?.date1904 === true }
}

/** A workbook problem as a structural error (damaged parts, XML the parser refuses). */
function workbookError(
  displayName: string,
  error: unknown,
  line: number | null,
  part = 'the workbook'
): Error {
  if (error instanceof ZipProblem) return readError(displayName, line, error.reason)
  if (error instanceof ApiError) return error
  return readError(displayName, line, damaged(error, part))
}

/** "this XLSX file is damaged (…)" for a parser's error, without its line:column prefix. */
function damaged(error: unknown, part: string): string {
  const message = (error instanceof Error ? error.message : String(error)).split('\n')[0] ?? ''
  const cleaned = message.replace(/^\d+:\d+:\s*/, '').replace(/\.$/, '')
  return `this XLSX file is damaged (${part} is not valid XML: ${cleaned}) — open it in Excel and save it again`
}

/** Runs a part's parser; its XML errors become a damaged-workbook problem naming the part. */
async function parsing(entry: ZipEntry, parse: () => Promise<void>): Promise<void> {
  try {
    await parse()
  } catch (error) {
    if (error instanceof ZipProblem || error instanceof ApiError) throw error
    throw new ZipProblem(damaged(error, `part “${entry.name}”`))
  }
}

/**
 * Opens an XLSX workbook and streams one sheet's rows (the one asked for, else the first sheet
 * with data). Rows are numbered as in Excel; empty rows are skipped; a cell's text is its value
 * as Excel stores it (see {@link cellText}). Merged cells keep their value in the top-left cell
 * only, as Excel's own CSV export does. Shared strings are held in memory (the workbook's string
 * table); sheet rows stream.
 */
export async function openXlsx(
  bytes: ByteSource,
  displayName: string,
  options: ReadOptions
): Promise<RowStream> {
  let workbook: OpenedWorkbook
  try {
    workbook = await openWorkbook(bytes, displayName, options)
  } catch (error) {
    throw workbookError(displayName, error, null)
  }
  const { reader, sheets, chosen, date1904 } = workbook
  let lastRow = 0
  async function* rows(): AsyncGenerator<RawRow[], void, undefined> {
    if (chosen === null) return
    const text = entryText(bytes, chosen.entry)
    try {
      let sheetRows: SheetRows | null = null
      for (const event of reader._parseWorksheet(smallPieces(text), chosen.entry.name)) {
        if (event.eventType === 'worksheet') sheetRows = event.value
      }
      if (sheetRows === null) return
      let batch: RawRow[] = []
      for await (const row of sheetRows) {
        const number = Number.isFinite(row.number) ? row.number : lastRow + 1
        lastRow = number
        const cells: string[] = []
        row.eachCell((cell, column) => {
          const value = cellText(cell.value, cell.numFmt, date1904)
          if (value === '') return
          while (cells.length < column - 1) cells.push('')
          cells[column - 1] = value
        })
        if (cells.length === 0) continue
        batch.push({ line: number, cells })
        if (batch.length >= 1000) {
          yield batch
          batch = []
        }
      }
      if (batch.length > 0) yield batch
      bytes.finish()
    } catch (error) {
      throw workbookError(displayName, error, lastRow + 1, `the sheet “${chosen.name}”`)
    } finally {
      await text.return(undefined)
    }
  }
  return {
    info: {
      format: 'xlsx',
      encoding: 'utf-8',
      encodingSource: 'not_applicable',
      delimiter: null,
      sheets: sheets.map((sheet) => sheet.name),
      sheet: chosen?.name ?? null
    },
    shape: 'sparse',
    batches: rows(),
    progress: () => ({ bytesRead: bytes.bytesRead(), totalBytes: bytes.size }),
    warnings: () => [],
    close: () => bytes.close()
  }
}
