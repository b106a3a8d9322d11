import type {
  AppEvent,
  AppPort,
  DialogPort,
  ElectronPorts,
  IpcInvokeEvent,
  IpcMainPort,
  MenuItemTemplate,
  MenuPort,
  MessageBoxOptions,
  NavigationEvent,
  OpenDialogOptions,
  PreventableEvent,
  PrintToPdfOptions,
  PrintWindowHandle,
  PrintWindowOptions,
  ProtocolPort,
  SaveDialogOptions,
  SchemePrivileges,
  SessionPort,
  WebContentsPort,
  WindowHandle,
  WindowOpenResponse,
  WindowOptions
} from '../../../src/main/app/electron-ports'

/*
 * A recording fake of the Electron ports: it remembers every call and every handler the host
 * installs, and lets a test play the part of Chromium (a navigation, a permission request, an
 * IPC message, a protocol request) to see what the host answers.
 */

let nextContentsId = 100

export class FakeWebContents implements WebContentsPort {
  readonly id = nextContentsId++
  destroyed = false
  url = ''
  readonly sent: Array<{ channel: string; payload: unknown }> = []
  readonly listeners = new Map<string, Array<(event: NavigationEvent | PreventableEvent) => void>>()
  windowOpenHandler: ((details: { url: string }) => WindowOpenResponse) | null = null

  isDestroyed(): boolean {
    return this.destroyed
  }
  send(channel: string, payload: unknown): void {
    this.sent.push({ channel, payload })
  }
  // `never`: accepts the listener of either overload of WebContentsPort.on.
  on(event: string, listener: (event: never) => void): void {
    const list = this.listeners.get(event) ?? []
    list.push(listener as (event: NavigationEvent | PreventableEvent) => void)
    this.listeners.set(event, list)
  }
  setWindowOpenHandler(handler: (details: { url: string }) => WindowOpenResponse): void {
    this.windowOpenHandler = handler
  }

  /** Plays a navigation event; true if a listener prevented it. */
  navigate(event: 'will-navigate' | 'will-redirect' | 'will-frame-navigate', url: string): boolean {
    let prevented = false
    for (const listener of this.listeners.get(event) ?? []) {
      listener({ url, preventDefault: () => (prevented = true) })
    }
    return prevented
  }
  /** Plays `<webview>` attachment; true if prevented. */
  attachWebview(): boolean {
    let prevented = false
    for (const listener of this.listeners.get('will-attach-webview') ?? []) {
      listener({ preventDefault: () => (prevented = true) })
    }
    return prevented
  }
  /** Plays `window.open(url)`. */
  openWindow(url: string): WindowOpenResponse {
    if (!this.windowOpenHandler) return { action: 'allow' }
    return this.windowOpenHandler({ url })
  }
  /** Events sent to the renderer on a channel. */
  payloads(channel: string): unknown[] {
    return this.sent.filter((s) => s.channel === channel).map((s) => s.payload)
  }
}

export class FakeWindow implements WindowHandle {
  readonly webContents = new FakeWebContents()
  readonly loaded: string[] = []
  shown = false
  focused = false
  minimized = false
  destroyed = false
  loadError: Error | null = null
  private readonly onceListeners = new Map<string, Array<() => void>>()
  private readonly onListeners = new Map<string, Array<() => void>>()

  constructor(readonly options: WindowOptions) {}

  async loadURL(url: string): Promise<void> {
    this.loaded.push(url)
    this.webContents.url = url
    if (this.loadError) throw this.loadError
  }
  show(): void {
    this.shown = true
  }
  focus(): void {
    this.focused = true
  }
  isMinimized(): boolean {
    return this.minimized
  }
  restore(): void {
    this.minimized = false
  }
  isDestroyed(): boolean {
    return this.destroyed
  }
  once(event: 'ready-to-show', listener: () => void): void {
    this.onceListeners.set(event, [...(this.onceListeners.get(event) ?? []), listener])
  }
  on(event: 'closed', listener: () => void): void {
    this.onListeners.set(event, [...(this.onListeners.get(event) ?? []), listener])
  }
  emitReadyToShow(): void {
    const list = this.onceListeners.get('ready-to-show') ?? []
    this.onceListeners.delete('ready-to-show')
    for (const listener of list) listener()
  }
  close(): void {
    this.destroyed = true
    this.webContents.destroyed = true
    for (const listener of this.onListeners.get('closed') ?? []) listener()
  }
}

export class FakeApp implements AppPort {
  isPackaged = false
  version = '0.1.0-test'
  locale = 'en-US'
  hasLock = true
  ready = Promise.resolve()
  quitCalls = 0
  readonly paths = new Map<string, string>()
  readonly listeners = new Map<AppEvent, Array<() => void>>()
  readonly contentsListeners: Array<(contents: WebContentsPort) => void> = []

  constructor(private readonly log: string[]) {}

  getVersion(): string {
    return this.version
  }
  getPath(name: 'userData' | 'documents'): string {
    const path = this.paths.get(name)
    if (!path) throw new Error(`no ${name} path in the fake`)
    return path
  }
  setPath(name: 'userData', path: string): void {
    this.log.push(`setPath:${name}`)
    this.paths.set(name, path)
  }
  getLocale(): string {
    return this.locale
  }
  enableSandbox(): void {
    this.log.push('enableSandbox')
  }
  requestSingleInstanceLock(): boolean {
    this.log.push('requestSingleInstanceLock')
    return this.hasLock
  }
  async whenReady(): Promise<void> {
    this.log.push('whenReady')
    await this.ready
  }
  quit(): void {
    this.quitCalls++
    this.log.push('quit')
  }
  on(event: AppEvent, listener: () => void): void {
    this.listeners.set(event, [...(this.listeners.get(event) ?? []), listener])
  }
  onWebContentsCreated(listener: (contents: WebContentsPort) => void): void {
    this.contentsListeners.push(listener)
  }
  emit(event: AppEvent): void {
    for (const listener of this.listeners.get(event) ?? []) listener()
  }
  emitWebContentsCreated(contents: WebContentsPort): void {
    for (const listener of this.contentsListeners) listener(contents)
  }
}

export class FakeProtocol implements ProtocolPort {
  readonly privileged: Array<{ scheme: string; privileges: SchemePrivileges }> = []
  readonly handlers = new Map<string, (request: Request) => Promise<Response>>()

  constructor(private readonly log: string[]) {}

  registerSchemesAsPrivileged(schemes: Array<{ scheme: string; privileges: SchemePrivileges }>): void {
    this.log.push('registerSchemesAsPrivileged')
    this.privileged.push(...schemes)
  }
  handle(scheme: string, handler: (request: Request) => Promise<Response>): void {
    this.log.push(`protocol.handle:${scheme}`)
    this.handlers.set(scheme, handler)
  }
  async fetch(url: string, init?: RequestInit): Promise<Response> {
    const scheme = new URL(url).protocol.slice(0, -1)
    const handler = this.handlers.get(scheme)
    if (!handler) throw new Error(`no handler for ${scheme}`)
    return handler(new Request(url, init))
  }
}

export class FakeSession implements SessionPort {
  requestHandler: Parameters<SessionPort['setPermissionRequestHandler']>[0] | null = null
  checkHandler: Parameters<SessionPort['setPermissionCheckHandler']>[0] | null = null
  deviceHandler: Parameters<SessionPort['setDevicePermissionHandler']>[0] | null = null
  spellChecker: boolean | null = null
  beforeRequest: Parameters<SessionPort['onBeforeRequest']>[0] | null = null

  setPermissionRequestHandler(handler: Parameters<SessionPort['setPermissionRequestHandler']>[0]): void {
    this.requestHandler = handler
  }
  setPermissionCheckHandler(handler: Parameters<SessionPort['setPermissionCheckHandler']>[0]): void {
    this.checkHandler = handler
  }
  setDevicePermissionHandler(handler: Parameters<SessionPort['setDevicePermissionHandler']>[0]): void {
    this.deviceHandler = handler
  }
  setSpellCheckerEnabled(enabled: boolean): void {
    this.spellChecker = enabled
  }
  onBeforeRequest(listener: Parameters<SessionPort['onBeforeRequest']>[0]): void {
    this.beforeRequest = listener
  }

  /** Plays a permission request; resolves with what the host granted. */
  requestPermission(permission: string): Promise<boolean> {
    const handler = this.requestHandler
    if (!handler) return Promise.resolve(true)
    return new Promise((resolve) =>
      handler(permission, resolve, { requestingUrl: 'loopbench://app/index.html' })
    )
  }
  checkPermission(permission: string, origin = 'loopbench://app'): boolean {
    return this.checkHandler ? this.checkHandler(permission, origin) : true
  }
  /** True if the session filter cancels a request to `url`. */
  cancels(url: string): boolean {
    return filterCancels(this.beforeRequest, url)
  }
}

export class FakeIpcMain implements IpcMainPort {
  readonly handlers = new Map<string, (event: IpcInvokeEvent, ...args: unknown[]) => Promise<unknown>>()
  readonly removed: string[] = []

  handle(channel: string, listener: (event: IpcInvokeEvent, ...args: unknown[]) => Promise<unknown>): void {
    if (this.handlers.has(channel)) throw new Error(`second handler for ${channel}`)
    this.handlers.set(channel, listener)
  }
  removeHandler(channel: string): void {
    this.removed.push(channel)
    this.handlers.delete(channel)
  }
  /** Plays `ipcRenderer.invoke(channel, ...args)` from a sender. */
  async invoke(channel: string, event: IpcInvokeEvent, ...args: unknown[]): Promise<unknown> {
    const handler = this.handlers.get(channel)
    if (!handler) throw new Error(`No handler registered for '${channel}'`)
    return handler(event, ...args)
  }
}

export class FakeDialog implements DialogPort {
  readonly opened: Array<{ parent: WindowHandle | null; options: OpenDialogOptions }> = []
  readonly saved: Array<{ parent: WindowHandle | null; options: SaveDialogOptions }> = []
  readonly messages: Array<{ parent: WindowHandle | null; options: MessageBoxOptions }> = []
  readonly errorBoxes: Array<{ title: string; content: string }> = []
  openAnswer: { canceled: boolean; filePaths: string[] } = { canceled: true, filePaths: [] }
  saveAnswer: { canceled: boolean; filePath?: string } = { canceled: true }

  async showOpenDialog(
    parent: WindowHandle | null,
    options: OpenDialogOptions
  ): Promise<{ canceled: boolean; filePaths: string[] }> {
    this.opened.push({ parent, options })
    return this.openAnswer
  }
  async showSaveDialog(
    parent: WindowHandle | null,
    options: SaveDialogOptions
  ): Promise<{ canceled: boolean; filePath?: string }> {
    this.saved.push({ parent, options })
    return this.saveAnswer
  }
  async showMessageBox(parent: WindowHandle | null, options: MessageBoxOptions): Promise<void> {
    this.messages.push({ parent, options })
  }
  showErrorBox(title: string, content: string): void {
    this.errorBoxes.push({ title, content })
  }
}

export class FakeMenu implements MenuPort {
  readonly installed: Array<MenuItemTemplate[] | null> = []
  setApplicationMenu(template: MenuItemTemplate[] | null): void {
    this.installed.push(template)
  }
  get current(): MenuItemTemplate[] | null {
    return this.installed.at(-1) ?? null
  }
}

/** A hidden print window: records what it loaded and printed; `fail` makes the load reject. */
export class FakePrintWindow implements PrintWindowHandle {
  loaded: string | null = null
  printed: PrintToPdfOptions | null = null
  destroyed = false
  fail = false
  beforeRequest: Parameters<PrintWindowHandle['onBeforeRequest']>[0] | null = null
  constructor(readonly options: PrintWindowOptions) {}
  onBeforeRequest(listener: Parameters<PrintWindowHandle['onBeforeRequest']>[0]): void {
    this.beforeRequest = listener
  }
  /** True if the window's session filter cancels a request to `url` (see FakeSession.cancels). */
  cancels(url: string): boolean {
    return filterCancels(this.beforeRequest, url)
  }
  async loadURL(url: string): Promise<void> {
    if (this.fail) throw new Error('ERR_FAILED')
    // What Chromium would do: ask the session's filter first.
    if (this.cancels(url)) throw new Error('ERR_BLOCKED_BY_CLIENT')
    this.loaded = url
  }
  async printToPDF(options: PrintToPdfOptions): Promise<Uint8Array> {
    this.printed = options
    return new TextEncoder().encode('%PDF-1.4 fake')
  }
  destroy(): void {
    this.destroyed = true
  }
}

/** The whole fake, with an ordered log of the calls whose order matters. */
export class FakeElectron implements ElectronPorts {
  readonly log: string[] = []
  platform: NodeJS.Platform = 'linux'
  darkColors = true
  readonly app = new FakeApp(this.log)
  readonly protocol = new FakeProtocol(this.log)
  readonly session = new FakeSession()
  readonly ipcMain = new FakeIpcMain()
  readonly dialog = new FakeDialog()
  readonly menu = new FakeMenu()
  readonly windows: FakeWindow[] = []

  prefersDarkColors(): boolean {
    return this.darkColors
  }
  createWindow(options: WindowOptions): FakeWindow {
    this.log.push('createWindow')
    const window = new FakeWindow(options)
    this.windows.push(window)
    return window
  }
  readonly printWindows: FakePrintWindow[] = []
  failPrinting = false
  createPrintWindow(options: PrintWindowOptions): FakePrintWindow {
    const window = new FakePrintWindow(options)
    window.fail = this.failPrinting
    this.printWindows.push(window)
    return window
  }
  get window(): FakeWindow {
    const window = this.windows.at(-1)
    if (!window) throw new Error('no window was created')
    return window
  }
}

/** An IPC event from the main frame of `contents`, showing `url`. */
export function mainFrameEvent(contentsId: number, url = 'loopbench://app/index.html'): IpcInvokeEvent {
  return { senderId: contentsId, senderFrame: { url, isMainFrame: true } }
}

/** Every item of a menu template, depth first. */
export function flattenMenu(items: readonly MenuItemTemplate[]): MenuItemTemplate[] {
  return items.flatMap((item) => [item, ...flattenMenu(item.submenu ?? [])])
}

/** What a request filter answers for `url`: true when it cancels it (no filter cancels nothing). */
function filterCancels(
  listener: ((details: { url: string }, callback: (response: { cancel: boolean }) => void) => void) | null,
  url: string
): boolean {
  if (!listener) return false
  let cancel: boolean | null = null
  listener({ url }, (response) => (cancel = response.cancel))
  if (cancel === null) throw new Error('the request filter did not answer synchronously')
  return cancel
}
