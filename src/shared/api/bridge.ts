import type { MethodName } from './method-names'
import type { ApiResult } from './errors'
import type { WorkbenchEventListener } from './events'

/** Name of the global the preload exposes in the renderer (`window.loopbench`). */
export const BRIDGE_GLOBAL = 'loopbench'

/** IPC channel of one contract method (renderer → main, invoke/handle). */
export function ipcChannelFor(method: MethodName): string {
  return `loopbench:api:${method}`
}

/** IPC channel of backend events (main → renderer). */
export const IPC_EVENT_CHANNEL = 'loopbench:event'

/**
 * What the preload exposes: one function per contract method, and an event subscription.
 * Nothing else crosses into the renderer.
 */
export interface LoopbenchBridge {
  api: { readonly [M in MethodName]: (args: unknown) => Promise<ApiResult<unknown>> }
  events: { subscribe(listener: WorkbenchEventListener): () => void }
  /**
   * Desktop only: the path of a file the user dropped on the window (Electron's
   * `webUtils.getPathForFile`), so it can be imported by path. Empty string when unknown.
   */
  files: { pathForFile(file: unknown): string }
}

/** HTTP routes of the web host (same origin as the renderer). */
export const HTTP_ROUTES = {
  /** POST a method's JSON arguments to `${api}/<method>`; the body of every answer is an ApiResult. */
  api: '/api',
  /** Server-sent events, one `data:` line of JSON per WorkbenchEvent. */
  events: '/api/events',
  /** POST a file's raw bytes to `${upload}?name=<file name>`; answers ApiResult<UploadReceipt>. */
  upload: '/upload'
} as const

/** What the web host answers to an upload. */
export interface UploadReceipt {
  uploadId: string
  name: string
  size: number
}
