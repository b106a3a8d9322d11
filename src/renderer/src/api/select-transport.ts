import type { ApiTransport } from '@shared/api/client'
import type { LoopbenchBridge } from '@shared/api/bridge'
import { BRIDGE_GLOBAL } from '@shared/api/bridge'
import { createIpcTransport } from './ipc-transport'
import { createHttpTransport } from './http-transport'

/**
 * Chooses the transport once, at start: the desktop preload's bridge when it is present, else
 * HTTP to the web host that served this page. Nothing else in the renderer knows which it is.
 */
export function selectTransport(onConnectionChange?: (connected: boolean) => void): ApiTransport {
  const bridge = (window as unknown as Record<string, unknown>)[BRIDGE_GLOBAL] as LoopbenchBridge | undefined
  if (bridge && typeof bridge === 'object' && 'api' in bridge) return createIpcTransport(bridge)
  return createHttpTransport({
    fetch: (input, init) => window.fetch(input, init),
    openEventSource: (url) => new EventSource(url, { withCredentials: true }),
    ...(onConnectionChange ? { onConnectionChange } : {})
  })
}
