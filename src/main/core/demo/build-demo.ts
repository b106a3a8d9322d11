import type { JobContext } from '../jobs/job-types'

export interface DemoSummary {
  path: string
  tickets: number
  surveyResponses: number
  customers: number
  experiments: number
  elapsedMs: number
}

export interface BuildDemoOptions {
  context?: JobContext
  appVersion?: string
}

/** Builds the demo workspace at `path` (which must not exist); atomic: whole or nothing. */
export async function buildDemoWorkspace(
  _path: string,
  _options: BuildDemoOptions = {}
): Promise<DemoSummary> {
  throw new Error('not implemented yet')
}
