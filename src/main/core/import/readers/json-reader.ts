import type { ReadOptions } from '@shared/domain/import'
import type { ByteSource } from './byte-source'
import type { TextEncoding } from './encoding-detect'
import { JsonListSplitter, JsonSyntaxError } from './json-splitter'
import type { JsonElement } from './json-splitter'
import { describeJson, isRecord, jsonErrorAt, parseJson } from './json-values'
import { keyedRowStream } from './keyed-rows'
import type { KeyedRecord } from './keyed-rows'
import type { RowStream } from './row-stream'
import { readError } from './table-source'
import { decodeFaultReason, decodeText, TextDecodeFault } from './text-decode'

/**
 * Opens a JSON document holding a list of records (or an object wrapping one list). Rows are the
 * list's objects, flattened; each row's line is the line where its object starts.
 */
export function openJson(bytes: ByteSource, displayName: string, options: ReadOptions): RowStream {
  return keyedRowStream(bytes, displayName, 'json', options, (encoding) =>
    jsonRecords(bytes, displayName, encoding)
  )
}

/** The list's elements as flattened records, one batch per decoded chunk. */
async function* jsonRecords(
  bytes: ByteSource,
  displayName: string,
  encoding: TextEncoding
): AsyncGenerator<KeyedRecord[], void, undefined> {
  const splitter = new JsonListSplitter()
  let first = true
  const convert = (elements: JsonElement[]): KeyedRecord[] => {
    const records: KeyedRecord[] = []
    for (const element of elements) {
      let value: unknown
      try {
        value = parseJson(element.text, element.bigNumbers)
      } catch (error) {
        const at = jsonErrorAt(error, element.text, element.line)
        throw readError(displayName, at.line, at.reason)
      }
      if (isRecord(value)) {
        records.push({ line: element.line, value })
      } else if (first) {
        throw readError(
          displayName,
          element.line,
          `the JSON list holds ${describeJson(value)} here, not a record with fields — Loopbench reads a list of objects like [{"id": 1, …}, …]`
        )
      } else {
        records.push({
          line: element.line,
          value: null,
          issue: `is ${describeJson(value)}, not a record with fields`
        })
      }
      first = false
    }
    return records
  }
  let elements: JsonElement[] = []
  try {
    for await (const text of decodeText(bytes.chunks(), encoding)) {
      splitter.push(text, elements)
      if (elements.length > 0) {
        const batch = convert(elements)
        elements = []
        yield batch
      }
    }
    splitter.end()
  } catch (error) {
    if (error instanceof TextDecodeFault)
      throw readError(displayName, splitter.line, decodeFaultReason(error))
    if (error instanceof JsonSyntaxError) throw readError(displayName, error.line, error.reason)
    throw error
  }
}
