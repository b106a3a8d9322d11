import type { SqlQueryRequest, SqlResult } from '@shared/domain/data-browser'
import { openReadOnly } from '../store/sqlite'
import type { QueryIsolation } from './query-runner'
import { defaultIsolation, runReadOnlyQuery } from './query-runner'
import { checkReadOnlyStatement } from './statement-guard'

/**
 * The SQL console of one service: one query at a time (a new one stops the one before, as the
 * console's Run does), each checked on a short-lived read-only connection and then run in a
 * child process of its own that is killed at its time limit or on cancel.
 */
export class SqlConsole {
  private current: AbortController | null = null

  constructor(private readonly isolation: QueryIsolation = defaultIsolation()) {}

  /** Runs a query against the workspace file at `path`. */
  async run(path: string, request: SqlQueryRequest): Promise<SqlResult> {
    this.cancel()
    const guard = openReadOnly(path)
    try {
      checkReadOnlyStatement(guard, request.sql)
    } finally {
      guard.close()
    }
    const controller = new AbortController()
    this.current = controller
    try {
      return await runReadOnlyQuery(
        {
          path,
          sql: request.sql,
          ...(request.maxRows !== undefined ? { maxRows: request.maxRows } : {}),
          ...(request.timeoutMs !== undefined ? { timeoutMs: request.timeoutMs } : {})
        },
        controller.signal,
        this.isolation
      )
    } finally {
      if (this.current === controller) this.current = null
    }
  }

  /** Stops the running query, if any; true when there was one. */
  cancel(): boolean {
    const running = this.current
    this.current = null
    running?.abort()
    return running !== null
  }
}
