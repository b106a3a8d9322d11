import { existsSync, readFileSync, readdirSync } from 'node:fs'
import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { runCli } from '../../../src/main/cli/cli'
import type { CliContext } from '../../../src/main/cli/cli-io'
import { findChromium } from '../../../src/main/hosting/chromium-pdf'
import { cliContext, cliWorkspace } from '../../helpers/recording-io'
import type { RecordingIo } from '../../helpers/recording-io'
import { writeReportScenario } from '../../helpers/report-workspace'

// Printing starts a headless Chromium: seconds, more on a loaded machine.
vi.setConfig({ testTimeout: 120_000 })

let dir: string
let cleanup: () => void
let io: RecordingIo
let ctx: CliContext
let path: string
const chromium = findChromium(process.env)

const withEnv = (env: NodeJS.ProcessEnv): void => void ({ io, ctx } = cliContext(dir, env))

beforeEach(async () => {
  ;({ dir, cleanup, io, ctx, path } = await cliWorkspace((ws) => void writeReportScenario(ws), {
    PATH: process.env.PATH,
    ...(process.env.CHROMIUM_PATH ? { CHROMIUM_PATH: process.env.CHROMIUM_PATH } : {})
  }))
})
afterEach(() => cleanup())

/** Pages of a PDF: its page objects (`/Type /Page`, not the `/Type /Pages` tree nodes). */
const pageCount = (pdf: Buffer): number => pdf.toString('latin1').match(/\/Type\s*\/Page(?!s)/g)?.length ?? 0

describe('loopbench report', () => {
  it('writes the HTML report into a new folder and prints its path', async () => {
    expect(
      await runCli(['report', '--workspace', path, '--quarter', '2026-Q3', '--out', 'out/q3'], ctx)
    ).toBe(0)
    const file = join(dir, 'out', 'q3', 'loopbench-review-2026-Q3.en.html')
    expect(io.out).toBe(`${file}\n`)
    const html = readFileSync(file, 'utf8')
    expect(html).toContain('<html lang="en">')
    for (const id of ['cover', 'satisfaction', 'themes', 'experiments', 'priorities'])
      expect(html).toContain(`id="${id}"`)
    expect(html).toContain('refund is slow')
    expect(html).toContain('Checkout button wording')
    expect(html).toContain('Refund speed')
    expect(html).not.toMatch(/<script|<link|https?:\/\/(?!www\.w3\.org\/)/i)
  })

  it('writes the Chinese report of the latest quarter', async () => {
    expect(await runCli(['report', '--workspace', path, '--out', 'out', '--lang', 'zh-CN'], ctx)).toBe(0)
    const html = readFileSync(join(dir, 'out', 'loopbench-review-2026-Q3.zh-CN.html'), 'utf8')
    expect(html).toContain('季度回顾')
    expect(html).toContain('功能优先级')
  })

  it('prints the PDF with a Chromium: a cover and one page per section', async () => {
    // The test command needs a Chromium anyway (the end-to-end tests run in it); .ci/run installs one.
    expect(chromium, 'a Chromium to print with: install chromium or set CHROMIUM_PATH').not.toBeNull()
    expect(await runCli(['report', '--workspace', path, '--out', 'out', '--pdf'], ctx), io.err).toBe(0)
    const pdfPath = join(dir, 'out', 'loopbench-review-2026-Q3.en.pdf')
    expect(io.out.split('\n').filter(Boolean)).toEqual([
      join(dir, 'out', 'loopbench-review-2026-Q3.en.html'),
      pdfPath
    ])
    const pdf = readFileSync(pdfPath)
    expect(pdf.subarray(0, 5).toString('latin1')).toBe('%PDF-')
    expect(pageCount(pdf)).toBe(5)
    // The empty quarter: still five pages, each section saying there is nothing.
    expect(
      await runCli(
        ['report', '--workspace', path, '--out', 'empty', '--quarter', '2027-Q1', '--pdf', '--lang', 'zh-CN'],
        ctx
      )
    ).toBe(0)
    expect(pageCount(readFileSync(join(dir, 'empty', 'loopbench-review-2027-Q1.zh-CN.pdf')))).toBe(5)
  })

  it('says what to install when there is no Chromium, and keeps the HTML', async () => {
    withEnv({ PATH: '', CHROMIUM_PATH: join(dir, 'no-such-chromium') })
    expect(await runCli(['report', '--workspace', path, '--out', 'out', '--pdf'], ctx)).toBe(1)
    expect(io.err).toContain(
      'PDF needs a Chromium: install chromium or set CHROMIUM_PATH; the HTML report needs nothing'
    )
    expect(readdirSync(join(dir, 'out'))).toEqual(['loopbench-review-2026-Q3.en.html'])
  })

  it('answers bad arguments with a usage error', async () => {
    const usage = async (args: string[], message: string): Promise<void> => {
      io.err = ''
      expect(await runCli(['report', ...args], ctx), args.join(' ')).toBe(2)
      expect(io.err).toContain(message)
    }
    await usage(['--workspace', path], 'report: --out is required')
    await usage(['--out', 'out'], 'report: --workspace is required')
    await usage(
      ['--workspace', path, '--out', 'out', '--lang', 'fr'],
      'report: --lang must be one of en, zh-CN'
    )
    await usage(['--workspace', path, '--out', 'out', '--format', 'md'], "report: Unknown option '--format'")
    expect(existsSync(join(dir, 'out'))).toBe(false)
    // A quarter that is not one: the contract refuses it, with the form to use.
    io.err = ''
    expect(await runCli(['report', '--workspace', path, '--out', 'out', '--quarter', 'Q3'], ctx)).toBe(1)
    expect(io.err).toContain('2026-Q3')
    io.out = ''
    expect(await runCli(['report', '--help'], ctx)).toBe(0)
    expect(io.out).toContain('Usage: loopbench report --workspace W')
  })
})
