import { defineConfig } from '@playwright/test'
import { chromiumArgs, resolveChromium } from '../e2e/harness/chromium'

/** `npm run bench`: measurements, one worker so runs do not compete for the two cores. */
export default defineConfig({
  testDir: '.',
  testMatch: /.*\.bench\.ts$/,
  outputDir: '../../test-results/bench-output',
  workers: 1,
  retries: 0,
  timeout: 300_000,
  reporter: [['list']],
  use: {
    launchOptions: { executablePath: resolveChromium(), args: chromiumArgs() },
    locale: 'en-US',
    timezoneId: 'UTC',
    viewport: { width: 1440, height: 900 }
  }
})
