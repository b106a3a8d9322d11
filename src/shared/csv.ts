/** The byte-order mark that makes Excel read a CSV as UTF-8 (Chinese text stays legible). */
export const CSV_BOM = '\uFEFF'

/** A cell that a spreadsheet would run as a formula (CWE-1236): =, +, -, @, tab or carriage return. */
const FORMULA_START = /^[=+\-@\t\r]/

type Cell = string | number | null | undefined

/**
 * One CSV field (RFC 4180): text that a spreadsheet would evaluate gets a leading `'`, and a field
 * with a quote, comma, line break or edge spaces is quoted with its quotes doubled. Numbers are
 * written as numbers (a negative number is a value, not a formula); null is an empty field.
 */
export function csvCell(value: Cell): string {
  if (value === null || value === undefined) return ''
  if (typeof value === 'number') return Number.isFinite(value) ? String(value) : ''
  let text = value
  if (FORMULA_START.test(text)) text = `'${text}`
  return /[",\r\n]/.test(text) || /^\s|\s$/.test(text) ? `"${text.replace(/"/g, '""')}"` : text
}

/** A result as CSV text: UTF-8 BOM, a header row, CRLF line ends. */
export function toCsv(columns: readonly string[], rows: ReadonlyArray<readonly Cell[]>): string {
  const lines = [columns.map(csvCell).join(',')]
  for (const row of rows) lines.push(columns.map((_, i) => csvCell(row[i])).join(','))
  return `${CSV_BOM}${lines.join('\r\n')}\r\n`
}
