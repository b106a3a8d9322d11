import { parentPort, workerData } from 'node:worker_threads'
import { ApiError } from '@shared/api/errors'
import { JOB_REGISTRY } from '../service/job-registry'
import type { JobWorkerData, JobWorkerMessage } from './worker-protocol'

/** Entry point of a job worker thread: runs one job from the registry and reports back. */
async function main(): Promise<void> {
  const port = parentPort
  if (!port) throw new Error('job-worker must run in a worker thread')
  const data = workerData as JobWorkerData
  const flag = new Int32Array(data.cancel)
  const post = (message: JobWorkerMessage): void => port.postMessage(message)
  try {
    const result = await JOB_REGISTRY[data.kind](data.params, {
      reportProgress: (done, total, message, counts) =>
        post({ type: 'progress', done, total, message, ...(counts ? { counts } : {}) }),
      isCancelled: () => Atomics.load(flag, 0) === 1
    })
    post({ type: 'done', result })
  } catch (error) {
    const apiError =
      error instanceof ApiError
        ? error
        : new ApiError('job_failed', (error as Error)?.message ?? String(error), { kind: data.kind })
    post({ type: 'error', error: apiError.toData() })
  }
}

void main()
