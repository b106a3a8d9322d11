import { execFileSync } from 'node:child_process'
import { existsSync } from 'node:fs'
import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { ApiError } from '@shared/api/errors'
import { runReadOnlyQuery } from '../../../src/main/core/sql/query-runner'
import { SqlConsole } from '../../../src/main/core/sql/sql-console'
import { runSqlQueryJob } from '../../../src/main/core/sql/sql-query-job'
import { Workspace } from '../../../src/main/core/store/workspace'
import { makeTempDir } from '../../helpers/temp-dir'
import { workspaceFingerprint as fingerprint } from '../../helpers/workspace-fingerprint'

let dir: string
let cleanup: () => void
let ws: Workspace
let sql: SqlConsole

/** A query that runs for hours inside one SQLite step: no row comes back to JavaScript. */
const RUNAWAY =
  'WITH RECURSIVE c(x) AS (SELECT 1 UNION ALL SELECT x + 1 FROM c WHERE x < 1000000000000) SELECT count(*) FROM c'

beforeEach(async () => {
  ;({ dir, cleanup } = makeTempDir())
  ws = await Workspace.create(join(dir, 'console.loopbench'))
  ws.db.exec(`
    INSERT INTO import_batches (kind, source_name, format, started_at) VALUES ('tickets', 'a.csv', 'csv', 0);
    INSERT INTO tickets (external_id, created_at, channel, status, text, batch_id, source_line)
      VALUES ('T-1', 1, 'email', 'open', 'Where is my parcel?', 1, 2), ('T-2', 2, 'chat', 'solved', '退款还没到', 1, 3);
  `)
  sql = new SqlConsole()
})
afterEach(() => {
  sql.cancel()
  ws.close()
  cleanup()
})

async function failure(promise: Promise<unknown>): Promise<ApiError> {
  const error = await promise.then(
    () => null,
    (e: unknown) => e
  )
  expect(error).toBeInstanceOf(ApiError)
  return error as ApiError
}

/** Query processes (`node … -e …`) still running under this test process (Linux `ps`). */
function queryProcesses(): string[] {
  try {
    return execFileSync('ps', ['-o', 'pid=,args=', '--ppid', String(process.pid)], { encoding: 'utf8' })
      .split('\n')
      .map((line) => line.trim())
      .filter((line) => / -e /.test(line))
  } catch {
    return []
  }
}

describe('the SQL console', () => {
  it('runs a read-only query on its own connection and returns columns, rows and time', async () => {
    const result = await sql.run(ws.path, {
      sql: 'SELECT external_id, channel, text FROM tickets ORDER BY id'
    })
    expect(result.columns).toEqual(['external_id', 'channel', 'text'])
    expect(result.rows).toEqual([
      ['T-1', 'email', 'Where is my parcel?'],
      ['T-2', 'chat', '退款还没到']
    ])
    expect(result.truncated).toBe(false)
    expect(result.elapsedMs).toBeGreaterThanOrEqual(0)
    const explained = await sql.run(ws.path, {
      sql: 'EXPLAIN QUERY PLAN SELECT * FROM tickets WHERE created_at > 1'
    })
    expect(explained.rows.length).toBeGreaterThan(0)
    const pragma = await sql.run(ws.path, { sql: 'PRAGMA table_info(tickets)' })
    expect(pragma.rows.map((r) => r[1])).toContain('external_id')
    const values = await sql.run(ws.path, { sql: "VALUES (1, 'a'), (2, 'b');" })
    expect(values.rows).toEqual([
      [1, 'a'],
      [2, 'b']
    ])
  })

  it('shows blobs as their size, keeps big integers exact, and non-finite reals as text', async () => {
    const result = await sql.run(ws.path, {
      sql: "SELECT x'000102' AS b, 9007199254740993 AS big, -9007199254740993 AS neg, 42 AS small, 1.5 AS real, 1e999 AS inf, NULL AS absent, zeroblob(0) AS empty"
    })
    expect(result.rows).toEqual([
      ['<blob 3 bytes>', '9007199254740993', '-9007199254740993', 42, 1.5, 'Infinity', null, '<blob 0 bytes>']
    ])
  })

  it('stops at the row limit and says so', async () => {
    const count =
      'WITH RECURSIVE c(x) AS (SELECT 1 UNION ALL SELECT x + 1 FROM c WHERE x < 50000) SELECT x FROM c'
    const limited = await sql.run(ws.path, { sql: count, maxRows: 1000 })
    expect(limited.rows).toHaveLength(1000)
    expect(limited.rows.at(-1)).toEqual([1000])
    expect(limited.truncated).toBe(true)
    const exact = await sql.run(ws.path, { sql: `${count.replace('50000', '1000')}`, maxRows: 1000 })
    expect(exact.rows).toHaveLength(1000)
    expect(exact.truncated).toBe(false)
    const byDefault = await sql.run(ws.path, { sql: count })
    expect(byDefault.rows).toHaveLength(10_000)
    expect(byDefault.truncated).toBe(true)
  })

  it.each([
    [
      'INSERT',
      "INSERT INTO tickets (external_id, created_at, text, batch_id, source_line) VALUES ('x', 1, 'x', 1, 9)"
    ],
    ['UPDATE', "UPDATE tickets SET text = 'changed'"],
    ['DELETE', 'DELETE FROM tickets'],
    ['CREATE', 'CREATE TABLE evil (x)'],
    ['CREATE TEMP', 'CREATE TEMP TABLE evil AS SELECT * FROM tickets'],
    ['DROP', 'DROP TABLE tickets'],
    ['ALTER', 'ALTER TABLE tickets ADD COLUMN evil TEXT'],
    [
      'WITH … INSERT',
      "WITH x AS (SELECT 1) INSERT INTO settings (key, value_json, updated_at) SELECT 'evil', '1', 1 FROM x"
    ],
    ['REPLACE', "REPLACE INTO settings (key, value_json, updated_at) VALUES ('evil', '1', 1)"],
    ['FTS5 command', "INSERT INTO ticket_search (ticket_search) VALUES ('delete-all')"],
    ['ATTACH', `ATTACH '${join('DIR', 'other.db')}' AS other`],
    ['DETACH', 'DETACH main'],
    ['PRAGMA journal_mode=DELETE', 'PRAGMA journal_mode=DELETE'],
    ['PRAGMA journal_mode(DELETE)', 'PRAGMA journal_mode(DELETE)'],
    ['PRAGMA user_version=5', 'PRAGMA user_version=5'],
    ['PRAGMA query_only=0', 'PRAGMA query_only=0'],
    ['PRAGMA writable_schema', 'PRAGMA writable_schema=ON'],
    ['PRAGMA wal_checkpoint', 'PRAGMA wal_checkpoint(TRUNCATE)'],
    ['PRAGMA optimize', 'PRAGMA optimize'],
    ['VACUUM', 'VACUUM'],
    ['VACUUM INTO', `VACUUM INTO '${join('DIR', 'copy.db')}'`],
    ['ANALYZE', 'ANALYZE'],
    ['REINDEX', 'REINDEX'],
    ['BEGIN', 'BEGIN IMMEDIATE'],
    ['SAVEPOINT', 'SAVEPOINT s'],
    ['two statements', 'SELECT 1; DROP TABLE tickets'],
    ['two statements, first a write', 'DELETE FROM tickets; SELECT 1']
  ])('refuses %s with a typed error and changes nothing', async (_, statement) => {
    const before = fingerprint(ws.path)
    const text = statement.replaceAll('DIR', dir)
    const error = await failure(sql.run(ws.path, { sql: text }))
    expect(error.code).toBe('forbidden')
    expect(['not_read_only', 'multiple_statements']).toContain(error.details?.reason)
    expect(error.message).toMatch(/read-only|one statement/)
    expect(fingerprint(ws.path)).toBe(before)
    expect(existsSync(join(dir, 'other.db'))).toBe(false)
    expect(existsSync(join(dir, 'copy.db'))).toBe(false)
    // The console still works afterwards.
    expect((await sql.run(ws.path, { sql: 'SELECT count(*) FROM tickets' })).rows).toEqual([[2]])
  })

  it('reports syntax and name errors as invalid input with SQLite’s message', async () => {
    const syntax = await failure(sql.run(ws.path, { sql: 'SELEC * FROM tickets' }))
    expect(syntax.code).toBe('invalid_input')
    expect(syntax.message).toMatch(/syntax error/)
    expect(syntax.details?.sqlite).toMatch(/near "SELEC"/)
    const name = await failure(sql.run(ws.path, { sql: 'SELECT * FROM no_such_table' }))
    expect(name.code).toBe('invalid_input')
    expect(name.message).toMatch(/no such table: no_such_table/)
    const empty = await failure(sql.run(ws.path, { sql: '-- just a comment' }))
    expect(empty.code).toBe('invalid_input')
    // Errors that only show while running (a bad MATCH) come back the same way.
    const runtime = await failure(
      sql.run(ws.path, { sql: "SELECT rowid FROM ticket_search WHERE ticket_search MATCH '\"unterminated'" })
    )
    expect(runtime.code).toBe('invalid_input')
    expect(runtime.message).toMatch(/fts5|unterminated/)
  })

  it('stops a runaway query at its time limit, killing the process that runs it', async () => {
    const started = performance.now()
    const error = await failure(sql.run(ws.path, { sql: RUNAWAY, timeoutMs: 500 }))
    const elapsed = performance.now() - started
    expect(error.code).toBe('cancelled')
    expect(error.details).toMatchObject({ reason: 'timeout', timeoutMs: 500 })
    expect(error.message).toMatch(/time limit/)
    expect(elapsed).toBeGreaterThanOrEqual(450)
    expect(elapsed).toBeLessThan(2500)
    await new Promise((resolve) => setTimeout(resolve, 200))
    expect(queryProcesses()).toEqual([])
    expect((await sql.run(ws.path, { sql: 'SELECT 1' })).rows).toEqual([[1]])
  })

  it('cancels the running query on request, and a new query replaces the running one', async () => {
    const running = sql.run(ws.path, { sql: RUNAWAY, timeoutMs: 60_000 })
    await new Promise((resolve) => setTimeout(resolve, 300))
    expect(queryProcesses()).toHaveLength(1)
    const started = performance.now()
    expect(sql.cancel()).toBe(true)
    const error = await failure(running)
    expect(performance.now() - started).toBeLessThan(500)
    expect(error.code).toBe('cancelled')
    expect(error.details).toMatchObject({ reason: 'cancelled' })
    expect(sql.cancel()).toBe(false)

    const first = sql.run(ws.path, { sql: RUNAWAY, timeoutMs: 60_000 })
    const second = sql.run(ws.path, { sql: 'SELECT 2' })
    expect((await failure(first)).code).toBe('cancelled')
    expect((await second).rows).toEqual([[2]])
    await new Promise((resolve) => setTimeout(resolve, 200))
    expect(queryProcesses()).toEqual([])
  })

  it('reads committed data while the workspace connection writes', async () => {
    ws.db.prepare('BEGIN IMMEDIATE').run()
    ws.db.prepare("UPDATE tickets SET text = 'uncommitted' WHERE id = 1").run()
    const during = await sql.run(ws.path, { sql: 'SELECT text FROM tickets WHERE id = 1' })
    ws.db.prepare('COMMIT').run()
    expect(during.rows).toEqual([['Where is my parcel?']])
    const after = await sql.run(ws.path, { sql: 'SELECT text FROM tickets WHERE id = 1' })
    expect(after.rows).toEqual([['uncommitted']])
  })

  it('also runs in a worker thread (the fallback where no Node process can be started)', async () => {
    const result = await runReadOnlyQuery(
      { path: ws.path, sql: 'SELECT count(*) AS n FROM tickets' },
      undefined,
      'thread'
    )
    expect(result.rows).toEqual([[2]])
    const refused = await failure(
      runReadOnlyQuery({ path: ws.path, sql: 'DELETE FROM tickets' }, undefined, 'thread')
    )
    expect(refused.code).toBe('forbidden')
  })
})

describe("the 'sql.query' job", () => {
  it('runs a query with the same guard and stops when the job is cancelled', async () => {
    const idle = { reportProgress: (): void => undefined, isCancelled: (): boolean => false }
    const result = await runSqlQueryJob(
      { path: ws.path, sql: 'SELECT count(*) FROM tickets', maxRows: 5 },
      idle
    )
    expect(result.rows).toEqual([[2]])
    const refused = await failure(runSqlQueryJob({ path: ws.path, sql: 'DROP TABLE tickets' }, idle))
    expect(refused.code).toBe('forbidden')
    let cancelled = false
    setTimeout(() => (cancelled = true), 300)
    const stopped = await failure(
      runSqlQueryJob(
        { path: ws.path, sql: RUNAWAY, timeoutMs: 60_000 },
        { ...idle, isCancelled: () => cancelled }
      )
    )
    expect(stopped.code).toBe('cancelled')
  })
})
