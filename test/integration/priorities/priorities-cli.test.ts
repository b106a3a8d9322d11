import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { parse } from 'csv-parse/sync'
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { runCli } from '../../../src/main/cli/cli'
import type { CliContext } from '../../../src/main/cli/cli-io'
import { cliWorkspace } from '../../helpers/recording-io'
import type { RecordingIo } from '../../helpers/recording-io'
import { themeCorpus, writeCorpus } from '../../helpers/theme-corpus'

// The first call finds themes (~500 tickets inline, 1–2 s here); generous for a loaded CI machine.
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

interface PrioritiesJson {
  quarter: string
  formula: string
  items: Array<{
    rank: number
    id: string
    title: string
    themes: number[]
    score: number
    components: {
      reach: number
      impact: number
      confidence: number
      effort: number
      trend: unknown
      evidence: unknown[]
    }
    impactKnown: boolean
    effortSet: boolean
    status: string
    override: unknown
    previousRank: number | null
  }>
}

const reset = (): void => {
  io.out = ''
  io.err = ''
}

describe('loopbench priorities', () => {
  it('ranks every theme as a candidate, the same on every run, in every format', async () => {
    expect(await runCli(['themes', '--workspace', path], ctx)).toBe(0)
    reset()
    expect(
      await runCli(['priorities', '--workspace', path, '--quarter', '2026-Q3', '--format', 'json'], ctx)
    ).toBe(0)
    expect(io.err).toBe('')
    const first = io.out
    const out = JSON.parse(first) as PrioritiesJson
    expect(out.quarter).toBe('2026-Q3')
    expect(out.formula).toContain('reach × impact × confidence ÷ effort')
    expect(out.items.length).toBeGreaterThan(4)
    expect(out.items.map((r) => r.rank)).toEqual(out.items.map((_, i) => i + 1))
    for (let i = 1; i < out.items.length; i++)
      expect(out.items[i - 1]!.score).toBeGreaterThanOrEqual(out.items[i]!.score)
    for (const r of out.items) {
      expect(r.id).toMatch(/^theme-\d+$/)
      expect(r.themes).toHaveLength(1)
      // No surveys or ratings, no effort: both marked, neither invented.
      expect(r.impactKnown).toBe(false)
      expect(r.effortSet).toBe(false)
      expect(r.components.reach).toBeGreaterThan(0)
      expect(Number.isFinite(r.score)).toBe(true)
    }

    reset()
    expect(await runCli(['priorities', '--workspace', path, '--quarter', '2026-Q3', '--json'], ctx)).toBe(0)
    expect(io.out).toBe(first)

    reset()
    expect(await runCli(['priorities', '--workspace', path, '--format', 'csv', '--out', 'p.csv'], ctx)).toBe(
      0
    )
    expect(io.out).toBe('')
    const csv = readFileSync(join(dir, 'p.csv'), 'utf8')
    expect(csv.startsWith('\uFEFF')).toBe(true)
    const records = parse(csv, { bom: true, columns: true }) as Array<Record<string, string>>
    expect(records.map((r) => r['id'])).toEqual(out.items.map((r) => r.id))

    reset()
    expect(await runCli(['priorities', '--workspace', path, '--format', 'jira-csv'], ctx)).toBe(0)
    expect((parse(io.out, { bom: true, columns: true }) as unknown[]).length).toBe(out.items.length)

    reset()
    expect(await runCli(['priorities', '--workspace', path], ctx)).toBe(0)
    expect(io.out).toContain('# Feature priorities, 2026-Q3')
  })

  it('says what is wrong with a bad format, a quarter without tickets, or a missing workspace', async () => {
    expect(await runCli(['priorities', '--workspace', path, '--format', 'xlsx'], ctx)).not.toBe(0)
    expect(io.err).toContain('--format must be one of md, csv, json, jira-csv')
    reset()
    expect(await runCli(['priorities', '--workspace', path, '--quarter', '2019-Q1', '--json'], ctx)).not.toBe(
      0
    )
    expect(io.err).toContain('2019-Q1')
    reset()
    expect(await runCli(['priorities', '--workspace', join(dir, 'nope.loopbench')], ctx)).not.toBe(0)
    expect(io.err.length).toBeGreaterThan(0)
  })

  it('tells the user to find themes first', async () => {
    expect(await runCli(['priorities', '--workspace', path, '--format', 'json'], ctx)).toBe(0)
    expect(io.err).toContain('loopbench themes')
    expect((JSON.parse(io.out) as PrioritiesJson).items).toEqual([])
  })
})
