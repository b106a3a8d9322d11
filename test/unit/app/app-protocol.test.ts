import { mkdirSync, symlinkSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { CONTENT_SECURITY_POLICY } from '@shared/security'
import {
  APP_SCHEME_PRIVILEGES,
  createAppProtocolHandler,
  installAppProtocol,
  mimeTypeFor,
  registerAppScheme
} from '../../../src/main/app/app-protocol'
import { makeTempDir } from '../../helpers/temp-dir'
import { FakeElectron } from './fake-electron'

const SECRET = 'customer e-mails: alice@example.com'

let temp: { dir: string; cleanup: () => void }
let rendererDir: string
let handle: (request: Request) => Promise<Response>
const get = (url: string, init?: RequestInit): Promise<Response> => handle(new Request(url, init))

beforeAll(() => {
  temp = makeTempDir('loopbench-protocol-')
  rendererDir = join(temp.dir, 'renderer')
  mkdirSync(join(rendererDir, 'assets'), { recursive: true })
  writeFileSync(join(rendererDir, 'index.html'), '<!doctype html><title>Loopbench</title>')
  writeFileSync(join(rendererDir, 'assets', 'index-abc.js'), 'export const x = 1')
  writeFileSync(join(rendererDir, 'assets', 'index-abc.css'), 'body{}')
  writeFileSync(join(rendererDir, 'assets', 'codicon.woff2'), Buffer.from([0x77, 0x4f, 0x46, 0x32]))
  writeFileSync(join(rendererDir, 'assets', 'logo.svg'), '<svg xmlns="http://www.w3.org/2000/svg"/>')
  writeFileSync(join(rendererDir, 'assets', 'logo.png'), Buffer.from([0x89, 0x50, 0x4e, 0x47]))
  writeFileSync(join(rendererDir, 'assets', 'data.json'), '{}')
  writeFileSync(join(rendererDir, 'assets', 'blob.bin'), 'x')
  writeFileSync(join(temp.dir, 'secret.txt'), SECRET)
  // A sibling whose name starts with the renderer folder's name: a naive prefix check lets it through.
  mkdirSync(join(temp.dir, 'renderer-evil'))
  writeFileSync(join(temp.dir, 'renderer-evil', 'secret.txt'), SECRET)
  symlinkSync(join(temp.dir, 'secret.txt'), join(rendererDir, 'link.txt'))
  handle = createAppProtocolHandler(rendererDir)
})

afterAll(() => temp.cleanup())

describe('app scheme registration', () => {
  it('registers loopbench:// as standard and secure, without CSP bypass, service workers or CORS', () => {
    const electron = new FakeElectron()
    registerAppScheme(electron.protocol)
    expect(electron.protocol.privileged).toEqual([{ scheme: 'loopbench', privileges: APP_SCHEME_PRIVILEGES }])
    expect(APP_SCHEME_PRIVILEGES).toMatchObject({
      standard: true,
      secure: true,
      bypassCSP: false,
      allowServiceWorkers: false,
      corsEnabled: false
    })
  })

  it('serves the renderer through protocol.handle', async () => {
    const electron = new FakeElectron()
    installAppProtocol(electron.protocol, rendererDir)
    const response = await electron.protocol.fetch('loopbench://app/index.html')
    expect(response.status).toBe(200)
  })
})

describe('app protocol handler', () => {
  it('serves index.html with the shared Content-Security-Policy', async () => {
    const response = await get('loopbench://app/index.html')
    expect(response.status).toBe(200)
    expect(response.headers.get('content-security-policy')).toBe(CONTENT_SECURITY_POLICY)
    expect(response.headers.get('content-type')).toBe('text/html; charset=utf-8')
    expect(response.headers.get('x-content-type-options')).toBe('nosniff')
    expect(await response.text()).toContain('<title>Loopbench</title>')
  })

  it('serves the root as index.html', async () => {
    const response = await get('loopbench://app/')
    expect(response.status).toBe(200)
    expect(await response.text()).toContain('Loopbench')
  })

  it.each([
    ['assets/index-abc.js', 'text/javascript; charset=utf-8'],
    ['assets/index-abc.css', 'text/css; charset=utf-8'],
    ['assets/codicon.woff2', 'font/woff2'],
    ['assets/logo.svg', 'image/svg+xml'],
    ['assets/logo.png', 'image/png'],
    ['assets/data.json', 'application/json; charset=utf-8'],
    ['assets/blob.bin', 'application/octet-stream']
  ])('serves %s as %s, with the CSP', async (path, type) => {
    const response = await get(`loopbench://app/${path}`)
    expect(response.status).toBe(200)
    expect(response.headers.get('content-type')).toBe(type)
    expect(response.headers.get('content-security-policy')).toBe(CONTENT_SECURITY_POLICY)
  })

  it('knows the MIME types of module scripts and fonts', () => {
    expect(mimeTypeFor('a.mjs')).toBe('text/javascript; charset=utf-8')
    expect(mimeTypeFor('A.JS')).toBe('text/javascript; charset=utf-8')
    expect(mimeTypeFor('a.ttf')).toBe('font/ttf')
    expect(mimeTypeFor('a.wasm')).toBe('application/wasm')
  })

  it.each([
    'loopbench://app/../../etc/passwd',
    'loopbench://app/%2e%2e/%2e%2e/etc/passwd',
    'loopbench://app/..%2f..%2f..%2f..%2fetc%2fpasswd',
    'loopbench://app/%2e%2e%2fsecret.txt',
    'loopbench://app/..%2fsecret.txt',
    'loopbench://app/assets/..%2f..%2fsecret.txt',
    'loopbench://app/..%5csecret.txt',
    'loopbench://app/%252e%252e%252fsecret.txt',
    'loopbench://app/..%2frenderer-evil%2fsecret.txt',
    'loopbench://app/../renderer-evil/secret.txt',
    'loopbench://app//etc/passwd',
    'loopbench://app/%2fetc%2fpasswd',
    'loopbench://app/link.txt',
    'loopbench://app/index.html%00.js',
    'loopbench://app/%E0%A4%A',
    'loopbench://app/assets',
    'loopbench://app/missing.js',
    'loopbench://other/index.html',
    'loopbench://app.evil/index.html'
  ])('answers 404 to %s, without reading outside the renderer folder', async (url) => {
    const response = await get(url)
    expect(response.status).toBe(404)
    expect(response.headers.get('content-security-policy')).toBe(CONTENT_SECURITY_POLICY)
    expect(await response.text()).not.toContain('alice@example.com')
  })

  it('answers 405 to anything but GET and HEAD', async () => {
    const response = await get('loopbench://app/index.html', { method: 'POST', body: 'x' })
    expect(response.status).toBe(405)
  })

  it('answers HEAD with headers and no body', async () => {
    const response = await get('loopbench://app/index.html', { method: 'HEAD' })
    expect(response.status).toBe(200)
    expect(response.headers.get('content-type')).toBe('text/html; charset=utf-8')
    expect(await response.text()).toBe('')
  })
})
