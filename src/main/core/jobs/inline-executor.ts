import type { JobExecutor, JobRegistry } from './job-types'

/** Runs jobs on the calling thread (CLI one-shots and tests). */
export function inlineExecutor(registry: JobRegistry): JobExecutor {
  return {
    run: (kind, params, context) => registry[kind](params, context)
  }
}
