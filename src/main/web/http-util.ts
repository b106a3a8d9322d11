import type { IncomingMessage, ServerResponse } from 'node:http'
import type { ApiErrorCode, ApiErrorData, ApiResult } from '@shared/api/errors'
import { CONTENT_SECURITY_POLICY } from '@shared/security'

/** Headers sent with every response of the web host. */
export const SECURITY_HEADERS: Readonly<Record<string, string>> = {
  'Content-Security-Policy': CONTENT_SECURITY_POLICY,
  'X-Content-Type-Options': 'nosniff',
  'X-Frame-Options': 'DENY',
  'Referrer-Policy': 'no-referrer',
  'Cross-Origin-Opener-Policy': 'same-origin',
  'Cross-Origin-Resource-Policy': 'same-origin',
  'Permissions-Policy': 'camera=(), microphone=(), geolocation=(), payment=(), usb=()'
}

const STATUS_BY_CODE: Partial<Record<ApiErrorCode, number>> = {
  invalid_input: 400,
  unauthorized: 401,
  forbidden: 403,
  not_found: 404,
  unknown_method: 404,
  payload_too_large: 413,
  no_workspace: 409,
  workspace_busy: 409,
  not_supported: 501,
  internal: 500,
  job_failed: 500
}

/** The HTTP status that goes with an error code (the body always carries the envelope). */
export function statusFor(error: ApiErrorData): number {
  return STATUS_BY_CODE[error.code] ?? 422
}

/** Sends a result envelope as JSON. */
export function sendResult(res: ServerResponse, result: ApiResult<unknown>): void {
  const status = result.ok ? 200 : statusFor(result.error)
  const body = JSON.stringify(result)
  res.writeHead(status, {
    ...SECURITY_HEADERS,
    'Content-Type': 'application/json; charset=utf-8',
    'Content-Length': Buffer.byteLength(body),
    'Cache-Control': 'no-store'
  })
  res.end(body)
}

/** Sends an error envelope. */
export function sendError(res: ServerResponse, code: ApiErrorCode, message: string): void {
  sendResult(res, { ok: false, error: { code, message } })
}

/**
 * Reads a request body up to `limit` bytes. Resolves null (and stops reading) when the body is
 * larger, so the caller can answer 413 without buffering an attacker's stream.
 */
export function readBody(req: IncomingMessage, limit: number): Promise<Buffer | null> {
  return new Promise((resolve, reject) => {
    const declared = Number(req.headers['content-length'] ?? NaN)
    if (Number.isFinite(declared) && declared > limit) {
      req.resume()
      resolve(null)
      return
    }
    const chunks: Buffer[] = []
    let size = 0
    let done = false
    req.on('data', (chunk: Buffer) => {
      if (done) return
      size += chunk.length
      if (size > limit) {
        done = true
        req.resume()
        resolve(null)
        return
      }
      chunks.push(chunk)
    })
    req.on('end', () => {
      if (!done) resolve(Buffer.concat(chunks))
    })
    req.on('error', reject)
  })
}
