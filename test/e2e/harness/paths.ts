import { mkdirSync } from 'node:fs'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'

/** The repository root (tests run from it). */
export const ROOT = fileURLToPath(new URL('../../../', import.meta.url)).replace(/\/$/, '')
export const CLI = join(ROOT, 'bin', 'loopbench.mjs')
export const CACHE_DIR = join(ROOT, 'test-results', 'e2e-cache')
/** The demo workspace built once per run by the global setup; tests work on copies. */
export const DEMO_TEMPLATE = join(CACHE_DIR, 'demo-template.loopbench')
export const SCREENSHOT_DIR = join(ROOT, 'test-results', 'screenshots')

/** Where a named screenshot goes (`test-results/screenshots/<name>.png`). */
export function screenshotPath(name: string): string {
  mkdirSync(SCREENSHOT_DIR, { recursive: true })
  return join(SCREENSHOT_DIR, `${name}.png`)
}
