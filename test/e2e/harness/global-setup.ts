import { execFileSync } from 'node:child_process'
import { existsSync, mkdirSync, rmSync } from 'node:fs'
import { join } from 'node:path'
import { resolveChromium } from './chromium'
import { CACHE_DIR, CLI, DEMO_TEMPLATE, ROOT } from './paths'

/** Checks the prerequisites once and builds the demo workspace every test copies. */
export default function globalSetup(): void {
  resolveChromium()
  if (
    !existsSync(join(ROOT, 'out', 'main', 'cli.js')) ||
    !existsSync(join(ROOT, 'out', 'renderer', 'index.html'))
  ) {
    throw new Error(
      'The app is not built. Run `npm run build` before the end-to-end tests (npm test does it).'
    )
  }
  mkdirSync(CACHE_DIR, { recursive: true })
  for (const suffix of ['', '-wal', '-shm']) rmSync(DEMO_TEMPLATE + suffix, { force: true })
  execFileSync(process.execPath, [CLI, 'demo', '--workspace', DEMO_TEMPLATE, '--json'], {
    cwd: ROOT,
    stdio: ['ignore', 'ignore', 'inherit'],
    env: { ...process.env, LOOPBENCH_CONFIG_DIR: join(CACHE_DIR, 'config') }
  })
}
