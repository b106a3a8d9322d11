import type { LoopbenchBridge } from '@shared/api/bridge'
import { IPC_EVENT_CHANNEL, ipcChannelFor } from '@shared/api/bridge'
import type { ApiResult } from '@shared/api/errors'
import type { WorkbenchEvent, WorkbenchEventListener } from '@shared/api/events'
import type { MethodName } from '@shared/api/method-names'
import { METHOD_NAMES } from '@shared/api/method-names'

/** The part of `ipcRenderer` the bridge uses. */
export interface IpcRendererLike {
  invoke(channel: string, ...args: unknown[]): Promise<unknown>
  on(channel: string, listener: (event: unknown, payload: unknown) => void): unknown
  removeListener(channel: string, listener: (event: unknown, payload: unknown) => void): unknown
}

/**
 * What the preload exposes as `window.loopbench`: one function per contract method, each sending
 * its arguments on that method's channel, and an event subscription. No `ipcRenderer`, no generic
 * invoke, no channel the contract does not name; the Electron event object never reaches the page.
 */
export function buildBridge(
  ipc: IpcRendererLike,
  getPathForFile: (file: never) => string = () => ''
): LoopbenchBridge {
  // The path of a dropped file; anything that is not a File yields '' rather than an exception.
  const pathForFile = (file: unknown): string => {
    try {
      return getPathForFile(file as never) || ''
    } catch {
      return ''
    }
  }
  const api = {} as Record<MethodName, (args: unknown) => Promise<ApiResult<unknown>>>
  for (const method of METHOD_NAMES) {
    const channel = ipcChannelFor(method)
    api[method] = (args: unknown) => ipc.invoke(channel, args) as Promise<ApiResult<unknown>>
  }

  // One IPC listener fans out to every subscriber; it is attached only while someone listens.
  const listeners = new Set<WorkbenchEventListener>()
  const onEvent = (_event: unknown, payload: unknown): void => {
    for (const listener of [...listeners]) {
      try {
        listener(payload as WorkbenchEvent)
      } catch (error) {
        console.error('A workbench event listener failed:', error)
      }
    }
  }
  const subscribe = (listener: WorkbenchEventListener): (() => void) => {
    if (typeof listener !== 'function') throw new TypeError('subscribe expects a function')
    // Wrap, so subscribing the same function twice gives two independent subscriptions.
    const entry: WorkbenchEventListener = (event) => listener(event)
    if (listeners.size === 0) ipc.on(IPC_EVENT_CHANNEL, onEvent)
    listeners.add(entry)
    return () => {
      if (!listeners.delete(entry)) return
      if (listeners.size === 0) ipc.removeListener(IPC_EVENT_CHANNEL, onEvent)
    }
  }

  return Object.freeze({
    api: Object.freeze(api),
    events: Object.freeze({ subscribe }),
    files: Object.freeze({ pathForFile })
  })
}
