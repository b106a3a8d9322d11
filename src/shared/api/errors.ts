/**
 * Typed errors that cross every boundary (IPC, HTTP, CLI) as plain `{ code, message, details }`
 * objects. The message is for a person and says what to do; `details` carries the facts the UI
 * needs to render a translated message (file, line, versions…).
 */
export const API_ERROR_CODES = [
  'invalid_input',
  'unknown_method',
  'not_found',
  'not_supported',
  'forbidden',
  'unauthorized',
  'no_workspace',
  'workspace_not_found',
  'workspace_exists',
  'workspace_not_a_file',
  'workspace_not_a_workspace',
  'workspace_corrupt',
  'workspace_too_new',
  'workspace_incompatible_history',
  'workspace_not_writable',
  'workspace_busy',
  'workspace_migration_failed',
  'job_failed',
  'import_unreadable',
  'import_rejected',
  'cancelled',
  'payload_too_large',
  'internal'
] as const

export type ApiErrorCode = (typeof API_ERROR_CODES)[number]

/** The serialisable form of an error; what crosses the wire. */
export interface ApiErrorData {
  code: ApiErrorCode
  message: string
  details?: Record<string, unknown>
}

/** An error with a code a user interface can act on. */
export class ApiError extends Error {
  readonly code: ApiErrorCode
  readonly details: Record<string, unknown> | undefined

  constructor(code: ApiErrorCode, message: string, details?: Record<string, unknown>) {
    super(message)
    this.name = 'ApiError'
    this.code = code
    this.details = details
  }

  /** The plain object that crosses a process boundary. */
  toData(): ApiErrorData {
    return this.details === undefined
      ? { code: this.code, message: this.message }
      : { code: this.code, message: this.message, details: this.details }
  }

  /** Rebuilds an error received from the other side of a boundary. */
  static fromData(data: ApiErrorData): ApiError {
    return new ApiError(data.code, data.message, data.details)
  }
}

/** True for values shaped like {@link ApiErrorData} (used when decoding untrusted responses). */
export function isApiErrorData(value: unknown): value is ApiErrorData {
  if (typeof value !== 'object' || value === null) return false
  const v = value as Record<string, unknown>
  return (
    typeof v.code === 'string' &&
    (API_ERROR_CODES as readonly string[]).includes(v.code) &&
    typeof v.message === 'string'
  )
}

/**
 * `details.reason` of the `internal` error a transport reports when the backend does not answer
 * at all (the web host stopped, the connection dropped).
 */
export const UNREACHABLE_REASON = 'unreachable'

/** Result envelope used by every transport, so errors never depend on a transport's error model. */
export type ApiResult<T> = { ok: true; value: T } | { ok: false; error: ApiErrorData }
