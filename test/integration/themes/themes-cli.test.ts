import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { runCli } from '../../../src/main/cli/cli'
import type { CliContext } from '../../../src/main/cli/cli-io'
import { cliWorkspace } from '../../helpers/recording-io'
import type { RecordingIo } from '../../helpers/recording-io'
import { themeCorpus, writeCorpus } from '../../helpers/theme-corpus'

// A run clusters ~500 tickets inline (1–2 s here); generous for a loaded CI machine.
vi.setConfig({ testTimeout: 120_000 })

let dir: string
let cleanup: () => void
let io: RecordingIo
let ctx: CliContext
let path: string
const corpus = themeCorpus(50)

beforeEach(async () => {
  ;({ dir, cleanup, io, ctx, path } = await cliWorkspace((ws) => writeCorpus(ws.db, corpus)))
})
afterEach(() => cleanup())

interface ThemesJson {
  quarter: string | null
  themes: Array<{
    id: number
    label: string
    terms: string[]
    size: number
    share: number
    trend: { previousQuarter: number; currentQuarter: number; change: number | null }
    impact: {
      csatDiff: number | null
      csatDiffCi95: unknown
      npsDiff: unknown
      npsDiffCi95: unknown
      n: number
    }
    examples: string[]
  }>
}

describe('loopbench themes', () => {
  it('finds the themes on first use and prints the documented JSON and an assignments file', async () => {
    const code = await runCli(['themes', '--workspace', path, '--json', '--assignments', 'a.csv'], ctx)
    expect(io.err).toBe('')
    expect(code).toBe(0)
    const out = JSON.parse(io.out) as ThemesJson
    expect(out.quarter).toBe('2026-Q3')
    expect(out.themes.length).toBeGreaterThan(4)
    expect(out.themes.reduce((s, t) => s + t.size, 0)).toBe(corpus.length)
    expect(out.themes.reduce((s, t) => s + t.share, 0)).toBeCloseTo(1, 6)
    const ids = new Set(corpus.map((t) => t.externalId))
    for (const t of out.themes) {
      expect(t.label.length).toBeGreaterThan(0)
      expect(t.examples.every((e) => ids.has(e))).toBe(true)
      // No survey responses and no ratings: impact is unknown, not zero.
      expect(t.impact).toEqual({
        source: 'unknown',
        csatDiff: null,
        csatDiffCi95: null,
        npsDiff: null,
        npsDiffCi95: null,
        n: 0
      })
    }
    const lines = readFileSync(join(dir, 'a.csv'), 'utf8').trim().split('\n')
    expect(lines[0]).toBe('ticket_id,theme_id')
    expect(lines).toHaveLength(corpus.length + 1)
    const themeIds = new Set(out.themes.map((t) => String(t.id)))
    expect(lines.slice(1).every((l) => themeIds.has(l.split(',')[1]!))).toBe(true)
  })

  it('keeps the themes on a second call and finds them again with --rerun', async () => {
    expect(await runCli(['themes', '--workspace', path, '--json'], ctx)).toBe(0)
    const first = JSON.parse(io.out) as ThemesJson
    io.out = ''
    expect(await runCli(['themes', '--workspace', path, '--json'], ctx)).toBe(0)
    expect(JSON.parse(io.out)).toEqual(first)
    io.out = ''
    expect(await runCli(['themes', '--workspace', path, '--json', '--rerun'], ctx)).toBe(0)
    const again = JSON.parse(io.out) as ThemesJson
    // Same tickets, same settings: the same themes under the same ids.
    expect(again.themes.map((t) => [t.id, t.size])).toEqual(first.themes.map((t) => [t.id, t.size]))
  })

  it('refuses a bad granularity, an unknown quarter and --model with clear messages', async () => {
    expect(await runCli(['themes', '--workspace', path, '--granularity', 'tiny'], ctx)).toBe(2)
    expect(io.err).toMatch(/--granularity must be coarse, normal or fine/)
    io.err = ''
    expect(await runCli(['themes', '--workspace', path, '--model', 'models/e5'], ctx)).toBe(2)
    expect(io.err).toMatch(/--model .* not supported/)
    io.err = ''
    expect(await runCli(['themes', '--workspace', path, '--quarter', '2019-Q1'], ctx)).toBe(1)
    expect(io.err).toMatch(/2019-Q1/)
  })
})
