import type { ApiTransport } from '@shared/api/client'
import { decodeResult } from '@shared/api/client'
import { HTTP_ROUTES } from '@shared/api/bridge'
import type { ApiResult } from '@shared/api/errors'
import { UNREACHABLE_REASON } from '@shared/api/errors'
import type { WorkbenchEvent, WorkbenchEventListener } from '@shared/api/events'

/** The browser APIs the HTTP transport needs, injectable so that tests can fake them. */
export interface HttpTransportEnvironment {
  fetch: typeof fetch
  /** Opens a server-sent event stream; omitted where events are not wanted. */
  openEventSource?: (url: string) => EventSourceLike
  /** Told when the event stream drops and comes back, so the UI can say so and resync. */
  onConnectionChange?: (connected: boolean) => void
}

/** The part of `EventSource` the transport uses. */
export interface EventSourceLike {
  onmessage: ((event: MessageEvent<string>) => void) | null
  onerror: ((event: Event) => void) | null
  onopen: ((event: Event) => void) | null
  close(): void
}

/**
 * The web-host transport: `POST /api/<method>` with the arguments as JSON; the answer's body is an
 * `ApiResult` whatever the HTTP status. Events arrive over one shared `EventSource`. The session
 * cookie is same-origin, so nothing here handles the token.
 */
export function createHttpTransport(env: HttpTransportEnvironment): ApiTransport {
  const listeners = new Set<WorkbenchEventListener>()
  let source: EventSourceLike | null = null
  let connected = true

  const setConnected = (next: boolean): void => {
    if (next === connected) return
    connected = next
    env.onConnectionChange?.(next)
  }

  const openEvents = (): void => {
    if (source || !env.openEventSource) return
    source = env.openEventSource(HTTP_ROUTES.events)
    source.onopen = () => setConnected(true)
    source.onerror = () => setConnected(false)
    source.onmessage = (message) => {
      let event: WorkbenchEvent
      try {
        event = JSON.parse(message.data) as WorkbenchEvent
      } catch {
        return // A malformed message is dropped; the next one is independent of it.
      }
      if (typeof event !== 'object' || event === null || typeof event.type !== 'string') return
      for (const listener of [...listeners]) listener(event)
    }
  }

  return {
    async call(method, args): Promise<ApiResult<unknown>> {
      let response: Response
      try {
        response = await env.fetch(`${HTTP_ROUTES.api}/${method}`, {
          method: 'POST',
          credentials: 'same-origin',
          headers: { 'content-type': 'application/json', accept: 'application/json' },
          body: JSON.stringify(args ?? {})
        })
      } catch (error) {
        return {
          ok: false,
          error: {
            code: 'internal',
            message: `The Loopbench server did not answer (${error instanceof Error ? error.message : String(error)}).`,
            details: { method, reason: UNREACHABLE_REASON }
          }
        }
      }
      let body: unknown
      try {
        body = await response.json()
      } catch {
        body = undefined
      }
      if (body === undefined && response.status === 401) {
        return {
          ok: false,
          error: {
            code: 'unauthorized',
            message: 'The session has expired. Open the address that `loopbench serve` printed.'
          }
        }
      }
      return decodeResult(body)
    },
    subscribe(listener): () => void {
      listeners.add(listener)
      openEvents()
      return () => {
        listeners.delete(listener)
        if (listeners.size === 0 && source) {
          source.close()
          source = null
        }
      }
    }
  }
}
