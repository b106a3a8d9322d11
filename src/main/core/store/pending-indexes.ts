import type { Db } from './sqlite'

/** Builds every index a large import dropped and did not get to rebuild (see migration 3). */
export function rebuildPendingIndexes(db: Db): string[] {
  const pending = db.prepare('SELECT name, sql FROM pending_indexes ORDER BY name').all() as Array<{
    name: string
    sql: string
  }>
  for (const index of pending) {
    db.transaction(() => {
      const exists = db
        .prepare("SELECT 1 FROM sqlite_master WHERE type = 'index' AND name = ?")
        .get(index.name)
      if (!exists) db.exec(index.sql)
      db.prepare('DELETE FROM pending_indexes WHERE name = ?').run(index.name)
    })()
  }
  return pending.map((p) => p.name)
}
