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

export const test = base.extend<{ workbench: WorkbenchFixture }>({
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
