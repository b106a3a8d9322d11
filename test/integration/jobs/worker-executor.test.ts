import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { ApiError } from '@shared/api/errors'
import type { JobKind } from '@shared/domain/jobs'
import { workerExecutor } from '../../../src/main/core/jobs/worker-executor'

const PROBE = join(process.cwd(), 'test', 'fixtures', 'jobs', 'probe-worker.mjs')
const context = { reportProgress: () => undefined, isCancelled: () => false }
const run = (kind: string, params: unknown = null): Promise<unknown> =>
  workerExecutor(PROBE).run(kind as JobKind, params, context)

describe('workerExecutor', () => {
  it('runs a job in a worker thread and returns its result', async () => {
    expect(await run('echo', { rows: 3 })).toEqual({ rows: 3 })
  })

  it('bounds the worker heap well below what V8 would give it on this machine', async () => {
    const limitMb = (await run('heap-limit')) as number
    // The old generation is 1 GB; the limit V8 reports adds the young generation.
    expect(limitMb).toBeGreaterThanOrEqual(1024)
    expect(limitMb).toBeLessThan(1200)
  })

  it('turns a worker that runs out of memory into a clear job error, and the host lives on', async () => {
    const error = await run('exhaust').catch((e: unknown) => e)
    expect(error).toBeInstanceOf(ApiError)
    expect((error as ApiError).code).toBe('job_failed')
    expect((error as ApiError).message).toMatch(/ran out of memory \(its limit is 1024 MB\)/)
    expect(await run('echo', 'still here')).toBe('still here')
  }, 60_000)
})
