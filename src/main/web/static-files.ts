import { createReadStream, statSync } from 'node:fs'
import type { ServerResponse } from 'node:http'
import { sep } from 'node:path'
import { mimeTypeFor } from '../hosting/renderer-files'
import { SECURITY_HEADERS } from './http-util'

export { resolveRendererFile as resolveStaticPath } from '../hosting/renderer-files'

/** Streams a static file with its MIME type; hashed assets may be cached, the page may not. */
export function sendStaticFile(res: ServerResponse, file: string, head: boolean): void {
  const size = statSync(file).size
  const immutable = file.includes(`${sep}assets${sep}`)
  res.writeHead(200, {
    ...SECURITY_HEADERS,
    'Content-Type': mimeTypeFor(file),
    'Content-Length': size,
    'Cache-Control': immutable ? 'public, max-age=31536000, immutable' : 'no-cache'
  })
  if (head) {
    res.end()
    return
  }
  createReadStream(file).pipe(res)
}
