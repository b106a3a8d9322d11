import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { IPC_EVENT_CHANNEL, ipcChannelFor } from '@shared/api/bridge'
import type { ApiResult } from '@shared/api/errors'
import { METHOD_NAMES } from '@shared/api/method-names'
import type { Workbench } from '../../../src/main/core/composition-root'
import { createWorkbench } from '../../../src/main/core/composition-root'
import { packagedOrigin } from '../../../src/main/app/app-origin'
import { forwardEvents, isTrustedSender, registerIpcAdapter } from '../../../src/main/app/ipc-adapter'
import { makeTempDir } from '../../helpers/temp-dir'
import { FakeIpcMain, FakeWindow, mainFrameEvent } from './fake-electron'
import { mainWindowOptions } from '../../../src/main/app/window'

const WINDOW_ID = 7

describe('IPC adapter', () => {
  let temp: { dir: string; cleanup: () => void }
  let workbench: Workbench
  let ipc: FakeIpcMain
  let trusted: number | null
  let dispose: () => void

  beforeEach(async () => {
    temp = makeTempDir('loopbench-ipc-')
    workbench = await createWorkbench({
      host: {
        kind: 'electron',
        capabilities: { switchWorkspace: true, nativeDialogs: true, upload: false },
        platform: 'linux'
      },
      appVersion: '0.1.0-test',
      configDir: join(temp.dir, 'config'),
      workspacePath: join(temp.dir, 'tiny.loopbench'),
      createIfMissing: true
    })
    ipc = new FakeIpcMain()
    trusted = WINDOW_ID
    dispose = registerIpcAdapter(ipc, workbench.handlers, {
      trustedContentsId: () => trusted,
      origin: packagedOrigin()
    })
  })

  afterEach(() => {
    workbench.dispose()
    temp.cleanup()
  })

  const call = (
    method: string,
    args: unknown,
    event = mainFrameEvent(WINDOW_ID)
  ): Promise<ApiResult<unknown>> =>
    ipc.invoke(ipcChannelFor(method as (typeof METHOD_NAMES)[number]), event, args) as Promise<
      ApiResult<unknown>
    >

  it('handles exactly one channel per contract method', () => {
    expect([...ipc.handlers.keys()].sort()).toEqual(METHOD_NAMES.map(ipcChannelFor).sort())
  })

  it('dispatches a valid message from the window to the backend', async () => {
    const spy = vi.spyOn(workbench.handlers, 'workspace.info')
    const info = await call('app.info', {})
    expect(info).toMatchObject({ ok: true, value: { name: 'Loopbench', host: 'electron' } })
    const workspace = await call('workspace.info', {})
    expect(workspace).toMatchObject({ ok: true, value: { path: join(temp.dir, 'tiny.loopbench') } })
    expect(spy).toHaveBeenCalledTimes(1)
  })

  it('treats missing arguments as an empty object', async () => {
    expect(await call('app.info', undefined)).toMatchObject({ ok: true })
  })

  it.each([
    ['workspace.open', { path: 42 }],
    ['workspace.open', {}],
    ['workspace.pickPath', { mode: 'delete' }],
    ['preferences.update', { patch: { theme: 'neon' } }],
    ['settings.update', { patch: { significanceLevel: 'high' } }],
    ['jobs.cancel', {}],
    ['app.info', { extra: true }],
    ['workspace.info', 'not an object']
  ])('answers %s with invalid arguments %j as invalid_input, without throwing', async (method, args) => {
    const result = await call(method, args)
    expect(result.ok).toBe(false)
    if (!result.ok) expect(result.error.code).toBe('invalid_input')
  })

  it.each([
    [
      'another web contents',
      { senderId: WINDOW_ID + 1, senderFrame: { url: 'loopbench://app/index.html', isMainFrame: true } }
    ],
    [
      'a subframe of the window',
      { senderId: WINDOW_ID, senderFrame: { url: 'loopbench://app/index.html', isMainFrame: false } }
    ],
    [
      'a foreign URL in the window',
      { senderId: WINDOW_ID, senderFrame: { url: 'https://example.com/', isMainFrame: true } }
    ],
    [
      'a file:// page in the window',
      { senderId: WINDOW_ID, senderFrame: { url: 'file:///tmp/x.html', isMainFrame: true } }
    ],
    [
      'the dev server URL in a packaged app',
      { senderId: WINDOW_ID, senderFrame: { url: 'http://localhost:5173/', isMainFrame: true } }
    ],
    ['a frame that is gone', { senderId: WINDOW_ID, senderFrame: null }]
  ])('refuses a message from %s with forbidden, and does not call the backend', async (_name, event) => {
    const spies = METHOD_NAMES.map((method) => vi.spyOn(workbench.handlers, method))
    for (const method of ['workspace.info', 'workspace.close', 'preferences.update', 'workspace.open']) {
      const result = await call(
        method,
        method === 'workspace.open' ? { path: '/tmp/x.loopbench' } : {},
        event
      )
      expect(result).toEqual({
        ok: false,
        error: expect.objectContaining({ code: 'forbidden', details: { method } })
      })
    }
    for (const spy of spies) expect(spy).not.toHaveBeenCalled()
    // The workspace is still open: workspace.close never reached the service.
    expect(workbench.service.current).not.toBeNull()
  })

  it('refuses every message while there is no window', async () => {
    trusted = null
    const spy = vi.spyOn(workbench.handlers, 'app.info')
    expect(await call('app.info', {})).toMatchObject({ ok: false, error: { code: 'forbidden' } })
    expect(spy).not.toHaveBeenCalled()
  })

  it('removes its handlers on dispose', async () => {
    dispose()
    expect(ipc.handlers.size).toBe(0)
    expect(ipc.removed.sort()).toEqual(METHOD_NAMES.map(ipcChannelFor).sort())
    await expect(call('app.info', {})).rejects.toThrow(/No handler/)
  })

  it('forwards backend events to the window on the event channel', async () => {
    const window = new FakeWindow(
      mainWindowOptions({ preloadPath: '/p', isPackaged: true, backgroundColor: '#000' })
    )
    trusted = window.webContents.id
    const stop = forwardEvents(workbench.subscribe, () => window)
    const update = await call('preferences.update', { patch: { theme: 'light' } }, mainFrameEvent(trusted))
    expect(update.ok).toBe(true)
    expect(window.webContents.payloads(IPC_EVENT_CHANNEL)).toContainEqual({
      type: 'preferences.changed',
      preferences: expect.objectContaining({ theme: 'light' })
    })
    stop()
    window.close()
    // A closed window receives nothing, and nothing throws.
    await call('preferences.update', { patch: { theme: 'dark' } }, mainFrameEvent(trusted))
  })
})

describe('isTrustedSender', () => {
  it('needs the window id, the main frame and the app origin together', () => {
    const origin = packagedOrigin()
    expect(isTrustedSender(mainFrameEvent(3), 3, origin)).toBe(true)
    expect(isTrustedSender(mainFrameEvent(3), 4, origin)).toBe(false)
    expect(isTrustedSender(mainFrameEvent(3), null, origin)).toBe(false)
    expect(isTrustedSender(mainFrameEvent(3, 'loopbench://evil/'), 3, origin)).toBe(false)
  })
})
