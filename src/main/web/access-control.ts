import { timingSafeEqual } from 'node:crypto'
import type { IncomingMessage } from 'node:http'

/** The hosts a browser may name in the Host header of a request to this server. */
export function allowedHosts(port: number): Set<string> {
  return new Set([`127.0.0.1:${port}`, `localhost:${port}`])
}

/**
 * Host-header check against DNS rebinding: a page on another site that resolves its own name
 * to 127.0.0.1 sends its own name as Host, and is refused.
 */
export function hostAllowed(req: IncomingMessage, port: number): boolean {
  const host = (req.headers.host ?? '').toLowerCase()
  return allowedHosts(port).has(host)
}

/** For state-changing requests: a browser's Origin header, when present, must be ours. */
export function originAllowed(req: IncomingMessage, port: number): boolean {
  const origin = req.headers.origin
  if (origin === undefined) return true
  return origin === `http://127.0.0.1:${port}` || origin === `http://localhost:${port}`
}

/** Constant-time comparison of a presented token with the server's. */
export function tokenMatches(presented: string | undefined, token: string): boolean {
  if (!presented) return false
  const a = Buffer.from(presented)
  const b = Buffer.from(token)
  return a.length === b.length && timingSafeEqual(a, b)
}

/** The cookie that carries the token after the first visit; named per port (cookies ignore ports). */
export function cookieName(port: number): string {
  return `loopbench_${port}`
}

/** The token a request presents: `Authorization: Bearer`, else the session cookie. */
export function presentedToken(req: IncomingMessage, port: number): string | undefined {
  const auth = req.headers.authorization
  if (auth?.startsWith('Bearer ')) return auth.slice('Bearer '.length).trim()
  const cookies = req.headers.cookie ?? ''
  const name = cookieName(port)
  for (const part of cookies.split(';')) {
    const [key, ...rest] = part.trim().split('=')
    if (key === name) return rest.join('=')
  }
  return undefined
}
