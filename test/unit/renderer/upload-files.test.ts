import { describe, expect, it, vi } from 'vitest'
import type { XhrLike } from '../../../src/renderer/src/api/upload-files'
import { createUploadFiles, uploadFile } from '../../../src/renderer/src/api/upload-files'
import { createPathFiles } from '../../../src/renderer/src/api/path-files'
import { NO_PATH_REASON } from '../../../src/renderer/src/api/import-files'

/** An XMLHttpRequest the test drives: progress, an answer, a network failure or an abort. */
class FakeXhr implements XhrLike {
  method = ''
  url = ''
  headers: Record<string, string> = {}
  body: Blob | null = null
  withCredentials = false
  status = 0
  responseText = ''
  aborted = false
  readonly upload: XhrLike['upload'] = { onprogress: null }
  onload: (() => void) | null = null
  onerror: (() => void) | null = null
  onabort: (() => void) | null = null

  open(method: string, url: string): void {
    this.method = method
    this.url = url
  }
  setRequestHeader(name: string, value: string): void {
    this.headers[name] = value
  }
  send(body: Blob): void {
    this.body = body
  }
  abort(): void {
    this.aborted = true
    this.onabort?.()
  }
  progress(loaded: number, total: number): void {
    this.upload.onprogress?.({ loaded, total, lengthComputable: true })
  }
  answer(status: number, body: unknown): void {
    this.status = status
    this.responseText = typeof body === 'string' ? body : JSON.stringify(body)
    this.onload?.()
  }
}

const file = (name: string, text: string): File => new File([text], name, { type: 'text/csv' })

describe('upload to the web host', () => {
  it('POSTs the raw bytes to /upload with the encoded name, cookie auth and progress', async () => {
    const xhr = new FakeXhr()
    const onProgress = vi.fn()
    const upload = uploadFile(file('工单 export.csv', 'a,b\n1,2\n'), () => xhr, onProgress)
    expect(xhr.method).toBe('POST')
    expect(xhr.url).toBe(`/upload?name=${encodeURIComponent('工单 export.csv')}`)
    expect(xhr.withCredentials).toBe(true)
    expect(xhr.headers['content-type']).toBe('application/octet-stream')
    expect(await xhr.body?.text()).toBe('a,b\n1,2\n')
    xhr.progress(4, 8)
    expect(onProgress).toHaveBeenLastCalledWith(4, 8)
    xhr.answer(200, { ok: true, value: { uploadId: 'u-1', name: '工单 export.csv', size: 8 } })
    await expect(upload.receipt).resolves.toEqual({ uploadId: 'u-1', name: '工单 export.csv', size: 8 })
    expect(onProgress).toHaveBeenLastCalledWith(8, 8)
  })

  it('rejects with the server’s typed error, e.g. a file too large (413)', async () => {
    const xhr = new FakeXhr()
    const upload = uploadFile(file('big.csv', 'x'), () => xhr)
    xhr.answer(413, {
      ok: false,
      error: {
        code: 'payload_too_large',
        message: 'The file is larger than this host accepts.',
        details: { limit: 1024 }
      }
    })
    await expect(upload.receipt).rejects.toMatchObject({
      name: 'ApiError',
      code: 'payload_too_large',
      details: { limit: 1024 }
    })
  })

  it('turns an abort into a cancelled error and stops the request', async () => {
    const xhr = new FakeXhr()
    const upload = uploadFile(file('a.csv', 'x'), () => xhr)
    upload.abort()
    expect(xhr.aborted).toBe(true)
    await expect(upload.receipt).rejects.toMatchObject({ code: 'cancelled' })
    // Nothing happens once settled.
    upload.abort()
    xhr.answer(200, { ok: true, value: { uploadId: 'late', name: 'a.csv', size: 1 } })
  })

  it('reports a network failure as the server being unreachable', async () => {
    const xhr = new FakeXhr()
    const upload = uploadFile(file('a.csv', 'x'), () => xhr)
    xhr.onerror?.()
    await expect(upload.receipt).rejects.toMatchObject({
      code: 'internal',
      details: { reason: 'unreachable' }
    })
  })

  it('reads a connection closed after a 413 as a file too large, not as the server being down', async () => {
    const xhr = new FakeXhr()
    const upload = uploadFile(file('huge.csv', 'x'), () => xhr)
    xhr.status = 413
    xhr.onerror?.()
    await expect(upload.receipt).rejects.toMatchObject({ code: 'payload_too_large' })
  })

  it('rejects an answer that is not an envelope', async () => {
    const xhr = new FakeXhr()
    const upload = uploadFile(file('a.csv', 'x'), () => xhr)
    xhr.answer(502, '<html>Bad gateway</html>')
    await expect(upload.receipt).rejects.toMatchObject({ code: 'internal' })
  })

  it('gives the wizard an upload source and the file input as its picker', async () => {
    const xhr = new FakeXhr()
    const files = createUploadFiles(() => xhr)
    expect(files).toMatchObject({ mode: 'upload', picker: 'input' })
    const prepared = files.prepare(file('a.csv', 'x'))
    xhr.answer(200, { ok: true, value: { uploadId: 'u-9', name: 'a.csv', size: 1 } })
    await expect(prepared.source).resolves.toEqual({ uploadId: 'u-9' })
  })
})

describe('files by path on the desktop', () => {
  it('uses the path the preload gives for a dropped file', async () => {
    const files = createPathFiles({ files: { pathForFile: () => '/home/me/tickets.csv' } })
    expect(files).toMatchObject({ mode: 'path', picker: 'native' })
    await expect(files.prepare(file('tickets.csv', 'x')).source).resolves.toEqual({
      path: '/home/me/tickets.csv'
    })
  })

  it('says so when the preload cannot tell where a file lives', async () => {
    const files = createPathFiles({ files: { pathForFile: () => '' } })
    await expect(files.prepare(file('x.csv', 'x')).source).rejects.toMatchObject({
      code: 'not_supported',
      details: { reason: NO_PATH_REASON }
    })
  })
})
