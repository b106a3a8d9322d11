import type { ReadOptions } from '@shared/domain/import'
import type { ByteSource } from './byte-source'
import { CsvSyntaxError, CsvTokenizer } from './csv-tokenizer'
import type { CsvRecord } from './csv-tokenizer'
import { encodingFor } from './encoding-detect'
import type { TextEncoding } from './encoding-detect'
import type { RowStream } from './row-stream'
import { sniffDelimiter } from './sniff'
import { readError } from './table-source'
import type { RawRow } from './table-source'
import { decodeFaultReason, decodeSample, decodeText, TextDecodeFault } from './text-decode'

/**
 * Opens delimited text (CSV, TSV, or `.txt` whose delimiter decides): encoding and delimiter are
 * detected unless given, then records stream out with the physical line where each starts.
 */
export function openDelimited(
  bytes: ByteSource,
  displayName: string,
  format: 'csv' | 'tsv' | 'delimited',
  options: ReadOptions
): RowStream {
  const encoding = encodingFor(bytes, displayName, format === 'tsv' ? 'tsv' : 'csv', options)
  let delimiter = options.delimiter
  if (delimiter === undefined) {
    delimiter =
      options.format === 'tsv'
        ? '\t'
        : sniffDelimiter(decodeSample(bytes.sample, encoding), format === 'tsv' ? '\t' : ',')
  }
  if (delimiter === '"' || delimiter === '\n' || delimiter === '\r') {
    throw readError(displayName, null, 'the delimiter cannot be a quote or a line break — choose another one')
  }
  const resolved = options.format ?? (format === 'delimited' ? (delimiter === '\t' ? 'tsv' : 'csv') : format)
  return {
    info: {
      format: resolved,
      encoding: encoding.encoding,
      encodingSource: encoding.source,
      delimiter,
      sheets: [],
      sheet: null
    },
    shape: 'strict',
    batches: delimitedRows(bytes, displayName, encoding, delimiter),
    progress: () => ({ bytesRead: bytes.bytesRead(), totalBytes: bytes.size }),
    warnings: () => [],
    close: () => bytes.close()
  }
}

/** The records of the file, one batch per decoded chunk. */
async function* delimitedRows(
  bytes: ByteSource,
  displayName: string,
  encoding: TextEncoding,
  delimiter: string
): AsyncGenerator<RawRow[], void, undefined> {
  const tokenizer = new CsvTokenizer(delimiter)
  let out: CsvRecord[] = []
  try {
    for await (const text of decodeText(bytes.chunks(), encoding)) {
      tokenizer.push(text, out)
      if (out.length > 0) {
        yield out
        out = []
      }
    }
    tokenizer.end(out)
    if (out.length > 0) yield out
  } catch (error) {
    if (error instanceof TextDecodeFault)
      throw readError(displayName, tokenizer.line, decodeFaultReason(error))
    if (error instanceof CsvSyntaxError) throw readError(displayName, error.line, error.reason)
    throw error
  }
}
