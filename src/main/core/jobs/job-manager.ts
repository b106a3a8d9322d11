import { randomUUID } from 'node:crypto'
import { ApiError } from '@shared/api/errors'
import type { JobInfo, JobKind } from '@shared/domain/jobs'
import type { JobExecutor } from './job-types'

/** Minimum time between two progress events of one job, so a fast loop cannot flood the UI. */
const PROGRESS_INTERVAL_MS = 100
/** Finished jobs kept for the status bar and the panel. */
const KEEP_FINISHED = 20

export interface StartedJob<T> {
  id: string
  result: Promise<T>
}

/** Starts background jobs, tracks their state and publishes every change. */
export class JobManager {
  private readonly jobs = new Map<string, JobInfo>()
  private readonly cancelled = new Set<string>()

  constructor(
    private readonly executor: JobExecutor,
    private readonly onUpdate: (job: JobInfo) => void,
    private readonly now: () => number = Date.now
  ) {}

  /** Starts a job; `result` settles with its outcome (ApiError on failure or cancel). */
  start<T>(kind: JobKind, title: string, params: unknown): StartedJob<T> {
    const id = randomUUID()
    const job: JobInfo = {
      id,
      kind,
      title,
      state: 'running',
      done: 0,
      total: 0,
      message: '',
      startedAt: this.now(),
      finishedAt: null,
      error: null
    }
    this.jobs.set(id, job)
    this.publish(job)
    let lastProgress = 0
    const result = this.executor
      .run(kind, params, {
        reportProgress: (done, total, message, counts) => {
          const current = this.jobs.get(id)
          if (!current || current.state !== 'running') return
          Object.assign(current, { done, total, message, ...(counts ? { counts: { ...counts } } : {}) })
          const t = this.now()
          if (t - lastProgress >= PROGRESS_INTERVAL_MS || (total > 0 && done >= total)) {
            lastProgress = t
            this.publish(current)
          }
        },
        isCancelled: () => this.cancelled.has(id)
      })
      .then(
        (value) => {
          this.finish(id, 'succeeded', null)
          return value as T
        },
        (error: unknown) => {
          const apiError =
            error instanceof ApiError
              ? error
              : new ApiError('job_failed', `${title} failed: ${(error as Error)?.message ?? String(error)}`, {
                  kind
                })
          this.finish(id, apiError.code === 'cancelled' ? 'cancelled' : 'failed', apiError)
          throw apiError
        }
      )
    return { id, result }
  }

  /**
   * Runs short work where jobs run (a worker thread in the hosts) without listing it as a job:
   * for requests the caller awaits, like reading the start of a file for the import preview,
   * which would otherwise block the host's event loop and keep a large workbook's strings in
   * the host's heap.
   */
  async runUntracked<T>(kind: JobKind, params: unknown): Promise<T> {
    return (await this.executor.run(kind, params, {
      reportProgress: () => undefined,
      isCancelled: () => false
    })) as T
  }

  list(): JobInfo[] {
    return [...this.jobs.values()].map((j) => ({ ...j }))
  }

  /** Asks a running job to stop; returns its state. */
  cancel(id: string): JobInfo {
    const job = this.jobs.get(id)
    if (!job) throw new ApiError('not_found', 'There is no such job.', { id })
    if (job.state === 'running' || job.state === 'queued') this.cancelled.add(id)
    return { ...job }
  }

  /** True while any job runs. */
  get busy(): boolean {
    return [...this.jobs.values()].some((j) => j.state === 'running' || j.state === 'queued')
  }

  private finish(id: string, state: JobInfo['state'], error: ApiError | null): void {
    const job = this.jobs.get(id)
    if (!job) return
    job.state = state
    job.finishedAt = this.now()
    job.error = error ? error.toData() : null
    if (state === 'succeeded' && job.total > 0) job.done = job.total
    this.cancelled.delete(id)
    this.publish(job)
    const finished = [...this.jobs.values()].filter((j) => j.finishedAt !== null)
    for (const old of finished.slice(0, Math.max(0, finished.length - KEEP_FINISHED)))
      this.jobs.delete(old.id)
  }

  private publish(job: JobInfo): void {
    this.onUpdate({ ...job })
  }
}
