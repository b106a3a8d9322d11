import { describe, expect, it, vi } from 'vitest'
import { createIpcTransport } from '../../../src/renderer/src/api/ipc-transport'
import type { LoopbenchBridge } from '../../../src/shared/api/bridge'
import { METHOD_NAMES } from '../../../src/shared/api/method-names'
import { createWorkbenchClient } from '../../../src/shared/api/client'

function fakeBridge(answer: (method: string, args: unknown) => Promise<unknown>): LoopbenchBridge {
  const api = Object.fromEntries(METHOD_NAMES.map((m) => [m, (args: unknown) => answer(m, args)]))
  return {
    api: api as LoopbenchBridge['api'],
    events: { subscribe: vi.fn(() => () => undefined) },
    files: { pathForFile: () => '' }
  }
}

describe('IPC transport', () => {
  it('calls the preload function of the method and decodes its envelope', async () => {
    const answer = vi.fn(async () => ({ ok: true, value: 42 }))
    const client = createWorkbenchClient(createIpcTransport(fakeBridge(answer)))
    await expect(client.call('jobs.list', {})).resolves.toBe(42)
    expect(answer).toHaveBeenCalledWith('jobs.list', {})
  })

  it('turns a rejected IPC call into an internal error instead of crashing', async () => {
    const transport = createIpcTransport(fakeBridge(async () => Promise.reject(new Error('channel closed'))))
    await expect(transport.call('app.info', {})).resolves.toMatchObject({
      ok: false,
      error: { code: 'internal', message: 'channel closed' }
    })
  })

  it('refuses a malformed answer', async () => {
    const transport = createIpcTransport(fakeBridge(async () => 'nonsense'))
    await expect(transport.call('app.info', {})).resolves.toMatchObject({
      ok: false,
      error: { code: 'internal' }
    })
  })

  it('subscribes through the bridge', () => {
    const bridge = fakeBridge(async () => ({ ok: true, value: null }))
    const listener = vi.fn()
    createIpcTransport(bridge).subscribe(listener)
    expect(bridge.events.subscribe).toHaveBeenCalledWith(listener)
  })
})
