import { z } from 'zod'
import type { SqlResult } from '@shared/domain/data-browser'
import { SqlQueryRequestSchema } from '@shared/domain/data-browser'
import type { JobContext } from '../jobs/job-types'
import { openReadOnly } from '../store/sqlite'
import { runReadOnlyQuery } from './query-runner'
import { checkReadOnlyStatement } from './statement-guard'

const SqlQueryParams = SqlQueryRequestSchema.extend({ path: z.string().min(1) })

/** How often a job's cancel flag is looked at while its query runs. */
const CANCEL_POLL_MS = 100

/**
 * Job 'sql.query': one read-only query for scripted use (the console itself calls the runner
 * directly, so that its queries do not crowd the job list). Same guard, same child process,
 * same limits; cancelling the job kills the query.
 */
export async function runSqlQueryJob(params: unknown, context: JobContext): Promise<SqlResult> {
  const { path, ...request } = SqlQueryParams.parse(params)
  const guard = openReadOnly(path)
  try {
    checkReadOnlyStatement(guard, request.sql)
  } finally {
    guard.close()
  }
  const controller = new AbortController()
  const poll = setInterval(() => {
    if (context.isCancelled()) controller.abort()
  }, CANCEL_POLL_MS)
  try {
    return await runReadOnlyQuery({ path, ...request }, controller.signal)
  } finally {
    clearInterval(poll)
  }
}
