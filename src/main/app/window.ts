import { PRODUCT_NAME } from '@shared/product'
import type { AppOrigin } from './app-origin'
import type { ElectronPorts, WindowHandle, WindowOptions } from './electron-ports'
import { hardenWebContents } from './security'

/**
 * Options of the workbench window. The renderer is isolated and sandboxed, has no Node, no
 * `<webview>`, no insecure content and no experimental features; developer tools only in an
 * unpackaged build. Hidden until its first paint.
 */
export function mainWindowOptions(options: {
  preloadPath: string
  isPackaged: boolean
  backgroundColor: string
}): WindowOptions {
  return {
    title: PRODUCT_NAME,
    width: 1280,
    height: 820,
    minWidth: 720,
    minHeight: 480,
    show: false,
    backgroundColor: options.backgroundColor,
    webPreferences: {
      preload: options.preloadPath,
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webviewTag: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      experimentalFeatures: false,
      enableWebSQL: false,
      navigateOnDragDrop: false,
      spellcheck: false,
      safeDialogs: true,
      devTools: !options.isPackaged
    }
  }
}

/**
 * Creates the workbench window, guards its web contents, shows it when it is ready to paint and
 * starts loading the renderer. The load is not awaited: the caller goes on (for instance to
 * open the demo workspace) while the page loads.
 */
export function createMainWindow(
  ports: ElectronPorts,
  options: {
    preloadPath: string
    backgroundColor: string
    origin: AppOrigin
    onLoadFailed?: (error: unknown) => void
  }
): WindowHandle {
  const window = ports.createWindow(
    mainWindowOptions({
      preloadPath: options.preloadPath,
      isPackaged: ports.app.isPackaged,
      backgroundColor: options.backgroundColor
    })
  )
  hardenWebContents(window.webContents, options.origin)
  window.once('ready-to-show', () => window.show())
  window.loadURL(options.origin.entryUrl).catch((error: unknown) => {
    // Show the window even so, rather than leave an invisible process behind.
    if (!window.isDestroyed()) window.show()
    options.onLoadFailed?.(error)
  })
  return window
}
