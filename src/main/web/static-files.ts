import { createReadStream, statSync } from 'node:fs'
import type { ServerResponse } from 'node:http'
import { extname, resolve, sep } from 'node:path'
import { SECURITY_HEADERS } from './http-util'

const MIME_TYPES: Readonly<Record<string, string>> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.woff': 'font/woff',
  '.woff2': 'font/woff2',
  '.ttf': 'font/ttf',
  '.wasm': 'application/wasm',
  '.map': 'application/json; charset=utf-8',
  '.txt': 'text/plain; charset=utf-8'
}

/**
 * Resolves a URL path to a file inside `root`, or null. Rejects encoded traversal, NUL bytes,
 * backslashes and anything that resolves outside the root.
 */
export function resolveStaticPath(root: string, urlPath: string): string | null {
  let decoded: string
  try {
    decoded = decodeURIComponent(urlPath)
  } catch {
    return null
  }
  if (decoded.includes('\0') || decoded.includes('\\')) return null
  const relative = decoded === '/' || decoded === '' ? 'index.html' : decoded.replace(/^\/+/, '')
  const base = resolve(root)
  const full = resolve(base, relative)
  if (full !== base && !full.startsWith(base + sep)) return null
  try {
    return statSync(full).isFile() ? full : null
  } catch {
    return null
  }
}

/** Streams a static file with its MIME type; hashed assets may be cached, the page may not. */
export function sendStaticFile(res: ServerResponse, file: string, head: boolean): void {
  const ext = extname(file).toLowerCase()
  const size = statSync(file).size
  const immutable = file.includes(`${sep}assets${sep}`)
  res.writeHead(200, {
    ...SECURITY_HEADERS,
    'Content-Type': MIME_TYPES[ext] ?? 'application/octet-stream',
    'Content-Length': size,
    'Cache-Control': immutable ? 'public, max-age=31536000, immutable' : 'no-cache'
  })
  if (head) {
    res.end()
    return
  }
  createReadStream(file).pipe(res)
}
