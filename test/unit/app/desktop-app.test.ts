import { existsSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { IPC_EVENT_CHANNEL, ipcChannelFor } from '@shared/api/bridge'
import { METHOD_NAMES } from '@shared/api/method-names'
import { ApiError } from '@shared/api/errors'
import type { JobExecutor } from '../../../src/main/core/jobs/job-types'
import { Workspace } from '../../../src/main/core/store/workspace'
import type { DesktopApp, DesktopOptions } from '../../../src/main/app/desktop-app'
import { DEMO_WORKSPACE_FILE, startDesktopApp, userDataDirFromArgv } from '../../../src/main/app/desktop-app'
import { CATALOG } from '@shared/i18n/catalog'
import { describeError } from '../../../src/main/app/startup'
import { makeTempDir } from '../../helpers/temp-dir'
import { snapshotFile } from '../../helpers/file-snapshot'
import { FakeElectron, FakeWebContents, flattenMenu, mainFrameEvent } from './fake-electron'

/** Builds a tiny "demo" workspace instead of the real one, and notes when it ran. */
function demoExecutor(log: string[], fail?: ApiError): JobExecutor {
  return {
    run: async (kind, params) => {
      log.push(kind)
      if (fail) throw fail
      const { path } = params as { path: string }
      const workspace = await Workspace.create(path, { isDemo: true })
      workspace.close()
      return { path, tickets: 0, surveyResponses: 0, customers: 0, experiments: 0, elapsedMs: 1 }
    }
  }
}

describe('desktop app start-up', () => {
  let temp: { dir: string; cleanup: () => void }
  let userData: string
  const running: DesktopApp[] = []

  beforeEach(() => {
    temp = makeTempDir('loopbench-desktop-')
    userData = join(temp.dir, 'user-data')
  })

  afterEach(() => {
    for (const app of running.splice(0)) app.dispose()
    temp.cleanup()
  })

  async function start(
    electron = new FakeElectron(),
    options: Partial<DesktopOptions> & { fail?: ApiError } = {}
  ): Promise<{ electron: FakeElectron; app: DesktopApp }> {
    electron.app.paths.set('documents', join(temp.dir, 'docs'))
    const app = await startDesktopApp(electron, {
      paths: {
        preload: '/app/out/preload/index.cjs',
        rendererDir: '/app/out/renderer',
        jobWorker: '/unused.js'
      },
      env: {},
      argv: ['electron', '.', `--user-data-dir=${userData}`],
      workbenchOverrides: { jobExecutor: demoExecutor(electron.log, options.fail) },
      log: () => undefined,
      ...options
    })
    if (!app) throw new Error('the app did not start')
    running.push(app)
    return { electron, app }
  }

  it('does the pre-ready set-up first: user data folder, sandbox, app scheme, single-instance lock', async () => {
    const { electron } = await start()
    const ready = electron.log.indexOf('whenReady')
    for (const step of [
      'setPath:userData',
      'enableSandbox',
      'registerSchemesAsPrivileged',
      'requestSingleInstanceLock'
    ]) {
      expect(electron.log.indexOf(step)).toBeGreaterThanOrEqual(0)
      expect(electron.log.indexOf(step)).toBeLessThan(ready)
    }
    expect(electron.app.paths.get('userData')).toBe(userData)
  })

  it('quits at once when another instance holds the lock, creating nothing', async () => {
    const electron = new FakeElectron()
    electron.app.hasLock = false
    const app = await startDesktopApp(electron, {
      paths: { preload: '/p', rendererDir: '/r', jobWorker: '/w' },
      env: {},
      argv: []
    })
    expect(app).toBeNull()
    expect(electron.app.quitCalls).toBe(1)
    expect(electron.windows).toHaveLength(0)
    expect(electron.ipcMain.handlers.size).toBe(0)
    expect(electron.log).not.toContain('whenReady')
  })

  it('locks down the session and serves the renderer on loopbench://', async () => {
    const { electron } = await start()
    expect(electron.session.cancels('https://example.com/')).toBe(true)
    expect(electron.session.cancels('loopbench://app/index.html')).toBe(false)
    expect(await electron.session.requestPermission('media')).toBe(false)
    expect(electron.session.checkPermission('notifications')).toBe(false)
    expect(electron.protocol.handlers.has('loopbench')).toBe(true)
    expect([...electron.ipcMain.handlers.keys()].sort()).toEqual(METHOD_NAMES.map(ipcChannelFor).sort())
  })

  it('creates one secure window loading the app entry, and guards any other web contents too', async () => {
    const { electron } = await start()
    expect(electron.windows).toHaveLength(1)
    const prefs = electron.window.options.webPreferences
    expect(prefs).toMatchObject({
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      webviewTag: false
    })
    expect(prefs.preload).toBe('/app/out/preload/index.cjs')
    expect(electron.window.loaded).toEqual(['loopbench://app/index.html'])
    const stray = new FakeWebContents()
    electron.app.emitWebContentsCreated(stray)
    expect(stray.navigate('will-navigate', 'https://example.com/')).toBe(true)
    expect(stray.openWindow('https://example.com/')).toEqual({ action: 'deny' })
  })

  it('loads the dev server when electron-vite dev runs an unpackaged app', async () => {
    const { electron } = await start(new FakeElectron(), {
      env: { ELECTRON_RENDERER_URL: 'http://localhost:5173' }
    })
    expect(electron.window.loaded).toEqual(['http://localhost:5173/'])
    const packaged = new FakeElectron()
    packaged.app.isPackaged = true
    userData = join(temp.dir, 'user-data-2')
    await start(packaged, { env: { ELECTRON_RENDERER_URL: 'http://localhost:5173' } })
    expect(packaged.window.loaded).toEqual(['loopbench://app/index.html'])
    expect(packaged.window.options.webPreferences.devTools).toBe(false)
  })

  it('opens the demo workspace on the first start, building it after the window exists', async () => {
    const { electron, app } = await start()
    const outcome = await app.startup
    const demoPath = join(userData, DEMO_WORKSPACE_FILE)
    expect(outcome).toEqual({ kind: 'demo', path: demoPath })
    expect(electron.log.indexOf('createWindow')).toBeGreaterThanOrEqual(0)
    expect(electron.log.indexOf('demo.build')).toBeGreaterThan(electron.log.indexOf('createWindow'))
    expect(app.workbench.service.current?.path).toBe(demoPath)
    // The renderer hears about the build and the workspace through the event channel.
    const events = electron.window.webContents.payloads(IPC_EVENT_CHANNEL) as Array<{ type: string }>
    expect(events.map((e) => e.type)).toContain('job.updated')
    expect(events.map((e) => e.type)).toContain('workspace.changed')
    expect(electron.dialog.messages).toHaveLength(0)
  })

  it('reopens the most recent workspace on later starts, without building the demo', async () => {
    const first = await start()
    await first.app.startup
    first.app.dispose()

    const tiny = join(temp.dir, 'q3.loopbench')
    ;(await Workspace.create(tiny)).close()
    const second = await start()
    await second.app.startup
    // Open another workspace through the API, as the renderer would.
    const opened = await second.electron.ipcMain.invoke(
      ipcChannelFor('workspace.open'),
      mainFrameEvent(second.electron.window.webContents.id),
      { path: tiny }
    )
    expect(opened).toMatchObject({ ok: true })
    second.app.dispose()

    const third = await start()
    expect(await third.app.startup).toEqual({ kind: 'reopened', path: tiny })
    expect(third.app.workbench.service.current?.path).toBe(tiny)
    expect(third.electron.log).not.toContain('demo.build')
    expect(third.electron.dialog.messages).toHaveLength(0)
  })

  it('shows the Welcome page and a clear message when the recent workspace is gone, creating nothing', async () => {
    const first = await start()
    await first.app.startup
    first.app.dispose()
    const demoPath = join(userData, DEMO_WORKSPACE_FILE)
    const { rmSync } = await import('node:fs')
    rmSync(demoPath)

    const second = await start()
    const outcome = await second.app.startup
    expect(outcome).toMatchObject({
      kind: 'reopen-failed',
      path: demoPath,
      error: { code: 'workspace_not_found' }
    })
    expect(second.app.workbench.service.current).toBeNull()
    expect(existsSync(demoPath)).toBe(false)
    expect(second.electron.log.filter((l) => l === 'demo.build')).toHaveLength(0)
    const box = second.electron.dialog.messages[0]!
    expect(box.parent).toBe(second.electron.window)
    expect(box.options.type).toBe('warning')
    expect(box.options.message).toContain('demo')
    expect(box.options.detail).toContain('The file was not changed')
    expect(box.options.detail).toContain(demoPath)
  })

  it('leaves a damaged recent workspace untouched and says so', async () => {
    const first = await start()
    await first.app.startup
    first.app.dispose()
    const demoPath = join(userData, DEMO_WORKSPACE_FILE)
    writeFileSync(demoPath, 'this is not a SQLite database, just some text that is long enough '.repeat(4))
    const before = snapshotFile(demoPath)

    const second = await start()
    const outcome = await second.app.startup
    expect(outcome).toMatchObject({ kind: 'reopen-failed', error: { code: 'workspace_not_a_workspace' } })
    expect(snapshotFile(demoPath)).toEqual(before)
    expect(second.electron.dialog.messages).toHaveLength(1)
  })

  it('reports a failed demo build with a message, and a cancelled one without', async () => {
    const failed = await start(new FakeElectron(), { fail: new ApiError('job_failed', 'Disk full.') })
    expect(await failed.app.startup).toMatchObject({ kind: 'demo-failed', error: { code: 'job_failed' } })
    expect(failed.electron.dialog.messages[0]!.options).toMatchObject({ type: 'error' })
    expect(failed.electron.dialog.messages[0]!.options.detail).toContain('Disk full.')

    userData = join(temp.dir, 'user-data-cancel')
    const cancelled = await start(new FakeElectron(), {
      fail: new ApiError('cancelled', 'The job was cancelled.')
    })
    expect(await cancelled.app.startup).toMatchObject({ kind: 'demo-failed', error: { code: 'cancelled' } })
    expect(cancelled.electron.dialog.messages).toHaveLength(0)
  })

  it('speaks the OS language in the menu until a language is chosen, then follows the preference', async () => {
    const electron = new FakeElectron()
    electron.app.locale = 'zh-CN'
    await start(electron)
    expect(electron.menu.current?.map((m) => m.label)).toEqual(['文件', '编辑', '视图', '帮助'])
    const result = await electron.ipcMain.invoke(
      ipcChannelFor('preferences.update'),
      mainFrameEvent(electron.window.webContents.id),
      { patch: { language: 'en', theme: 'light' } }
    )
    expect(result).toMatchObject({ ok: true })
    expect(electron.menu.current?.map((m) => m.label)).toEqual(['File', 'Edit', 'View', 'Help'])
    const items = flattenMenu(electron.menu.current ?? [])
    expect(items.find((i) => i.id === 'theme.light')?.checked).toBe(true)
  })

  it('paints the window in the theme the user chose last time', async () => {
    const first = await start()
    await first.electron.ipcMain.invoke(
      ipcChannelFor('preferences.update'),
      mainFrameEvent(first.electron.window.webContents.id),
      { patch: { theme: 'light' } }
    )
    await first.app.startup
    first.app.dispose()
    const second = await start()
    expect(second.electron.window.options.backgroundColor).toBe('#ffffff')
  })

  it('sends menu commands to the renderer as command.run events', async () => {
    const { electron } = await start()
    const items = flattenMenu(electron.menu.current ?? [])
    items.find((i) => i.id === 'workbench.showCommands')?.click?.()
    expect(electron.window.webContents.payloads(IPC_EVENT_CHANNEL)).toContainEqual({
      type: 'command.run',
      command: 'workbench.showCommands'
    })
  })

  it('answers workspace.pickPath with the native dialog', async () => {
    const { electron } = await start()
    electron.dialog.openAnswer = { canceled: false, filePaths: ['/data/x.loopbench'] }
    const result = await electron.ipcMain.invoke(
      ipcChannelFor('workspace.pickPath'),
      mainFrameEvent(electron.window.webContents.id),
      { mode: 'open' }
    )
    expect(result).toEqual({ ok: true, value: '/data/x.loopbench' })
    expect(electron.dialog.opened[0]!.parent).toBe(electron.window)
  })

  it('focuses the window when a second instance starts', async () => {
    const { electron } = await start()
    electron.window.minimized = true
    electron.app.emit('second-instance')
    expect(electron.window.minimized).toBe(false)
    expect(electron.window.focused).toBe(true)
  })

  it('quits when the last window closes, except on macOS, and closes the workspace on quit', async () => {
    const { electron, app } = await start()
    await app.startup
    electron.window.close()
    electron.app.emit('window-all-closed')
    expect(electron.app.quitCalls).toBe(1)
    expect(app.currentWindow()).toBeNull()
    electron.app.emit('will-quit')
    expect(app.workbench.service.current).toBeNull()
    expect(electron.ipcMain.handlers.size).toBe(0)

    userData = join(temp.dir, 'user-data-mac')
    const mac = new FakeElectron()
    mac.platform = 'darwin'
    await start(mac)
    mac.window.close()
    mac.app.emit('window-all-closed')
    expect(mac.app.quitCalls).toBe(0)
    mac.app.emit('activate')
    expect(mac.windows).toHaveLength(2)
  })

  it('refuses IPC from the old window once it is closed and a new one exists', async () => {
    const mac = new FakeElectron()
    mac.platform = 'darwin'
    await start(mac)
    const oldId = mac.window.webContents.id
    mac.window.close()
    mac.app.emit('activate')
    const old = await mac.ipcMain.invoke(ipcChannelFor('app.info'), mainFrameEvent(oldId), {})
    expect(old).toMatchObject({ ok: false, error: { code: 'forbidden' } })
    const current = await mac.ipcMain.invoke(
      ipcChannelFor('app.info'),
      mainFrameEvent(mac.window.webContents.id),
      {}
    )
    expect(current).toMatchObject({ ok: true })
  })
})

describe('userDataDirFromArgv', () => {
  it('reads --user-data-dir=DIR and ignores everything else', () => {
    expect(userDataDirFromArgv(['electron', 'out/main/index.js', '--user-data-dir=/tmp/x'])).toBe('/tmp/x')
    expect(userDataDirFromArgv(['electron', '--user-data-dir='])).toBeNull()
    expect(userDataDirFromArgv(['electron', '--inspect=0'])).toBeNull()
  })
})

describe('describeError', () => {
  const catalogHas = (language: 'en' | 'zh-CN', key: string): boolean =>
    Object.prototype.hasOwnProperty.call(CATALOG[language], key)

  it('gives the catalog sentence for the code (when there is one) and keeps the backend message', () => {
    for (const language of ['en', 'zh-CN'] as const) {
      const text = describeError(language, { code: 'workspace_busy', message: 'Locked by another program.' })
      expect(text).toContain('Locked by another program.')
      if (catalogHas(language, 'error.workspace_busy')) {
        expect(text).toContain((CATALOG[language] as Record<string, string>)['error.workspace_busy'])
      } else {
        expect(text).toBe('Locked by another program.')
      }
    }
  })

  it('falls back to the backend message when a placeholder cannot be filled', () => {
    const text = describeError('en', { code: 'workspace_too_new', message: 'Written by Loopbench 9.' })
    expect(text).not.toMatch(/\{\w+\}/)
    expect(text).toContain('Written by Loopbench 9.')
  })
})
