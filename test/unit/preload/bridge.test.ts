import { existsSync, readFileSync } from 'node:fs'
import { resolve } from 'node:path'
import { describe, expect, it, vi } from 'vitest'
import { IPC_EVENT_CHANNEL, ipcChannelFor } from '@shared/api/bridge'
import type { WorkbenchEvent } from '@shared/api/events'
import { METHOD_NAMES } from '@shared/api/method-names'
import type { IpcRendererLike } from '../../../src/preload/bridge'
import { buildBridge } from '../../../src/preload/bridge'

type Listener = (event: unknown, payload: unknown) => void

/** A recording stand-in for ipcRenderer. */
class FakeIpcRenderer implements IpcRendererLike {
  readonly invoked: Array<{ channel: string; args: unknown[] }> = []
  readonly listeners = new Map<string, Listener[]>()

  async invoke(channel: string, ...args: unknown[]): Promise<unknown> {
    this.invoked.push({ channel, args })
    return { ok: true, value: channel }
  }
  on(channel: string, listener: Listener): this {
    this.listeners.set(channel, [...(this.listeners.get(channel) ?? []), listener])
    return this
  }
  removeListener(channel: string, listener: Listener): this {
    this.listeners.set(
      channel,
      (this.listeners.get(channel) ?? []).filter((l) => l !== listener)
    )
    return this
  }
  emit(channel: string, payload: unknown): void {
    const electronEvent = { sender: 'the ipcRenderer itself', senderId: 0 }
    for (const listener of this.listeners.get(channel) ?? []) listener(electronEvent, payload)
  }
  count(channel: string): number {
    return this.listeners.get(channel)?.length ?? 0
  }
}

const EVENT: WorkbenchEvent = { type: 'command.run', command: 'workbench.showCommands' }

describe('preload bridge', () => {
  it('exposes exactly api, events and files', () => {
    const bridge = buildBridge(new FakeIpcRenderer())
    expect(Object.keys(bridge).sort()).toEqual(['api', 'events', 'files'])
    expect(Object.keys(bridge.events)).toEqual(['subscribe'])
    expect(Object.keys(bridge.files)).toEqual(['pathForFile'])
  })

  it('gives the path of a dropped file, and an empty string for anything else', () => {
    const file = { name: 'tickets.csv' }
    const bridge = buildBridge(new FakeIpcRenderer(), (f: unknown) => {
      if (f !== file) throw new TypeError('not a File')
      return '/home/ana/exports/tickets.csv'
    })
    expect(bridge.files.pathForFile(file)).toBe('/home/ana/exports/tickets.csv')
    expect(bridge.files.pathForFile('/etc/passwd')).toBe('')
    expect(buildBridge(new FakeIpcRenderer()).files.pathForFile(file)).toBe('')
  })

  it('exposes exactly the contract’s method names, each a function', () => {
    const bridge = buildBridge(new FakeIpcRenderer())
    expect(Object.keys(bridge.api).sort()).toEqual([...METHOD_NAMES].sort())
    for (const method of METHOD_NAMES) expect(bridge.api[method]).toBeTypeOf('function')
  })

  it('has no generic invoke, no ipcRenderer and no process anywhere', () => {
    const bridge = buildBridge(new FakeIpcRenderer()) as unknown as Record<string, unknown>
    for (const name of ['invoke', 'send', 'on', 'ipcRenderer', 'process', 'require']) {
      expect(bridge[name]).toBeUndefined()
      expect((bridge.api as Record<string, unknown>)[name]).toBeUndefined()
      expect((bridge.events as Record<string, unknown>)[name]).toBeUndefined()
    }
  })

  it.each(METHOD_NAMES)('calls %s on its own channel with the arguments alone', async (method) => {
    const ipc = new FakeIpcRenderer()
    const bridge = buildBridge(ipc)
    const args = { probe: method }
    const result = await bridge.api[method](args)
    expect(ipc.invoked).toEqual([{ channel: ipcChannelFor(method), args: [args] }])
    expect(result).toEqual({ ok: true, value: ipcChannelFor(method) })
  })

  it('is frozen, so the page cannot swap a method for another', () => {
    const bridge = buildBridge(new FakeIpcRenderer())
    expect(Object.isFrozen(bridge)).toBe(true)
    expect(Object.isFrozen(bridge.api)).toBe(true)
    expect(Object.isFrozen(bridge.events)).toBe(true)
  })

  it('delivers events without the Electron event object, and unsubscribes', () => {
    const ipc = new FakeIpcRenderer()
    const bridge = buildBridge(ipc)
    const listener = vi.fn()
    const unsubscribe = bridge.events.subscribe(listener)
    ipc.emit(IPC_EVENT_CHANNEL, EVENT)
    expect(listener).toHaveBeenCalledTimes(1)
    expect(listener).toHaveBeenCalledWith(EVENT)
    unsubscribe()
    ipc.emit(IPC_EVENT_CHANNEL, EVENT)
    expect(listener).toHaveBeenCalledTimes(1)
    // Unsubscribing twice is harmless.
    unsubscribe()
  })

  it('listens on the event channel only while someone subscribes, with one IPC listener', () => {
    const ipc = new FakeIpcRenderer()
    const bridge = buildBridge(ipc)
    expect(ipc.count(IPC_EVENT_CHANNEL)).toBe(0)
    const a = vi.fn()
    const b = vi.fn()
    const offA = bridge.events.subscribe(a)
    const offB = bridge.events.subscribe(b)
    expect(ipc.count(IPC_EVENT_CHANNEL)).toBe(1)
    ipc.emit(IPC_EVENT_CHANNEL, EVENT)
    expect(a).toHaveBeenCalledTimes(1)
    expect(b).toHaveBeenCalledTimes(1)
    offA()
    expect(ipc.count(IPC_EVENT_CHANNEL)).toBe(1)
    offB()
    expect(ipc.count(IPC_EVENT_CHANNEL)).toBe(0)
  })

  it('keeps delivering to the others when one listener throws', () => {
    const ipc = new FakeIpcRenderer()
    const bridge = buildBridge(ipc)
    const spy = vi.spyOn(console, 'error').mockImplementation(() => undefined)
    const good = vi.fn()
    bridge.events.subscribe(() => {
      throw new Error('boom')
    })
    bridge.events.subscribe(good)
    ipc.emit(IPC_EVENT_CHANNEL, EVENT)
    expect(good).toHaveBeenCalledWith(EVENT)
    spy.mockRestore()
  })

  it('treats the same function subscribed twice as two subscriptions', () => {
    const ipc = new FakeIpcRenderer()
    const bridge = buildBridge(ipc)
    const listener = vi.fn()
    const off1 = bridge.events.subscribe(listener)
    bridge.events.subscribe(listener)
    off1()
    ipc.emit(IPC_EVENT_CHANNEL, EVENT)
    expect(listener).toHaveBeenCalledTimes(1)
  })

  it('rejects a subscription that is not a function', () => {
    const bridge = buildBridge(new FakeIpcRenderer())
    expect(() => bridge.events.subscribe('x' as unknown as () => void)).toThrow(TypeError)
  })
})

describe('built preload bundle', () => {
  const bundle = resolve(__dirname, '../../../out/preload/index.cjs')

  it.skipIf(!existsSync(bundle))(
    'is one small CommonJS file that requires only electron, without zod',
    () => {
      const code = readFileSync(bundle, 'utf8')
      const requires = [...code.matchAll(/require\(\s*["']([^"']+)["']\s*\)/g)].map((m) => m[1])
      expect(new Set(requires)).toEqual(new Set(['electron']))
      expect(code).not.toMatch(/\bimport\s+[{*\w]|\bexport\s+(const|function|\{)/)
      expect(code).not.toMatch(/ZodError|zod/i)
      expect(code.length).toBeLessThan(20_000)
    }
  )
})
