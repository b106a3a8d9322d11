import iconv from 'iconv-lite'
import fc from 'fast-check'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { CsvTokenizer } from '../../../../src/main/core/import/readers/csv-tokenizer'
import type { CsvRecord } from '../../../../src/main/core/import/readers/csv-tokenizer'
import type { SourceEncoding } from '../../../../src/shared/domain/import'
import { makeTempDir } from '../../../helpers/temp-dir'
import { readAll, writeFixture } from './read-helpers'

/** Characters that stress a CSV reader, mixed into otherwise arbitrary text. */
const TRICKY = [
  ',',
  '\t',
  '"',
  '""',
  '\n',
  '\r',
  '\r\n',
  ';',
  '|',
  ' ',
  '',
  '中',
  '退款',
  '😀',
  '👍🏽',
  'é',
  "'",
  '\\',
  '=1+1',
  '\u00a0'
]

const cell = fc.oneof(
  fc.string({ unit: fc.constantFrom(...TRICKY), maxLength: 6 }),
  fc.string({ unit: 'grapheme', maxLength: 12 }),
  fc.string({ unit: fc.constantFrom('a', 'b', '1', ' ', ',', '"', '\n'), maxLength: 8 })
)

/** A table (header + rows, all of one width) and how it is written. */
const table = fc.integer({ min: 1, max: 5 }).chain((width) =>
  fc.record({
    rows: fc.array(fc.array(cell, { minLength: width, maxLength: width }), { minLength: 1, maxLength: 8 }),
    delimiter: fc.constantFrom(',', '\t'),
    lineEnd: fc.constantFrom('\n', '\r\n', '\r'),
    finalLineEnd: fc.boolean(),
    quoteAll: fc.boolean(),
    encoding: fc.constantFrom<SourceEncoding | 'utf-8-bom'>(
      'utf-8',
      'utf-8-bom',
      'utf-16le',
      'utf-16be',
      'gb18030'
    )
  })
)

/** Writes one field, quoting it when its content requires (or always). */
function field(value: string, delimiter: string, width: number, quoteAll: boolean): string {
  const needs =
    quoteAll ||
    value.includes(delimiter) ||
    value.includes('"') ||
    value.includes('\n') ||
    value.includes('\r') ||
    // A lone blank cell would read as a blank line, which is skipped.
    (width === 1 && value.trim() === '')
  return needs ? `"${value.replaceAll('"', '""')}"` : value
}

/** Physical line breaks in written text (CRLF counts once). */
function lineBreaks(text: string): number {
  return (text.match(/\r\n|\r|\n/g) ?? []).length
}

/** The file's bytes in the encoding (BOM for UTF-16, optional for UTF-8). */
function encode(text: string, encoding: SourceEncoding | 'utf-8-bom'): Buffer {
  switch (encoding) {
    case 'utf-8':
      return Buffer.from(text, 'utf8')
    case 'utf-8-bom':
      return Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(text, 'utf8')])
    case 'utf-16le':
      return iconv.encode(text, 'utf-16le', { addBOM: true })
    case 'utf-16be':
      return iconv.encode(text, 'utf-16be', { addBOM: true })
    case 'gb18030':
      return iconv.encode(text, 'gb18030')
  }
}

describe('CSV/TSV round trip (fast-check)', () => {
  let temp: ReturnType<typeof makeTempDir>
  beforeAll(() => {
    temp = makeTempDir('loopbench-csv-roundtrip-')
  })
  afterAll(() => temp.cleanup())

  it('reads back every generated table cell for cell, with the line where each record starts', async () => {
    let run = 0
    await fc.assert(
      fc.asyncProperty(table, async ({ rows, delimiter, lineEnd, finalLineEnd, quoteAll, encoding }) => {
        const width = (rows[0] as string[]).length
        const records = rows.map((row) =>
          row.map((value) => field(value, delimiter, width, quoteAll)).join(delimiter)
        )
        const expectedLines: number[] = []
        let line = 1
        for (const record of records) {
          expectedLines.push(line)
          line += lineBreaks(record) + 1
        }
        const text = records.join(lineEnd) + (finalLineEnd ? lineEnd : '')
        const path = writeFixture(
          temp.dir,
          `t${run++}.${delimiter === '\t' ? 'tsv' : 'csv'}`,
          encode(text, encoding)
        )
        // GB18030 text can be valid UTF-8 by chance, so that encoding is named (as a user would).
        const result = await readAll(path, 'table.csv', {
          delimiter,
          headerRows: 1,
          ...(encoding === 'gb18030' ? { encoding } : {})
        })
        expect(result.info.encoding).toBe(encoding === 'utf-8-bom' ? 'utf-8' : encoding)
        expect(result.headerLines).toEqual([rows[0]])
        expect(result.rows.map((row) => row.cells)).toEqual(rows.slice(1))
        expect(result.rows.every((row) => row.issue === undefined)).toBe(true)
        expect([1, ...result.rows.map((row) => row.line)]).toEqual(expectedLines)
      }),
      { numRuns: 300 }
    )
  })

  it('splits the same records however the text is cut into chunks', () => {
    fc.assert(
      fc.property(
        table,
        fc.array(fc.nat(), { maxLength: 8 }),
        ({ rows, delimiter, lineEnd, quoteAll }, cuts) => {
          const width = (rows[0] as string[]).length
          const text = rows
            .map((row) => row.map((value) => field(value, delimiter, width, quoteAll)).join(delimiter))
            .join(lineEnd)
          const parse = (pieces: string[]): CsvRecord[] => {
            const tokenizer = new CsvTokenizer(delimiter)
            const out: CsvRecord[] = []
            for (const piece of pieces) tokenizer.push(piece, out)
            tokenizer.end(out)
            return out
          }
          const points = [...new Set(cuts.map((cut) => cut % (text.length + 1)))].sort((a, b) => a - b)
          const pieces = [0, ...points].map((start, i) => text.slice(start, [...points, text.length][i]))
          const whole = parse([text])
          expect(whole.map((record) => record.cells)).toEqual(rows)
          expect(parse(pieces)).toEqual(whole)
        }
      ),
      { numRuns: 300 }
    )
  })
})
