import { mkdirSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs'
import { networkInterfaces } from 'node:os'
import { join } from 'node:path'
import { connect } from 'node:net'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { CONTENT_SECURITY_POLICY } from '@shared/security'
import type { Workbench } from '../../../src/main/core/composition-root'
import { createWorkbench } from '../../../src/main/core/composition-root'
import { UploadRegistry } from '../../../src/main/core/uploads/upload-registry'
import type { WebHost } from '../../../src/main/web/web-host'
import { startWebHost } from '../../../src/main/web/web-host'
import { makeTempDir } from '../../helpers/temp-dir'
import { rawRequest } from '../../helpers/http-request'

let dir: string
let cleanup: () => void
let workbench: Workbench
let uploads: UploadRegistry
let host: WebHost
let base: string
const MAX_BODY = 4096
const MAX_UPLOAD = 64 * 1024

beforeAll(async () => {
  ;({ dir, cleanup } = makeTempDir())
  const staticDir = join(dir, 'renderer')
  mkdirSync(join(staticDir, 'assets'), { recursive: true })
  writeFileSync(join(staticDir, 'index.html'), '<!doctype html><title>Loopbench</title>')
  writeFileSync(join(staticDir, 'assets', 'app-1234.js'), 'console.log(1)')
  writeFileSync(join(dir, 'secret.txt'), 'do not serve')
  workbench = await createWorkbench({
    host: {
      kind: 'web',
      capabilities: { switchWorkspace: false, nativeDialogs: false, upload: true },
      platform: 'test'
    },
    appVersion: '1.2.3',
    configDir: join(dir, 'config'),
    workspacePath: join(dir, 'w.loopbench'),
    createIfMissing: true
  })
  uploads = new UploadRegistry(dir)
  host = await startWebHost({
    workbench,
    uploads,
    staticDir,
    maxApiBodyBytes: MAX_BODY,
    maxUploadBytes: MAX_UPLOAD
  })
  base = `http://127.0.0.1:${host.port}`
})

afterAll(async () => {
  await host.close()
  workbench.dispose()
  uploads.dispose()
  cleanup()
})

const auth = (): Record<string, string> => ({ Authorization: `Bearer ${host.token}` })
const api = (method: string, body: unknown, headers: Record<string, string> = {}) =>
  rawRequest(`${base}/api/${method}`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', ...auth(), ...headers },
    body: typeof body === 'string' ? body : JSON.stringify(body)
  })

describe('binding', () => {
  it('prints a 127.0.0.1 address with a 64-hex-digit token', () => {
    expect(host.url).toMatch(new RegExp(`^http://127\\.0\\.0\\.1:${host.port}/\\?token=[0-9a-f]{64}$`))
  })

  it('does not accept connections on any other interface', async () => {
    const external = Object.values(networkInterfaces())
      .flat()
      .filter((i) => i && i.family === 'IPv4' && !i.internal)
      .map((i) => i!.address)
    for (const address of external) {
      const outcome = await new Promise<string>((resolve) => {
        const socket = connect({ host: address, port: host.port }, () => {
          socket.destroy()
          resolve('connected')
        })
        socket.on('error', (e: NodeJS.ErrnoException) => resolve(e.code ?? 'error'))
      })
      expect(outcome).toBe('ECONNREFUSED')
    }
  })
})

describe('the door', () => {
  it('answers 401 without a token, for pages and for the API', async () => {
    const page = await rawRequest(`${base}/`, { headers: { Accept: 'text/html' } })
    expect(page.status).toBe(401)
    expect(page.body).toContain('loopbench serve')
    const call = await rawRequest(`${base}/api/app.info`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: '{}'
    })
    expect(call.status).toBe(401)
    expect(JSON.parse(call.body)).toMatchObject({ ok: false, error: { code: 'unauthorized' } })
  })

  it('answers 401 with a wrong token in the query, the header or the cookie', async () => {
    const wrong = 'f'.repeat(64)
    expect((await rawRequest(`${base}/?token=${wrong}`)).status).toBe(401)
    expect((await rawRequest(`${base}/`, { headers: { Authorization: `Bearer ${wrong}` } })).status).toBe(401)
    expect(
      (await rawRequest(`${base}/`, { headers: { Cookie: `loopbench_${host.port}=${wrong}` } })).status
    ).toBe(401)
    expect(
      (await rawRequest(`${base}/`, { headers: { Cookie: `loopbench_${host.port + 1}=${host.token}` } }))
        .status
    ).toBe(401)
  })

  it('answers 403 to a foreign Host header, even with the token', async () => {
    for (const hostHeader of [
      'evil.example',
      `evil.example:${host.port}`,
      `127.0.0.1:${host.port + 1}`,
      `0.0.0.0:${host.port}`
    ]) {
      const res = await rawRequest(`${base}/`, { headers: { Host: hostHeader, ...auth() } })
      expect(res.status, hostHeader).toBe(403)
    }
    expect(
      (await rawRequest(`${base}/`, { headers: { Host: `localhost:${host.port}`, ...auth() } })).status
    ).toBe(200)
  })

  it('exchanges the token in the address for an HttpOnly, SameSite=Strict cookie and drops it from the URL', async () => {
    const first = await rawRequest(`${base}/?token=${host.token}`)
    expect(first.status).toBe(303)
    expect(first.headers.location).toBe('/')
    const cookie = String(first.headers['set-cookie'])
    expect(cookie).toContain(`loopbench_${host.port}=${host.token}`)
    expect(cookie).toContain('HttpOnly')
    expect(cookie).toContain('SameSite=Strict')
    const page = await rawRequest(`${base}/`, { headers: { Cookie: cookie.split(';')[0]! } })
    expect(page.status).toBe(200)
    expect(page.body).toContain('<title>Loopbench</title>')
  })

  it('refuses API calls from another origin', async () => {
    const res = await api('app.info', {}, { Origin: 'http://evil.example' })
    expect(res.status).toBe(403)
    expect((await api('app.info', {}, { Origin: `http://127.0.0.1:${host.port}` })).status).toBe(200)
  })

  it('sends the CSP and the other security headers', async () => {
    const res = await rawRequest(`${base}/`, { headers: auth() })
    expect(res.headers['content-security-policy']).toBe(CONTENT_SECURITY_POLICY)
    expect(res.headers['x-content-type-options']).toBe('nosniff')
    expect(res.headers['x-frame-options']).toBe('DENY')
    expect(res.headers['referrer-policy']).toBe('no-referrer')
  })
})

describe('static files', () => {
  it('serves the renderer and its assets with MIME types', async () => {
    const js = await rawRequest(`${base}/assets/app-1234.js`, { headers: auth() })
    expect(js.status).toBe(200)
    expect(js.headers['content-type']).toContain('text/javascript')
  })

  it.each([
    '/../secret.txt',
    '/%2e%2e/secret.txt',
    '/%2e%2e%2fsecret.txt',
    '/assets/../../secret.txt',
    '/assets/%2e%2e/%2e%2e/secret.txt',
    '/..%5csecret.txt',
    '/index.html%00.js',
    '/%E0%A4%A',
    '//etc/passwd',
    '/assets'
  ])('answers 404 to %s', async (path) => {
    const res = await rawRequest(base, { path, headers: auth() })
    expect(res.status).toBe(404)
    expect(res.body).not.toContain('do not serve')
  })
})

describe('the API', () => {
  it('dispatches a method and returns its envelope', async () => {
    const res = await api('app.info', {})
    expect(res.status).toBe(200)
    expect(JSON.parse(res.body)).toMatchObject({ ok: true, value: { host: 'web', version: '1.2.3' } })
  })

  it('returns validation errors as typed errors', async () => {
    const res = await api('data.page', { table: 'passwords', offset: -1, limit: 5 })
    expect(res.status).toBe(400)
    const body = JSON.parse(res.body)
    expect(body.error.code).toBe('invalid_input')
    expect(body.error.message).toMatch(/data\.page/)
    expect(body.error.details.issues.map((i: { path: string }) => i.path)).toEqual(['table', 'offset'])
  })

  it('rejects unknown methods, bad JSON, wrong content types and other verbs', async () => {
    expect(JSON.parse((await api('fs.readFile', {})).body).error.code).toBe('unknown_method')
    expect(JSON.parse((await api('app.info', '{not json')).body).error.code).toBe('invalid_input')
    const text = await rawRequest(`${base}/api/app.info`, {
      method: 'POST',
      headers: { ...auth(), 'Content-Type': 'text/plain' },
      body: '{}'
    })
    expect(text.status).toBe(400)
    const get = await rawRequest(`${base}/api/app.info`, { headers: auth() })
    expect(JSON.parse(get.body).error.code).toBe('not_supported')
  })

  it('rejects an oversized request body with 413', async () => {
    const res = await api('settings.update', { patch: { timeZone: 'x'.repeat(MAX_BODY * 2) } })
    expect(res.status).toBe(413)
    expect(JSON.parse(res.body).error.code).toBe('payload_too_large')
  })

  it('stays on the workspace it was started with', async () => {
    const res = await api('workspace.open', { path: join(dir, 'other.loopbench') })
    expect(JSON.parse(res.body).error.code).toBe('not_supported')
    const info = JSON.parse((await api('workspace.info', {})).body)
    expect(info.value.path).toBe(join(dir, 'w.loopbench'))
  })
})

describe('uploads', () => {
  it('streams a file to a private folder and returns a receipt', async () => {
    const bytes = Buffer.from('ticket_id,created_at,description\n1,2026-01-02,退款还没到账\n')
    const res = await rawRequest(`${base}/upload?name=${encodeURIComponent('../../工单 export.csv')}`, {
      method: 'POST',
      headers: auth(),
      body: bytes
    })
    expect(res.status).toBe(200)
    const receipt = JSON.parse(res.body).value
    expect(receipt).toMatchObject({ name: '工单 export.csv', size: bytes.length })
    const stored = uploads.resolve(receipt.uploadId)
    expect(readFileSync(stored.path)).toEqual(bytes)
    expect(statSync(stored.path).mode & 0o777).toBe(0o600)
    expect(stored.path.startsWith(uploads.dir)).toBe(true)
  })

  it.each([
    ['streamed (chunked)', {}],
    ['with a declared length', { 'Content-Length': String(MAX_UPLOAD + 1) }]
  ])('rejects a file over the cap with 413 and keeps nothing of it, %s', async (_label, headers) => {
    const before = readdirSync(uploads.dir).length
    const res = await rawRequest(`${base}/upload?name=big.csv`, {
      method: 'POST',
      headers: { ...auth(), ...headers },
      body: Buffer.alloc(MAX_UPLOAD + 1, 0x41)
    })
    expect(res.status).toBe(413)
    expect(JSON.parse(res.body).error.code).toBe('payload_too_large')
    expect(readdirSync(uploads.dir).length).toBe(before)
  })

  it('has a cap separate from (and larger than) the API body limit', async () => {
    const res = await rawRequest(`${base}/upload?name=mid.csv`, {
      method: 'POST',
      headers: auth(),
      body: Buffer.alloc(MAX_BODY * 4, 0x42)
    })
    expect(res.status).toBe(200)
  })
})

describe('events', () => {
  it('streams backend events to the browser', async () => {
    const controller = new AbortController()
    const res = await fetch(`${base}/api/events`, { headers: auth(), signal: controller.signal })
    expect(res.headers.get('content-type')).toContain('text/event-stream')
    const reader = res.body!.getReader()
    await api('preferences.update', { patch: { theme: 'high-contrast' } })
    let text = ''
    const decoder = new TextDecoder()
    while (!text.includes('preferences.changed')) {
      const { value, done } = await reader.read()
      if (done) break
      text += decoder.decode(value)
    }
    controller.abort()
    const line = text.split('\n').find((l) => l.startsWith('data: ') && l.includes('preferences.changed'))!
    expect(JSON.parse(line.slice(6))).toMatchObject({
      type: 'preferences.changed',
      preferences: { theme: 'high-contrast' }
    })
  })
})
