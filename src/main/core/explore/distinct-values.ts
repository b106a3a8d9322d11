import type { DistinctValue } from '@shared/domain/data-browser'
import type { Db } from '../store/sqlite'
import { resultCache } from './result-cache'

/** The category columns of tickets that filter lists offer; the SQL name is fixed here. */
const COLUMNS = { channel: 'channel', status: 'status', priority: 'priority' } as const

/**
 * Every value of a ticket category column with how many tickets have it, most frequent first
 * (NULL, "not set", included as a value), cached per data version: a GROUP BY over a million
 * tickets takes ~300 ms without an index on the column.
 */
export function readDistinctValues(
  db: Db,
  request: { table: 'tickets'; column: keyof typeof COLUMNS }
): DistinctValue[] {
  const column = COLUMNS[request.column]
  return resultCache(db, 'distinct', 8).get(
    db,
    column,
    () =>
      db
        .prepare(
          `SELECT ${column} AS value, count(*) AS count FROM tickets GROUP BY ${column} ORDER BY count DESC, value`
        )
        .all() as DistinctValue[]
  )
}
