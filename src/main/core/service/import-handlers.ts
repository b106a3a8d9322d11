import type { WorkbenchHandlers } from '@shared/api/contract'
import { ApiError } from '@shared/api/errors'
import type { ServiceContext } from './service-context'

type ImportMethods =
  | 'import.pickFile'
  | 'import.inspect'
  | 'import.start'
  | 'import.result'
  | 'import.mappings'
  | 'import.saveMapping'
  | 'batches.list'
  | 'batches.rejects'
  | 'batches.undo'

/** Handlers of the import capability: inspect, run, batches and undo. */
export function createImportHandlers(_ctx: ServiceContext): Pick<WorkbenchHandlers, ImportMethods> {
  const notYet = (): never => {
    throw new ApiError('not_supported', 'Import is not available in this version yet.')
  }
  return {
    'import.pickFile': notYet,
    'import.inspect': notYet,
    'import.start': notYet,
    'import.result': notYet,
    'import.mappings': notYet,
    'import.saveMapping': notYet,
    'batches.list': notYet,
    'batches.rejects': notYet,
    'batches.undo': notYet
  }
}
