import { extname } from 'node:path'
import type { SourceFormat } from '@shared/domain/import'
import { CsvTokenizer } from './csv-tokenizer'
import type { CsvRecord } from './csv-tokenizer'
import { SNIFF_RECORDS } from './read-limits'

/** What the file name says: a format, delimited text of either kind, or nothing. */
export type NamedFormat = SourceFormat | 'delimited' | null

/** The format the extension names (.txt: delimited text, delimiter to be sniffed). */
export function formatFromName(name: string): NamedFormat {
  switch (extname(name).toLowerCase()) {
    case '.csv':
      return 'csv'
    case '.tsv':
    case '.tab':
      return 'tsv'
    case '.txt':
      return 'delimited'
    case '.xlsx':
    case '.xlsm':
      return 'xlsx'
    case '.json':
      return 'json'
    case '.ndjson':
    case '.jsonl':
      return 'ndjson'
    default:
      return null
  }
}

/** Binary containers recognised by their first bytes. */
export type Magic = 'zip' | 'ole2' | 'gzip' | 'pdf' | null

/** The container a file's first bytes announce, if any. */
export function sniffMagic(sample: Uint8Array): Magic {
  const starts = (...bytes: number[]): boolean => bytes.every((byte, i) => sample[i] === byte)
  if (starts(0x50, 0x4b, 0x03, 0x04) || starts(0x50, 0x4b, 0x05, 0x06)) return 'zip'
  if (starts(0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1)) return 'ole2'
  if (starts(0x1f, 0x8b)) return 'gzip'
  if (starts(0x25, 0x50, 0x44, 0x46, 0x2d)) return 'pdf'
  return null
}

/** Why a binary container cannot be read as the text format asked for, and what to do. */
export function binaryContainerReason(magic: Exclude<Magic, null>, format: SourceFormat): string {
  const what = format === 'csv' || format === 'tsv' ? 'CSV text' : 'JSON text'
  switch (magic) {
    case 'zip':
      return `this file is a ZIP archive (perhaps an Excel workbook with the wrong extension), not ${what} — if it is a workbook, choose the XLSX format or rename it to .xlsx`
    case 'ole2':
      return `this file is an old-format Excel workbook (.xls) or a password-protected one, not ${what} — open it in Excel and save it as .xlsx or CSV`
    case 'gzip':
      return `this file is compressed (gzip), not ${what} — decompress it first`
    case 'pdf':
      return `this file is a PDF document, not ${what}`
  }
}

/**
 * The format of text judged by its content: a first non-space `[` is a JSON array; `{` opening
 * each of the first lines (each a complete object) is NDJSON, another `{` is a JSON object that
 * wraps the list; anything else is delimited text.
 */
export function sniffTextFormat(text: string): 'json' | 'ndjson' | 'delimited' {
  const first = text.search(/\S/)
  if (first === -1) return 'delimited'
  const c = text[first]
  if (c === '[') return 'json'
  if (c !== '{') return 'delimited'
  return looksLikeNdjson(text.slice(first)) ? 'ndjson' : 'json'
}

/** The first two non-blank lines are each a complete JSON object. */
function looksLikeNdjson(text: string): boolean {
  const lines: string[] = []
  let start = 0
  while (lines.length < 2) {
    const end = text.indexOf('\n', start)
    if (end === -1) break // the sample may end inside a line: judge complete lines only
    const line = text.slice(start, end).trim()
    if (line !== '') lines.push(line)
    start = end + 1
  }
  if (lines.length < 2) return false
  return lines.every((line) => {
    if (!line.startsWith('{') || !line.endsWith('}')) return false
    try {
      const value: unknown = JSON.parse(line)
      return typeof value === 'object' && value !== null && !Array.isArray(value)
    } catch {
      return false
    }
  })
}

/** Delimiters the sniffer chooses among, in order of preference on a tie. */
export const CANDIDATE_DELIMITERS = [',', '\t', ';', '|'] as const

/**
 * Picks the delimiter that splits the first records most consistently into more than one field
 * (quotes respected, so commas inside quoted text do not count). Ties go to the larger field
 * count, then to `preferred`, then to the candidate order. A single-column file gets `preferred`.
 */
export function sniffDelimiter(text: string, preferred: string): string {
  // Only complete lines judge: the sample may end in the middle of a record.
  const lastBreak = Math.max(text.lastIndexOf('\n'), text.lastIndexOf('\r'))
  const body = lastBreak === -1 ? text : text.slice(0, lastBreak + 1)
  let best: { delimiter: string; consistency: number; fields: number; rank: number } | null = null
  const order = [preferred, ...CANDIDATE_DELIMITERS.filter((d) => d !== preferred)]
  for (const [rank, delimiter] of order.entries()) {
    const records = firstRecords(body, delimiter)
    if (records.length === 0) continue
    const counts = new Map<number, number>()
    for (const record of records) counts.set(record.cells.length, (counts.get(record.cells.length) ?? 0) + 1)
    let fields = 1
    let frequency = 0
    for (const [count, seen] of counts) {
      if (seen > frequency || (seen === frequency && count > fields)) {
        fields = count
        frequency = seen
      }
    }
    if (fields < 2) continue
    const consistency = frequency / records.length
    if (
      best === null ||
      consistency > best.consistency ||
      (consistency === best.consistency && fields > best.fields) ||
      (consistency === best.consistency && fields === best.fields && rank < best.rank)
    ) {
      best = { delimiter, consistency, fields, rank }
    }
  }
  return best?.delimiter ?? preferred
}

/** Up to SNIFF_RECORDS records of `text` split with `delimiter` (none if it cannot be split). */
function firstRecords(text: string, delimiter: string): CsvRecord[] {
  const tokenizer = new CsvTokenizer(delimiter)
  const out: CsvRecord[] = []
  try {
    // Feed line-sized pieces so that a long sample is not split in full for every candidate.
    let start = 0
    while (out.length < SNIFF_RECORDS && start < text.length) {
      const end = Math.min(text.length, start + 16384)
      tokenizer.push(text.slice(start, end), out)
      start = end
    }
  } catch {
    return out
  }
  return out.slice(0, SNIFF_RECORDS)
}
