import { existsSync, readdirSync, statSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import Database from 'better-sqlite3'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { runCli } from '../../../src/main/cli/cli'
import { Workspace } from '../../../src/main/core/store/workspace'
import { APPLICATION_ID } from '../../../src/main/core/store/sqlite'
import { LATEST_SCHEMA_VERSION } from '../../../src/main/core/store/migrations/index'
import { cliContext } from '../../helpers/recording-io'
import type { RecordingIo } from '../../helpers/recording-io'
import type { CliContext } from '../../../src/main/cli/cli-io'
import { makeTempDir } from '../../helpers/temp-dir'
import { snapshotFile } from '../../helpers/file-snapshot'

const POSIX = process.platform !== 'win32'

let dir: string
let cleanup: () => void
let io: RecordingIo
let ctx: CliContext
let workspace: string

function addTickets(ws: Workspace, from: number, count: number): void {
  const batch = ws.db
    .prepare(
      "INSERT INTO import_batches (kind, source_name, format, started_at) VALUES ('tickets', 't.csv', 'csv', 1)"
    )
    .run().lastInsertRowid
  const insert = ws.db.prepare(
    "INSERT INTO tickets (source_system, external_id, created_at, text, batch_id, source_line) VALUES ('zendesk', ?, 1700000000000, 'Refund please', ?, ?)"
  )
  ws.db.transaction(() => {
    for (let i = from; i < from + count; i++) insert.run(`T-${i}`, batch, i + 2)
  })()
}

function ticketCount(path: string): number {
  // Read-write, so that closing removes the -wal/-shm files a reader would leave.
  const db = new Database(path, { fileMustExist: true })
  try {
    return (db.prepare('SELECT count(*) AS n FROM tickets').get() as { n: number }).n
  } finally {
    db.close()
  }
}

async function run(...argv: string[]): Promise<{ code: number; out: string; err: string }> {
  io.out = ''
  io.err = ''
  const code = await runCli(argv, ctx)
  return { code, out: io.out, err: io.err }
}

function errorCode(err: string): string {
  return (JSON.parse(err) as { error: { code: string } }).error.code
}

beforeEach(async () => {
  ;({ dir, cleanup } = makeTempDir())
  ;({ io, ctx } = cliContext(dir))
  workspace = join(dir, 'w.loopbench')
  const ws = await Workspace.create(workspace)
  addTickets(ws, 0, 3)
  ws.close()
})
afterEach(() => cleanup())

describe('loopbench backup', () => {
  it('copies what is committed while the app holds the workspace open, owner-only', async () => {
    const open = await Workspace.open(workspace)
    try {
      // Committed, but still in the write-ahead log: a file copy would miss these rows.
      open.db.pragma('wal_autocheckpoint = 0')
      addTickets(open, 3, 2)
      expect(statSync(workspace + '-wal').size).toBeGreaterThan(0)
      const result = await run('backup', '--workspace', 'w.loopbench', '--out', 'copy.loopbench', '--json')
      expect(result).toMatchObject({ code: 0, err: '' })
      expect(JSON.parse(result.out)).toEqual({
        workspace,
        out: join(dir, 'copy.loopbench'),
        bytes: statSync(join(dir, 'copy.loopbench')).size,
        schemaVersion: LATEST_SCHEMA_VERSION
      })
    } finally {
      open.close()
    }
    const copy = join(dir, 'copy.loopbench')
    expect(ticketCount(copy)).toBe(5)
    if (POSIX) expect(statSync(copy).mode & 0o777).toBe(0o600)
    const reopened = await Workspace.open(copy)
    expect(reopened.counts().tickets).toBe(5)
    reopened.close()
  })

  it('never replaces an existing file, and refuses what is not a workspace', async () => {
    const out = join(dir, 'taken.loopbench')
    writeFileSync(out, 'precious')
    const before = snapshotFile(out)
    const taken = await run('backup', '-w', workspace, '--out', out, '--json')
    expect(taken.code).toBe(1)
    expect(errorCode(taken.err)).toBe('workspace_exists')
    expect(snapshotFile(out)).toEqual(before)

    const notOurs = await run('backup', '-w', out, '--out', join(dir, 'x.loopbench'), '--json')
    expect(errorCode(notOurs.err)).toBe('workspace_not_a_workspace')
    expect(existsSync(join(dir, 'x.loopbench'))).toBe(false)

    const usage = await run('backup', '-w', workspace)
    expect(usage.code).toBe(2)
    expect(usage.err).toMatch(/--out is required/)
  })

  it('prints its usage', async () => {
    expect((await run('backup', '--help')).out).toMatch(/Usage: loopbench backup --workspace W --out FILE/)
    expect((await run('--help')).out).toMatch(/restore\s+replace a workspace with a backup/)
  })
})

describe('loopbench restore', () => {
  it('replaces the workspace with the backup in one step, leaving no temporary file', async () => {
    const backup = join(dir, 'b.loopbench')
    expect((await run('backup', '-w', workspace, '--out', backup)).code).toBe(0)
    const later = await Workspace.open(workspace)
    addTickets(later, 10, 7)
    later.close()
    expect(ticketCount(workspace)).toBe(10)

    const result = await run('restore', '--workspace', workspace, '--from', backup, '--json')
    expect(result).toMatchObject({ code: 0, err: '' })
    expect(JSON.parse(result.out)).toEqual({
      workspace,
      from: backup,
      schemaVersion: LATEST_SCHEMA_VERSION,
      replaced: true
    })
    expect(ticketCount(workspace)).toBe(3)
    expect(readdirSync(dir).sort()).toEqual(['b.loopbench', 'w.loopbench'])
    if (POSIX) expect(statSync(workspace).mode & 0o777).toBe(0o600)
    const reopened = await Workspace.open(workspace)
    expect(reopened.counts().tickets).toBe(3)
    reopened.close()
    // The backup itself is untouched and can be restored again.
    expect(ticketCount(backup)).toBe(3)
  })

  it('refuses while another connection has the workspace open, and changes nothing', async () => {
    const backup = join(dir, 'b.loopbench')
    expect((await run('backup', '-w', workspace, '--out', backup)).code).toBe(0)
    const open = await Workspace.open(workspace)
    try {
      addTickets(open, 10, 1)
      const result = await run('restore', '-w', workspace, '--from', backup, '--json')
      expect(result.code).toBe(1)
      expect(errorCode(result.err)).toBe('workspace_busy')
      expect(open.counts().tickets).toBe(4)
    } finally {
      open.close()
    }
    expect(ticketCount(workspace)).toBe(4)
    expect(readdirSync(dir).filter((f) => f.includes('restoring'))).toEqual([])
  })

  it('refuses a source that is not a workspace, or is too new, and a target that is not one', async () => {
    const before = snapshotFile(workspace)
    const foreign = join(dir, 'foreign.db')
    const db = new Database(foreign)
    db.exec('CREATE TABLE t (x)')
    db.close()
    const notOurs = await run('restore', '-w', workspace, '--from', foreign, '--json')
    expect(errorCode(notOurs.err)).toBe('workspace_not_a_workspace')

    const future = join(dir, 'future.loopbench')
    const f = new Database(future)
    f.pragma(`application_id = ${APPLICATION_ID}`)
    f.pragma(`user_version = ${LATEST_SCHEMA_VERSION + 1}`)
    f.close()
    const tooNew = await run('restore', '-w', workspace, '--from', future, '--json')
    expect(errorCode(tooNew.err)).toBe('workspace_too_new')
    expect(snapshotFile(workspace)).toEqual(before)

    const backup = join(dir, 'b.loopbench')
    expect((await run('backup', '-w', workspace, '--out', backup)).code).toBe(0)
    const overForeign = await run('restore', '-w', foreign, '--from', backup, '--json')
    expect(errorCode(overForeign.err)).toBe('workspace_not_a_workspace')
    const still = new Database(foreign, { readonly: true })
    expect(still.prepare("SELECT name FROM sqlite_master WHERE type = 'table'").all()).toEqual([
      { name: 't' }
    ])
    still.close()
  })

  it('restores to a path where there was no workspace yet', async () => {
    const fresh = join(dir, 'fresh.loopbench')
    const result = await run('restore', '-w', fresh, '--from', workspace, '--json')
    expect(result.code).toBe(0)
    expect(JSON.parse(result.out)).toMatchObject({ replaced: false })
    expect(ticketCount(fresh)).toBe(3)
  })
})
