import { Worker } from 'node:worker_threads'
import { ApiError } from '@shared/api/errors'
import type { JobExecutor } from './job-types'
import type { JobWorkerData, JobWorkerMessage } from './worker-protocol'

/** How long a cancelled worker may take to stop by itself before it is terminated. */
const CANCEL_GRACE_MS = 10_000

/**
 * Runs each job in its own worker thread so the host's event loop (and the UI it serves) never
 * waits on it. Cancellation is cooperative through shared memory, with termination as a last resort.
 */
export function workerExecutor(workerScript: URL | string): JobExecutor {
  return {
    run: (kind, params, context) =>
      new Promise((resolve, reject) => {
        const cancel = new SharedArrayBuffer(4)
        const flag = new Int32Array(cancel)
        const data: JobWorkerData = { kind, params, cancel }
        const worker = new Worker(workerScript, { workerData: data })
        let settled = false
        const poll = setInterval(() => {
          if (context.isCancelled() && Atomics.load(flag, 0) === 0) {
            Atomics.store(flag, 0, 1)
            setTimeout(() => {
              if (!settled) void worker.terminate()
            }, CANCEL_GRACE_MS).unref()
          }
        }, 100)
        const finish = (fn: () => void): void => {
          if (settled) return
          settled = true
          clearInterval(poll)
          fn()
        }
        worker.on('message', (message: JobWorkerMessage) => {
          if (message.type === 'progress')
            context.reportProgress(message.done, message.total, message.message, message.counts)
          else if (message.type === 'done') finish(() => resolve(message.result))
          else finish(() => reject(ApiError.fromData(message.error)))
        })
        worker.on('error', (error) =>
          finish(() =>
            reject(new ApiError('job_failed', `The ${kind} job failed: ${error.message}`, { kind }))
          )
        )
        worker.on('exit', (code) =>
          finish(() =>
            reject(
              context.isCancelled()
                ? new ApiError('cancelled', 'The job was cancelled.', { kind })
                : new ApiError('job_failed', `The ${kind} job stopped unexpectedly (exit code ${code}).`, {
                    kind
                  })
            )
          )
        )
      })
  }
}
