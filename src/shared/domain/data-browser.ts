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

/**
 * The filters of the tickets table. Dates are epoch milliseconds (as the table's datetime
 * cells): `from` inclusive, `to` exclusive. In `channels` and `statuses`, `null` selects tickets
 * without a value; `themes` selects the tickets assigned to any of these themes (by id). An empty
 * or missing list does not filter.
 */
export const TicketFilterSchema = z.strictObject({
  /** Words, or Chinese of any length; every term must occur. */
  search: z.string().max(1000).optional(),
  from: z.number().int().optional(),
  to: z.number().int().optional(),
  channels: z.array(z.string().max(200).nullable()).max(200).optional(),
  statuses: z.array(z.string().max(200).nullable()).max(200).optional(),
  themes: z.array(z.number().int().gte(1)).max(200).optional()
})
export type TicketFilter = z.infer<typeof TicketFilterSchema>

export const TablePageRequestSchema = z.strictObject({
  table: z.enum(BROWSABLE_TABLES),
  offset: z.number().int().gte(0),
  limit: z.number().int().gte(1).lte(1000),
  sort: z.strictObject({ column: z.string().min(1).max(64), direction: z.enum(['asc', 'desc']) }).optional(),
  /** Tickets only. */
  filter: TicketFilterSchema.optional()
})
export type TablePageRequest = z.infer<typeof TablePageRequestSchema>

/** A window of rows; cells are strings, numbers (datetimes as epoch ms) or null. */
export interface TablePage {
  table: BrowsableTable
  columns: TableColumn[]
  rows: Array<Array<string | number | null>>
  offset: number
  /** Rows matching the filter (all rows without one). */
  total: number
  /** False while the search index is still being built: a search may miss recent tickets. */
  searchComplete: boolean
}

/** Distinct values of a category column with their counts, for filter lists. */
export const DistinctRequestSchema = z.strictObject({
  table: z.literal('tickets'),
  column: z.enum(['channel', 'status', 'priority'])
})
export interface DistinctValue {
  value: string | null
  count: number
}

/** State of the full-text index. */
export interface SearchStatus {
  indexed: number
  total: number
  building: boolean
}

/** A read-only query of the SQL console. */
export const SqlQueryRequestSchema = z.strictObject({
  sql: z.string().min(1).max(100_000),
  /** Rows returned at most (default 10,000). */
  maxRows: z.number().int().gte(1).lte(100_000).optional(),
  /** The query is stopped after this long (default 10 s). */
  timeoutMs: z.number().int().gte(100).lte(300_000).optional()
})
export type SqlQueryRequest = z.infer<typeof SqlQueryRequestSchema>

export interface SqlResult {
  columns: string[]
  rows: Array<Array<string | number | null>>
  /** More rows existed than maxRows. */
  truncated: boolean
  elapsedMs: number
}
