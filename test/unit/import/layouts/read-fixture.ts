import { readFileSync } from 'node:fs'
import { resolve } from 'node:path'
import { parse } from 'csv-parse/sync'
import iconv from 'iconv-lite'

/** The preset fixtures' folder. */
export const PRESET_FIXTURES = resolve(import.meta.dirname, '../../../fixtures/import/presets')

/**
 * The first rows of a CSV file, raw (header rows included), read with csv-parse's sync API — a
 * test-only reader, independent of the product's streaming readers. `.gb18030.csv` files are
 * decoded as GB18030; a UTF-8 BOM is dropped.
 */
export function readCsvRows(path: string, maxRows = 60): string[][] {
  const bytes = readFileSync(path)
  const text = /\.gb18030\.csv$/i.test(path) ? iconv.decode(bytes, 'gb18030') : bytes.toString('utf8')
  // Enough lines for maxRows records even when fields hold line breaks.
  const head = text
    .split('\n')
    .slice(0, maxRows * 4)
    .join('\n')
  const rows = parse(head, {
    bom: true,
    relax_column_count: true,
    relax_quotes: true,
    skip_records_with_error: true
  }) as string[][]
  return rows.slice(0, maxRows)
}
