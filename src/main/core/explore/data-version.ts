import type { Db } from '../store/sqlite'

/**
 * A value that changes whenever the database's contents may have changed: `data_version` moves
 * when another connection (an import or indexing job) commits, `total_changes()` when this one
 * writes. Results cached under it are never stale.
 */
export function dataVersion(db: Db): string {
  const version = db.pragma('data_version', { simple: true }) as number
  const own = (db.prepare('SELECT total_changes() AS n').get() as { n: number }).n
  return `${version}:${own}`
}
