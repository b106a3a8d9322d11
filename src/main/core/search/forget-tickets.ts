import type { Db } from '../store/sqlite'
import { prepared } from '../store/repositories/statements'
import { readIndexedThrough, writeIndexedThrough } from './search-state'

/**
 * Removes tickets from the search index (undo of an import). Call it in the transaction that
 * deletes the tickets, before or after the delete. Besides dropping their index entries it
 * lowers `indexedThrough` below the ids removed at the top of the table: SQLite hands out
 * max(id) + 1 to the next insert, so a later import reuses those ids and must be indexed.
 */
export function forgetTickets(db: Db, ids: readonly number[]): void {
  if (ids.length === 0) return
  const remove = prepared(db, 'DELETE FROM ticket_search WHERE rowid = ?')
  const undirty = prepared(db, 'DELETE FROM search_dirty WHERE ticket_id = ?')
  db.transaction(() => {
    for (const id of ids) {
      remove.run(id)
      undirty.run(id)
    }
    const through = readIndexedThrough(db)
    // The highest id that stays: scanned from the top of the rowid b-tree, it stops at the first
    // ticket not being forgotten, so this is cheap unless the forgotten ids are the newest.
    const kept = prepared(
      db,
      'SELECT id FROM tickets WHERE id <= ? AND id NOT IN (SELECT value FROM json_each(?)) ORDER BY id DESC LIMIT 1'
    ).get(through, JSON.stringify(ids)) as { id: number } | undefined
    const top = kept?.id ?? 0
    if (top < through) writeIndexedThrough(db, top)
  })()
}
