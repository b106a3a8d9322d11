import { z } from 'zod'
import type { JobRegistry } from '../jobs/job-types'
import { buildDemoWorkspace } from '../demo/build-demo'
import type { ImportJobParams } from '../import/pipeline/import-job'
import { runImportJob } from '../import/pipeline/import-job'
import { IMPORT_DEPENDENCIES, INSPECT_DEPENDENCIES } from '../import/pipeline/bindings'
import type { InspectJobParams } from '../import/pipeline/inspect-file'
import { inspectFile } from '../import/pipeline/inspect-file'
import { undoBatch } from '../import/pipeline/undo-batch'
import { openReadOnly, openReadWrite } from '../store/sqlite'
import { runSearchIndexJob } from '../search/index-tickets'
import { runSqlQueryJob } from '../sql/sql-query-job'
import { assignThemesJob, runThemesJob } from '../themes/theme-jobs'

const UndoParams = z.strictObject({ workspacePath: z.string().min(1), batchId: z.number().int().gte(1) })

const DemoParams = z.strictObject({ path: z.string().min(1), appVersion: z.string() })

/** Every kind of background job and the capability function that does it. */
export const JOB_REGISTRY: JobRegistry = {
  'demo.build': async (params, context) => {
    const { path, appVersion } = DemoParams.parse(params)
    return buildDemoWorkspace(path, { context, appVersion })
  },
  'import.inspect': async (params) => {
    const { workspacePath, path, name, read, kind } = params as InspectJobParams
    // Read-only: the saved mappings are looked up; nothing is written.
    const db = openReadOnly(workspacePath)
    try {
      return await inspectFile(db, path, name, read, kind ?? undefined, INSPECT_DEPENDENCIES)
    } finally {
      db.close()
    }
  },
  'import.run': async (params, context) =>
    runImportJob(params as ImportJobParams, context, IMPORT_DEPENDENCIES),
  'import.undo': async (params) => {
    const { workspacePath, batchId } = UndoParams.parse(params)
    const db = openReadWrite(workspacePath)
    try {
      return undoBatch(db, batchId, Date.now())
    } finally {
      db.close()
    }
  },
  'search.index': runSearchIndexJob,
  'sql.query': runSqlQueryJob,
  'themes.run': runThemesJob,
  'themes.assign': assignThemesJob
}
