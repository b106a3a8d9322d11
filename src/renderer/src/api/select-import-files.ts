import type { LoopbenchBridge } from '@shared/api/bridge'
import { BRIDGE_GLOBAL } from '@shared/api/bridge'
import type { ImportFiles } from './import-files'
import { createPathFiles } from './path-files'
import type { XhrLike } from './upload-files'
import { createUploadFiles } from './upload-files'

/**
 * Chooses how files reach the backend, once, at start: by path through the desktop preload's
 * bridge when it is present, else by upload to the web host that served this page.
 */
export function selectImportFiles(): ImportFiles {
  const bridge = (window as unknown as Record<string, unknown>)[BRIDGE_GLOBAL] as LoopbenchBridge | undefined
  if (bridge && typeof bridge === 'object' && 'files' in bridge) return createPathFiles(bridge)
  // XMLHttpRequest is an XhrLike; its progress event merely carries more fields than are read.
  return createUploadFiles(() => new XMLHttpRequest() as unknown as XhrLike)
}
