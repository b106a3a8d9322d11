import { chmodSync, existsSync, readdirSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { ApiError } from '../../../src/shared/api/errors'
import {
  DEAD_PROXY,
  NO_CHROMIUM_MESSAGE,
  OFFLINE_SWITCHES,
  chromiumPdfPrinter,
  chromiumPrintArgs,
  findChromium
} from '../../../src/main/hosting/chromium-pdf'
import { makeTempDir } from '../../helpers/temp-dir'

let dir: string
let cleanup: () => void
beforeEach(() => ({ dir, cleanup } = makeTempDir()))
afterEach(() => cleanup())

/** A stand-in for Chromium: a shell script with the given body (its arguments are "$@"). */
function fakeChromium(name: string, body: string): string {
  const path = join(dir, name)
  writeFileSync(path, `#!/bin/sh\n${body}\n`)
  chmodSync(path, 0o755)
  return path
}

const printDirs = (): string[] => readdirSync(tmpdir()).filter((n) => n.startsWith('loopbench-pdf-'))

describe('finding a Chromium', () => {
  it('takes CHROMIUM_PATH first, and nothing when it names no file', () => {
    const chromium = fakeChromium('my-chromium', 'exit 0')
    expect(findChromium({ CHROMIUM_PATH: chromium, PATH: '' })).toBe(chromium)
    expect(findChromium({ CHROMIUM_PATH: join(dir, 'missing'), PATH: '' })).toBeNull()
  })

  it('then the known place, then chromium, chromium-browser or google-chrome on PATH', () => {
    const known = fakeChromium('debian-chromium', 'exit 0')
    const onPath = fakeChromium('chromium-browser', 'exit 0')
    expect(findChromium({ PATH: dir }, 'linux', [known])).toBe(known)
    expect(findChromium({ PATH: `/nowhere:${dir}` }, 'linux', [])).toBe(onPath)
    expect(findChromium({ PATH: '/nowhere' }, 'linux', [])).toBeNull()
  })

  it('prints headless, without its own header and footer, from a fresh profile, to the given file', () => {
    const args = chromiumPrintArgs('/tmp/x/report.html', '/tmp/x/report.pdf', '/tmp/x/profile')
    expect(args).toEqual(
      expect.arrayContaining([
        '--headless',
        '--disable-gpu',
        '--disable-background-networking',
        '--no-first-run',
        '--no-pdf-header-footer',
        '--user-data-dir=/tmp/x/profile',
        '--print-to-pdf=/tmp/x/report.pdf'
      ])
    )
    expect(args.at(-1)).toBe('file:///tmp/x/report.html')
    expect(args).toEqual(expect.arrayContaining([...OFFLINE_SWITCHES]))
    expect(args.includes('--no-sandbox')).toBe(process.getuid?.() === 0)
  })

  it('keeps Chromium off the network: no name resolves, every request goes to a dead local proxy', () => {
    const args = chromiumPrintArgs('/tmp/x/report.html', '/tmp/x/report.pdf', '/tmp/x/profile')
    // No EXCLUDE: the report needs no host at all, localhost included.
    expect(args).toContain('--host-resolver-rules=MAP * ~NOTFOUND')
    expect(args).toContain(`--proxy-server=${DEAD_PROXY}`)
    expect(DEAD_PROXY).toMatch(/^127\.0\.0\.1:\d+$/)
    // Without it Chromium would go straight to loopback addresses, past the proxy.
    expect(args).toContain('--proxy-bypass-list=<-loopback>')
    expect(args).not.toContain('--no-proxy-server')
    for (const background of [
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-domain-reliability',
      '--disable-sync',
      '--disable-breakpad',
      '--disable-field-trial-config',
      '--metrics-recording-only',
      '--no-pings'
    ])
      expect(args).toContain(background)
    const features = args
      .find((a) => a.startsWith('--disable-features='))
      ?.split('=')[1]
      ?.split(',')
    expect(features).toEqual(expect.arrayContaining(['Translate', 'MediaRouter', 'OptimizationHints']))
    // One --disable-features: Chromium reads only the last one it is given.
    expect(args.filter((a) => a.startsWith('--disable-features='))).toHaveLength(1)
    // The switches come before the file to print.
    expect(args.findIndex((a) => a.startsWith('file:'))).toBe(args.length - 1)
  })
})

describe('the headless Chromium printer', () => {
  it('returns the PDF Chromium wrote and removes its temporary folder', async () => {
    // Writes the HTML it was given (the last argument, a file URL) as the "PDF".
    const chromium = fakeChromium(
      'chromium',
      'for a; do case "$a" in --print-to-pdf=*) out="${a#--print-to-pdf=}";; esac; last="$a"; done\n' +
        'printf "%%PDF-1.7 " > "$out"; cat "${last#file://}" >> "$out"'
    )
    const before = printDirs()
    const pdf = await chromiumPdfPrinter({ env: { CHROMIUM_PATH: chromium } }).print('<p>季度</p>')
    expect(Buffer.from(pdf).toString('utf8')).toBe('%PDF-1.7 <p>季度</p>')
    expect(printDirs()).toEqual(before)
  })

  it('says what to install when there is no Chromium', async () => {
    const error = await chromiumPdfPrinter({ env: { CHROMIUM_PATH: join(dir, 'missing'), PATH: '' } })
      .print('<p>x</p>')
      .catch((e: unknown) => e)
    expect(error).toBeInstanceOf(ApiError)
    expect((error as ApiError).code).toBe('not_supported')
    expect((error as ApiError).message).toContain(NO_CHROMIUM_MESSAGE)
    expect((error as ApiError).message).toContain('CHROMIUM_PATH is set to')
  })

  it('reports a Chromium that fails, with the end of what it said', async () => {
    const chromium = fakeChromium('chromium', 'echo "cannot open display" >&2; exit 3')
    const error = await chromiumPdfPrinter({ env: { CHROMIUM_PATH: chromium } })
      .print('<p>x</p>')
      .catch((e: unknown) => e)
    expect((error as ApiError).message).toMatch(/exit code 3[\s\S]*cannot open display/)
  })

  it('stops a Chromium that hangs', async () => {
    const chromium = fakeChromium('chromium', 'sleep 30')
    const before = printDirs()
    const error = await chromiumPdfPrinter({ env: { CHROMIUM_PATH: chromium }, timeoutMs: 300 })
      .print('<p>x</p>')
      .catch((e: unknown) => e)
    expect((error as ApiError).message).toContain('did not finish printing')
    expect(printDirs()).toEqual(before)
    expect(existsSync(chromium)).toBe(true)
  })
})
