import { copyFileSync, existsSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { _electron as electron, expect, test } from '@playwright/test'
import { METHOD_NAMES } from '../../../src/shared/api/method-names'
import { WORKBENCH_READY_SELECTOR } from '../harness/ready'
import { NO_ELECTRON, findElectronBinary } from './electron-binary'

// The repository root. (Playwright loads this file as ESM, where __dirname does not exist.)
const ROOT = fileURLToPath(new URL('../../../', import.meta.url))
/** The demo workspace the e2e global setup builds (same path as DEMO_TEMPLATE in harness/paths.ts). */
const DEMO_TEMPLATE = join(ROOT, 'test-results', 'e2e-cache', 'demo-template.loopbench')
const MAIN = join(ROOT, 'out', 'main', 'index.js')
const binary = findElectronBinary(ROOT)
if (!binary) console.log(NO_ELECTRON)

interface BridgeShape {
  top: string[]
  api: string[]
  events: string[]
}

/**
 * The desktop smoke test: the built app (out/main/index.js) in a real Electron, on a fresh user
 * data folder. It re-checks live what the unit tests check with the recording fake.
 */
test.describe('desktop app (Electron)', () => {
  test.skip(!binary, NO_ELECTRON)

  test('opens a secure workbench window', async () => {
    test.setTimeout(120_000)
    expect(existsSync(MAIN), 'out/main/index.js is missing: run `npm run build` first').toBe(true)
    const userData = mkdtempSync(join(tmpdir(), 'loopbench-electron-'))
    // With the demo template from the global setup, the first start opens it instead of building it.
    const seeded = existsSync(DEMO_TEMPLATE)
    if (seeded) {
      mkdirSync(userData, { recursive: true })
      copyFileSync(DEMO_TEMPLATE, join(userData, 'demo.loopbench'))
    }
    const env = { ...process.env }
    delete env.ELECTRON_RENDERER_URL
    const app = await electron.launch({
      executablePath: binary!,
      args: [MAIN, `--user-data-dir=${userData}`],
      env: env as Record<string, string>,
      cwd: ROOT
    })
    try {
      const page = await app.firstWindow()

      await test.step('the window shows the workbench from the app scheme', async () => {
        await expect(page.locator('[data-testid="workbench"]')).toBeVisible({ timeout: 30_000 })
        expect(page.url()).toMatch(/^loopbench:\/\/app\//)
        expect(app.windows()).toHaveLength(1)
        if (seeded) await expect(page.locator(WORKBENCH_READY_SELECTOR)).toBeVisible({ timeout: 60_000 })
      })

      await test.step('the live web preferences are the secure ones', async () => {
        const prefs = await app.evaluate(({ BrowserWindow }) => {
          const windows = BrowserWindow.getAllWindows()
          // getLastWebPreferences exists at runtime but is missing from Electron's typings.
          const contents = windows[0]?.webContents as unknown as
            { getLastWebPreferences?: () => Record<string, unknown> | null } | undefined
          const p = contents?.getLastWebPreferences?.() ?? null
          return {
            windows: windows.length,
            contextIsolation: p?.contextIsolation,
            sandbox: p?.sandbox,
            nodeIntegration: p?.nodeIntegration,
            nodeIntegrationInWorker: p?.nodeIntegrationInWorker,
            nodeIntegrationInSubFrames: p?.nodeIntegrationInSubFrames,
            webviewTag: p?.webviewTag,
            webSecurity: p?.webSecurity,
            allowRunningInsecureContent: p?.allowRunningInsecureContent,
            experimentalFeatures: p?.experimentalFeatures,
            spellcheck: p?.spellcheck
          }
        })
        expect(prefs).toEqual({
          windows: 1,
          contextIsolation: true,
          sandbox: true,
          nodeIntegration: false,
          nodeIntegrationInWorker: false,
          nodeIntegrationInSubFrames: false,
          webviewTag: false,
          webSecurity: true,
          allowRunningInsecureContent: false,
          experimentalFeatures: false,
          spellcheck: false
        })
      })

      await test.step('window.loopbench has exactly the contract, and the page has no Node', async () => {
        const shape = await page.evaluate((): BridgeShape => {
          const bridge = (window as unknown as { loopbench: { api: object; events: object } }).loopbench
          return {
            top: Object.keys(bridge).sort(),
            api: Object.keys(bridge.api).sort(),
            events: Object.keys(bridge.events).sort()
          }
        })
        expect(shape).toEqual({
          top: ['api', 'events'],
          api: [...METHOD_NAMES].sort(),
          events: ['subscribe']
        })
        const globals = await page.evaluate(() => {
          const g = globalThis as Record<string, unknown>
          return {
            require: typeof g.require,
            process: typeof g.process,
            module: typeof g.module,
            Buffer: typeof g.Buffer
          }
        })
        expect(globals).toEqual({
          require: 'undefined',
          process: 'undefined',
          module: 'undefined',
          Buffer: 'undefined'
        })
      })

      await test.step('the API answers through IPC, with typed validation errors', async () => {
        const results = await page.evaluate(async () => {
          const api = (
            window as unknown as { loopbench: { api: Record<string, (a: unknown) => Promise<unknown>> } }
          ).loopbench.api
          return { info: await api['app.info']!({}), bad: await api['workspace.open']!({ path: 42 }) }
        })
        expect(results.info).toMatchObject({ ok: true, value: { host: 'electron' } })
        expect(results.bad).toMatchObject({ ok: false, error: { code: 'invalid_input' } })
      })

      await test.step('the page serves the CSP and cannot reach the network', async () => {
        const csp = await page.evaluate(async () =>
          (await fetch('/index.html')).headers.get('content-security-policy')
        )
        expect(csp).toContain("default-src 'self'")
        const external = await page.evaluate(async () => {
          try {
            await fetch('https://example.com/')
            return 'reached'
          } catch {
            return 'blocked'
          }
        })
        expect(external).toBe('blocked')
      })

      await test.step('navigation and new windows are blocked', async () => {
        const before = page.url()
        const opened = await page.evaluate(() => window.open('https://example.com/') === null)
        expect(opened).toBe(true)
        await page.evaluate(() => {
          window.location.href = 'https://example.com/'
        })
        await page.waitForTimeout(1_000)
        expect(page.url()).toBe(before)
        await page.evaluate(() => {
          window.location.href = 'file:///etc/passwd'
        })
        await page.waitForTimeout(500)
        expect(page.url()).toBe(before)
        expect(app.windows()).toHaveLength(1)
      })
    } finally {
      await app.close()
      rmSync(userData, { recursive: true, force: true })
    }
  })
})
