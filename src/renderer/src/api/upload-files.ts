import { HTTP_ROUTES } from '@shared/api/bridge'
import type { UploadReceipt } from '@shared/api/bridge'
import { decodeResult } from '@shared/api/client'
import { ApiError, UNREACHABLE_REASON } from '@shared/api/errors'
import type { ImportFiles, PreparedFile, ProgressListener } from './import-files'

/** The part of `XMLHttpRequest` an upload uses, so that tests can fake it. */
export interface XhrLike {
  open(method: string, url: string): void
  setRequestHeader(name: string, value: string): void
  send(body: Blob): void
  abort(): void
  withCredentials: boolean
  readonly status: number
  readonly responseText: string
  readonly upload: {
    onprogress: ((event: { loaded: number; total: number; lengthComputable: boolean }) => void) | null
  }
  onload: (() => void) | null
  onerror: (() => void) | null
  onabort: (() => void) | null
}

/** A running upload. */
export interface UploadHandle {
  readonly receipt: Promise<UploadReceipt>
  abort(): void
}

/**
 * POSTs a file's raw bytes to the web host (`/upload?name=…`, same origin, cookie auth) with
 * XMLHttpRequest, because fetch reports no upload progress and the wizard shows it. The answer is
 * an ApiResult like every API call's; an abort rejects with `cancelled`.
 */
export function uploadFile(
  file: Blob & { readonly name: string },
  createXhr: () => XhrLike,
  onProgress?: ProgressListener
): UploadHandle {
  const xhr = createXhr()
  let settled = false
  const receipt = new Promise<UploadReceipt>((resolve, reject) => {
    const fail = (error: ApiError): void => {
      if (settled) return
      settled = true
      reject(error)
    }
    xhr.upload.onprogress = (event) => {
      if (settled) return
      onProgress?.(event.loaded, event.lengthComputable ? event.total : file.size)
    }
    xhr.onload = () => {
      if (settled) return
      let body: unknown
      try {
        body = JSON.parse(xhr.responseText)
      } catch {
        body = undefined
      }
      const result = decodeResult(body)
      if (result.ok) {
        settled = true
        onProgress?.(file.size, file.size)
        resolve(result.value as UploadReceipt)
      } else {
        fail(ApiError.fromData(result.error))
      }
    }
    xhr.onerror = () =>
      fail(
        // The server may refuse a file that is too large and close the connection before the
        // browser has sent it all; the browser then reports a network error, not the answer.
        xhr.status === 413
          ? new ApiError('payload_too_large', 'The file is larger than this Loopbench server accepts.')
          : new ApiError('internal', 'The upload did not reach the Loopbench server.', {
              reason: UNREACHABLE_REASON,
              status: xhr.status
            })
      )
    xhr.onabort = () => fail(new ApiError('cancelled', 'The upload was cancelled.'))
    xhr.open('POST', `${HTTP_ROUTES.upload}?name=${encodeURIComponent(file.name)}`)
    xhr.withCredentials = true
    xhr.setRequestHeader('content-type', 'application/octet-stream')
    xhr.send(file)
  })
  return {
    receipt,
    abort: () => {
      if (!settled) xhr.abort()
    }
  }
}

/** The web host: files are uploaded, "Choose file…" opens the page's file input. */
export function createUploadFiles(createXhr: () => XhrLike): ImportFiles {
  return {
    mode: 'upload',
    picker: 'input',
    prepare(file: File, onProgress?: ProgressListener): PreparedFile {
      const upload = uploadFile(file, createXhr, onProgress)
      return { source: upload.receipt.then((r) => ({ uploadId: r.uploadId })), abort: upload.abort }
    }
  }
}
