import type { WorkbenchHandlers } from '@shared/api/contract'
import { IPC_EVENT_CHANNEL, ipcChannelFor } from '@shared/api/bridge'
import { dispatch } from '@shared/api/dispatch'
import type { ApiResult } from '@shared/api/errors'
import type { WorkbenchEvent, WorkbenchEventListener } from '@shared/api/events'
import { METHOD_NAMES } from '@shared/api/method-names'
import type { AppOrigin } from './app-origin'
import type { IpcInvokeEvent, IpcMainPort, WindowHandle } from './electron-ports'

/**
 * True only for a message from the main frame of the workbench window's own web contents, while
 * that frame shows a page of the app origin. A subframe, another web contents, or a page that
 * navigated elsewhere gets nothing.
 */
export function isTrustedSender(
  event: IpcInvokeEvent,
  trustedContentsId: number | null,
  origin: AppOrigin
): boolean {
  const frame = event.senderFrame
  return (
    trustedContentsId !== null &&
    event.senderId === trustedContentsId &&
    frame !== null &&
    frame.isMainFrame &&
    origin.isAppUrl(frame.url)
  )
}

/** The answer to a message whose sender failed the check; the backend is not called. */
export function forbiddenResult(method: string): ApiResult<never> {
  return {
    ok: false,
    error: {
      code: 'forbidden',
      message: 'This request did not come from the Loopbench window and was refused.',
      details: { method }
    }
  }
}

export interface IpcAdapterOptions {
  /** Id of the workbench window's web contents, or null while there is no window. */
  trustedContentsId: () => number | null
  origin: AppOrigin
  onUnexpected?: (method: string, error: unknown) => void
}

/**
 * The Electron transport of the contract: one `ipcMain.handle` per method, all going through the
 * sender check and then the generic `dispatch` (zod validation, typed error envelopes). Returns
 * a function that removes the handlers again.
 */
export function registerIpcAdapter(
  ipcMain: IpcMainPort,
  handlers: WorkbenchHandlers,
  options: IpcAdapterOptions
): () => void {
  for (const method of METHOD_NAMES) {
    ipcMain.handle(ipcChannelFor(method), async (event, args) => {
      if (!isTrustedSender(event, options.trustedContentsId(), options.origin)) {
        return forbiddenResult(method)
      }
      return dispatch(handlers, method, args, options.onUnexpected)
    })
  }
  return () => {
    for (const method of METHOD_NAMES) ipcMain.removeHandler(ipcChannelFor(method))
  }
}

/** Sends one backend event to the window's renderer, if the window is still there. */
export function sendEvent(window: WindowHandle | null, event: WorkbenchEvent): void {
  if (!window || window.isDestroyed() || window.webContents.isDestroyed()) return
  window.webContents.send(IPC_EVENT_CHANNEL, event)
}

/** Forwards every backend event to the current window; returns the unsubscribe. */
export function forwardEvents(
  subscribe: (listener: WorkbenchEventListener) => () => void,
  currentWindow: () => WindowHandle | null
): () => void {
  return subscribe((event) => sendEvent(currentWindow(), event))
}
