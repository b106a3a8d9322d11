import type { ChildProcess } from 'node:child_process'
import { spawn } from 'node:child_process'
import { createRequire } from 'node:module'
import { Worker } from 'node:worker_threads'
import { ApiError } from '@shared/api/errors'
import type { SqlResult } from '@shared/domain/data-browser'
import { QUERY_PROGRAM_SOURCE } from './query-program'

/** Defaults of `SqlQueryRequest`. */
export const DEFAULT_MAX_ROWS = 10_000
export const DEFAULT_TIMEOUT_MS = 10_000
/** Heap of the query's process or thread: rows are collected there before they are sent. */
const QUERY_HEAP_MB = 1024

/**
 * Where a query runs. 'process' (a child Node process, killed with SIGKILL) is the only way to
 * stop a statement that is inside SQLite: `Worker.terminate()` stops JavaScript only, so a
 * thread stepping through, say, `count(*)` over a huge recursive CTE keeps its core busy until
 * SQLite returns, and process exit waits for it (measured: still running 5 s after terminate,
 * and `process.exit` hung). 'thread' stops at the next row at best; it is the fallback for
 * hosts that cannot start a Node process (the packaged Electron app, whose RunAsNode fuse is
 * off, until it provides one through `utilityProcess`).
 */
export type QueryIsolation = 'process' | 'thread'

/** The isolation this host supports. */
export function defaultIsolation(): QueryIsolation {
  return process.versions.electron ? 'thread' : 'process'
}

export interface ReadOnlyQuery {
  path: string
  sql: string
  maxRows?: number
  timeoutMs?: number
}

interface Running {
  stop(): void
  onMessage(listener: (message: ProgramMessage) => void): void
  onExit(listener: (detail: string) => void): void
}

type ProgramMessage =
  | { type: 'done'; columns: string[]; rows: SqlResult['rows']; truncated: boolean; elapsedMs: number }
  | { type: 'error'; code: string; message: string }

const driverPath = (): string => createRequire(import.meta.url).resolve('better-sqlite3')

function startProcess(input: object): Running {
  const child: ChildProcess = spawn(
    process.execPath,
    [`--max-old-space-size=${QUERY_HEAP_MB}`, '-e', QUERY_PROGRAM_SOURCE],
    {
      stdio: ['ignore', 'ignore', 'pipe', 'ipc'],
      windowsHide: true
    }
  )
  let stderr = ''
  child.stderr?.setEncoding('utf8').on('data', (chunk: string) => {
    if (stderr.length < 4000) stderr += chunk
  })
  child.send(input)
  return {
    stop: () => void child.kill('SIGKILL'),
    onMessage: (listener) => child.on('message', (m) => listener(m as ProgramMessage)),
    onExit: (listener) => {
      child.on('error', (error) => listener(error.message))
      // 'close', not 'exit': it comes after the IPC channel has delivered the result.
      child.on('close', (code, signal) =>
        listener(`exit code ${code ?? signal ?? '?'}${stderr ? `: ${stderr.trim()}` : ''}`)
      )
    }
  }
}

function startThread(input: object): Running {
  const worker = new Worker(QUERY_PROGRAM_SOURCE, {
    eval: true,
    workerData: input,
    resourceLimits: { maxOldGenerationSizeMb: QUERY_HEAP_MB }
  })
  return {
    // Terminating cannot interrupt SQLite (see QueryIsolation); unref so it cannot keep the
    // host alive on its own.
    stop: () => {
      worker.unref()
      void worker.terminate()
    },
    onMessage: (listener) => worker.on('message', listener),
    onExit: (listener) => {
      worker.on('error', (error) => listener(error.message))
      worker.on('exit', (code) => listener(`exit code ${code}`))
    }
  }
}

/**
 * Runs one read-only statement on a connection of its own in a child process (or thread), and
 * stops it when `timeoutMs` passes or `signal` aborts. The statement must have passed
 * `checkReadOnlyStatement`; the program checks again.
 */
export function runReadOnlyQuery(
  query: ReadOnlyQuery,
  signal?: AbortSignal,
  isolation: QueryIsolation = defaultIsolation()
): Promise<SqlResult> {
  const maxRows = query.maxRows ?? DEFAULT_MAX_ROWS
  const timeoutMs = query.timeoutMs ?? DEFAULT_TIMEOUT_MS
  return new Promise<SqlResult>((resolve, reject) => {
    if (signal?.aborted) {
      reject(cancelled())
      return
    }
    const input = { driver: driverPath(), path: query.path, sql: query.sql, maxRows }
    const running = isolation === 'process' ? startProcess(input) : startThread(input)
    let settled = false
    const finish = (outcome: () => void): void => {
      if (settled) return
      settled = true
      clearTimeout(timer)
      signal?.removeEventListener('abort', onAbort)
      outcome()
    }
    const timer = setTimeout(() => {
      running.stop()
      finish(() =>
        reject(
          new ApiError(
            'cancelled',
            `The query ran longer than its time limit of ${formatSeconds(timeoutMs)} and was stopped. Narrow it down (a WHERE clause, a LIMIT) or raise the time limit.`,
            { reason: 'timeout', timeoutMs }
          )
        )
      )
    }, timeoutMs)
    const onAbort = (): void => {
      running.stop()
      finish(() => reject(cancelled()))
    }
    signal?.addEventListener('abort', onAbort)
    running.onMessage((message) =>
      finish(() => {
        if (message.type === 'done') {
          const { columns, rows, truncated, elapsedMs } = message
          resolve({ columns, rows, truncated, elapsedMs })
        } else reject(programError(message.code, message.message))
      })
    )
    running.onExit((detail) =>
      finish(() =>
        reject(
          new ApiError(
            'internal',
            `The query stopped unexpectedly (${detail}). It may have needed more memory than allowed: narrow it down or lower the row limit.`,
            { reason: 'crashed' }
          )
        )
      )
    )
  })
}

function cancelled(): ApiError {
  return new ApiError('cancelled', 'The query was cancelled.', { reason: 'cancelled' })
}

function programError(code: string, message: string): ApiError {
  if (code === 'NOT_READ_ONLY') {
    return new ApiError('forbidden', 'This statement would change the workspace, so it was not run.', {
      reason: 'not_read_only'
    })
  }
  return new ApiError('invalid_input', `SQLite cannot run this statement: ${message}`, {
    reason: 'sqlite',
    sqlite: message,
    sqliteCode: code
  })
}

function formatSeconds(ms: number): string {
  return ms % 1000 === 0 ? `${ms / 1000} s` : `${(ms / 1000).toFixed(1)} s`
}
