import type { AppOrigin } from './app-origin'
import type { SessionPort, WebContentsPort } from './electron-ports'

/**
 * Locks down the default session: every permission request and check is denied, no device is
 * granted, the spell checker (which would download dictionaries) is off, and every request that
 * is not to the app's own origin (or developer tools) is cancelled — nothing leaves the machine.
 */
export function hardenSession(session: SessionPort, origin: AppOrigin): void {
  session.setPermissionRequestHandler((_permission, callback) => callback(false))
  session.setPermissionCheckHandler(() => false)
  session.setDevicePermissionHandler(() => false)
  session.setSpellCheckerEnabled(false)
  session.onBeforeRequest((details, callback) => callback({ cancel: !origin.allowsRequest(details.url) }))
}

const hardened = new WeakSet<WebContentsPort>()

/**
 * Guards one web contents: navigations and redirects off the app origin are prevented, new
 * windows are denied, and `<webview>` cannot attach. Idempotent, so it can run both for the
 * main window and for every web contents the app sees created.
 */
export function hardenWebContents(contents: WebContentsPort, origin: AppOrigin): void {
  if (hardened.has(contents)) return
  hardened.add(contents)
  const keepOnOrigin = (event: { url: string; preventDefault(): void }): void => {
    if (!origin.isAppUrl(event.url)) event.preventDefault()
  }
  contents.on('will-navigate', keepOnOrigin)
  contents.on('will-frame-navigate', keepOnOrigin)
  contents.on('will-redirect', keepOnOrigin)
  contents.on('will-attach-webview', (event) => event.preventDefault())
  contents.setWindowOpenHandler(() => ({ action: 'deny' }))
}
