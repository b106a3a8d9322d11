import type { LoopbenchBridge } from '@shared/api/bridge'
import { ApiError } from '@shared/api/errors'
import type { ImportFiles, PreparedFile } from './import-files'
import { NO_PATH_REASON } from './import-files'

/** The desktop: the backend reads files by path; a dropped file's path comes from the preload. */
export function createPathFiles(bridge: Pick<LoopbenchBridge, 'files'>): ImportFiles {
  return {
    mode: 'path',
    picker: 'native',
    prepare(file: File): PreparedFile {
      const path = bridge.files.pathForFile(file)
      const source = path
        ? Promise.resolve({ path })
        : Promise.reject(
            new ApiError('not_supported', 'Loopbench cannot tell where this file is stored.', {
              reason: NO_PATH_REASON
            })
          )
      // Handled by whoever awaits it; this keeps an unobserved rejection from being reported twice.
      source.catch(() => undefined)
      return { source, abort: () => undefined }
    }
  }
}
