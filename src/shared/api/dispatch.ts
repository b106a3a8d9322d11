import type { z } from 'zod'
import type { MethodName, WorkbenchHandlers } from './contract'
import { contract, isMethodName } from './contract'
import type { ApiResult } from './errors'
import { ApiError } from './errors'

/** Turns zod issues into one readable sentence and a details list. */
export function validationError(method: string, error: z.ZodError): ApiError {
  const issues = error.issues.map((i) => ({
    path: i.path.map(String).join('.'),
    message: i.message
  }))
  const first = issues[0]
  const where = first && first.path ? ` (${first.path})` : ''
  return new ApiError(
    'invalid_input',
    `Invalid arguments for ${method}${where}: ${first?.message ?? 'rejected'}.`,
    { method, issues }
  )
}

/**
 * The one generic entry point every transport adapter calls: checks the method name, validates
 * the input with the contract's schema, runs the handler and wraps the outcome in an envelope.
 * Unexpected exceptions become `internal` errors; they never escape to crash a host.
 */
export async function dispatch(
  handlers: WorkbenchHandlers,
  methodName: string,
  rawArgs: unknown,
  onUnexpected?: (method: string, error: unknown) => void
): Promise<ApiResult<unknown>> {
  if (!isMethodName(methodName)) {
    return {
      ok: false,
      error: { code: 'unknown_method', message: `There is no method named "${methodName}".` }
    }
  }
  const spec = contract[methodName]
  const parsed = spec.input.safeParse(rawArgs ?? {})
  if (!parsed.success) return { ok: false, error: validationError(methodName, parsed.error).toData() }
  try {
    const handler = handlers[methodName] as (input: unknown) => unknown
    const value = await handler(parsed.data)
    return { ok: true, value: value === undefined ? null : value }
  } catch (error) {
    if (error instanceof ApiError) return { ok: false, error: error.toData() }
    onUnexpected?.(methodName, error)
    const message = error instanceof Error ? error.message : String(error)
    return {
      ok: false,
      error: {
        code: 'internal',
        message: `Something went wrong in ${methodName}: ${message}`,
        details: { method: methodName }
      }
    }
  }
}

export type { MethodName }
