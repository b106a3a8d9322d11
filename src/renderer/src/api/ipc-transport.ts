import type { ApiTransport } from '@shared/api/client'
import { decodeResult } from '@shared/api/client'
import type { LoopbenchBridge } from '@shared/api/bridge'
import type { ApiResult } from '@shared/api/errors'

/** The desktop transport: calls the functions the preload exposes on `window.loopbench`. */
export function createIpcTransport(bridge: LoopbenchBridge): ApiTransport {
  return {
    async call(method, args): Promise<ApiResult<unknown>> {
      const fn = bridge.api[method]
      if (typeof fn !== 'function') {
        return {
          ok: false,
          error: { code: 'unknown_method', message: `There is no method named "${method}".` }
        }
      }
      try {
        // The preload returns an envelope already; decode it anyway, it crossed a boundary.
        return decodeResult(await fn(args))
      } catch (error) {
        return {
          ok: false,
          error: {
            code: 'internal',
            message: error instanceof Error ? error.message : String(error),
            details: { method }
          }
        }
      }
    },
    subscribe: (listener) => bridge.events.subscribe(listener)
  }
}
