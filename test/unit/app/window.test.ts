import { describe, expect, it } from 'vitest'
import { packagedOrigin, resolveAppOrigin } from '../../../src/main/app/app-origin'
import { THEME_BACKGROUNDS, effectiveTheme } from '../../../src/main/app/display-preferences'
import { createMainWindow, mainWindowOptions } from '../../../src/main/app/window'
import { FakeElectron } from './fake-electron'

const PRELOAD = '/opt/loopbench/out/preload/index.cjs'

describe('workbench window options', () => {
  const options = mainWindowOptions({ preloadPath: PRELOAD, isPackaged: true, backgroundColor: '#1e1e1e' })

  it('isolates and sandboxes the renderer and gives it no Node', () => {
    const prefs = options.webPreferences
    expect(prefs.contextIsolation).toBe(true)
    expect(prefs.sandbox).toBe(true)
    expect(prefs.nodeIntegration).toBe(false)
    expect(prefs.nodeIntegrationInWorker).toBe(false)
    expect(prefs.nodeIntegrationInSubFrames).toBe(false)
  })

  it('keeps web security on and every risky feature off', () => {
    const prefs = options.webPreferences
    expect(prefs.webviewTag).toBe(false)
    expect(prefs.webSecurity).toBe(true)
    expect(prefs.allowRunningInsecureContent).toBe(false)
    expect(prefs.experimentalFeatures).toBe(false)
    expect(prefs.enableWebSQL).toBe(false)
    expect(prefs.navigateOnDragDrop).toBe(false)
    // The spell checker would download dictionaries.
    expect(prefs.spellcheck).toBe(false)
  })

  it('loads the built preload', () => {
    expect(options.webPreferences.preload).toBe(PRELOAD)
  })

  it('allows developer tools only when not packaged', () => {
    expect(options.webPreferences.devTools).toBe(false)
    const dev = mainWindowOptions({ preloadPath: PRELOAD, isPackaged: false, backgroundColor: '#fff' })
    expect(dev.webPreferences.devTools).toBe(true)
  })

  it('stays hidden until ready to show, on the theme background', () => {
    expect(options.show).toBe(false)
    expect(options.backgroundColor).toBe('#1e1e1e')
    expect(options.title).toBe('Loopbench')
  })

  it('has exactly the expected web preferences, nothing weaker slipped in', () => {
    expect(Object.keys(options.webPreferences).sort()).toEqual(
      [
        'allowRunningInsecureContent',
        'contextIsolation',
        'devTools',
        'enableWebSQL',
        'experimentalFeatures',
        'navigateOnDragDrop',
        'nodeIntegration',
        'nodeIntegrationInSubFrames',
        'nodeIntegrationInWorker',
        'preload',
        'safeDialogs',
        'sandbox',
        'spellcheck',
        'webSecurity',
        'webviewTag'
      ].sort()
    )
  })
})

describe('theme background', () => {
  it('matches the theme preference, or the OS when it follows the system', () => {
    const system = (prefersDark: boolean) => ({ locale: 'en', prefersDark })
    expect(THEME_BACKGROUNDS[effectiveTheme({ theme: 'light' }, system(true))]).toBe('#ffffff')
    expect(THEME_BACKGROUNDS[effectiveTheme({ theme: 'high-contrast' }, system(false))]).toBe('#000000')
    expect(THEME_BACKGROUNDS[effectiveTheme({ theme: null }, system(true))]).toBe('#1f1f1f')
    expect(THEME_BACKGROUNDS[effectiveTheme({ theme: null }, system(false))]).toBe('#ffffff')
  })
})

describe('createMainWindow', () => {
  it('creates one hidden window, guards it, loads the app entry and shows it when ready', async () => {
    const electron = new FakeElectron()
    electron.app.isPackaged = true
    const window = createMainWindow(electron, {
      preloadPath: PRELOAD,
      backgroundColor: '#ffffff',
      origin: packagedOrigin()
    })
    expect(electron.windows).toHaveLength(1)
    expect(electron.window.options.webPreferences.devTools).toBe(false)
    expect(electron.window.loaded).toEqual(['loopbench://app/index.html'])
    expect(electron.window.shown).toBe(false)
    electron.window.emitReadyToShow()
    expect(electron.window.shown).toBe(true)
    expect(window.webContents.id).toBe(electron.window.webContents.id)
    // Guards are attached before any page runs.
    expect(electron.window.webContents.navigate('will-navigate', 'https://example.com/')).toBe(true)
    expect(electron.window.webContents.openWindow('https://example.com/')).toEqual({ action: 'deny' })
  })

  it('loads the dev server only in an unpackaged build', () => {
    const dev = resolveAppOrigin({ isPackaged: false, rendererUrl: 'http://localhost:5173/' })
    const electron = new FakeElectron()
    createMainWindow(electron, { preloadPath: PRELOAD, backgroundColor: '#fff', origin: dev })
    expect(electron.window.loaded).toEqual(['http://localhost:5173/'])
    expect(resolveAppOrigin({ isPackaged: true, rendererUrl: 'http://localhost:5173/' }).entryUrl).toBe(
      'loopbench://app/index.html'
    )
  })

  it('shows the window and reports when the page fails to load', async () => {
    const electron = new FakeElectron()
    const failures: unknown[] = []
    const original = electron.createWindow.bind(electron)
    electron.createWindow = (options) => {
      const window = original(options)
      window.loadError = new Error('ERR_FILE_NOT_FOUND')
      return window
    }
    createMainWindow(electron, {
      preloadPath: PRELOAD,
      backgroundColor: '#fff',
      origin: packagedOrigin(),
      onLoadFailed: (error) => failures.push(error)
    })
    await new Promise((resolve) => setTimeout(resolve, 0))
    expect(failures).toHaveLength(1)
    expect(electron.window.shown).toBe(true)
  })
})
