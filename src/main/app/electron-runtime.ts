import { BrowserWindow, Menu, app, dialog, ipcMain, nativeTheme, protocol, session } from 'electron'
import type { IpcMainInvokeEvent, MenuItemConstructorOptions, WebContents } from 'electron'
import type {
  ElectronPorts,
  IpcInvokeEvent,
  NavigationEvent,
  PreventableEvent,
  WebContentsPort,
  WindowHandle
} from './electron-ports'

/*
 * The one module that imports `electron`: it binds the ports to the real APIs and does nothing
 * else. Keep it free of decisions — every security setting lives in the modules that take the
 * ports, where the unit tests can see it.
 */

const contentsPorts = new WeakMap<WebContents, WebContentsPort>()
const windows = new WeakMap<WindowHandle, BrowserWindow>()

function contentsPort(contents: WebContents): WebContentsPort {
  const known = contentsPorts.get(contents)
  if (known) return known
  const on = (event: string, listener: (event: NavigationEvent | PreventableEvent) => void): void => {
    if (event === 'will-attach-webview') {
      contents.on('will-attach-webview', (e) => listener({ preventDefault: () => e.preventDefault() }))
    } else if (event === 'will-navigate' || event === 'will-redirect' || event === 'will-frame-navigate') {
      contents.on(event as 'will-navigate', (e) =>
        listener({ url: e.url, preventDefault: () => e.preventDefault() })
      )
    } else {
      throw new Error(`Unsupported web contents event: ${event}`)
    }
  }
  const port: WebContentsPort = {
    id: contents.id,
    isDestroyed: () => contents.isDestroyed(),
    send: (channel, payload) => contents.send(channel, payload),
    on: on as WebContentsPort['on'],
    setWindowOpenHandler: (handler) =>
      contents.setWindowOpenHandler((details) =>
        handler({ url: details.url }).action === 'allow' ? { action: 'allow' } : { action: 'deny' }
      )
  }
  contentsPorts.set(contents, port)
  return port
}

/** Reduces an IPC event to its sender's identity; a disposed frame counts as no frame. */
function invokeEvent(event: IpcMainInvokeEvent): IpcInvokeEvent {
  let senderFrame: IpcInvokeEvent['senderFrame'] = null
  try {
    const frame = event.senderFrame
    const main = event.sender.mainFrame
    if (frame && !frame.detached) {
      senderFrame = {
        url: frame.url,
        isMainFrame: frame.parent === null && frame.frameTreeNodeId === main.frameTreeNodeId
      }
    }
  } catch {
    senderFrame = null
  }
  return { senderId: event.sender.id, senderFrame }
}

function windowHandle(window: BrowserWindow): WindowHandle {
  const handle: WindowHandle = {
    webContents: contentsPort(window.webContents),
    loadURL: (url) => window.loadURL(url),
    show: () => window.show(),
    focus: () => window.focus(),
    isMinimized: () => window.isMinimized(),
    restore: () => window.restore(),
    isDestroyed: () => window.isDestroyed(),
    once: (event, listener) => void window.once(event, listener),
    on: (event, listener) => void window.on(event, listener)
  }
  windows.set(handle, window)
  return handle
}

function parentOf(handle: WindowHandle | null): BrowserWindow | undefined {
  const window = handle ? windows.get(handle) : undefined
  return window && !window.isDestroyed() ? window : undefined
}

/** The real Electron behind the ports. */
export function createElectronPorts(): ElectronPorts {
  return {
    platform: process.platform,
    app: {
      isPackaged: app.isPackaged,
      getVersion: () => app.getVersion(),
      getPath: (name) => app.getPath(name),
      setPath: (name, path) => app.setPath(name, path),
      getLocale: () => app.getLocale(),
      enableSandbox: () => app.enableSandbox(),
      requestSingleInstanceLock: () => app.requestSingleInstanceLock(),
      whenReady: async () => {
        await app.whenReady()
      },
      quit: () => app.quit(),
      on: (event, listener) => void app.on(event as 'activate', listener),
      onWebContentsCreated: (listener) =>
        void app.on('web-contents-created', (_event, contents) => listener(contentsPort(contents)))
    },
    protocol: {
      registerSchemesAsPrivileged: (schemes) => protocol.registerSchemesAsPrivileged(schemes),
      handle: (scheme, handler) => protocol.handle(scheme, handler)
    },
    // The default session exists only after `ready`, so it is looked up on each call.
    session: {
      setPermissionRequestHandler: (handler) =>
        session.defaultSession.setPermissionRequestHandler((_contents, permission, callback, details) =>
          handler(permission, callback, { requestingUrl: details.requestingUrl })
        ),
      setPermissionCheckHandler: (handler) =>
        session.defaultSession.setPermissionCheckHandler((_contents, permission, requestingOrigin) =>
          handler(permission, requestingOrigin)
        ),
      setDevicePermissionHandler: (handler) =>
        session.defaultSession.setDevicePermissionHandler((details) =>
          handler(details.deviceType, details.origin)
        ),
      setSpellCheckerEnabled: (enabled) => session.defaultSession.setSpellCheckerEnabled(enabled),
      onBeforeRequest: (listener) =>
        session.defaultSession.webRequest.onBeforeRequest((details, callback) =>
          listener({ url: details.url }, (response) => callback({ cancel: response.cancel }))
        )
    },
    ipcMain: {
      handle: (channel, listener) =>
        ipcMain.handle(channel, (event, ...args) => listener(invokeEvent(event), ...args)),
      removeHandler: (channel) => ipcMain.removeHandler(channel)
    },
    dialog: {
      showOpenDialog: async (parent, options) => {
        const window = parentOf(parent)
        const result = window
          ? await dialog.showOpenDialog(window, options)
          : await dialog.showOpenDialog(options)
        return { canceled: result.canceled, filePaths: result.filePaths }
      },
      showSaveDialog: async (parent, options) => {
        const window = parentOf(parent)
        const result = window
          ? await dialog.showSaveDialog(window, options)
          : await dialog.showSaveDialog(options)
        return result.filePath
          ? { canceled: result.canceled, filePath: result.filePath }
          : { canceled: result.canceled }
      },
      showMessageBox: async (parent, options) => {
        const window = parentOf(parent)
        await (window ? dialog.showMessageBox(window, options) : dialog.showMessageBox(options))
      },
      showErrorBox: (title, content) => dialog.showErrorBox(title, content)
    },
    menu: {
      setApplicationMenu: (template) =>
        Menu.setApplicationMenu(
          template ? Menu.buildFromTemplate(template as MenuItemConstructorOptions[]) : null
        )
    },
    prefersDarkColors: () => nativeTheme.shouldUseDarkColors,
    createWindow: (options) => windowHandle(new BrowserWindow(options)),
    createPrintWindow: (options) => {
      const window = new BrowserWindow(options)
      return {
        onBeforeRequest: (listener) =>
          window.webContents.session.webRequest.onBeforeRequest((details, callback) =>
            listener({ url: details.url }, (response) => callback({ cancel: response.cancel }))
          ),
        loadURL: (url) => window.loadURL(url),
        printToPDF: async (pdfOptions) => new Uint8Array(await window.webContents.printToPDF(pdfOptions)),
        destroy: () => window.destroy()
      }
    }
  }
}
