import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import type { MetricsReport, MetricsRequest } from '../../../src/shared/domain/metrics'
import { Workspace } from '../../../src/main/core/store/workspace'
import { buildMetricsReport } from '../../../src/main/core/metrics/metrics-report'
import { readMetricsComments } from '../../../src/main/core/metrics/metrics-comments'
import { adjustPValues } from '../../../src/main/core/stats/multiple-testing'
import { makeTempDir } from '../../helpers/temp-dir'
import { csatResponses, npsResponses, writeResponses } from '../../helpers/survey-responses'
import { numbersIn } from '../../helpers/numbers'
import type { ResponseSpec } from '../../helpers/survey-responses'
import { expectReference, referenceCases } from '../../helpers/stats-reference'

let dir: string
let cleanup: () => void
let ws: Workspace

beforeEach(async () => {
  ;({ dir, cleanup } = makeTempDir())
  ws = await Workspace.create(join(dir, 'metrics.loopbench'))
  ws.settings.update({ timeZone: 'UTC' })
})
afterEach(() => {
  ws.close()
  cleanup()
})

const report = (request: MetricsRequest = {}): MetricsReport =>
  buildMetricsReport(ws.db, request, ws.settings.get())
const group = (r: MetricsReport, key: string | null) => {
  const found = r.groups.find((g) => g.key === key)
  if (!found) throw new Error(`no group ${String(key)} in ${r.groups.map((g) => g.key).join(', ')}`)
  return found
}

/** Every number finite, every missing value null with a reason. */
function expectDefined(r: MetricsReport): void {
  for (const n of numbersIn(r)) expect(Number.isFinite(n)).toBe(true)
  for (const s of [r.overall.csat, r.overall.nps, ...r.groups.flatMap((g) => [g.csat, g.nps])]) {
    if (s.value === null || s.ci95 === null) expect(s.reason).not.toBeNull()
  }
  for (const t of r.groups.flatMap((g) => [g.change.csat, g.change.nps])) {
    if (t && t.p === null) expect(t.reason).not.toBeNull()
  }
}

describe('the metrics report, from SQL aggregation to the reference values', () => {
  it.each(referenceCases('nps_diff').map((c) => [c.id, c] as const))(
    '%s: two months of NPS answers give the reference change',
    (_id, c) => {
      const input = c.input as { period_a: { counts: number[] }; period_b: { counts: number[] } }
      // Millions of rows are the benchmark's business; the engine test checks the large cases.
      if ([...input.period_a.counts, ...input.period_b.counts].reduce((x, y) => x + y, 0) > 20_000) return
      writeResponses(ws.db, [
        ...npsResponses(input.period_a.counts, '2026-06-15T12:00:00Z'),
        ...npsResponses(input.period_b.counts, '2026-07-15T12:00:00Z')
      ])
      const r = report({ by: 'month' })
      expect(r.groups.map((g) => g.key)).toEqual(['2026-06', '2026-07'])
      const [june, july] = r.groups as [MetricsReport['groups'][0], MetricsReport['groups'][0]]
      const e = c.expected
      expectReference(june.nps.value, e.nps_a, c.tolerance, 'nps_a')
      expectReference(july.nps.value, e.nps_b, c.tolerance, 'nps_b')
      expectReference(june.nps.se, e.se_a, c.tolerance, 'se_a')
      expectReference(july.nps.se, e.se_b, c.tolerance, 'se_b')
      const change = july.change.nps!
      expect(july.change.against).toBe('2026-06')
      expectReference(change.diff, e.diff, c.tolerance, 'diff')
      expectReference(change.se, e.se, c.tolerance, 'se')
      if (change.z !== null) {
        expectReference(change.z, e.z, c.tolerance, 'z')
        expectReference(change.p, e.p_two_sided, c.tolerance, 'p')
      }
      expectDefined(r)
    }
  )

  it.each(referenceCases('csat').map((c) => [c.id, c] as const))(
    '%s: CSAT of stored responses equals the reference',
    (_id, c) => {
      const input = c.input as {
        scale_max: number
        scale_min: number
        satisfied_threshold: number
        counts: number[]
      }
      if (input.counts.reduce((a, b) => a + b, 0) > 20_000) return
      ws.settings.update({ csatScaleMax: input.scale_max, csatSatisfiedThreshold: input.satisfied_threshold })
      writeResponses(
        ws.db,
        csatResponses(input.counts, '2026-03-10T08:00:00Z', input.scale_min).map((s) => ({
          ...s,
          scaleMax: input.scale_max
        }))
      )
      const csat = report().overall.csat
      expect(csat.n).toBe(c.expected.n)
      expect(csat.satisfied).toBe(c.expected.satisfied)
      expectReference(csat.value, c.expected.csat, c.tolerance, 'csat')
      expectReference(csat.mean, c.expected.mean_score, c.tolerance, 'mean')
      if (csat.n > 1) expectReference(csat.ci95, c.expected.ci95_wilson, c.tolerance, 'ci95')
      else expect(csat).toMatchObject({ ci95: null, reason: 'single_response' })
    }
  )

  it.each(referenceCases('nps').map((c) => [c.id, c] as const))('%s: NPS of stored responses', (_id, c) => {
    const counts = (c.input as { counts: number[] }).counts
    if (counts.reduce((a, b) => a + b, 0) > 20_000) return
    writeResponses(ws.db, npsResponses(counts, '2026-03-10T08:00:00Z'))
    const nps = report().overall.nps
    const e = c.expected
    expect(nps.n).toBe(e.n)
    expect(nps.counts).toEqual({ promoters: e.promoters, passives: e.passives, detractors: e.detractors })
    expectReference(nps.value, e.nps, c.tolerance, 'nps')
    expectReference(nps.se, e.se, c.tolerance, 'se')
    expectReference(nps.promoters, e.promoters_share, c.tolerance, 'promoters')
    expectReference(nps.detractors, e.detractors_share, c.tolerance, 'detractors')
    if (e.se === 0) expect(nps).toMatchObject({ ci95: null, ci95Clipped: null })
    else {
      expectReference(nps.ci95, e.ci95, c.tolerance, 'ci95')
      expectReference(nps.ci95Clipped, e.ci95_clipped, c.tolerance, 'ci95Clipped')
    }
  })
})

describe('grouping', () => {
  it('compares each segment value with all other responses, and keeps responses without one', () => {
    writeResponses(ws.db, [
      ...npsResponses([0, 0, 0, 0, 0, 10, 10, 10, 10, 10, 10], '2026-05-01T00:00:00Z', {
        segments: { tier: 'Basic' }
      }),
      ...npsResponses([0, 0, 0, 0, 0, 0, 0, 5, 5, 20, 20], '2026-05-02T00:00:00Z', {
        segments: { tier: 'Premier' }
      }),
      ...npsResponses([0, 0, 0, 0, 0, 0, 5, 5, 5, 5, 5], '2026-05-03T00:00:00Z')
    ])
    const r = report({ by: 'tier' })
    expect(r.kind).toBe('segment')
    expect(r.groups.map((g) => g.key)).toEqual(['Basic', 'Premier', null])
    // Basic: 20 detractors, 20 passives, 20 promoters (NPS 0). The rest: Premier (10 passives,
    // 40 promoters) and the 25 responses without a tier (5, 10, 10): 5 detractors, 50 promoters of 75.
    const basic = group(r, 'Basic')
    expect(basic.nps.value).toBeCloseTo(0, 12)
    expect(basic.change.against).toBeNull()
    expect(basic.change.nps!.diff).toBeCloseTo(0 - (100 * (50 - 5)) / 75, 10)
    expect(group(r, 'Premier').nps.value).toBeCloseTo(80, 10)
    expect(group(r, null).nps).toMatchObject({
      n: 25,
      counts: { promoters: 10, passives: 10, detractors: 5 }
    })
    expect(r.overall.nps.n).toBe(135)
  })

  it('adjusts every tested change of the view together: Holm and Benjamini–Hochberg', () => {
    const regions = ['North', 'South', 'East', 'West']
    writeResponses(
      ws.db,
      regions.flatMap((region, i) => [
        ...npsResponses([3 + i, 0, 0, 0, 0, 0, 0, 10, 10, 10 + 3 * i, 12], '2026-05-01T00:00:00Z', {
          segments: { region }
        }),
        ...csatResponses([2, 2, 4, 10 + 2 * i, 12 - i], '2026-05-01T00:00:00Z', 1, { segments: { region } })
      ])
    )
    const r = report({ by: 'region' })
    const tests = r.groups.flatMap((g) => [g.change.csat!, g.change.nps!])
    expect(tests.every((t) => t.p !== null)).toBe(true)
    const adjusted = adjustPValues(tests.map((t) => t.p!))
    tests.forEach((t, i) => {
      expect(t.pAdjusted).toBe(adjusted.holm[i])
      expect(t.pAdjustedBH).toBe(adjusted.benjaminiHochberg[i])
      expect(t.significant).toBe(t.pAdjusted! <= 0.05)
    })
  })

  it('groups by channel, with responses without a channel as their own group', () => {
    writeResponses(ws.db, [
      ...npsResponses([1, 0, 0, 0, 0, 0, 0, 0, 0, 0, 3], '2026-05-01T00:00:00Z', { channel: 'email' }),
      ...npsResponses([0, 0, 0, 0, 0, 0, 0, 0, 2, 0, 0], '2026-05-01T00:00:00Z')
    ])
    const r = report({ by: 'channel' })
    expect(r.groups.map((g) => [g.key, g.nps.n])).toEqual([
      ['email', 4],
      [null, 2]
    ])
    expect(r.groupings).toContain('channel')
  })

  it('assigns responses to months in the workspace time zone and names fiscal quarters', () => {
    // 20:00 UTC on 30 June is 04:00 on 1 July in Shanghai.
    writeResponses(ws.db, [
      { at: '2026-06-30T20:00:00Z', nps: 10 },
      { at: '2026-06-30T12:00:00Z', nps: 0 }
    ])
    expect(report({ by: 'month' }).groups.map((g) => [g.key, g.nps.n])).toEqual([['2026-06', 2]])
    ws.settings.update({ timeZone: 'Asia/Shanghai', fiscalYearStartMonth: 4 })
    const byMonth = report({ by: 'month' })
    expect(byMonth.groups.map((g) => [g.key, g.nps.n])).toEqual([
      ['2026-06', 1],
      ['2026-07', 1]
    ])
    expect(byMonth.from).toBe('2026-06-30')
    expect(byMonth.to).toBe('2026-07-01')
    const byQuarter = report({ by: 'quarter' })
    // April–June 2026 is the first quarter of FY2027; July–September the second.
    expect(byQuarter.groups.map((g) => [g.key, g.from, g.to])).toEqual([
      ['FY2027-Q1', '2026-06-30', '2026-06-30'],
      ['FY2027-Q2', '2026-07-01', '2026-07-01']
    ])
    expect(byQuarter.groups[0]!.change.against).toBe('FY2026-Q4')
  })

  it('lists periods without responses, and compares the first period with the one before the range', () => {
    writeResponses(ws.db, [
      ...npsResponses([0, 0, 0, 0, 0, 0, 0, 0, 0, 40, 0], '2026-01-10T00:00:00Z'),
      ...npsResponses([0, 0, 0, 0, 0, 0, 0, 0, 20, 0, 20], '2026-03-10T00:00:00Z')
    ])
    const r = report({ by: 'month', from: '2026-02-01', to: '2026-03-31' })
    expect(r.groups.map((g) => g.key)).toEqual(['2026-02', '2026-03'])
    const [feb, mar] = r.groups as [MetricsReport['groups'][0], MetricsReport['groups'][0]]
    expect(feb.nps).toMatchObject({ n: 0, value: null, reason: 'no_responses' })
    expect(feb.change.against).toBe('2026-01')
    expect(feb.change.nps).toMatchObject({ diff: null, p: null, reason: 'no_responses' })
    expect(mar.change.nps).toMatchObject({ diff: null, reason: 'no_responses' })
    expect(r.overall.nps.n).toBe(40)
    expectDefined(r)
  })

  it('keeps the end that was asked for when the data lies entirely beyond it', () => {
    writeResponses(ws.db, [{ at: '2026-05-01T00:00:00Z', nps: 9 }])
    expect(report({ to: '2026-01-31' })).toMatchObject({ from: '2026-01-31', to: '2026-01-31' })
    expect(report({ to: '2026-01-31' }).overall.nps.n).toBe(0)
    expect(report({ from: '2026-08-01' })).toMatchObject({ from: '2026-08-01', to: '2026-08-01' })
  })

  it('refuses a grouping the workspace does not have, naming the ones it has', () => {
    writeResponses(ws.db, [{ at: '2026-05-01T00:00:00Z', nps: 9, segments: { plan: 'Pro' } }])
    expect(() => report({ by: 'region' })).toThrow(/no grouping 'region'.*week, month, quarter, plan/)
  })

  it('refuses more periods than a chart can show', () => {
    writeResponses(ws.db, [
      { at: '2000-01-03T00:00:00Z', nps: 9 },
      { at: '2026-05-01T00:00:00Z', nps: 9 }
    ])
    expect(() => report({ by: 'week' })).toThrow(/More than 1000 weeks/)
    expect(report({ by: 'quarter' }).groups).toHaveLength(106)
  })
})

describe('edge cases: defined results, never NaN or Infinity', () => {
  it('a workspace with no survey responses', () => {
    const r = report({ by: 'quarter' })
    expect(r.overall.csat).toMatchObject({
      n: 0,
      value: null,
      ci95: null,
      mean: null,
      reason: 'no_responses'
    })
    expect(r.overall.nps).toMatchObject({
      n: 0,
      value: null,
      ci95: null,
      ci95Clipped: null,
      reason: 'no_responses'
    })
    expect(r.groups).toEqual([])
    expect(r.from).toBeNull()
    expectDefined(r)
  })

  it('one response: a value with no interval', () => {
    writeResponses(ws.db, [{ at: '2026-05-01T00:00:00Z', nps: 10, csat: 5 }])
    const r = report()
    expect(r.overall.nps).toMatchObject({ n: 1, value: 100, ci95: null, reason: 'single_response' })
    expect(r.overall.csat).toMatchObject({ n: 1, value: 1, ci95: null, mean: 5, reason: 'single_response' })
    expectDefined(r)
  })

  it('all responses identical: no interval from a variance of zero, and no test', () => {
    const same = Array.from({ length: 40 }, (): ResponseSpec => ({
      at: '2026-04-01T00:00:00Z',
      nps: 10,
      csat: 5
    }))
    const later = Array.from({ length: 40 }, (): ResponseSpec => ({
      at: '2026-05-01T00:00:00Z',
      nps: 10,
      csat: 5
    }))
    writeResponses(ws.db, [...same, ...later])
    const r = report({ by: 'month' })
    expect(r.overall.nps).toMatchObject({ value: 100, se: 0, ci95: null, reason: 'no_variation' })
    // Wilson's interval is defined for a share of 1.
    expect(r.overall.csat.ci95![1]).toBeCloseTo(1, 12)
    expect(group(r, '2026-05').change.nps).toMatchObject({
      diff: 0,
      se: 0,
      z: null,
      p: null,
      reason: 'no_variation'
    })
    expectDefined(r)
  })

  it('fewer responses than the minimum sample: shown, never called significant', () => {
    writeResponses(ws.db, [
      ...npsResponses([10, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0], '2026-04-01T00:00:00Z'),
      ...npsResponses([0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 10], '2026-05-01T00:00:00Z')
    ])
    const r = report({ by: 'month' })
    const may = group(r, '2026-05')
    expect(may.nps.reason).toBe('too_few_responses')
    expect(may.change.nps).toMatchObject({
      diff: 200,
      p: null,
      significant: false,
      reason: 'too_few_responses'
    })
    ws.settings.update({ metricsMinSampleSize: 5 })
    const tested = group(report({ by: 'month' }), '2026-05').change.nps!
    expect(tested.reason).toBe('no_variation') // both months unanimous
  })

  it('CSAT on another scale is mapped onto the workspace scale', () => {
    // 1–10 answers: 8 maps to 1 + 7·4/9 ≈ 4.11 (satisfied), 7 to 3.67 (not).
    writeResponses(ws.db, [
      { at: '2026-05-01T00:00:00Z', csat: 8, scaleMax: 10 },
      { at: '2026-05-01T00:00:00Z', csat: 7, scaleMax: 10 },
      { at: '2026-05-01T00:00:00Z', csat: 4, scaleMax: 5 }
    ])
    const csat = report().overall.csat
    expect(csat.satisfied).toBe(2)
    expect(csat.mean).toBeCloseTo((1 + (7 * 4) / 9 + 1 + (6 * 4) / 9 + 4) / 3, 12)
  })
})

describe('comments behind a point', () => {
  it('filters by period, segment, NPS answer and band, newest first', () => {
    writeResponses(ws.db, [
      { at: '2026-05-01T00:00:00Z', nps: 2, comment: 'SMS code never came', segments: { tier: 'Basic' } },
      { at: '2026-05-02T00:00:00Z', nps: 9, comment: 'Great', segments: { tier: 'Plus' } },
      { at: '2026-05-03T00:00:00Z', nps: 2, comment: '', segments: { tier: 'Basic' } },
      { at: '2026-06-03T00:00:00Z', nps: 3, comment: '验证码收不到', segments: { tier: 'Basic' } },
      { at: '2026-06-04T00:00:00Z', nps: 8, comment: 'OK' }
    ])
    const settings = ws.settings.get()
    const read = (request: Parameters<typeof readMetricsComments>[1]) =>
      readMetricsComments(ws.db, request, settings)
    expect(read({ by: 'month', group: '2026-05' }).rows.map((c) => c.comment)).toEqual([
      'Great',
      'SMS code never came'
    ])
    expect(read({ by: 'tier', group: 'Basic' }).rows.map((c) => c.comment)).toEqual([
      '验证码收不到',
      'SMS code never came'
    ])
    expect(read({ by: 'tier', group: null }).rows.map((c) => c.comment)).toEqual(['OK'])
    expect(read({ npsScore: 2 }).total).toBe(1)
    expect(read({ npsBand: 'detractors' }).total).toBe(2)
    expect(read({ by: 'tier', group: 'Basic', limit: 1, offset: 1 })).toMatchObject({
      total: 2,
      rows: [{ comment: 'SMS code never came' }]
    })
    expect(() => read({ by: 'month', group: '2026-09' })).toThrow(/no month '2026-09'/)
  })
})
