/**
 * The part of Electron the desktop host uses, as a small interface. Only `electron-runtime.ts`
 * binds it to the real `electron` module; everything else in `src/main/app` is written against
 * these ports, so that unit tests can drive it with a recording fake and check every security
 * setting without an Electron binary.
 */

/** An event whose default action a listener can cancel. */
export interface PreventableEvent {
  preventDefault(): void
}

/** A navigation or redirect the page (or a user gesture) started. */
export interface NavigationEvent extends PreventableEvent {
  readonly url: string
}

/** What `setWindowOpenHandler` answers. The host only ever denies. */
export interface WindowOpenResponse {
  action: 'deny' | 'allow'
}

/** The web contents of a window (or any other web contents the app creates). */
export interface WebContentsPort {
  readonly id: number
  isDestroyed(): boolean
  send(channel: string, payload: unknown): void
  on(
    event: 'will-navigate' | 'will-redirect' | 'will-frame-navigate',
    listener: (event: NavigationEvent) => void
  ): void
  on(event: 'will-attach-webview', listener: (event: PreventableEvent) => void): void
  setWindowOpenHandler(handler: (details: { url: string }) => WindowOpenResponse): void
}

/**
 * The renderer's web preferences. The security-relevant values are literal types, so that a
 * weaker setting is a compile error rather than a review finding.
 */
export interface SecureWebPreferences {
  preload: string
  contextIsolation: true
  sandbox: true
  nodeIntegration: false
  nodeIntegrationInWorker: false
  nodeIntegrationInSubFrames: false
  webviewTag: false
  webSecurity: true
  allowRunningInsecureContent: false
  experimentalFeatures: false
  enableWebSQL: false
  navigateOnDragDrop: false
  /** The spell checker downloads dictionaries from a CDN; nothing may leave the machine. */
  spellcheck: false
  safeDialogs: true
  devTools: boolean
}

export interface WindowOptions {
  title: string
  width: number
  height: number
  minWidth: number
  minHeight: number
  show: false
  backgroundColor: string
  webPreferences: SecureWebPreferences
}

/** A top-level window. */
export interface WindowHandle {
  readonly webContents: WebContentsPort
  loadURL(url: string): Promise<void>
  show(): void
  focus(): void
  isMinimized(): boolean
  restore(): void
  isDestroyed(): boolean
  once(event: 'ready-to-show', listener: () => void): void
  on(event: 'closed', listener: () => void): void
}

export type AppEvent = 'window-all-closed' | 'will-quit' | 'activate' | 'second-instance'

export interface AppPort {
  readonly isPackaged: boolean
  getVersion(): string
  getPath(name: 'userData' | 'documents'): string
  setPath(name: 'userData', path: string): void
  /** The OS locale; valid after `ready`. */
  getLocale(): string
  /** Sandboxes every renderer, whatever a window asks for; before `ready`. */
  enableSandbox(): void
  requestSingleInstanceLock(): boolean
  whenReady(): Promise<void>
  quit(): void
  on(event: AppEvent, listener: () => void): void
  /** Every web contents the app creates (windows, and anything a page might try to open). */
  onWebContentsCreated(listener: (contents: WebContentsPort) => void): void
}

export interface SchemePrivileges {
  standard: boolean
  secure: boolean
  supportFetchAPI: boolean
  codeCache: boolean
  corsEnabled: boolean
  bypassCSP: false
  allowServiceWorkers: false
  stream: boolean
}

export interface ProtocolPort {
  /** Before `ready` only. */
  registerSchemesAsPrivileged(schemes: Array<{ scheme: string; privileges: SchemePrivileges }>): void
  handle(scheme: string, handler: (request: Request) => Promise<Response>): void
}

/** The default session: permissions, the network filter and the spell checker. */
export interface SessionPort {
  setPermissionRequestHandler(
    handler: (
      permission: string,
      callback: (granted: boolean) => void,
      details: { requestingUrl?: string }
    ) => void
  ): void
  setPermissionCheckHandler(handler: (permission: string, requestingOrigin: string) => boolean): void
  /** USB, HID and serial devices. */
  setDevicePermissionHandler(handler: (deviceType: string, origin: string) => boolean): void
  setSpellCheckerEnabled(enabled: boolean): void
  /** Runs for every request the session makes; `cancel: true` stops it. */
  onBeforeRequest(
    listener: (details: { url: string }, callback: (response: { cancel: boolean }) => void) => void
  ): void
}

/** The sender of an IPC message, reduced to what the adapter checks. */
export interface IpcInvokeEvent {
  /** Id of the web contents that sent the message. */
  readonly senderId: number
  /** The frame that sent it; null when it navigated away or was destroyed meanwhile. */
  readonly senderFrame: { readonly url: string; readonly isMainFrame: boolean } | null
}

export interface IpcMainPort {
  handle(channel: string, listener: (event: IpcInvokeEvent, ...args: unknown[]) => Promise<unknown>): void
  removeHandler(channel: string): void
}

export interface FileFilter {
  name: string
  extensions: string[]
}

export interface OpenDialogOptions {
  title: string
  buttonLabel?: string
  defaultPath?: string
  properties: Array<'openFile'>
  filters: FileFilter[]
}

export interface SaveDialogOptions {
  title: string
  buttonLabel: string
  defaultPath?: string
  properties: Array<'createDirectory' | 'showOverwriteConfirmation'>
  filters: FileFilter[]
}

export interface MessageBoxOptions {
  type: 'none' | 'info' | 'error' | 'question' | 'warning'
  title: string
  message: string
  detail?: string
  buttons: string[]
}

export interface DialogPort {
  showOpenDialog(
    parent: WindowHandle | null,
    options: OpenDialogOptions
  ): Promise<{ canceled: boolean; filePaths: string[] }>
  showSaveDialog(
    parent: WindowHandle | null,
    options: SaveDialogOptions
  ): Promise<{ canceled: boolean; filePath?: string }>
  showMessageBox(parent: WindowHandle | null, options: MessageBoxOptions): Promise<void>
  /** A blocking error box that works even before `ready` (fatal start-up errors). */
  showErrorBox(title: string, content: string): void
}

/** Standard menu roles the host uses (a subset of Electron's). */
export type MenuRole =
  | 'undo'
  | 'redo'
  | 'cut'
  | 'copy'
  | 'paste'
  | 'pasteAndMatchStyle'
  | 'delete'
  | 'selectAll'
  | 'quit'
  | 'about'
  | 'services'
  | 'hide'
  | 'hideOthers'
  | 'unhide'
  | 'appMenu'
  | 'windowMenu'
  | 'minimize'
  | 'zoom'
  | 'front'
  | 'close'
  | 'togglefullscreen'
  | 'toggleDevTools'
  | 'reload'
  | 'forceReload'
  | 'resetZoom'
  | 'zoomIn'
  | 'zoomOut'

export interface MenuItemTemplate {
  id?: string
  label?: string
  role?: MenuRole
  type?: 'normal' | 'separator' | 'submenu' | 'checkbox' | 'radio'
  accelerator?: string
  /** False: show the shortcut but let the renderer's keybinding handle it (no double run). */
  registerAccelerator?: boolean
  checked?: boolean
  enabled?: boolean
  submenu?: MenuItemTemplate[]
  click?: () => void
}

export interface MenuPort {
  setApplicationMenu(template: MenuItemTemplate[] | null): void
}

/** Web preferences of the hidden window that prints the report: no script, no Node, sandboxed. */
export interface PrintWebPreferences {
  /** An in-memory session of its own, so that loading the report's data URL is not the app's traffic. */
  partition: string
  javascript: false
  contextIsolation: true
  sandbox: true
  nodeIntegration: false
  webviewTag: false
  webSecurity: true
  spellcheck: false
  devTools: false
}

export interface PrintWindowOptions {
  show: false
  width: number
  height: number
  webPreferences: PrintWebPreferences
}

/** What `printToPDF` is asked for (a subset of Electron's options). */
export interface PrintToPdfOptions {
  pageSize: 'A4'
  printBackground: boolean
  preferCSSPageSize: boolean
  displayHeaderFooter: false
}

/** A hidden window that renders one document and prints it. */
export interface PrintWindowHandle {
  /** The request filter of the window's own session (see {@link SessionPort.onBeforeRequest}). */
  onBeforeRequest(
    listener: (details: { url: string }, callback: (response: { cancel: boolean }) => void) => void
  ): void
  loadURL(url: string): Promise<void>
  printToPDF(options: PrintToPdfOptions): Promise<Uint8Array>
  destroy(): void
}

/** Everything the desktop host needs from Electron. */
export interface ElectronPorts {
  readonly platform: NodeJS.Platform
  readonly app: AppPort
  readonly protocol: ProtocolPort
  readonly session: SessionPort
  readonly ipcMain: IpcMainPort
  readonly dialog: DialogPort
  readonly menu: MenuPort
  /** True when the OS asks for dark colours (used while the theme preference follows the system). */
  prefersDarkColors(): boolean
  createWindow(options: WindowOptions): WindowHandle
  /** A hidden window for printing (the report's PDF). */
  createPrintWindow(options: PrintWindowOptions): PrintWindowHandle
}
