/**
 * The program that runs one console query, as JavaScript source evaluated in a child process
 * (`node -e`) or a worker thread (`eval: true`). It is source text rather than a module so that
 * it runs the same from the sources (tests), the CLI and the web host without a build entry of
 * its own, and it is self-contained for the same reason: Node builtins and better-sqlite3, whose
 * resolved path it is given.
 *
 * Input `{ driver, path, sql, maxRows }`, from `workerData` in a thread or the first IPC message
 * in a process. Output one message: `{ type: 'done', columns, rows, truncated, elapsedMs }` or
 * `{ type: 'error', code, message }`. Defence in depth beside the main thread's statement guard:
 * the connection is opened read-only with `query_only`, and the statement is checked again.
 * Cells: integers as numbers when exact in a double, else as decimal strings; non-finite reals
 * as strings (JSON has no Infinity); BLOBs as `<blob N bytes>`.
 */
export const QUERY_PROGRAM_SOURCE = String.raw`
'use strict'
const threads = require('node:worker_threads')
const inThread = !threads.isMainThread
const send = (message) => (inThread ? threads.parentPort.postMessage(message) : process.send(message, () => process.exit(0)))

function cell(value) {
  if (value === null || typeof value === 'string') return value
  if (typeof value === 'bigint') {
    return value <= 9007199254740991n && value >= -9007199254740991n ? Number(value) : value.toString()
  }
  if (typeof value === 'number') return Number.isFinite(value) ? value : String(value)
  if (Buffer.isBuffer(value)) return '<blob ' + value.length + ' bytes>'
  return String(value)
}

function run(input) {
  const started = performance.now()
  let db
  try {
    const Database = require(input.driver)
    db = new Database(input.path, { readonly: true, fileMustExist: true })
    db.pragma('query_only = 1')
    db.pragma('busy_timeout = 5000')
    const statement = db.prepare(input.sql)
    if (!statement.readonly || !statement.reader) {
      send({ type: 'error', code: 'NOT_READ_ONLY', message: 'The statement is not read-only.' })
      return
    }
    statement.raw(true).safeIntegers(true)
    const columns = statement.columns().map((c) => c.name)
    const rows = []
    let truncated = false
    for (const row of statement.iterate()) {
      if (rows.length === input.maxRows) {
        truncated = true
        break
      }
      rows.push(row.map(cell))
    }
    send({ type: 'done', columns, rows, truncated, elapsedMs: performance.now() - started })
  } catch (error) {
    send({ type: 'error', code: String((error && error.code) || 'ERROR'), message: String((error && error.message) || error) })
  } finally {
    if (db) db.close()
  }
}

if (inThread) run(threads.workerData)
else process.once('message', run)
`
