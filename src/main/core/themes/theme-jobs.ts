import { z } from 'zod'
import { THEME_GRANULARITIES } from '@shared/domain/themes'
import type { JobContext } from '../jobs/job-types'
import { openReadWrite } from '../store/sqlite'
import type { AssignNewSummary } from './assign-new'
import { assignNewTickets } from './assign-new'
import type { RunThemesSummary } from './run-themes'
import { runThemes } from './run-themes'

const RunParams = z.strictObject({
  workspacePath: z.string().min(1),
  granularity: z.enum(THEME_GRANULARITIES),
  sampleSize: z.number().int().gte(100).optional()
})
const AssignParams = z.strictObject({ workspacePath: z.string().min(1) })

/** Progress steps in words, for the status bar. */
const STEP_MESSAGES: Record<string, string> = {
  features: 'Reading tickets',
  reduce: 'Reducing features',
  neighbors: 'Finding similar tickets',
  communities: 'Finding themes',
  refine: 'Refining themes',
  assign: 'Assigning the remaining tickets',
  label: 'Naming themes',
  save: 'Saving themes'
}

/** Job 'themes.run': clusters every ticket again on its own connection and saves the themes. */
export async function runThemesJob(params: unknown, context: JobContext): Promise<RunThemesSummary> {
  const { workspacePath, granularity, sampleSize } = RunParams.parse(params)
  const db = openReadWrite(workspacePath)
  try {
    return runThemes(db, {
      granularity,
      ...(sampleSize !== undefined ? { sampleSize } : {}),
      isCancelled: () => context.isCancelled(),
      onProgress: (fraction, step) =>
        context.reportProgress(Math.round(fraction * 1000), 1000, STEP_MESSAGES[step] ?? step)
    })
  } finally {
    db.close()
  }
}

/** Job 'themes.assign': gives the last run's themes to tickets imported since. */
export async function assignThemesJob(params: unknown): Promise<AssignNewSummary> {
  const { workspacePath } = AssignParams.parse(params)
  const db = openReadWrite(workspacePath)
  try {
    return assignNewTickets(db)
  } finally {
    db.close()
  }
}
