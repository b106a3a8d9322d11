import {
  chmodSync,
  closeSync,
  mkdirSync,
  openSync,
  statSync,
  writeFileSync,
  writeSync,
  readdirSync
} from 'node:fs'
import { join } from 'node:path'
import Database from 'better-sqlite3'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { ApiError } from '@shared/api/errors'
import { Workspace } from '../../../src/main/core/store/workspace'
import { APPLICATION_ID } from '../../../src/main/core/store/sqlite'
import { LATEST_SCHEMA_VERSION, MIGRATIONS } from '../../../src/main/core/store/migrations/index'
import { makeTempDir } from '../../helpers/temp-dir'
import { snapshotFile } from '../../helpers/file-snapshot'

let dir: string
let cleanup: () => void
beforeEach(() => ({ dir, cleanup } = makeTempDir()))
afterEach(() => cleanup())

async function expectRefused(path: string, code: string): Promise<ApiError> {
  const error = await Workspace.open(path).then(
    () => null,
    (e: unknown) => e
  )
  expect(error).toBeInstanceOf(ApiError)
  expect((error as ApiError).code).toBe(code)
  expect((error as ApiError).message).toContain(path)
  return error as ApiError
}

async function newWorkspace(name = 'w.loopbench'): Promise<string> {
  const path = join(dir, name)
  const ws = await Workspace.create(path, { systemTimeZone: 'Europe/Berlin' })
  ws.close()
  return path
}

describe('Workspace.create', () => {
  it('creates an owner-only SQLite file at the latest schema with settings persisted', async () => {
    const path = join(dir, 'new.loopbench')
    const ws = await Workspace.create(path, { systemTimeZone: 'Asia/Shanghai', appVersion: '9.9.9' })
    expect(ws.schemaVersion).toBe(LATEST_SCHEMA_VERSION)
    expect(ws.db.pragma('application_id', { simple: true })).toBe(APPLICATION_ID)
    expect(ws.db.pragma('journal_mode', { simple: true })).toBe('wal')
    expect(ws.db.pragma('foreign_keys', { simple: true })).toBe(1)
    expect(ws.meta('created_by')).toBe('9.9.9')
    ws.close()
    expect(statSync(path).mode & 0o777).toBe(0o600)
    const raw = new Database(path, { readonly: true })
    const tz = raw.prepare("SELECT value_json FROM settings WHERE key = 'timeZone'").get() as {
      value_json: string
    }
    expect(JSON.parse(tz.value_json)).toBe('Asia/Shanghai')
    raw.close()
    // Another machine in another zone computes with the workspace's zone, not its own.
    const reopened = await Workspace.open(path, { systemTimeZone: 'America/New_York' })
    expect(reopened.settings.get().timeZone).toBe('Asia/Shanghai')
    reopened.close()
  })

  it('never replaces an existing file', async () => {
    const path = join(dir, 'exists.loopbench')
    writeFileSync(path, 'precious')
    const before = snapshotFile(path)
    await expect(Workspace.create(path)).rejects.toMatchObject({ code: 'workspace_exists' })
    expect(snapshotFile(path)).toEqual(before)
  })

  it('refuses a folder that does not exist', async () => {
    await expect(Workspace.create(join(dir, 'missing', 'w.loopbench'))).rejects.toMatchObject({
      code: 'workspace_not_found'
    })
  })
})

describe('Workspace.open refuses and leaves the file unchanged', () => {
  it('a path that does not exist', async () => {
    await expectRefused(join(dir, 'nope.loopbench'), 'workspace_not_found')
    expect(readdirSync(dir)).toEqual([])
  })

  it('a folder', async () => {
    const path = join(dir, 'folder.loopbench')
    mkdirSync(path)
    await expectRefused(path, 'workspace_not_a_file')
  })

  it('a text file', async () => {
    const path = join(dir, 'notes.loopbench')
    writeFileSync(path, 'ticket_id,created_at\n1,2026-01-01\n'.repeat(20))
    const before = snapshotFile(path)
    await expectRefused(path, 'workspace_not_a_workspace')
    expect(snapshotFile(path)).toEqual(before)
  })

  it('an empty file', async () => {
    const path = join(dir, 'empty.sqlite')
    writeFileSync(path, '')
    const before = snapshotFile(path)
    await expectRefused(path, 'workspace_not_a_workspace')
    expect(snapshotFile(path)).toEqual(before)
  })

  it('an SQLite database of another program', async () => {
    const path = join(dir, 'other.sqlite')
    const other = new Database(path)
    other.exec('CREATE TABLE t (x); INSERT INTO t VALUES (1)')
    other.close()
    const before = snapshotFile(path)
    await expectRefused(path, 'workspace_not_a_workspace')
    expect(snapshotFile(path)).toEqual(before)
  })

  it('a damaged workspace', async () => {
    const path = await newWorkspace()
    const size = statSync(path).size
    expect(size).toBeGreaterThan(8192)
    // Overwrite the middle of the file (table pages) with garbage, keep the header intact.
    const fd = openSync(path, 'r+')
    writeSync(fd, Buffer.alloc(size - 4096, 0x5a), 0, size - 4096, 4096)
    closeSync(fd)
    const before = snapshotFile(path)
    const error = await expectRefused(path, 'workspace_corrupt')
    expect(error.message).toMatch(/damaged/)
    expect(snapshotFile(path)).toEqual(before)
  })

  it('a workspace written by a newer version', async () => {
    const path = await newWorkspace()
    const db = new Database(path)
    db.prepare('INSERT INTO schema_migrations (version, name, applied_at) VALUES (?, ?, ?)').run(
      LATEST_SCHEMA_VERSION + 7,
      'from-the-future',
      Date.now()
    )
    db.close()
    const before = snapshotFile(path)
    const error = await expectRefused(path, 'workspace_too_new')
    expect(error.details).toMatchObject({
      workspaceVersion: LATEST_SCHEMA_VERSION + 7,
      supportedVersion: LATEST_SCHEMA_VERSION
    })
    expect(error.message).toMatch(/newer version/)
    expect(snapshotFile(path)).toEqual(before)
  })

  it('a workspace whose history diverges from the shipped migrations', async () => {
    const path = await newWorkspace()
    const db = new Database(path)
    db.prepare('UPDATE schema_migrations SET name = ? WHERE version = 1').run('someone-elses-initial')
    db.close()
    const before = snapshotFile(path)
    await expectRefused(path, 'workspace_incompatible_history')
    expect(snapshotFile(path)).toEqual(before)
  })

  it('a workspace marked read-only', async () => {
    const path = await newWorkspace()
    chmodSync(path, 0o444)
    const before = snapshotFile(path)
    await expectRefused(path, 'workspace_not_writable')
    expect(snapshotFile(path)).toEqual(before)
  })
})

describe('Workspace.open', () => {
  it('reopens its own workspace at the latest version without a backup', async () => {
    const path = await newWorkspace()
    const ws = await Workspace.open(path)
    expect(ws.schemaVersion).toBe(LATEST_SCHEMA_VERSION)
    expect(ws.backupsWritten).toEqual([])
    expect(ws.info().counts.tickets).toBe(0)
    ws.close()
    expect(MIGRATIONS.length).toBe(LATEST_SCHEMA_VERSION)
  })
})

describe('indexes a large import left pending', () => {
  it('are built again when the workspace is opened (the process died between commit and rebuild)', async () => {
    const path = await newWorkspace()
    const db = new Database(path)
    const sql = (
      db.prepare("SELECT sql FROM sqlite_master WHERE name = 'tickets_customer'").get() as { sql: string }
    ).sql
    db.transaction(() => {
      db.prepare('INSERT INTO pending_indexes (name, sql) VALUES (?, ?)').run('tickets_customer', sql)
      db.exec('DROP INDEX tickets_customer')
    })()
    db.close()
    const ws = await Workspace.open(path)
    expect(ws.db.prepare("SELECT sql FROM sqlite_master WHERE name = 'tickets_customer'").get()).toEqual({
      sql
    })
    expect(ws.db.prepare('SELECT count(*) AS n FROM pending_indexes').get()).toEqual({ n: 0 })
    ws.close()
  })
})
