import type { MethodInput, MethodName, MethodOutput } from './contract'
import type { ApiResult } from './errors'
import { ApiError, isApiErrorData } from './errors'
import type { WorkbenchEventListener } from './events'

/** One transport (Electron IPC, HTTP): moves a call and its result envelope, and pushes events. */
export interface ApiTransport {
  call(method: MethodName, args: unknown): Promise<ApiResult<unknown>>
  subscribe(listener: WorkbenchEventListener): () => void
}

/** The typed client every caller uses, whatever the transport. */
export interface WorkbenchClient {
  call<M extends MethodName>(method: M, args: MethodInput<M>): Promise<MethodOutput<M>>
  subscribe(listener: WorkbenchEventListener): () => void
}

/** Wraps a transport into a typed client that throws {@link ApiError} on failure. */
export function createWorkbenchClient(transport: ApiTransport): WorkbenchClient {
  return {
    async call<M extends MethodName>(method: M, args: MethodInput<M>): Promise<MethodOutput<M>> {
      const result = await transport.call(method, args)
      if (result.ok) return result.value as MethodOutput<M>
      throw ApiError.fromData(result.error)
    },
    subscribe: (listener) => transport.subscribe(listener)
  }
}

/** Checks that an untrusted value is a result envelope. */
export function decodeResult(value: unknown): ApiResult<unknown> {
  if (typeof value === 'object' && value !== null) {
    const v = value as Record<string, unknown>
    if (v.ok === true && 'value' in v) return { ok: true, value: v.value }
    if (v.ok === false && isApiErrorData(v.error)) return { ok: false, error: v.error }
  }
  return {
    ok: false,
    error: { code: 'internal', message: 'The backend sent a response this version cannot read.' }
  }
}
