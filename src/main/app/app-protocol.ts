import { readFile } from 'node:fs/promises'
import { CONTENT_SECURITY_POLICY } from '@shared/security'
import { APP_HOST, APP_SCHEME } from './app-origin'
import type { ProtocolPort, SchemePrivileges } from './electron-ports'
import { mimeTypeFor, resolveRendererFile } from '../hosting/renderer-files'

export { mimeTypeFor }

/**
 * The app scheme is standard (relative URLs, storage and an origin of its own) and secure (a
 * secure context, like https). It does not bypass the CSP, registers no service workers, and is
 * not CORS-enabled, so no other origin can read from it.
 */
export const APP_SCHEME_PRIVILEGES: SchemePrivileges = {
  standard: true,
  secure: true,
  supportFetchAPI: true,
  codeCache: true,
  corsEnabled: false,
  bypassCSP: false,
  allowServiceWorkers: false,
  stream: false
}

/** Registers the app scheme as privileged; Electron accepts this only before `ready`. */
export function registerAppScheme(protocol: ProtocolPort): void {
  protocol.registerSchemesAsPrivileged([{ scheme: APP_SCHEME, privileges: APP_SCHEME_PRIVILEGES }])
}

/** Serves the built renderer folder on the app scheme. */
export function installAppProtocol(protocol: ProtocolPort, rendererDir: string): void {
  protocol.handle(APP_SCHEME, createAppProtocolHandler(rendererDir))
}

/** Headers every response of the app scheme carries, the CSP first among them. */
function baseHeaders(): Record<string, string> {
  return {
    'Content-Security-Policy': CONTENT_SECURITY_POLICY,
    'X-Content-Type-Options': 'nosniff',
    'Referrer-Policy': 'no-referrer',
    'Cache-Control': 'no-cache'
  }
}

function notFound(): Response {
  return new Response('Not found', {
    status: 404,
    headers: { ...baseHeaders(), 'Content-Type': 'text/plain; charset=utf-8' }
  })
}

/** Maps an app-scheme URL to a file of the built renderer, or null. */
async function resolveFile(rendererDir: string, url: string): Promise<string | null> {
  let parsed: URL
  try {
    parsed = new URL(url)
  } catch {
    return null
  }
  if (parsed.protocol !== `${APP_SCHEME}:` || parsed.host !== APP_HOST) return null
  return resolveRendererFile(rendererDir, parsed.pathname)
}

/**
 * The handler of the app scheme: GET and HEAD of files in the built renderer folder, with the
 * shared Content-Security-Policy and the right MIME type; anything else is a 404 (or 405).
 */
export function createAppProtocolHandler(rendererDir: string): (request: Request) => Promise<Response> {
  return async (request) => {
    if (request.method !== 'GET' && request.method !== 'HEAD') {
      return new Response('Method not allowed', {
        status: 405,
        headers: { ...baseHeaders(), 'Content-Type': 'text/plain; charset=utf-8', Allow: 'GET, HEAD' }
      })
    }
    const file = await resolveFile(rendererDir, request.url)
    if (!file) return notFound()
    let body: Buffer
    try {
      body = await readFile(file)
    } catch {
      return notFound()
    }
    const headers = {
      ...baseHeaders(),
      'Content-Type': mimeTypeFor(file),
      'Content-Length': String(body.length)
    }
    return new Response(request.method === 'HEAD' ? null : new Uint8Array(body), { status: 200, headers })
  }
}
