import { z } from 'zod'
import type { JobRegistry } from '../jobs/job-types'
import { ApiError } from '@shared/api/errors'
import { buildDemoWorkspace } from '../demo/build-demo'

const DemoParams = z.strictObject({ path: z.string().min(1), appVersion: z.string() })

/** Every kind of background job and the capability function that does it. */
export const JOB_REGISTRY: JobRegistry = {
  'demo.build': async (params, context) => {
    const { path, appVersion } = DemoParams.parse(params)
    return buildDemoWorkspace(path, { context, appVersion })
  },
  'import.run': notYet,
  'import.undo': notYet,
  'search.index': notYet,
  'sql.query': notYet
}

async function notYet(): Promise<never> {
  throw new ApiError('not_supported', 'This job is not available in this version yet.')
}
