import { defineConfig } from '@playwright/test'
import { chromiumArgs, resolveChromium } from './test/e2e/harness/chromium'

let executablePath: string | undefined
try {
  executablePath = resolveChromium()
} catch {
  // The global setup reports the missing browser with instructions.
  executablePath = undefined
}

/**
 * End-to-end tests in real Chromium through the web host (`loopbench serve`), plus the desktop
 * smoke test through Playwright's Electron support where an Electron binary exists.
 */
export default defineConfig({
  testDir: 'test/e2e',
  outputDir: 'test-results/playwright',
  globalSetup: './test/e2e/harness/global-setup.ts',
  fullyParallel: true,
  workers: 2,
  retries: 0,
  timeout: 60_000,
  expect: { timeout: 10_000 },
  reporter: [['list'], ['json', { outputFile: 'test-results/playwright.json' }]],
  use: {
    ...(executablePath ? { launchOptions: { executablePath, args: chromiumArgs() } } : {}),
    locale: 'en-US',
    timezoneId: 'UTC',
    viewport: { width: 1440, height: 900 },
    deviceScaleFactor: 1,
    trace: 'retain-on-failure',
    screenshot: 'only-on-failure'
  },
  projects: [
    { name: 'web', testIgnore: /electron\// },
    { name: 'electron', testMatch: /electron\/.*\.spec\.ts$/ }
  ]
})
