import { readFileSync, existsSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import { csatChange, csatFromCounts } from '../../../src/main/core/metrics/csat'
import { npsChange, npsFromCounts } from '../../../src/main/core/metrics/nps'
import { adjustPValues } from '../../../src/main/core/stats/multiple-testing'
import {
  expectMatchesCase,
  referenceCases,
  SHARED_REFERENCE,
  VENDORED_REFERENCE
} from '../../helpers/stats-reference'

/**
 * The metrics engine against `../shared/fixtures/stats-reference.json` (scipy / statsmodels),
 * every case of the kinds it covers, each to the tolerance the case states.
 */

describe('the reference file', () => {
  it.skipIf(!existsSync(SHARED_REFERENCE))('kept in the repository is the shared one', () => {
    expect(readFileSync(VENDORED_REFERENCE, 'utf8')).toBe(readFileSync(SHARED_REFERENCE, 'utf8'))
  })
  it('has cases of every kind the metrics engine covers', () => {
    for (const kind of ['csat', 'nps', 'nps_diff', 'multiple_testing'])
      expect(referenceCases(kind).length).toBeGreaterThan(0)
  })
})

describe('CSAT', () => {
  it.each(referenceCases('csat').map((c) => [c.id, c] as const))('%s', (_, c) => {
    const input = c.input as { scale_min: number; satisfied_threshold: number; counts: number[] }
    const csat = csatFromCounts(input.counts, input.scale_min, input.satisfied_threshold)!
    const actual = {
      n: csat.n,
      satisfied: csat.satisfied,
      csat: csat.share,
      csat_pct: 100 * csat.share,
      mean_score: csat.mean,
      ci95_wilson: csat.ci95
    }
    expectMatchesCase(c, actual, ['n', 'satisfied'])
  })
})

describe('NPS', () => {
  it.each(referenceCases('nps').map((c) => [c.id, c] as const))('%s', (_, c) => {
    const nps = npsFromCounts((c.input as { counts: number[] }).counts)!
    const actual = {
      n: nps.n,
      promoters: nps.promoters,
      passives: nps.passives,
      detractors: nps.detractors,
      promoters_share: nps.promoterShare,
      passives_share: nps.passiveShare,
      detractors_share: nps.detractorShare,
      nps: nps.nps,
      se: nps.se,
      ci95: nps.ci95,
      ci95_clipped: nps.ci95Clipped
    }
    expectMatchesCase(c, actual, ['n', 'promoters', 'passives', 'detractors'])
  })
})

describe('NPS change between two periods', () => {
  it.each(referenceCases('nps_diff').map((c) => [c.id, c] as const))('%s', (_, c) => {
    const input = c.input as { period_a: { counts: number[] }; period_b: { counts: number[] } }
    const a = npsFromCounts(input.period_a.counts)!
    const b = npsFromCounts(input.period_b.counts)!
    const change = npsChange(a, b)
    const actual = {
      nps_a: a.nps,
      nps_b: b.nps,
      se_a: a.se,
      se_b: b.se,
      diff: change.diff,
      se: change.se,
      z: change.z,
      p_two_sided: change.p,
      ci95: change.ci95
    }
    expectMatchesCase(c, actual)
  })
})

describe('multiple testing', () => {
  it.each(referenceCases('multiple_testing').map((c) => [c.id, c] as const))('%s', (_, c) => {
    const { p_values: p, alpha } = c.input as { p_values: number[]; alpha: number }
    const adjusted = adjustPValues(p)
    const actual = {
      holm: adjusted.holm,
      bh: adjusted.benjaminiHochberg,
      bonferroni: adjusted.bonferroni,
      holm_reject: adjusted.holm.map((x) => x <= alpha),
      bh_reject: adjusted.benjaminiHochberg.map((x) => x <= alpha)
    }
    expectMatchesCase(c, actual)
  })
})

describe('CSAT change', () => {
  it('is the unpooled two-proportion test of the satisfied shares', () => {
    const a = csatFromCounts([10, 10, 20, 30, 30], 1, 4)! // 60 of 100 satisfied
    const b = csatFromCounts([5, 5, 20, 40, 30], 1, 4)! // 70 of 100
    const change = csatChange(a, b)
    const se = Math.sqrt((0.6 * 0.4) / 100 + (0.7 * 0.3) / 100)
    expect(change.diff).toBeCloseTo(0.1, 12)
    expect(change.se).toBeCloseTo(se, 12)
    expect(change.z).toBeCloseTo(0.1 / se, 12)
    // Two-sided p of z = 1.4907: 0.13603 (normal table).
    expect(change.p).toBeCloseTo(0.136033, 5)
  })
})
