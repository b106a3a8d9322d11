import { describe, expect, it } from 'vitest'
import { ApiError } from '@shared/api/errors'
import type { JobInfo } from '@shared/domain/jobs'
import { JobManager } from '../../../src/main/core/jobs/job-manager'
import type { JobExecutor } from '../../../src/main/core/jobs/job-types'

/** An executor whose job runs `steps` steps, yielding between them, and stops when cancelled. */
function steppingExecutor(steps: number, fail?: Error): JobExecutor {
  return {
    run: async (_kind, _params, ctx) => {
      for (let i = 1; i <= steps; i++) {
        await new Promise((r) => setTimeout(r, 1))
        if (ctx.isCancelled()) throw new ApiError('cancelled', 'The job was cancelled.')
        ctx.reportProgress(i, steps, `step ${i}`)
      }
      if (fail) throw fail
      return { steps }
    }
  }
}

describe('JobManager', () => {
  it('reports progress (throttled) and success', async () => {
    const updates: JobInfo[] = []
    let t = 0
    const jobs = new JobManager(
      steppingExecutor(50),
      (j) => updates.push(j),
      () => (t += 10)
    )
    const job = jobs.start<{ steps: number }>('demo.build', 'Build', {})
    expect(await job.result).toEqual({ steps: 50 })
    expect(updates[0]).toMatchObject({ state: 'running', done: 0 })
    expect(updates.at(-1)).toMatchObject({ state: 'succeeded', done: 50, total: 50 })
    // With 10 ms per tick and a 100 ms throttle, 50 steps give far fewer than 50 events.
    expect(updates.length).toBeLessThan(20)
    expect(jobs.busy).toBe(false)
  })

  it('cancels cooperatively', async () => {
    const updates: JobInfo[] = []
    const jobs = new JobManager(steppingExecutor(10_000), (j) => updates.push(j))
    const job = jobs.start('demo.build', 'Build', {})
    await new Promise((r) => setTimeout(r, 20))
    expect(jobs.cancel(job.id).state).toBe('running')
    await expect(job.result).rejects.toMatchObject({ code: 'cancelled' })
    expect(updates.at(-1)).toMatchObject({ state: 'cancelled', error: { code: 'cancelled' } })
  })

  it('wraps unexpected failures as job_failed with the title', async () => {
    const jobs = new JobManager(steppingExecutor(2, new Error('disk full')), () => undefined)
    await expect(jobs.start('demo.build', 'Building the demo', {}).result).rejects.toMatchObject({
      code: 'job_failed',
      message: 'Building the demo failed: disk full'
    })
    expect(jobs.list()[0]).toMatchObject({ state: 'failed' })
    expect(() => jobs.cancel('nope')).toThrow(ApiError)
  })
})
