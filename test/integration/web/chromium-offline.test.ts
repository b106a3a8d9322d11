import { once } from 'node:events'
import { createServer } from 'node:http'
import type { AddressInfo } from 'node:net'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { chromiumPdfPrinter, findChromium } from '../../../src/main/hosting/chromium-pdf'

/*
 * The real headless Chromium the web host and the CLI print with: asked by the HTML for a page
 * on a local server (under every name of this machine), it must fetch nothing. Local, so that the
 * test needs no network; the same switches send a remote request to the dead proxy.
 */

const chromium = findChromium(process.env)

describe.skipIf(chromium === null)('the PDF Chromium, offline', () => {
  const seen: string[] = []
  const server = createServer((req, res) => {
    seen.push(`${req.headers.host ?? ''}${req.url ?? ''}`)
    res.writeHead(200, { 'Content-Type': 'image/png' }).end()
  })
  let port = 0
  beforeEach(async () => {
    seen.length = 0
    server.listen(0, '127.0.0.1')
    await once(server, 'listening')
    port = (server.address() as AddressInfo).port
  })
  afterEach(() => {
    server.close()
  })

  it('prints a page that asks for remote and local resources, and requests none of them', async () => {
    // No CSP here, unlike the real report, so that only Chromium's switches stand in the way.
    const html = `<!doctype html><html><head>
      <link rel="stylesheet" href="http://localhost:${port}/style.css">
      <link rel="dns-prefetch" href="http://example.com">
      </head><body><p>offline</p>
      <img src="http://127.0.0.1:${port}/pixel.png">
      <img src="http://localhost:${port}/by-name.png">
      <img src="https://example.com/remote.png">
      <iframe src="http://127.0.0.1:${port}/frame"></iframe>
      </body></html>`
    const pdf = await chromiumPdfPrinter({ env: process.env }).print(html)
    expect(Buffer.from(pdf.subarray(0, 5)).toString('latin1')).toBe('%PDF-')
    expect(seen).toEqual([])
  })
})
