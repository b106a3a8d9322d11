import { realpath, stat } from 'node:fs/promises'
import { extname, isAbsolute, relative, resolve, sep } from 'node:path'

/**
 * Serving the built renderer, shared by the two hosts that do it (the desktop app's custom
 * scheme and the web host): one MIME table and one path check.
 */

const MIME_TYPES: Readonly<Record<string, string>> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
  '.txt': 'text/plain; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.gif': 'image/gif',
  '.webp': 'image/webp',
  '.ico': 'image/x-icon',
  '.woff': 'font/woff',
  '.woff2': 'font/woff2',
  '.ttf': 'font/ttf',
  '.otf': 'font/otf',
  '.wasm': 'application/wasm'
}

/** The Content-Type of a renderer file, by extension. */
export function mimeTypeFor(path: string): string {
  return MIME_TYPES[extname(path).toLowerCase()] ?? 'application/octet-stream'
}

/** True if `child` is `root` itself or lies inside it. */
function isInside(root: string, child: string): boolean {
  const rel = relative(root, child)
  return rel === '' || (rel !== '..' && !rel.startsWith(`..${sep}`) && !isAbsolute(rel))
}

/**
 * Maps the (still percent-encoded) path of a URL to a file inside `root`, or null. Decodes once,
 * rejects NUL bytes and backslashes, resolves against the root and checks that the result — and,
 * after following symbolic links, the real file — is still inside, so `..`, `%2e%2e`, `%2f`,
 * `%5c` and link tricks all end in a 404. `/` means `index.html`.
 */
export async function resolveRendererFile(root: string, encodedPath: string): Promise<string | null> {
  let pathname: string
  try {
    pathname = decodeURIComponent(encodedPath)
  } catch {
    return null
  }
  if (pathname.includes('\0') || pathname.includes('\\')) return null
  if (pathname === '/' || pathname === '') pathname = '/index.html'
  const base = resolve(root)
  const candidate = resolve(base, `.${pathname.startsWith('/') ? '' : '/'}${pathname}`)
  if (!isInside(base, candidate)) return null
  try {
    const [realRoot, realFile] = await Promise.all([realpath(base), realpath(candidate)])
    if (!isInside(realRoot, realFile)) return null
    if (!(await stat(realFile)).isFile()) return null
    return realFile
  } catch {
    return null
  }
}
