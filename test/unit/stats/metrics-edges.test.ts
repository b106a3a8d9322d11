import { describe, expect, it } from 'vitest'
import { csatFromCounts, csatFromTotals } from '../../../src/main/core/metrics/csat'
import { csatMargin, csatSampleSize, npsMargin, npsSampleSize } from '../../../src/main/core/metrics/margins'
import { npsChange, npsFromCounts, npsFromGroups } from '../../../src/main/core/metrics/nps'
import { erfc, twoSidedP } from '../../../src/main/core/stats/normal'

describe('the normal tail', () => {
  it('keeps its precision far in the tail, where 1 − Φ would cancel', () => {
    // Reference values of erfc (Abramowitz & Stegun; mpmath to 16 digits).
    expect(erfc(5) / 1.537459794428035e-12).toBeCloseTo(1, 12)
    expect(erfc(10) / 2.0884875837625446e-45).toBeCloseTo(1, 12)
    expect(erfc(-1) + erfc(1)).toBeCloseTo(2, 15)
    expect(twoSidedP(0)).toBeCloseTo(1, 15)
    expect(twoSidedP(-1.959963984540054)).toBeCloseTo(0.05, 14)
  })
})

describe('defined results at the edges', () => {
  it('gives no estimate, rather than NaN, when there are no responses', () => {
    expect(csatFromCounts([0, 0, 0, 0, 0], 1, 4)).toBeNull()
    expect(csatFromTotals(0, 0, 0)).toBeNull()
    expect(npsFromCounts(new Array<number>(11).fill(0))).toBeNull()
    expect(npsFromGroups(0, 0, 0)).toBeNull()
  })

  it('has a zero-width NPS interval and no test when every answer is the same', () => {
    const allPromoters = npsFromGroups(40, 0, 0)!
    expect([allPromoters.nps, allPromoters.se, ...allPromoters.ci95]).toEqual([100, 0, 100, 100])
    const change = npsChange(allPromoters, npsFromGroups(12, 0, 0)!)
    expect(change).toMatchObject({ diff: 0, se: 0, z: null, p: null })
    for (const value of [...change.ci95]) expect(Number.isFinite(value)).toBe(true)
  })

  it('computes n = 1 without non-finite numbers', () => {
    const one = npsFromGroups(0, 0, 1)!
    expect(one.nps).toBe(-100)
    expect(one.se).toBe(0)
    const csat = csatFromCounts([0, 0, 0, 0, 1], 1, 4)!
    expect(csat.ci95.every(Number.isFinite)).toBe(true)
  })
})

describe('planning helpers', () => {
  it('answers "how many responses for ±5 NPS points?" and "what is my margin at n = 1,000?"', () => {
    // Worst case (half promoters, half detractors): variance 1 per response.
    expect(npsSampleSize(5)).toBe(Math.ceil((1.959963984540054 * 100) ** 2 / 25)) // 1,537
    expect(npsSampleSize(5)).toBe(1537)
    expect(npsMargin(1000)).toBeCloseTo((1.959963984540054 * 100) / Math.sqrt(1000), 10) // ±6.2
    // With an expected distribution (50% promoters, 20% detractors) fewer are needed.
    const shares = { promoterShare: 0.5, detractorShare: 0.2 }
    expect(npsSampleSize(5, shares)).toBe(Math.ceil(((1.959963984540054 * 100) ** 2 * (0.7 - 0.09)) / 25))
    expect(npsMargin(npsSampleSize(5, shares), shares)).toBeLessThanOrEqual(5)
    expect(npsMargin(npsSampleSize(5, shares) - 1, shares)).toBeGreaterThan(5)
  })

  it('plans CSAT the same way, on the share', () => {
    expect(csatSampleSize(0.03)).toBe(1068)
    expect(csatMargin(1068)).toBeLessThanOrEqual(0.03)
    expect(csatMargin(1067)).toBeGreaterThan(0.03)
    expect(csatSampleSize(0.05, 0.85)).toBe(196)
  })
})
