import { z } from 'zod'
import type { ApiErrorData } from '../api/errors'

export const JOB_STATES = ['queued', 'running', 'succeeded', 'failed', 'cancelled'] as const
export type JobState = (typeof JOB_STATES)[number]

/** Kinds of background work; later capabilities add theirs. */
export const JOB_KINDS = [
  'demo.build',
  'import.inspect',
  'import.run',
  'import.undo',
  'search.index',
  'sql.query',
  'themes.run',
  'themes.assign'
] as const
export type JobKind = (typeof JOB_KINDS)[number]

/** A background job as the status bar and the panel show it. */
export interface JobInfo {
  id: string
  kind: JobKind
  title: string
  state: JobState
  /** Units done and total; total 0 means indeterminate. */
  done: number
  total: number
  message: string
  /** Named counts a job reports as it goes (an import: `rows` read so far). */
  counts?: Record<string, number>
  startedAt: number
  finishedAt: number | null
  error: ApiErrorData | null
}

export const JobIdSchema = z.strictObject({ id: z.string().min(1).max(64) })
