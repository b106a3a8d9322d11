import { existsSync, mkdirSync, readdirSync, rmdirSync, statSync } from 'node:fs'
import { join } from 'node:path'
import Database from 'better-sqlite3'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { Workspace } from '../../../src/main/core/store/workspace'
import { APPLICATION_ID } from '../../../src/main/core/store/sqlite'
import { applyMigrations, checkHistory } from '../../../src/main/core/store/migrator'
import { LATEST_SCHEMA_VERSION, MIGRATIONS } from '../../../src/main/core/store/migrations/index'
import type { Migration } from '../../../src/main/core/store/migrations/migration'
import { makeTempDir } from '../../helpers/temp-dir'
import { snapshotFile } from '../../helpers/file-snapshot'

let dir: string
let cleanup: () => void
beforeEach(() => ({ dir, cleanup } = makeTempDir()))
afterEach(() => cleanup())

/** Builds a workspace file as the version that shipped `migrations[0..version)` would have. */
function buildAtVersion(path: string, version: number, migrations: readonly Migration[] = MIGRATIONS): void {
  const db = new Database(path)
  db.pragma('journal_mode = WAL')
  db.pragma(`application_id = ${APPLICATION_ID}`)
  applyMigrations(db, migrations.slice(0, version), () => 1_700_000_000_000)
  if (version >= 1) {
    db.prepare(
      "INSERT INTO import_batches (id, kind, source_name, format, started_at) VALUES (1, 'tickets', 'old.csv', 'csv', 1)"
    ).run()
    db.prepare(
      "INSERT INTO tickets (source_system, external_id, created_at, text, batch_id, source_line) VALUES ('zendesk', 'T-1', 1700000000000, 'My refund never arrived', 1, 2)"
    ).run()
    db.prepare("INSERT INTO experiments (id, key, name, created_at) VALUES (1, 'push', 'Push copy', 1)").run()
    const columns = (db.prepare('PRAGMA table_info(experiment_units)').all() as Array<{ name: string }>).map(
      (c) => c.name
    )
    // Rows written before unit rows had content keys (version 1), and after.
    if (columns.includes('row_key')) {
      db.prepare(
        "INSERT INTO experiment_units (experiment_id, unit_id, assigned_arm, row_key, batch_id, source_line) VALUES (1, 'U1', 'control', 'k#1', 1, 2)"
      ).run()
    } else {
      db.prepare(
        "INSERT INTO experiment_units (experiment_id, unit_id, assigned_arm, batch_id, source_line) VALUES (1, 'U1', 'control', 1, 2)"
      ).run()
    }
  }
  db.close()
}

describe('forward migration from every earlier shipped version', () => {
  for (let version = 0; version < LATEST_SCHEMA_VERSION; version++) {
    it(`opens a version-${version} workspace at version ${LATEST_SCHEMA_VERSION} with its rows intact`, async () => {
      const path = join(dir, `v${version}.loopbench`)
      buildAtVersion(path, version)
      const ws = await Workspace.open(path)
      expect(ws.schemaVersion).toBe(LATEST_SCHEMA_VERSION)
      expect(
        checkHistory(
          ws.db
            .prepare('SELECT version, name, applied_at AS appliedAt FROM schema_migrations')
            .all() as never,
          MIGRATIONS
        )
      ).toEqual({ kind: 'current' })
      expect(ws.db.pragma('user_version', { simple: true })).toBe(LATEST_SCHEMA_VERSION)
      if (version >= 1) {
        expect(ws.counts().tickets).toBe(1)
        expect(ws.backupsWritten).toHaveLength(1)
        const unit = ws.db.prepare('SELECT row_key FROM experiment_units').get() as { row_key: string }
        expect(unit.row_key).toMatch(/^(row:\d+|k#1)$/)
      }
      ws.close()
    })
  }
})

describe('upgrading a workspace with data (a test-only next migration)', () => {
  const nextVersion = LATEST_SCHEMA_VERSION + 1
  const next: Migration = {
    version: nextVersion,
    name: 'test-ticket-language',
    sql: "ALTER TABLE tickets ADD COLUMN language TEXT NOT NULL DEFAULT 'und';"
  }
  const shipped = [...MIGRATIONS, next]

  it('backs the file up first, then migrates and keeps every row', async () => {
    const path = join(dir, 'old.loopbench')
    buildAtVersion(path, LATEST_SCHEMA_VERSION, shipped)
    const ws = await Workspace.open(path, { migrations: shipped })
    expect(ws.schemaVersion).toBe(nextVersion)
    expect(ws.db.prepare('SELECT text, language FROM tickets').all()).toEqual([
      { text: 'My refund never arrived', language: 'und' }
    ])
    expect(ws.backupsWritten).toHaveLength(1)
    const backup = ws.backupsWritten[0]!
    expect(backup).toMatch(new RegExp(`old\\.v${LATEST_SCHEMA_VERSION}-backup-\\d{8}T\\d{6}\\.loopbench$`))
    ws.close()
    if (process.platform !== 'win32') expect(statSync(backup).mode & 0o777).toBe(0o600)
    // The backup is the workspace as it was: the earlier version, same rows.
    const copy = new Database(backup, { readonly: true })
    expect(copy.prepare('SELECT max(version) AS v FROM schema_migrations').get()).toEqual({
      v: LATEST_SCHEMA_VERSION
    })
    expect(copy.prepare('SELECT count(*) AS n FROM tickets').get()).toEqual({ n: 1 })
    copy.close()
  })

  it('a failing migration leaves the earlier version in place, and the backup beside it', async () => {
    const broken: Migration = {
      version: nextVersion,
      name: 'broken',
      sql: 'ALTER TABLE no_such_table ADD COLUMN x;'
    }
    const path = join(dir, 'old.loopbench')
    buildAtVersion(path, LATEST_SCHEMA_VERSION)
    await expect(Workspace.open(path, { migrations: [...MIGRATIONS, broken] })).rejects.toMatchObject({
      code: 'workspace_migration_failed',
      details: { reached: LATEST_SCHEMA_VERSION, target: nextVersion }
    })
    const db = new Database(path, { readonly: true })
    expect(db.prepare('SELECT max(version) AS v FROM schema_migrations').get()).toEqual({
      v: LATEST_SCHEMA_VERSION
    })
    expect(db.prepare('SELECT count(*) AS n FROM tickets').get()).toEqual({ n: 1 })
    db.close()
    expect(readdirSync(dir).some((f) => f.includes('backup'))).toBe(true)
  })

  it('does not migrate when the backup cannot be written', async () => {
    const path = join(dir, 'old.loopbench')
    buildAtVersion(path, LATEST_SCHEMA_VERSION, shipped)
    const at = Date.UTC(2026, 0, 2, 3, 4, 5)
    // Something already occupies the backup's name: a backup never replaces a file.
    const blocked = join(dir, `old.v${LATEST_SCHEMA_VERSION}-backup-20260102T030405.loopbench`)
    mkdirSync(blocked)
    await expect(Workspace.open(path, { migrations: shipped, now: () => at })).rejects.toMatchObject({
      code: 'workspace_not_writable',
      details: { path, backup: blocked, reason: 'backup_failed' }
    })
    const db = new Database(path, { readonly: true })
    expect(db.prepare('SELECT max(version) AS v FROM schema_migrations').get()).toEqual({
      v: LATEST_SCHEMA_VERSION
    })
    expect(db.pragma('user_version', { simple: true })).toBe(LATEST_SCHEMA_VERSION)
    expect(
      (db.prepare('PRAGMA table_info(tickets)').all() as Array<{ name: string }>).map((c) => c.name)
    ).not.toContain('language')
    db.close()
    expect(readdirSync(blocked)).toEqual([])
    // Once the name is free, the same open backs up and migrates.
    rmdirSync(blocked)
    const ws = await Workspace.open(path, { migrations: shipped, now: () => at })
    expect(ws.schemaVersion).toBe(nextVersion)
    expect(ws.backupsWritten).toEqual([blocked])
    ws.close()
  })

  it('refuses a workspace of the next version, unchanged', async () => {
    const path = join(dir, 'future.loopbench')
    buildAtVersion(path, nextVersion, shipped)
    const before = snapshotFile(path)
    await expect(Workspace.open(path)).rejects.toMatchObject({ code: 'workspace_too_new' })
    expect(snapshotFile(path)).toEqual(before)
    expect(existsSync(path + '-wal')).toBe(false)
  })
})
