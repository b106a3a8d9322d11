import { createWriteStream, rmSync } from 'node:fs'
import type { IncomingMessage } from 'node:http'
import { basename } from 'node:path'
import type { UploadReceipt } from '@shared/api/bridge'
import { ApiError } from '@shared/api/errors'
import type { UploadRegistry } from '../core/uploads/upload-registry'

/** A file name fit for display: no folders, no control characters, bounded length. */
export function sanitizeFileName(raw: string | null): string {
  const name = [...basename((raw ?? '').replace(/\\/g, '/'))]
    .filter((ch) => ch.charCodeAt(0) >= 0x20 && ch.charCodeAt(0) !== 0x7f)
    .join('')
    .trim()
  return (name || 'upload').slice(0, 255)
}

/**
 * Streams a request body to a private file, never holding it in memory; stops and deletes the
 * partial file as soon as it exceeds `limit` bytes.
 */
export function receiveUpload(
  req: IncomingMessage,
  registry: UploadRegistry,
  rawName: string | null,
  limit: number
): Promise<UploadReceipt> {
  const name = sanitizeFileName(rawName)
  const declared = Number(req.headers['content-length'] ?? NaN)
  if (Number.isFinite(declared) && declared > limit) {
    req.resume()
    return Promise.reject(tooLarge(limit))
  }
  const { uploadId, path } = registry.reserve()
  return new Promise((resolve, reject) => {
    const out = createWriteStream(path, { mode: 0o600 })
    let size = 0
    let failed = false
    const fail = (error: ApiError): void => {
      if (failed) return
      failed = true
      req.unpipe(out)
      req.resume()
      // The stream may still be opening its file: remove it only once the stream has closed,
      // and answer only then, so nothing of a refused upload remains.
      const removePartial = (): void => {
        rmSync(path, { force: true })
        reject(error)
      }
      if (out.closed) removePartial()
      else out.once('close', removePartial)
      out.destroy()
    }
    req.on('data', (chunk: Buffer) => {
      size += chunk.length
      if (size > limit) fail(tooLarge(limit))
    })
    req.on('aborted', () => fail(new ApiError('cancelled', 'The upload was interrupted.')))
    req.on('error', (error) => fail(new ApiError('internal', `The upload failed: ${error.message}`)))
    out.on('error', (error) =>
      fail(new ApiError('internal', `The upload could not be stored: ${error.message}`))
    )
    out.on('finish', () => {
      if (failed) return
      registry.register({ uploadId, name, path, size })
      resolve({ uploadId, name, size })
    })
    req.pipe(out)
  })
}

function tooLarge(limit: number): ApiError {
  return new ApiError(
    'payload_too_large',
    `The file is larger than this host accepts (${limit} bytes). Start \`loopbench serve\` with a larger --max-upload, or import it with \`loopbench import\`.`,
    { limit }
  )
}
