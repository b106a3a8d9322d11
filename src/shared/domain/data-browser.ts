import { z } from 'zod'

/** Tables the explorer can browse read-only. */
export const BROWSABLE_TABLES = [
  'tickets',
  'survey_responses',
  'customers',
  'experiments',
  'import_batches'
] as const
export type BrowsableTable = (typeof BROWSABLE_TABLES)[number]

export const COLUMN_TYPES = ['text', 'integer', 'number', 'datetime', 'json'] as const
export type ColumnType = (typeof COLUMN_TYPES)[number]

export interface TableColumn {
  id: string
  type: ColumnType
}

export interface TableSummary {
  table: BrowsableTable
  rows: number
}

export const TablePageRequestSchema = z.strictObject({
  table: z.enum(BROWSABLE_TABLES),
  offset: z.number().int().gte(0),
  limit: z.number().int().gte(1).lte(1000),
  sort: z.strictObject({ column: z.string().min(1).max(64), direction: z.enum(['asc', 'desc']) }).optional()
})
export type TablePageRequest = z.infer<typeof TablePageRequestSchema>

/** A window of rows; cells are strings, numbers (datetimes as epoch ms) or null. */
export interface TablePage {
  table: BrowsableTable
  columns: TableColumn[]
  rows: Array<Array<string | number | null>>
  offset: number
  total: number
}
