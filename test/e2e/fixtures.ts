import { copyFileSync, mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { test as base, expect } from '@playwright/test'
import type { Page } from '@playwright/test'
import { DEMO_TEMPLATE } from './harness/paths'
import type { ServeProcess } from './harness/serve-process'
import { startServe } from './harness/serve-process'

export { expect }
export { screenshotPath } from './harness/paths'

/** One test's own workbench: a copy of the demo workspace, a config folder and a server. */
export interface WorkbenchFixture {
  page: Page
  /** The copy of the demo workspace this test works on. */
  workspacePath: string
  /** This test's user configuration folder (preferences, recent list). */
  configDir: string
  server: ServeProcess
  /** Reloads the page (same server, same preferences). */
  reload(): Promise<void>
  /**
   * Stops the server and starts a new one on the same workspace and configuration, then opens
   * it; `prepare` may change the workspace file while no server has it open.
   */
  restartServer(prepare?: (workspacePath: string) => void): Promise<void>
}

/** Every request the test's browser context made, WebSockets included, in order. */
export interface RequestLog {
  readonly urls: readonly string[]
}

const LOOPBACK_HOSTS = new Set(['localhost', '[::1]'])

/**
 * True for a URL that stays on this machine: http(s) or ws(s) to loopback (127.0.0.0/8, ::1,
 * localhost), a `blob:` URL made by such a page, and in-memory `data:` and `about:` URLs.
 */
export function isLocalUrl(url: string): boolean {
  let parsed: URL
  try {
    parsed = new URL(url)
  } catch {
    return false
  }
  if (parsed.protocol === 'data:' || parsed.protocol === 'about:') return true
  if (parsed.protocol === 'blob:') return isLocalUrl(parsed.pathname)
  if (!['http:', 'https:', 'ws:', 'wss:'].includes(parsed.protocol)) return false
  return LOOPBACK_HOSTS.has(parsed.hostname) || /^127\.\d+\.\d+\.\d+$/.test(parsed.hostname)
}

export const test = base.extend<{ requestLog: RequestLog; workbench: WorkbenchFixture }>({
  // Nothing leaves the machine: every test (automatically) records each request its pages make,
  // and fails when one went anywhere but loopback or in-memory data.
  requestLog: [
    async ({ context }, use) => {
      const urls: string[] = []
      context.on('request', (request) => urls.push(request.url()))
      const watchSockets = (page: Page): void => {
        page.on('websocket', (socket) => urls.push(socket.url()))
      }
      context.pages().forEach(watchSockets)
      context.on('page', watchSockets)
      await use({ urls })
      expect(
        urls.filter((url) => !isLocalUrl(url)),
        'requests that would leave the machine'
      ).toEqual([])
    },
    { auto: true }
  ],
  workbench: async ({ page }, use) => {
    const dir = mkdtempSync(join(tmpdir(), 'loopbench-e2e-'))
    const workspacePath = join(dir, 'demo.loopbench')
    const configDir = join(dir, 'config')
    copyFileSync(DEMO_TEMPLATE, workspacePath)
    let server = await startServe({ workspace: workspacePath, configDir })
    const consoleErrors: string[] = []
    // Off while the harness itself stops the server: the page's event stream then fails to
    // reconnect, which is expected and not a page error.
    let collecting = true
    page.on('console', (message) => {
      if (!collecting || message.type() !== 'error') return
      // Chromium logs every 4xx answer as "Failed to load resource"; for API calls a 4xx is a
      // typed error the page handles (the envelope is in the body), not a page error.
      const apiAnswer = message.location().url.includes('/api/') && /status of 4\d\d/.test(message.text())
      // Playwright's trace recorder injects its snapshot script into every frame; in the report
      // preview's frame, which may run no script, Chromium blocks it and says so. The report
      // itself has no script (its tests check), and without the recorder nothing is logged.
      const recorderInFrame =
        /^Blocked script execution in 'about:srcdoc' because the document's frame is sandboxed/.test(
          message.text()
        )
      if (!apiAnswer && !recorderInFrame) consoleErrors.push(message.text())
    })
    page.on('pageerror', (error) => {
      if (collecting) consoleErrors.push(error.message)
    })
    await page.goto(server.url)
    const fixture: WorkbenchFixture = {
      page,
      workspacePath,
      configDir,
      get server() {
        return server
      },
      reload: async () => {
        await page.reload()
      },
      restartServer: async (prepare) => {
        collecting = false
        await server.stop()
        prepare?.(workspacePath)
        server = await startServe({ workspace: workspacePath, configDir })
        await page.goto(server.url)
        collecting = true
      }
    }
    await use(fixture)
    collecting = false
    const code = await server.stop()
    rmSync(dir, { recursive: true, force: true })
    expect(consoleErrors, 'the page logged errors').toEqual([])
    expect(code, `loopbench serve exited with ${code}:\n${server.stderr()}`).toBe(0)
  }
})
