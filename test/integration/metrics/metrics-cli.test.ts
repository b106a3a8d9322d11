import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { runCli } from '../../../src/main/cli/cli'
import type { MetricsReport } from '../../../src/shared/domain/metrics'
import type { CliContext } from '../../../src/main/cli/cli-io'
import { cliWorkspace } from '../../helpers/recording-io'
import type { RecordingIo } from '../../helpers/recording-io'
import { npsResponses, writeResponses } from '../../helpers/survey-responses'
import { workspaceFingerprint } from '../../helpers/workspace-fingerprint'

let cleanup: () => void
let io: RecordingIo
let ctx: CliContext
let path: string

beforeEach(async () => {
  ;({ cleanup, io, ctx, path } = await cliWorkspace((ws) => {
    ws.settings.update({ timeZone: 'UTC' })
    writeResponses(ws.db, [
      ...npsResponses([5, 3, 4, 6, 8, 10, 14, 22, 30, 45, 53], '2026-05-10T00:00:00Z', {
        csat: 4,
        segments: { tier: 'Basic' }
      }),
      ...npsResponses([3, 2, 3, 5, 6, 9, 12, 20, 31, 52, 61], '2026-08-10T00:00:00Z', {
        csat: 2,
        comment: 'Late again',
        segments: { tier: 'Plus' }
      })
    ])
  }))
})
afterEach(() => cleanup())

const CSAT_KEYS = ['ci95', 'mean', 'n', 'reason', 'satisfied', 'value']
const NPS_KEYS = [
  'ci95',
  'ci95Clipped',
  'counts',
  'detractors',
  'n',
  'passives',
  'promoters',
  'reason',
  'se',
  'value'
]
const CHANGE_KEYS = ['diff', 'p', 'pAdjusted', 'pAdjustedBH', 'reason', 'se', 'significant', 'z']

describe('loopbench metrics', () => {
  it('prints the documented JSON shape', async () => {
    expect(await runCli(['metrics', '--workspace', path, '--by', 'quarter', '--json'], ctx)).toBe(0)
    const report = JSON.parse(io.out) as MetricsReport
    expect(Object.keys(report.overall.csat).sort()).toEqual(CSAT_KEYS)
    expect(Object.keys(report.overall.nps).sort()).toEqual(NPS_KEYS)
    expect(report.groups.map((g) => g.key)).toEqual(['2026-Q2', '2026-Q3'])
    const q3 = report.groups[1]!
    expect(Object.keys(q3).sort()).toEqual(['change', 'csat', 'from', 'key', 'nps', 'to'])
    expect(q3.change.against).toBe('2026-Q2')
    expect(Object.keys(q3.change.nps!).sort()).toEqual(CHANGE_KEYS)
    // Shares as fractions, NPS in points (nps_diff-01 of the reference file).
    expect(q3.nps.value).toBeCloseTo(35.7843137254902, 9)
    expect(q3.change.nps!.diff).toBeCloseTo(11.7843137254902, 9)
    expect(q3.change.nps!.p).toBeCloseTo(0.14262224838794677, 9)
    expect(q3.csat.value).toBe(0)
    expect(report.overall.csat.value).toBeCloseTo(200 / 404, 12)
    expect(report.overall.csat.ci95![0]).toBeGreaterThan(0)
    expect(report.overall.csat.ci95![1]).toBeLessThan(1)
    expect(report.groupings).toEqual(['week', 'month', 'quarter', 'tier'])
  })

  it('prints a table: one row per group, changes with p and Holm-adjusted p, reasons in words', async () => {
    expect(await runCli(['metrics', '--workspace', path, '--by', 'tier'], ctx)).toBe(0)
    expect(io.out).toMatch(/CSAT and NPS, 2026-05-10 to 2026-08-10 \(UTC\), by tier/)
    expect(io.out).toMatch(
      /^Overall\s+404\s+49\.5% \(44\.7%–54\.4%\)\s+404\s+\+30\.0 \(\+22\.1 to \+37\.8\)$/m
    )
    // Every Basic response is satisfied and every Plus one is not: no variance, no test.
    expect(io.out).toMatch(
      /^Basic\s+200\s+100\.0% \(98\.1%–100\.0%\)\s+\+100\.0 pts, no variation\s+200\s+\+24\.0 \(\+12\.6 to \+35\.4\)\s+−11\.8 pts, p 0\.143, adj\. 0\.285$/m
    )
    expect(io.out).not.toMatch(/\*$/m)
    expect(io.out).toMatch(/compared with all other responses/)
  })

  it('filters by dates in the workspace time zone', async () => {
    expect(
      await runCli(
        ['metrics', '--workspace', path, '--from', '2026-08-01', '--to', '2026-08-31', '--json'],
        ctx
      )
    ).toBe(0)
    const report = JSON.parse(io.out) as { overall: { nps: { n: number } }; groups: Array<{ key: string }> }
    expect(report.overall.nps.n).toBe(204)
    expect(report.groups.map((g) => g.key)).toEqual(['2026-08'])
  })

  it('refuses bad dates and unknown groupings with a clear message, and changes nothing', async () => {
    const before = workspaceFingerprint(path)
    expect(await runCli(['metrics', '--workspace', path, '--from', '2026-02-30'], ctx)).toBe(2)
    expect(io.err).toMatch(/--from: Not a calendar date/)
    io.err = ''
    expect(
      await runCli(['metrics', '--workspace', path, '--from', '2026-09-01', '--to', '2026-08-01'], ctx)
    ).toBe(2)
    expect(io.err).toMatch(/start date must not be after the end date/)
    io.err = ''
    expect(await runCli(['metrics', '--workspace', path, '--by', 'region', '--json'], ctx)).toBe(1)
    expect(JSON.parse(io.err).error).toMatchObject({ code: 'invalid_input' })
    expect(JSON.parse(io.err).error.message).toMatch(/no grouping 'region'.*tier/)
    expect(workspaceFingerprint(path)).toEqual(before)
  })
})
