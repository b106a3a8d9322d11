import type { JobKind } from '@shared/domain/jobs'

/** What a running job can do: report progress and notice that it was cancelled. */
export interface JobContext {
  reportProgress(done: number, total: number, message: string, counts?: Record<string, number>): void
  /** True once the user cancelled; long loops check it between chunks. */
  isCancelled(): boolean
}

/** A unit of background work. It runs in a worker thread in the hosts and inline in tests. */
export type JobFunction = (params: unknown, context: JobContext) => Promise<unknown>

export type JobRegistry = Readonly<Record<JobKind, JobFunction>>

/** Where jobs run: a worker thread, or the calling thread. */
export interface JobExecutor {
  run(kind: JobKind, params: unknown, context: JobContext): Promise<unknown>
}
