import type { SearchStatus } from '@shared/domain/data-browser'
import type { Db } from '../store/sqlite'
import { prepared } from '../store/repositories/statements'

/** `search_state` key: every ticket with an id up to this value is in `ticket_search`. */
export const INDEXED_THROUGH_KEY = 'tickets.indexedThrough'

/** The highest ticket id up to which every ticket is indexed (0 when nothing is). */
export function readIndexedThrough(db: Db): number {
  const row = prepared(db, 'SELECT value FROM search_state WHERE key = ?').get(INDEXED_THROUGH_KEY) as
    { value: number } | undefined
  return row?.value ?? 0
}

/** Records how far the index reaches; call inside the transaction that indexed those tickets. */
export function writeIndexedThrough(db: Db, through: number): void {
  prepared(
    db,
    'INSERT INTO search_state (key, value) VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value'
  ).run(INDEXED_THROUGH_KEY, through)
}

/** Tickets still to index: those past `indexedThrough` plus those whose text changed since. */
export function pendingTicketCount(db: Db): number {
  const through = readIndexedThrough(db)
  const fresh = prepared(db, 'SELECT count(*) AS n FROM tickets WHERE id > ?').get(through) as { n: number }
  const dirty = prepared(db, 'SELECT count(*) AS n FROM search_dirty').get() as { n: number }
  return fresh.n + dirty.n
}

/**
 * True when every ticket is searchable as it now reads. Cheap at any size (two index lookups),
 * so the table browser can ask on every page.
 */
export function isSearchComplete(db: Db): boolean {
  const through = readIndexedThrough(db)
  const newer = prepared(db, 'SELECT EXISTS (SELECT 1 FROM tickets WHERE id > ?) AS x').get(through) as {
    x: number
  }
  if (newer.x) return false
  const dirty = prepared(db, 'SELECT EXISTS (SELECT 1 FROM search_dirty) AS x').get() as { x: number }
  return !dirty.x
}

/**
 * How much of the ticket text is searchable. `building` is false here: only the service knows
 * whether an indexing job runs, and sets it.
 */
export function searchStatus(db: Db): SearchStatus {
  const total = (prepared(db, 'SELECT count(*) AS n FROM tickets').get() as { n: number }).n
  return { indexed: Math.max(0, total - pendingTicketCount(db)), total, building: false }
}
