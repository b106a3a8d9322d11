import { Worker } from 'node:worker_threads'
import { ApiError } from '@shared/api/errors'
import type { JobExecutor } from './job-types'
import type { JobWorkerData, JobWorkerMessage } from './worker-protocol'

/** How long a cancelled worker may take to stop by itself before it is terminated. */
const CANCEL_GRACE_MS = 10_000

/**
 * The old-generation heap of a job worker. V8 sizes it from the machine's memory (about 4 GB
 * on 24 GB) and lets garbage pile up to a large share of that before collecting it; a bound
 * makes it collect sooner. Importing a 300,000-row XLSX peaked at 428 MB RSS without the bound
 * and 306 MB with it (test/integration/import/memory.test.ts); 1 GB leaves room for the largest
 * live set a job holds (a big workbook's shared-string table).
 */
const WORKER_OLD_GENERATION_MB = 1024

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
        const worker = new Worker(workerScript, {
          workerData: data,
          resourceLimits: { maxOldGenerationSizeMb: WORKER_OLD_GENERATION_MB }
        })
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
        worker.on('error', (error: Error & { code?: string }) =>
          finish(() =>
            reject(
              error.code === 'ERR_WORKER_OUT_OF_MEMORY'
                ? new ApiError(
                    'job_failed',
                    `The ${kind} job ran out of memory (its limit is ${WORKER_OLD_GENERATION_MB} MB) and stopped; what it was doing was not saved.`,
                    { kind }
                  )
                : new ApiError('job_failed', `The ${kind} job failed: ${error.message}`, { kind })
            )
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
