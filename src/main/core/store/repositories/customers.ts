import type { Db } from '../sqlite'
import type { Provenance } from './statements'
import { assertInTransaction, fromJson, prepared, toJson } from './statements'

/** A customer or account, in the canonical customer roles. */
export interface CustomerRecord {
  customerId: string
  name: string | null
  tier: string | null
  region: string | null
  /** Revenue or order value attributed to the customer. */
  revenue: number | null
  signupAt: number | null
  /** Source columns that map to no role, kept as they were. */
  attributes: Record<string, unknown> | null
}

/** A customer with its provenance. */
export type CustomerRow = CustomerRecord & Provenance

const INSERT = `INSERT INTO customers (customer_id, name, tier, region, revenue, signup_at, attributes_json, batch_id, source_line)
  VALUES (@customerId, @name, @tier, @region, @revenue, @signupAt, @attributes, @batchId, @sourceLine)`

/** Inserts customers inside the caller's transaction; returns how many were written. */
export function insertCustomers(db: Db, rows: readonly CustomerRow[]): number {
  assertInTransaction(db, 'insertCustomers')
  const statement = prepared(db, INSERT)
  for (const row of rows) statement.run({ ...row, attributes: toJson(row.attributes) })
  return rows.length
}

interface CustomerColumns {
  customer_id: string
  name: string | null
  tier: string | null
  region: string | null
  revenue: number | null
  signup_at: number | null
  attributes_json: string | null
  batch_id: number
  source_line: number
}

/** The customers of one import batch, in source order. */
export function readCustomersByBatch(db: Db, batchId: number): CustomerRow[] {
  const rows = prepared(db, 'SELECT * FROM customers WHERE batch_id = ? ORDER BY source_line, id').all(
    batchId
  ) as CustomerColumns[]
  return rows.map((r) => ({
    customerId: r.customer_id,
    name: r.name,
    tier: r.tier,
    region: r.region,
    revenue: r.revenue,
    signupAt: r.signup_at,
    attributes: fromJson<Record<string, unknown>>(r.attributes_json),
    batchId: r.batch_id,
    sourceLine: r.source_line
  }))
}
