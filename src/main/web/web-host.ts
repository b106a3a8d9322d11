import { randomBytes } from 'node:crypto'
import type { IncomingMessage, Server, ServerResponse } from 'node:http'
import { createServer } from 'node:http'
import type { AddressInfo } from 'node:net'
import { HTTP_ROUTES } from '@shared/api/bridge'
import { dispatch } from '@shared/api/dispatch'
import { ApiError } from '@shared/api/errors'
import type { WorkbenchEvent } from '@shared/api/events'
import type { Workbench } from '../core/composition-root'
import type { UploadRegistry } from '../core/uploads/upload-registry'
import { cookieName, hostAllowed, originAllowed, presentedToken, tokenMatches } from './access-control'
import { readBody, SECURITY_HEADERS, sendError, sendResult } from './http-util'
import { resolveStaticPath, sendStaticFile } from './static-files'
import { receiveUpload } from './upload'

/** The only address the web host listens on. */
export const LOOPBACK = '127.0.0.1'

export interface WebHostOptions {
  workbench: Workbench
  uploads: UploadRegistry
  /** The built renderer (out/renderer). */
  staticDir: string
  /** 0 picks a free port. */
  port?: number
  /** Defaults to 32 random bytes, hex. */
  token?: string
  /** Limit of an API request body (JSON arguments). */
  maxApiBodyBytes?: number
  /** Limit of one uploaded file. */
  maxUploadBytes?: number
  /** Interval of keep-alive comments on event streams. */
  heartbeatMs?: number
  log?: (line: string) => void
}

export interface WebHost {
  port: number
  token: string
  /** The address to open, with its token. */
  url: string
  close(): Promise<void>
}

export const DEFAULT_MAX_API_BODY = 1024 * 1024
export const DEFAULT_MAX_UPLOAD = 2 * 1024 * 1024 * 1024

/**
 * `loopbench serve`: the renderer and the workbench API over HTTP on 127.0.0.1 only. Every
 * request needs the token (cookie after the first visit); foreign Host headers are refused.
 */
export async function startWebHost(options: WebHostOptions): Promise<WebHost> {
  const token = options.token ?? randomBytes(32).toString('hex')
  const maxApiBody = options.maxApiBodyBytes ?? DEFAULT_MAX_API_BODY
  const maxUpload = options.maxUploadBytes ?? DEFAULT_MAX_UPLOAD
  const heartbeatMs = options.heartbeatMs ?? 25_000
  const streams = new Set<ServerResponse>()
  let port = 0

  const server: Server = createServer((req, res) => {
    handle(req, res).catch((error: unknown) => {
      options.log?.(`request failed: ${(error as Error).message}`)
      if (!res.headersSent) sendError(res, 'internal', 'The web host could not answer this request.')
      else res.destroy()
    })
  })
  server.requestTimeout = 0 // uploads may take long; idle sockets are still closed by headersTimeout
  server.headersTimeout = 30_000

  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    if (!hostAllowed(req, port)) {
      sendError(
        res,
        'forbidden',
        'This host name is not allowed. Open the address that loopbench serve printed.'
      )
      return
    }
    const url = new URL(req.url ?? '/', `http://${LOOPBACK}:${port}`)
    const method = req.method ?? 'GET'

    // First visit: the token comes in the query; exchange it for an HttpOnly cookie and drop it
    // from the address bar so it does not linger in history or screenshots.
    const queryToken = url.searchParams.get('token')
    if (queryToken !== null && (method === 'GET' || method === 'HEAD')) {
      if (!tokenMatches(queryToken, token)) {
        sendUnauthorized(req, res)
        return
      }
      url.searchParams.delete('token')
      res.writeHead(303, {
        ...SECURITY_HEADERS,
        Location: url.pathname + (url.search || ''),
        'Set-Cookie': `${cookieName(port)}=${token}; HttpOnly; SameSite=Strict; Path=/`,
        'Cache-Control': 'no-store'
      })
      res.end()
      return
    }
    if (!tokenMatches(presentedToken(req, port), token)) {
      sendUnauthorized(req, res)
      return
    }

    if (url.pathname === HTTP_ROUTES.events) {
      if (method !== 'GET') return methodNotAllowed(res)
      openEventStream(req, res)
      return
    }
    if (url.pathname.startsWith(`${HTTP_ROUTES.api}/`)) {
      if (method !== 'POST') return methodNotAllowed(res)
      await handleApi(req, res, url.pathname.slice(HTTP_ROUTES.api.length + 1))
      return
    }
    if (url.pathname === HTTP_ROUTES.upload) {
      if (method !== 'POST') return methodNotAllowed(res)
      if (!originAllowed(req, port)) {
        sendError(res, 'forbidden', 'Cross-origin uploads are not allowed.')
        return
      }
      try {
        const receipt = await receiveUpload(req, options.uploads, url.searchParams.get('name'), maxUpload)
        sendResult(res, { ok: true, value: receipt })
      } catch (error) {
        const apiError =
          error instanceof ApiError ? error : new ApiError('internal', (error as Error).message)
        if (apiError.code === 'payload_too_large') res.setHeader('Connection', 'close')
        sendResult(res, { ok: false, error: apiError.toData() })
      }
      return
    }
    if (method !== 'GET' && method !== 'HEAD') return methodNotAllowed(res)
    const file = await resolveStaticPath(options.staticDir, rawPath(req.url))
    if (!file) {
      sendError(res, 'not_found', 'Not found.')
      return
    }
    sendStaticFile(res, file, method === 'HEAD')
  }

  async function handleApi(req: IncomingMessage, res: ServerResponse, methodName: string): Promise<void> {
    if (!originAllowed(req, port)) {
      sendError(res, 'forbidden', 'Cross-origin requests are not allowed.')
      return
    }
    const type = req.headers['content-type'] ?? ''
    if (!type.startsWith('application/json')) {
      sendError(res, 'invalid_input', 'API requests must send JSON (Content-Type: application/json).')
      return
    }
    const body = await readBody(req, maxApiBody)
    if (body === null) {
      res.setHeader('Connection', 'close')
      sendError(
        res,
        'payload_too_large',
        `The request is larger than ${maxApiBody} bytes. Files reach the workbench by upload, not through the API.`
      )
      return
    }
    let args: unknown = {}
    if (body.length > 0) {
      try {
        args = JSON.parse(body.toString('utf8'))
      } catch {
        sendError(res, 'invalid_input', 'The request body is not valid JSON.')
        return
      }
    }
    const result = await dispatch(options.workbench.handlers, decodeURIComponent(methodName), args, (m, e) =>
      options.log?.(`${m} failed: ${(e as Error)?.stack ?? String(e)}`)
    )
    sendResult(res, result)
  }

  function openEventStream(req: IncomingMessage, res: ServerResponse): void {
    res.writeHead(200, {
      ...SECURITY_HEADERS,
      'Content-Type': 'text/event-stream; charset=utf-8',
      'Cache-Control': 'no-store',
      Connection: 'keep-alive'
    })
    res.write(': connected\n\n')
    streams.add(res)
    const unsubscribe = options.workbench.subscribe((event: WorkbenchEvent) => {
      res.write(`data: ${JSON.stringify(event)}\n\n`)
    })
    const heartbeat = setInterval(() => res.write(': keep-alive\n\n'), heartbeatMs)
    const close = (): void => {
      clearInterval(heartbeat)
      unsubscribe()
      streams.delete(res)
    }
    req.on('close', close)
    res.on('close', close)
  }

  function sendUnauthorized(req: IncomingMessage, res: ServerResponse): void {
    const accept = req.headers.accept ?? ''
    if (req.method === 'GET' && accept.includes('text/html')) {
      const page = UNAUTHORIZED_PAGE
      res.writeHead(401, {
        ...SECURITY_HEADERS,
        'Content-Type': 'text/html; charset=utf-8',
        'Content-Length': Buffer.byteLength(page),
        'Cache-Control': 'no-store'
      })
      res.end(page)
      return
    }
    sendError(
      res,
      'unauthorized',
      'A valid access token is required. Open the address that loopbench serve printed.'
    )
  }

  function methodNotAllowed(res: ServerResponse): void {
    res.setHeader('Allow', 'GET, HEAD, POST')
    sendResult(res, { ok: false, error: { code: 'not_supported', message: 'Method not allowed.' } })
  }

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject)
    server.listen(options.port ?? 0, LOOPBACK, () => {
      server.off('error', reject)
      resolve()
    })
  })
  port = (server.address() as AddressInfo).port

  return {
    port,
    token,
    url: `http://${LOOPBACK}:${port}/?token=${token}`,
    close: () =>
      new Promise<void>((resolve) => {
        for (const stream of streams) stream.end()
        server.close(() => resolve())
        server.closeAllConnections()
      })
  }
}

/** The path of a request URL exactly as sent (still percent-encoded, dot segments kept). */
function rawPath(url: string | undefined): string {
  const path = (url ?? '/').split('?')[0] ?? '/'
  return path.startsWith('/') ? path : '/'
}

const UNAUTHORIZED_PAGE = `<!doctype html>
<html><head><meta charset="utf-8"><title>Loopbench</title>
<style>body{font:15px/1.5 system-ui,"PingFang SC","Microsoft YaHei","Noto Sans CJK SC",sans-serif;margin:15vh auto;max-width:34rem;color:#333;padding:0 1rem}code{background:#f3f3f3;padding:.1rem .3rem;border-radius:3px}</style></head>
<body><h1>Access token required</h1>
<p>This Loopbench workbench only opens with the address that <code>loopbench serve</code> printed, which carries a one-time access token.</p>
<p lang="zh-CN">需要访问令牌：请使用 <code>loopbench serve</code> 输出的完整地址打开此工作台。</p></body></html>`
