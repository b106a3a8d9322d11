import { describe, expect, it } from 'vitest'
import { CONTENT_SECURITY_POLICY } from '@shared/security'
import { devServerOrigin, packagedOrigin, resolveAppOrigin } from '../../../src/main/app/app-origin'
import { hardenSession, hardenWebContents } from '../../../src/main/app/security'
import { FakeSession, FakeWebContents } from './fake-electron'

const EXTERNAL_URLS = [
  'https://example.com/',
  'http://example.com/login',
  'http://127.0.0.1:1234/',
  'file:///etc/passwd',
  'file:///C:/Windows/win.ini',
  'loopbench://other/index.html',
  'data:text/html,<script>alert(1)</script>',
  'javascript:alert(1)',
  'about:blank',
  'chrome://settings'
]

/** Every permission Electron 45 knows, plus one it does not. */
const PERMISSIONS = [
  'clipboard-read',
  'clipboard-sanitized-write',
  'display-capture',
  'fullscreen',
  'geolocation',
  'idle-detection',
  'media',
  'mediaKeySystem',
  'midi',
  'midiSysex',
  'notifications',
  'pointerLock',
  'keyboardLock',
  'openExternal',
  'speaker-selection',
  'storage-access',
  'top-level-storage-access',
  'window-management',
  'unknown',
  'fileSystem',
  'hid',
  'serial',
  'usb',
  'local-fonts',
  'persistent-storage',
  'background-sync',
  'sensors',
  'some-future-permission'
]

describe('web contents guards', () => {
  const guarded = (): FakeWebContents => {
    const contents = new FakeWebContents()
    hardenWebContents(contents, packagedOrigin())
    return contents
  }

  it.each(EXTERNAL_URLS)('prevents will-navigate, will-frame-navigate and will-redirect to %s', (url) => {
    const contents = guarded()
    expect(contents.navigate('will-navigate', url)).toBe(true)
    expect(contents.navigate('will-frame-navigate', url)).toBe(true)
    expect(contents.navigate('will-redirect', url)).toBe(true)
  })

  it('lets the page navigate within the app origin (a reload, say)', () => {
    const contents = guarded()
    expect(contents.navigate('will-navigate', 'loopbench://app/index.html')).toBe(false)
    expect(contents.navigate('will-navigate', 'loopbench://app/index.html#/settings')).toBe(false)
    expect(contents.navigate('will-redirect', 'loopbench://app/')).toBe(false)
  })

  it.each([...EXTERNAL_URLS, 'loopbench://app/index.html', ''])('denies window.open(%s)', (url) => {
    expect(guarded().openWindow(url)).toEqual({ action: 'deny' })
  })

  it('prevents <webview> from attaching', () => {
    expect(guarded().attachWebview()).toBe(true)
  })

  it('attaches its listeners once, however often it is called', () => {
    const contents = new FakeWebContents()
    hardenWebContents(contents, packagedOrigin())
    hardenWebContents(contents, packagedOrigin())
    expect(contents.listeners.get('will-navigate')).toHaveLength(1)
  })
})

describe('session lock-down', () => {
  const locked = (origin = packagedOrigin()): FakeSession => {
    const session = new FakeSession()
    hardenSession(session, origin)
    return session
  }

  it.each(PERMISSIONS)('denies the permission request %s', async (permission) => {
    expect(await locked().requestPermission(permission)).toBe(false)
  })

  it.each(PERMISSIONS)('denies the permission check %s', (permission) => {
    const session = locked()
    expect(session.checkPermission(permission)).toBe(false)
    expect(session.checkPermission(permission, 'https://example.com')).toBe(false)
  })

  it('grants no USB, HID or serial device and turns the spell checker off', () => {
    const session = locked()
    expect(session.deviceHandler?.('usb', 'loopbench://app')).toBe(false)
    expect(session.deviceHandler?.('hid', 'loopbench://app')).toBe(false)
    expect(session.deviceHandler?.('serial', 'loopbench://app')).toBe(false)
    expect(session.spellChecker).toBe(false)
  })

  it.each([
    'https://example.com/',
    'https://example.com/track.gif',
    'http://127.0.0.1:1234/',
    'http://localhost:5173/',
    'ws://127.0.0.1:1234/',
    'wss://example.com/socket',
    'ws://example.com/socket',
    'ws://localhost:5173/',
    'blob:https://example.com/0b1c2d3e-0000-4000-8000-000000000000',
    'blob:loopbench://other/0b1c2d3e-0000-4000-8000-000000000000',
    'file:///etc/passwd',
    'loopbench://other/index.html',
    'ftp://example.com/'
  ])('cancels the request to %s', (url) => {
    expect(locked().cancels(url)).toBe(true)
  })

  it.each([
    'loopbench://app/index.html',
    'loopbench://app/assets/index-abc.js',
    'devtools://devtools/bundled/devtools_app.html',
    // In memory, never on the network: a chart exported as a picture, an inline icon.
    'blob:loopbench://app/0b1c2d3e-0000-4000-8000-000000000000',
    'data:image/svg+xml;charset=utf-8,%3Csvg%2F%3E'
  ])('lets the request to %s through', (url) => {
    expect(locked().cancels(url)).toBe(false)
  })

  it('in development also lets the dev server (and its hot-reload socket) through, and nothing else', () => {
    const dev = devServerOrigin('http://localhost:5173/')
    expect(dev).not.toBeNull()
    const session = locked(dev!)
    expect(session.cancels('http://localhost:5173/src/main.tsx')).toBe(false)
    expect(session.cancels('ws://localhost:5173/')).toBe(false)
    expect(session.cancels('http://localhost:5174/')).toBe(true)
    expect(session.cancels('http://127.0.0.1:1234/')).toBe(true)
    expect(session.cancels('https://example.com/')).toBe(true)
    expect(session.cancels('ws://example.com/')).toBe(true)
    expect(session.cancels('blob:http://localhost:5173/0b1c2d3e-0000-4000-8000-000000000000')).toBe(false)
    expect(session.cancels('blob:http://localhost:5174/0b1c2d3e-0000-4000-8000-000000000000')).toBe(true)
  })
})

describe('content security policy', () => {
  const directives = new Map(
    CONTENT_SECURITY_POLICY.split(';').map((d) => {
      const [name = '', ...sources] = d.trim().split(/\s+/)
      return [name, sources] as const
    })
  )

  it("names no source but the page's own origin and in-memory data", () => {
    const allowed = new Set(["'self'", "'none'", "'unsafe-inline'", 'data:', 'blob:'])
    for (const [name, sources] of directives)
      for (const source of sources) expect(allowed.has(source), `${name} ${source}`).toBe(true)
  })

  it("falls back to 'self', and allows connections to 'self' only", () => {
    expect(directives.get('default-src')).toEqual(["'self'"])
    expect(directives.get('connect-src')).toEqual(["'self'"])
    expect(directives.get('script-src')).toEqual(["'self'"])
    expect(directives.get('frame-src')).toEqual(["'none'"])
    expect(directives.get('form-action')).toEqual(["'none'"])
  })
})

describe('app origin', () => {
  it('accepts only a loopback http dev server', () => {
    expect(devServerOrigin('http://localhost:5173/')?.entryUrl).toBe('http://localhost:5173/')
    expect(devServerOrigin('http://127.0.0.1:5173')?.entryUrl).toBe('http://127.0.0.1:5173/')
    expect(devServerOrigin('https://example.com/')).toBeNull()
    expect(devServerOrigin('http://example.com:5173/')).toBeNull()
    expect(devServerOrigin('file:///tmp/index.html')).toBeNull()
    expect(devServerOrigin('not a url')).toBeNull()
  })

  it('ignores ELECTRON_RENDERER_URL in a packaged app, or when it is not a loopback URL', () => {
    expect(resolveAppOrigin({ isPackaged: true, rendererUrl: 'http://localhost:5173/' }).entryUrl).toBe(
      'loopbench://app/index.html'
    )
    expect(resolveAppOrigin({ isPackaged: false, rendererUrl: 'https://evil.example/' }).entryUrl).toBe(
      'loopbench://app/index.html'
    )
    expect(resolveAppOrigin({ isPackaged: false, rendererUrl: undefined }).entryUrl).toBe(
      'loopbench://app/index.html'
    )
  })

  it('tells app URLs from look-alikes', () => {
    const origin = packagedOrigin()
    expect(origin.isAppUrl('loopbench://app/index.html')).toBe(true)
    expect(origin.isAppUrl('loopbench://app.evil/index.html')).toBe(false)
    expect(origin.isAppUrl('loopbench://evil@app/')).toBe(false)
    expect(origin.isAppUrl('https://app/')).toBe(false)
    expect(origin.isAppUrl('')).toBe(false)
  })
})
