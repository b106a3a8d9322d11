import type { Db } from './sqlite'
import type { Migration } from './migrations/migration'

export interface AppliedMigration {
  version: number
  name: string
  appliedAt: number
}

/** Reads the migrations recorded in a workspace (empty when the table does not exist yet). */
export function readAppliedMigrations(db: Db): AppliedMigration[] {
  const exists = db
    .prepare("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'schema_migrations'")
    .get()
  if (!exists) return []
  return db
    .prepare('SELECT version, name, applied_at AS appliedAt FROM schema_migrations ORDER BY version')
    .all() as AppliedMigration[]
}

export type HistoryCheck =
  | { kind: 'current' }
  | { kind: 'pending'; pending: Migration[] }
  | { kind: 'too_new'; workspaceVersion: number; supportedVersion: number }
  | { kind: 'diverged'; atVersion: number }

/**
 * Compares a workspace's applied migrations with the shipped ones. Start-up accepts a workspace
 * only when its history is a prefix of the shipped list (the rule Actual uses): anything else
 * was written by another version of the schema and must not be touched.
 */
export function checkHistory(
  applied: readonly AppliedMigration[],
  shipped: readonly Migration[]
): HistoryCheck {
  const supportedVersion = shipped[shipped.length - 1]?.version ?? 0
  const workspaceVersion = applied[applied.length - 1]?.version ?? 0
  if (workspaceVersion > supportedVersion) {
    return { kind: 'too_new', workspaceVersion, supportedVersion }
  }
  for (let i = 0; i < applied.length; i++) {
    const a = applied[i]
    const s = shipped[i]
    if (!a || !s || a.version !== s.version || a.name !== s.name) {
      return { kind: 'diverged', atVersion: a?.version ?? i + 1 }
    }
  }
  const pending = shipped.slice(applied.length)
  return pending.length === 0 ? { kind: 'current' } : { kind: 'pending', pending }
}

/** Applies migrations in order, each in its own transaction, recording each one. */
export function applyMigrations(db: Db, pending: readonly Migration[], now: () => number): void {
  db.exec(`CREATE TABLE IF NOT EXISTS schema_migrations (
    version    INTEGER PRIMARY KEY,
    name       TEXT NOT NULL,
    applied_at INTEGER NOT NULL
  )`)
  const record = db.prepare('INSERT INTO schema_migrations (version, name, applied_at) VALUES (?, ?, ?)')
  for (const migration of pending) {
    db.transaction(() => {
      db.exec(migration.sql)
      record.run(migration.version, migration.name, now())
      db.pragma(`user_version = ${migration.version}`)
    })()
  }
}
