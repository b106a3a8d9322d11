import { spawn } from 'node:child_process'
import { existsSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { delimiter, join } from 'node:path'
import { pathToFileURL } from 'node:url'
import { ApiError } from '@shared/api/errors'
import type { PdfPrinter } from '../core/report/pdf-printer'

/**
 * PDF from a headless Chromium, for the hosts that have no Electron to print with (the CLI and
 * the web host). The report is written to a private temporary folder and printed from there with
 * Chromium's own `--print-to-pdf`; the folder (profile included) is removed afterwards.
 */

export const NO_CHROMIUM_MESSAGE =
  'PDF needs a Chromium: install chromium or set CHROMIUM_PATH; the HTML report needs nothing.'

/** How long one report may take to print before Chromium is stopped. */
export const PRINT_TIMEOUT_MS = 120_000

/** Where Debian's package puts it. */
const KNOWN_PATHS = ['/usr/bin/chromium']

/** Names a Chromium goes by on PATH. */
const CHROMIUM_NAMES = ['chromium', 'chromium-browser', 'google-chrome', 'google-chrome-stable', 'chrome']

const isFile = (path: string): boolean => {
  try {
    return statSync(path).isFile()
  } catch {
    return false
  }
}

/**
 * The Chromium to print with, found as the end-to-end harness finds one: CHROMIUM_PATH, else
 * Debian's /usr/bin/chromium, else the first Chromium or Chrome on PATH. Null when there is none.
 */
export function findChromium(
  env: NodeJS.ProcessEnv,
  platform: NodeJS.Platform = process.platform,
  known: readonly string[] = KNOWN_PATHS
): string | null {
  if (env.CHROMIUM_PATH) return isFile(env.CHROMIUM_PATH) ? env.CHROMIUM_PATH : null
  for (const path of known) if (isFile(path)) return path
  const suffixes = platform === 'win32' ? ['.exe'] : ['']
  for (const dir of (env.PATH ?? '').split(delimiter)) {
    if (!dir) continue
    for (const name of CHROMIUM_NAMES)
      for (const suffix of suffixes) if (isFile(join(dir, name + suffix))) return join(dir, name + suffix)
  }
  return null
}

/**
 * A proxy no one answers: the discard port on loopback. Every http(s) and WebSocket request is
 * sent to it, loopback included, and is refused on this machine.
 */
export const DEAD_PROXY = '127.0.0.1:9'

/**
 * Chromium's switches that keep it off the network while it prints a local file. The report
 * needs nothing but its own file (its CSP is `default-src 'none'`); these stop what Chromium
 * would fetch by itself and anything the HTML might ask for. Chosen from Chromium's list of
 * switches for automation (chrome-flags-for-tools) and Puppeteer's defaults.
 */
export const OFFLINE_SWITCHES: readonly string[] = [
  // No name resolves, and every request goes to a proxy that refuses it (an IP address
  // bypasses the resolver, not the proxy; `<-loopback>` sends loopback through the proxy too).
  '--host-resolver-rules=MAP * ~NOTFOUND',
  `--proxy-server=${DEAD_PROXY}`,
  '--proxy-bypass-list=<-loopback>',
  // Chromium's own traffic: field trials, component and extension updates, sync, crash and
  // metrics reports, safe-browsing and translation services, media-router discovery.
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-component-extensions-with-background-pages',
  '--disable-default-apps',
  '--disable-domain-reliability',
  '--disable-extensions',
  '--disable-field-trial-config',
  '--disable-sync',
  '--disable-breakpad',
  '--disable-client-side-phishing-detection',
  '--metrics-recording-only',
  '--no-pings',
  '--disable-features=Translate,MediaRouter,DialMediaRouteProvider,OptimizationHints,' +
    'AutofillServerCommunication,CertificateTransparencyComponentUpdater,NetworkTimeServiceQuerying'
]

/**
 * Chromium's flags for printing a local file: headless, no GPU, offline (see
 * {@link OFFLINE_SWITCHES}), a fresh profile, no header or footer of its own (the report has its
 * own), no sandbox as root only (containers and CI run as root, where Chromium refuses to start
 * sandboxed).
 */
export function chromiumPrintArgs(input: string, output: string, profile: string): string[] {
  const args = [
    '--headless',
    '--disable-gpu',
    ...OFFLINE_SWITCHES,
    '--no-default-browser-check',
    '--no-first-run',
    `--user-data-dir=${profile}`,
    '--no-pdf-header-footer',
    `--print-to-pdf=${output}`
  ]
  if (typeof process.getuid === 'function' && process.getuid() === 0) args.push('--no-sandbox')
  return [...args, pathToFileURL(input).href]
}

/** A printer that runs a headless Chromium found in `env` (see {@link findChromium}). */
export function chromiumPdfPrinter(options: { env: NodeJS.ProcessEnv; timeoutMs?: number }): PdfPrinter {
  return { print: (html) => printWithChromium(html, options.env, options.timeoutMs ?? PRINT_TIMEOUT_MS) }
}

async function printWithChromium(
  html: string,
  env: NodeJS.ProcessEnv,
  timeoutMs: number
): Promise<Uint8Array> {
  const chromium = findChromium(env)
  if (!chromium) {
    const detail = env.CHROMIUM_PATH
      ? ` (CHROMIUM_PATH is set to ${env.CHROMIUM_PATH}, but there is no file there)`
      : ''
    throw new ApiError('not_supported', NO_CHROMIUM_MESSAGE + detail, { reason: 'no_chromium' })
  }
  const dir = mkdtempSync(join(tmpdir(), 'loopbench-pdf-'))
  try {
    const input = join(dir, 'report.html')
    const output = join(dir, 'report.pdf')
    writeFileSync(input, html, { encoding: 'utf8', mode: 0o600 })
    await run(chromium, chromiumPrintArgs(input, output, join(dir, 'profile')), timeoutMs)
    if (!existsSync(output))
      throw new ApiError('internal', `Chromium (${chromium}) finished but wrote no PDF.`)
    return new Uint8Array(readFileSync(output))
  } finally {
    rmSync(dir, { recursive: true, force: true })
  }
}

/** Runs Chromium to its end; stops it (and its helpers) after `timeoutMs`. */
function run(command: string, args: string[], timeoutMs: number): Promise<void> {
  return new Promise((resolve, reject) => {
    // Its own process group, so that a timeout stops the helper processes too.
    const child = spawn(command, args, {
      stdio: ['ignore', 'ignore', 'pipe'],
      detached: process.platform !== 'win32'
    })
    let stderr = ''
    child.stderr.setEncoding('utf8')
    child.stderr.on('data', (chunk: string) => {
      stderr = (stderr + chunk).slice(-4000)
    })
    const timer = setTimeout(() => {
      try {
        if (child.pid !== undefined && process.platform !== 'win32') process.kill(-child.pid, 'SIGKILL')
        else child.kill('SIGKILL')
      } catch {
        // Already gone.
      }
      reject(
        new ApiError(
          'internal',
          `Chromium did not finish printing the report within ${Math.round(timeoutMs / 1000)} s.`
        )
      )
    }, timeoutMs)
    child.on('error', (error) => {
      clearTimeout(timer)
      reject(new ApiError('internal', `Chromium (${command}) could not be started: ${error.message}`))
    })
    child.on('exit', (code, signal) => {
      clearTimeout(timer)
      if (code === 0) resolve()
      else {
        const last = stderr.trim().split('\n').slice(-3).join('\n')
        reject(
          new ApiError(
            'internal',
            `Chromium (${command}) stopped with ${signal ?? `exit code ${code}`} while printing the report${last ? `:\n${last}` : '.'}`
          )
        )
      }
    })
  })
}
