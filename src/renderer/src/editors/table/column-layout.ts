import type { TableColumn } from '@shared/domain/data-browser'

/** Long free-text columns get room; ids and categories stay narrow. */
const WIDE_TEXT = new Set(['text', 'comment', 'description'])
const MEDIUM_TEXT = new Set(['subject', 'name', 'sourceName'])
const ID_COLUMNS = new Set(['externalId', 'customerId', 'key', 'id'])

/** The width in pixels of a column of the table editor. */
export function columnWidth(column: TableColumn): number {
  if (column.type === 'datetime') return 168
  if (column.type === 'integer' || column.type === 'number') return ID_COLUMNS.has(column.id) ? 80 : 116
  if (WIDE_TEXT.has(column.id)) return 460
  if (MEDIUM_TEXT.has(column.id)) return 260
  if (ID_COLUMNS.has(column.id)) return 120
  return 116
}

/** True for columns whose values are numbers, shown right-aligned. */
export function isNumericColumn(column: TableColumn): boolean {
  return column.type === 'integer' || column.type === 'number'
}

/** The width of the row-number gutter, enough for the largest row number. */
export function gutterWidth(total: number): number {
  const digits = Math.max(3, String(Math.max(total, 1)).length)
  // Digits plus grouping separators, at about 7.5 px each, plus padding.
  return Math.ceil((digits + Math.floor((digits - 1) / 3)) * 7.5) + 24
}
