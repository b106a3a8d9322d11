import { mkdirSync } from 'node:fs'
import { join, resolve } from 'node:path'
import type { WorkbenchOptions, Workbench } from '../core/composition-root'
import { createWorkbench } from '../core/composition-root'
import type { UserPreferences } from '@shared/domain/preferences'
import type { AppOrigin } from './app-origin'
import { resolveAppOrigin } from './app-origin'
import { installAppProtocol, registerAppScheme } from './app-protocol'
import { THEME_BACKGROUNDS, effectiveLanguage, effectiveTheme } from './display-preferences'
import type { SystemDisplay } from './display-preferences'
import type { ElectronPorts, WindowHandle } from './electron-ports'
import { electronPdfPrinter } from './electron-pdf'
import { desktopHostPort } from './host-port'
import { forwardEvents, registerIpcAdapter, sendEvent } from './ipc-adapter'
import { installMenu } from './menu'
import { hardenSession, hardenWebContents } from './security'
import type { StartupOutcome } from './startup'
import { openAtStartup, reportStartupOutcome } from './startup'
import { createMainWindow } from './window'

/** File name of the demo workspace in the user's data folder. */
export const DEMO_WORKSPACE_FILE = 'demo.loopbench'

/** Where the built app's parts are, relative to the main bundle. */
export interface DesktopPaths {
  /** `out/preload/index.cjs` */
  preload: string
  /** `out/renderer` */
  rendererDir: string
  /** `out/main/job-worker.js` */
  jobWorker: URL | string
}

export interface DesktopOptions {
  paths: DesktopPaths
  env: Readonly<Record<string, string | undefined>>
  argv: readonly string[]
  /** Test seams passed through to the composition root (an inline job executor, for one). */
  workbenchOverrides?: Pick<WorkbenchOptions, 'jobExecutor' | 'workspaceOptions'>
  log?: (message: string, error?: unknown) => void
}

/** A running desktop app. */
export interface DesktopApp {
  readonly workbench: Workbench
  readonly origin: AppOrigin
  currentWindow(): WindowHandle | null
  /** Settles once the start-up workspace opened (or failed and the user was told). */
  readonly startup: Promise<StartupOutcome>
  /** Removes the IPC handlers and closes the workspace; runs once, on quit. */
  dispose(): void
}

/** The value of `--user-data-dir=DIR` on the command line, if any (tests run on a fresh one). */
export function userDataDirFromArgv(argv: readonly string[]): string | null {
  for (const arg of argv) {
    if (arg.startsWith('--user-data-dir=')) {
      const dir = arg.slice('--user-data-dir='.length)
      if (dir) return dir
    }
  }
  return null
}

/**
 * Starts the desktop app: the app scheme and sandbox before `ready`, one instance per user data
 * folder, then the locked-down session, the backend (through the composition root and nothing
 * else), the IPC adapter, the window, the menu, and finally the start-up workspace — after the
 * window exists, so the renderer can show the demo build's progress. Returns null when another
 * instance already runs (it is focused instead).
 */
export async function startDesktopApp(
  ports: ElectronPorts,
  options: DesktopOptions
): Promise<DesktopApp | null> {
  const { app } = ports
  const log = options.log ?? ((message, error) => console.error(`[loopbench] ${message}`, error ?? ''))

  const userDataDir = userDataDirFromArgv(options.argv)
  if (userDataDir) app.setPath('userData', resolve(userDataDir))
  app.enableSandbox()
  registerAppScheme(ports.protocol)
  if (!app.requestSingleInstanceLock()) {
    app.quit()
    return null
  }

  let window: WindowHandle | null = null
  const currentWindow = (): WindowHandle | null => (window && !window.isDestroyed() ? window : null)
  app.on('second-instance', () => {
    const existing = currentWindow()
    if (!existing) return
    if (existing.isMinimized()) existing.restore()
    existing.focus()
  })

  await app.whenReady()

  const origin = resolveAppOrigin({
    isPackaged: app.isPackaged,
    rendererUrl: options.env.ELECTRON_RENDERER_URL
  })
  hardenSession(ports.session, origin)
  app.onWebContentsCreated((contents) => hardenWebContents(contents, origin))
  installAppProtocol(ports.protocol, options.paths.rendererDir)

  const system = (): SystemDisplay => ({ locale: app.getLocale(), prefersDark: ports.prefersDarkColors() })
  let preferences: Pick<UserPreferences, 'theme' | 'language'> = { theme: null, language: null }
  const language = (): ReturnType<typeof effectiveLanguage> => effectiveLanguage(preferences, system())

  // Chromium usually creates it; the demo workspace is built there, so make sure it exists.
  const configDir = app.getPath('userData')
  mkdirSync(configDir, { recursive: true, mode: 0o700 })
  const workbench = await createWorkbench({
    host: desktopHostPort({
      platform: ports.platform,
      dialog: ports.dialog,
      currentWindow,
      language,
      documentsDir: () => app.getPath('documents'),
      pdfPrinter: electronPdfPrinter(ports)
    }),
    appVersion: app.getVersion(),
    configDir,
    demoWorkspacePath: join(configDir, DEMO_WORKSPACE_FILE),
    jobWorkerScript: options.paths.jobWorker,
    ...options.workbenchOverrides
  })
  preferences = await workbench.handlers['preferences.get']({})

  const removeIpc = registerIpcAdapter(ports.ipcMain, workbench.handlers, {
    trustedContentsId: () => currentWindow()?.webContents.id ?? null,
    origin,
    onUnexpected: (method, error) => log(`Unexpected error in ${method}`, error)
  })
  const stopForwarding = forwardEvents(workbench.subscribe, currentWindow)

  const refreshMenu = (): void =>
    installMenu(
      ports.menu,
      {
        language: language(),
        theme: effectiveTheme(preferences, system()),
        platform: ports.platform,
        isPackaged: app.isPackaged
      },
      { runCommand: (command) => sendEvent(currentWindow(), { type: 'command.run', command }) }
    )
  const stopMenuUpdates = workbench.subscribe((event) => {
    if (event.type !== 'preferences.changed') return
    preferences = event.preferences
    refreshMenu()
  })
  refreshMenu()

  const openWindow = (): WindowHandle => {
    const created = createMainWindow(ports, {
      preloadPath: options.paths.preload,
      backgroundColor: THEME_BACKGROUNDS[effectiveTheme(preferences, system())],
      origin,
      onLoadFailed: (error) => log('The workbench page did not load', error)
    })
    created.on('closed', () => {
      if (window === created) window = null
    })
    return created
  }
  window = openWindow()

  let disposed = false
  const dispose = (): void => {
    if (disposed) return
    disposed = true
    removeIpc()
    stopForwarding()
    stopMenuUpdates()
    workbench.dispose()
  }
  app.on('window-all-closed', () => {
    if (ports.platform !== 'darwin') app.quit()
  })
  app.on('activate', () => {
    if (!currentWindow() && !disposed) window = openWindow()
  })
  app.on('will-quit', dispose)

  const startup = openAtStartup(workbench.handlers).then(async (outcome) => {
    try {
      await reportStartupOutcome(ports.dialog, currentWindow(), language(), outcome)
    } catch (error) {
      log('Could not show the start-up message', error)
    }
    return outcome
  })

  return { workbench, origin, currentWindow, startup, dispose }
}
