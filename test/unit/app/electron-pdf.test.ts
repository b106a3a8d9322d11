import { describe, expect, it } from 'vitest'
import { ApiError } from '../../../src/shared/api/errors'
import { electronPdfPrinter } from '../../../src/main/app/electron-pdf'
import { FakeElectron } from './fake-electron'

describe('the desktop PDF printer', () => {
  it('prints the report in a hidden, script-less, sandboxed window of its own session, then closes it', async () => {
    const electron = new FakeElectron()
    const html = '<!doctype html><title>季度回顾</title><p>Q3</p>'
    const pdf = await electronPdfPrinter(electron).print(html)
    expect(new TextDecoder().decode(pdf)).toMatch(/^%PDF-/)
    const window = electron.printWindows[0]!
    expect(window.options.show).toBe(false)
    expect(window.options.webPreferences).toMatchObject({
      javascript: false,
      sandbox: true,
      contextIsolation: true,
      nodeIntegration: false
    })
    expect(window.options.webPreferences.partition).not.toMatch(/^persist:/)
    const prefix = 'data:text/html;charset=utf-8;base64,'
    expect(window.loaded?.startsWith(prefix)).toBe(true)
    expect(Buffer.from(window.loaded!.slice(prefix.length), 'base64').toString('utf8')).toBe(html)
    expect(window.printed).toEqual({
      pageSize: 'A4',
      printBackground: true,
      preferCSSPageSize: true,
      displayHeaderFooter: false
    })
    expect(window.destroyed).toBe(true)
  })

  it("cancels every request of the print window's session but the report's own data URL", async () => {
    const electron = new FakeElectron()
    await electronPdfPrinter(electron).print('<p>x</p>')
    const window = electron.printWindows[0]!
    expect(window.beforeRequest).not.toBeNull()
    expect(window.cancels(window.loaded!)).toBe(false)
    for (const url of [
      'https://example.com/',
      'http://127.0.0.1:8080/pixel.png',
      'ws://example.com/socket',
      'wss://example.com/socket',
      'file:///etc/passwd',
      'loopbench://app/index.html',
      'blob:https://example.com/0b1c2d3e-0000-4000-8000-000000000000',
      'ftp://example.com/'
    ])
      expect(window.cancels(url), url).toBe(true)
  })

  it('closes the window and says what went wrong when the page does not load', async () => {
    const electron = new FakeElectron()
    electron.failPrinting = true
    const error = await electronPdfPrinter(electron)
      .print('<p>x</p>')
      .catch((e: unknown) => e)
    expect(error).toBeInstanceOf(ApiError)
    expect((error as ApiError).message).toContain('ERR_FAILED')
    expect(electron.printWindows[0]!.destroyed).toBe(true)
  })
})
