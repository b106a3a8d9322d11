import { describe, expect, it, vi } from 'vitest'
import type { EventSourceLike } from '../../../src/renderer/src/api/http-transport'
import { createHttpTransport } from '../../../src/renderer/src/api/http-transport'
import { createWorkbenchClient } from '../../../src/shared/api/client'
import type { WorkbenchEvent } from '../../../src/shared/api/events'

const json = (status: number, body: unknown): Response =>
  new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json' } })

class FakeEventSource implements EventSourceLike {
  onmessage: ((event: MessageEvent<string>) => void) | null = null
  onerror: ((event: Event) => void) | null = null
  onopen: ((event: Event) => void) | null = null
  closed = false
  constructor(readonly url: string) {}
  close(): void {
    this.closed = true
  }
  send(data: string): void {
    this.onmessage?.({ data } as MessageEvent<string>)
  }
}

describe('HTTP transport', () => {
  it('POSTs JSON arguments to /api/<method> with same-origin credentials', async () => {
    const fetch = vi.fn(async () => json(200, { ok: true, value: { name: 'Loopbench' } }))
    const client = createWorkbenchClient(createHttpTransport({ fetch }))
    await expect(client.call('app.info', {})).resolves.toEqual({ name: 'Loopbench' })
    const [url, init] = fetch.mock.calls[0] as unknown as [string, RequestInit]
    expect(url).toBe('/api/app.info')
    expect(init.method).toBe('POST')
    expect(init.credentials).toBe('same-origin')
    expect(init.body).toBe('{}')
  })

  it('reads the error envelope whatever the HTTP status', async () => {
    const fetch = vi.fn(async () =>
      json(400, { ok: false, error: { code: 'invalid_input', message: 'bad', details: { issues: [] } } })
    )
    const client = createWorkbenchClient(createHttpTransport({ fetch }))
    await expect(client.call('settings.update', { patch: {} })).rejects.toMatchObject({
      name: 'ApiError',
      code: 'invalid_input',
      message: 'bad'
    })
  })

  it('turns a network failure into an "unreachable" internal error', async () => {
    const fetch = vi.fn(async () => {
      throw new TypeError('Failed to fetch')
    })
    const transport = createHttpTransport({ fetch })
    const result = await transport.call('workspace.info', {})
    expect(result).toMatchObject({
      ok: false,
      error: { code: 'internal', details: { reason: 'unreachable' } }
    })
  })

  it('rejects a body that is not an envelope', async () => {
    const fetch = vi.fn(async () => new Response('<html>proxy error</html>', { status: 502 }))
    const result = await createHttpTransport({ fetch }).call('app.info', {})
    expect(result).toMatchObject({ ok: false, error: { code: 'internal' } })
  })

  it('shares one event stream between listeners and closes it with the last one', () => {
    const sources: FakeEventSource[] = []
    const onConnectionChange = vi.fn()
    const transport = createHttpTransport({
      fetch: vi.fn(),
      openEventSource: (url) => {
        const source = new FakeEventSource(url)
        sources.push(source)
        return source
      },
      onConnectionChange
    })
    const a: WorkbenchEvent[] = []
    const b: WorkbenchEvent[] = []
    const offA = transport.subscribe((e) => a.push(e))
    const offB = transport.subscribe((e) => b.push(e))
    expect(sources).toHaveLength(1)
    expect(sources[0]?.url).toBe('/api/events')
    sources[0]?.send(JSON.stringify({ type: 'command.run', command: 'workbench.togglePanel' }))
    sources[0]?.send('not json')
    expect(a).toEqual([{ type: 'command.run', command: 'workbench.togglePanel' }])
    expect(b).toHaveLength(1)
    sources[0]?.onerror?.(new Event('error'))
    sources[0]?.onopen?.(new Event('open'))
    expect(onConnectionChange.mock.calls).toEqual([[false], [true]])
    offA()
    expect(sources[0]?.closed).toBe(false)
    offB()
    expect(sources[0]?.closed).toBe(true)
  })
})
