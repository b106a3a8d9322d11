import type { Db } from '../sqlite'
import type { Provenance } from './statements'
import { assertInTransaction, fromJson, prepared, toJson } from './statements'

/** A support ticket, in the canonical ticket roles. */
export interface TicketRecord {
  sourceSystem: string
  externalId: string
  createdAt: number
  resolvedAt: number | null
  firstResponseAt: number | null
  channel: string | null
  status: string | null
  priority: string | null
  subject: string | null
  text: string
  customerId: string | null
  rating: number | null
  tags: string[] | null
  /** Source columns that map to no role, kept as they were. */
  attributes: Record<string, unknown> | null
}

/** A ticket with its provenance. */
export type TicketRow = TicketRecord & Provenance

export interface InsertTicketsOptions {
  /**
   * Skip rows whose (source system, external id) is already stored instead of failing, so that
   * re-importing an overlapping export adds nothing twice.
   */
  skipDuplicates?: boolean
}

const COLUMNS = `(source_system, external_id, created_at, resolved_at, first_response_at, channel, status, priority,
  subject, text, customer_id, rating, tags_json, attributes_json, batch_id, source_line)
  VALUES (@sourceSystem, @externalId, @createdAt, @resolvedAt, @firstResponseAt, @channel, @status, @priority,
  @subject, @text, @customerId, @rating, @tags, @attributes, @batchId, @sourceLine)`

/** Inserts tickets inside the caller's transaction; returns how many rows were written. */
export function insertTickets(
  db: Db,
  rows: readonly TicketRow[],
  options: InsertTicketsOptions = {}
): number {
  assertInTransaction(db, 'insertTickets')
  const statement = prepared(
    db,
    options.skipDuplicates
      ? `INSERT INTO tickets ${COLUMNS} ON CONFLICT (source_system, external_id) DO NOTHING`
      : `INSERT INTO tickets ${COLUMNS}`
  )
  let written = 0
  for (const row of rows) {
    written += statement.run({ ...row, tags: toJson(row.tags), attributes: toJson(row.attributes) }).changes
  }
  return written
}

interface TicketColumns {
  source_system: string
  external_id: string
  created_at: number
  resolved_at: number | null
  first_response_at: number | null
  channel: string | null
  status: string | null
  priority: string | null
  subject: string | null
  text: string
  customer_id: string | null
  rating: number | null
  tags_json: string | null
  attributes_json: string | null
  batch_id: number
  source_line: number
}

/** The tickets of one import batch, in source order. */
export function readTicketsByBatch(db: Db, batchId: number): TicketRow[] {
  const rows = prepared(db, 'SELECT * FROM tickets WHERE batch_id = ? ORDER BY source_line, id').all(
    batchId
  ) as TicketColumns[]
  return rows.map((r) => ({
    sourceSystem: r.source_system,
    externalId: r.external_id,
    createdAt: r.created_at,
    resolvedAt: r.resolved_at,
    firstResponseAt: r.first_response_at,
    channel: r.channel,
    status: r.status,
    priority: r.priority,
    subject: r.subject,
    text: r.text,
    customerId: r.customer_id,
    rating: r.rating,
    tags: fromJson<string[]>(r.tags_json),
    attributes: fromJson<Record<string, unknown>>(r.attributes_json),
    batchId: r.batch_id,
    sourceLine: r.source_line
  }))
}
