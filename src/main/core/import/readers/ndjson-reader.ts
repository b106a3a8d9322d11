import type { ReadOptions } from '@shared/domain/import'
import type { ByteSource } from './byte-source'
import type { TextEncoding } from './encoding-detect'
import { describeJson, isRecord, jsonErrorAt, parseJson } from './json-values'
import { keyedRowStream } from './keyed-rows'
import type { KeyedRecord } from './keyed-rows'
import { MAX_RECORD_CHARS, MAX_RECORD_LABEL } from './read-limits'
import type { RowStream } from './row-stream'
import { readError } from './table-source'
import { decodeFaultReason, decodeText, TextDecodeFault } from './text-decode'

/** Opens NDJSON (JSON Lines): one object per line, blank lines skipped; rows keep their line. */
export function openNdjson(bytes: ByteSource, displayName: string, options: ReadOptions): RowStream {
  return keyedRowStream(bytes, displayName, 'ndjson', options, (encoding) =>
    ndjsonRecords(bytes, displayName, encoding)
  )
}

/** The file's lines as flattened records, one batch per decoded chunk. */
async function* ndjsonRecords(
  bytes: ByteSource,
  displayName: string,
  encoding: TextEncoding
): AsyncGenerator<KeyedRecord[], void, undefined> {
  let line = 1
  let carry = ''
  const parseLine = (raw: string, at: number, out: KeyedRecord[]): void => {
    const text = raw.endsWith('\r') ? raw.slice(0, -1) : raw
    if (text.trim() === '') return
    let value: unknown
    try {
      value = parseJson(text, /\d{16}/.test(text))
    } catch (error) {
      // A broken line means the file is damaged (cut, or two lines run together): stop.
      throw readError(displayName, at, jsonErrorAt(error, text, at).reason)
    }
    if (!isRecord(value)) {
      throw readError(
        displayName,
        at,
        `this line holds ${describeJson(value)}, not a JSON object — each line of an NDJSON file must be one object like {"id": 1, …}`
      )
    }
    out.push({ line: at, value })
  }
  try {
    for await (const text of decodeText(bytes.chunks(), encoding)) {
      const out: KeyedRecord[] = []
      let start = 0
      for (let end = text.indexOf('\n'); end !== -1; end = text.indexOf('\n', start)) {
        const piece = carry === '' ? text.slice(start, end) : carry + text.slice(start, end)
        carry = ''
        parseLine(piece, line, out)
        line++
        start = end + 1
      }
      carry += text.slice(start)
      if (carry.length > MAX_RECORD_CHARS) {
        throw readError(
          displayName,
          line,
          `this line is longer than ${MAX_RECORD_LABEL} — the file may be damaged or not NDJSON`
        )
      }
      if (out.length > 0) yield out
    }
    const out: KeyedRecord[] = []
    parseLine(carry, line, out)
    if (out.length > 0) yield out
  } catch (error) {
    if (error instanceof TextDecodeFault) throw readError(displayName, line, decodeFaultReason(error))
    throw error
  }
}
