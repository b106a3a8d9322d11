import type { Statement } from 'better-sqlite3'
import type { Db } from '../sqlite'

const cache = new WeakMap<Db, Map<string, Statement>>()

/** A prepared statement, prepared once per connection and reused for every later call. */
export function prepared(db: Db, sql: string): Statement {
  let statements = cache.get(db)
  if (!statements) {
    statements = new Map()
    cache.set(db, statements)
  }
  let statement = statements.get(sql)
  if (!statement) {
    statement = db.prepare(sql)
    statements.set(sql, statement)
  }
  return statement
}

/**
 * Bulk writers run inside the caller's `db.transaction()`: one transaction per chunk is what
 * makes them fast, and what makes a failing row roll back the whole chunk.
 */
export function assertInTransaction(db: Db, what: string): void {
  if (!db.inTransaction) {
    throw new Error(`${what} must be called inside db.transaction(); wrap each chunk in one transaction.`)
  }
}

/** Where an imported row came from: its import batch and its line in the source file. */
export interface Provenance {
  batchId: number
  /** 1-based line of the record in its source (line 1 is a CSV header). */
  sourceLine: number
}

/** JSON text for a JSON column, or NULL for nothing. */
export function toJson(value: unknown): string | null {
  return value === null || value === undefined ? null : JSON.stringify(value)
}

/** Parses a JSON column written by {@link toJson}. */
export function fromJson<T>(text: string | null): T | null {
  return text === null ? null : (JSON.parse(text) as T)
}
