import type { ApiErrorData } from '@shared/api/errors'
import type { JobKind } from '@shared/domain/jobs'

/** Sent to a job worker at start. `cancel` is an Int32Array over shared memory; 1 = cancelled. */
export interface JobWorkerData {
  kind: JobKind
  params: unknown
  cancel: SharedArrayBuffer
}

/** Messages from a job worker to the thread that started it. */
export type JobWorkerMessage =
  | { type: 'progress'; done: number; total: number; message: string; counts?: Record<string, number> }
  | { type: 'done'; result: unknown }
  | { type: 'error'; error: ApiErrorData }
