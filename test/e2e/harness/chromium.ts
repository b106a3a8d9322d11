import { existsSync } from 'node:fs'
import { chromium } from '@playwright/test'

/**
 * The Chromium to test in: Playwright's own when installed, else CHROMIUM_PATH, else Debian's
 * /usr/bin/chromium. Throws a message that says how to get one when none exists.
 */
export function resolveChromium(env: NodeJS.ProcessEnv = process.env): string {
  const own = ((): string => {
    try {
      return chromium.executablePath()
    } catch {
      return ''
    }
  })()
  if (own && existsSync(own)) return own
  if (env.CHROMIUM_PATH) {
    if (existsSync(env.CHROMIUM_PATH)) return env.CHROMIUM_PATH
    throw new Error(`CHROMIUM_PATH is set to ${env.CHROMIUM_PATH}, but there is no file there.`)
  }
  if (existsSync('/usr/bin/chromium')) return '/usr/bin/chromium'
  throw new Error(
    'No Chromium found for the end-to-end tests. Install one of: Playwright’s browser ' +
      '(npx playwright install chromium), Debian’s package (apt-get install chromium), ' +
      'or set CHROMIUM_PATH to a Chromium executable.'
  )
}

/**
 * Flags for a headless run on a closed network: no background traffic (component updates,
 * sync, field trials), no GPU, no sandbox when running as root (containers, CI).
 */
export function chromiumArgs(): string[] {
  const args = [
    '--disable-gpu',
    '--disable-background-networking',
    '--disable-component-update',
    '--disable-sync',
    '--disable-quic',
    '--no-first-run',
    '--disable-default-apps',
    '--disable-domain-reliability',
    '--metrics-recording-only',
    '--no-pings',
    '--font-render-hinting=none'
  ]
  if (typeof process.getuid === 'function' && process.getuid() === 0) args.push('--no-sandbox')
  return args
}
