import type { ReadOptions } from '@shared/domain/import'
import type { ByteSource } from './byte-source'
import { encodingFor } from './encoding-detect'
import type { TextEncoding } from './encoding-detect'
import { HEADER_SCAN_RECORDS } from './read-limits'
import type { RowStream } from './row-stream'
import { flattenRecord } from './json-values'
import type { FieldSink } from './json-values'
import type { RawRow, ReadWarning } from './table-source'

/** A JSON record (an object, flattened into cells later), or a problem with this record alone. */
export interface KeyedRecord {
  line: number
  /** The record; null when the element is not an object (then `issue` says what it is). */
  value: Record<string, unknown> | null
  issue?: string
}

/**
 * Values whose keys are not in the header: the header is fixed from the first records (so that
 * rows can stream), and a key first seen later has no column. Counted, and reported as a warning.
 */
export class LateKeys {
  private readonly counts = new Map<string, number>()

  add(key: string): void {
    this.counts.set(key, (this.counts.get(key) ?? 0) + 1)
  }

  warnings(): ReadWarning[] {
    if (this.counts.size === 0) return []
    const keys = [...this.counts].map(([key, records]) => ({ key, records }))
    const list = keys
      .slice(0, 10)
      .map(({ key, records }) => `“${key}” (${records} record${records === 1 ? '' : 's'})`)
      .join(', ')
    const more = keys.length > 10 ? ` and ${keys.length - 10} more` : ''
    return [
      {
        code: 'late_keys',
        message: `Some fields first appear after the first ${HEADER_SCAN_RECORDS.toLocaleString('en')} records and have no column, so their values are not imported: ${list}${more}.`,
        details: { keys, headerScanRecords: HEADER_SCAN_RECORDS }
      }
    ]
  }
}

/**
 * Turns records into rows: first the header (the union of the flattened keys of the first
 * {@link HEADER_SCAN_RECORDS} records, in first-seen order), then every record's values aligned
 * to it. A record in which two paths give the same key (`"a.b"` and `{"a":{"b"}}`) gets an
 * issue. Yields nothing for a list without records.
 */
export async function* keyedRows(
  records: AsyncGenerator<KeyedRecord[], void, undefined>,
  late: LateKeys
): AsyncGenerator<RawRow[], void, undefined> {
  const ahead: KeyedRecord[] = []
  while (ahead.length < HEADER_SCAN_RECORDS) {
    const next = await records.next()
    if (next.done === true) break
    for (const record of next.value) ahead.push(record)
  }
  if (ahead.length === 0) return
  const header: string[] = []
  const column = new Map<string, number>()
  const addKey: FieldSink = (key) => {
    if (!column.has(key)) {
      column.set(key, header.length)
      header.push(key)
    }
  }
  for (const record of ahead.slice(0, HEADER_SCAN_RECORDS)) {
    if (record.value !== null) flattenRecord(record.value, addKey)
  }

  // One sink for all rows (no closure per row); `stamp` marks the cells this row has filled.
  const filled = new Int32Array(header.length)
  let stamp = 0
  let cells: string[] = []
  let collision: string | null = null
  const put: FieldSink = (key, value) => {
    const index = column.get(key)
    if (index === undefined) {
      if (value !== '') late.add(key)
      return
    }
    if (filled[index] === stamp) collision = key
    filled[index] = stamp
    cells[index] = value
  }
  const toRow = (record: KeyedRecord): RawRow => {
    cells = new Array<string>(header.length).fill('')
    collision = null
    stamp++
    if (record.value !== null) flattenRecord(record.value, put)
    const issue =
      record.issue ??
      (collision === null
        ? undefined
        : `has two values for “${collision}” (a key with a dot and a nested object)`)
    return issue === undefined ? { line: record.line, cells } : { line: record.line, cells, issue }
  }
  yield [{ line: (ahead[0] as KeyedRecord).line, cells: header }]
  yield ahead.map(toRow)
  for await (const batch of records) yield batch.map(toRow)
}

/**
 * A row stream over a JSON-family file (JSON array or NDJSON): the encoding detected once, the
 * records flattened into keyed rows, late keys reported as warnings.
 */
export function keyedRowStream(
  bytes: ByteSource,
  displayName: string,
  format: 'json' | 'ndjson',
  options: ReadOptions,
  records: (encoding: TextEncoding) => AsyncGenerator<KeyedRecord[], void, undefined>
): RowStream {
  const encoding = encodingFor(bytes, displayName, format, options)
  const late = new LateKeys()
  return {
    info: {
      format,
      encoding: encoding.encoding,
      encodingSource: encoding.source,
      delimiter: null,
      sheets: [],
      sheet: null
    },
    shape: 'keyed',
    batches: keyedRows(records(encoding), late),
    progress: () => ({ bytesRead: bytes.bytesRead(), totalBytes: bytes.size }),
    warnings: () => late.warnings(),
    close: () => bytes.close()
  }
}
