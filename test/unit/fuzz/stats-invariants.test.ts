import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { bayesBinomial } from '../../../src/main/core/stats/bayes-binomial'
import { chiSquareTest, fisherExact } from '../../../src/main/core/stats/contingency'
import { goodnessOfFit } from '../../../src/main/core/stats/goodness-of-fit'
import { adjustPValues } from '../../../src/main/core/stats/multiple-testing'
import { twoProportionUnpooled, wilsonInterval } from '../../../src/main/core/stats/proportion'
import { compareProportions } from '../../../src/main/core/stats/two-proportion'
import { summarize, welchTest } from '../../../src/main/core/stats/welch'
import { npsChange, npsFromCounts, npsFromGroups } from '../../../src/main/core/metrics/nps'
import { csatChange, csatFromCounts } from '../../../src/main/core/metrics/csat'
import { fuzzParams, fuzzTimeout } from '../../helpers/fuzz-runs'

/**
 * Invariants of the statistics engine over generated inputs: p-values are probabilities, swapping
 * the arms of a comparison negates the difference and its interval and keeps p, intervals hold
 * their estimate, and shifting every score by a constant shifts the mean and nothing else.
 */

const RUNS = 1000
const MS_PER_CASE = 10

/** A p-value: a number in [0, 1], never NaN. */
function expectProbability(p: number | null): void {
  expect(p).not.toBeNull()
  expect(Number.isNaN(p)).toBe(false)
  expect(p).toBeGreaterThanOrEqual(0)
  expect(p).toBeLessThanOrEqual(1)
}

/** Exactly the negation (0 and −0 count as equal). */
function expectNegated(actual: number | null, expected: number | null): void {
  expect(actual === null ? null : actual + 0).toBe(expected === null ? null : -expected + 0)
}

/** Equal up to rounding: `tolerance` relative to the magnitudes involved. */
function expectClose(actual: number, expected: number, scale = 1, tolerance = 1e-9): void {
  const bound = tolerance * Math.max(1, Math.abs(expected), scale)
  expect(Math.abs(actual - expected), `${actual} ≉ ${expected}`).toBeLessThanOrEqual(bound)
}

/** An arm of a binary metric: 1..10^6 trials, any number of them successes. */
const binomialArm = fc
  .integer({ min: 1, max: 1_000_000 })
  .chain((trials) =>
    fc.record({ successes: fc.integer({ min: 0, max: trials }), trials: fc.constant(trials) })
  )
/** Small arms too: 0% and 100% rates and single trials are where formulas break. */
const smallArm = fc
  .integer({ min: 1, max: 30 })
  .chain((trials) =>
    fc.record({ successes: fc.integer({ min: 0, max: trials }), trials: fc.constant(trials) })
  )
const anyArm = fc.oneof(binomialArm, smallArm)

/** Scores of one arm: at least two values, survey-sized magnitudes. */
const scores = fc.array(fc.double({ min: -1000, max: 1000, noNaN: true }), { minLength: 2, maxLength: 60 })

describe('two-proportion comparison', () => {
  it(
    'p in [0, 1]; swapping the arms negates the difference and its interval and keeps p',
    () => {
      fc.assert(
        fc.property(anyArm, anyArm, (a, b) => {
          const ab = compareProportions(a, b)
          const ba = compareProportions(b, a)
          const pooled = (a.successes + b.successes) / (a.trials + b.trials)
          if (pooled > 0 && pooled < 1) {
            expectProbability(ab.pTwoSided)
            expectProbability(ab.pOneSidedGreater)
          } else {
            expect(ab.pTwoSided).toBeNull()
          }
          expectNegated(ba.diff, ab.diff)
          expectClose(ba.diffCi95[0], -ab.diffCi95[1])
          expectClose(ba.diffCi95[1], -ab.diffCi95[0])
          expect(ba.pTwoSided).toBe(ab.pTwoSided)
          if (ab.z !== null) expectNegated(ba.z, ab.z)
          expect(ab.diffCi95[0]).toBeLessThanOrEqual(ab.diff)
          expect(ab.diffCi95[1]).toBeGreaterThanOrEqual(ab.diff)
          if (ab.relLiftCi95Log !== null) {
            expect(ab.relLiftCi95Log[0]).toBeLessThanOrEqual(ab.relLift! + 1e-12)
            expect(ab.relLiftCi95Log[1]).toBeGreaterThanOrEqual(ab.relLift! - 1e-12)
          }
        }),
        fuzzParams(0x5eed01, RUNS)
      )
    },
    fuzzTimeout(MS_PER_CASE, RUNS)
  )

  it(
    'the unpooled test and CSAT change: swapping negates, p stays, the interval holds the difference',
    () => {
      fc.assert(
        fc.property(anyArm, anyArm, (a, b) => {
          const ab = twoProportionUnpooled(a.successes, a.trials, b.successes, b.trials)
          const ba = twoProportionUnpooled(b.successes, b.trials, a.successes, a.trials)
          expectNegated(ba.diff, ab.diff)
          expect(ba.p).toBe(ab.p)
          if (ab.se > 0) expectProbability(ab.p)
          else expect(ab.p).toBeNull()
          expectClose(ba.ci95[0], -ab.ci95[1])
          expect(ab.ci95[0]).toBeLessThanOrEqual(ab.diff)
          expect(ab.ci95[1]).toBeGreaterThanOrEqual(ab.diff)
          const ca = csatFromCounts([a.trials - a.successes, a.successes], 0, 1)!
          const cb = csatFromCounts([b.trials - b.successes, b.successes], 0, 1)!
          expect(csatChange(ca, cb)).toEqual(ab)
        }),
        fuzzParams(0x5eed02, RUNS)
      )
    },
    fuzzTimeout(MS_PER_CASE, RUNS)
  )

  it(
    'Wilson interval: inside [0, 1] and holds the observed share',
    () => {
      fc.assert(
        fc.property(anyArm, ({ successes, trials }) => {
          const [low, high] = wilsonInterval(successes, trials)
          const share = successes / trials
          expect(low).toBeGreaterThanOrEqual(0)
          expect(high).toBeLessThanOrEqual(1)
          expect(low).toBeLessThanOrEqual(share + 1e-12)
          expect(high).toBeGreaterThanOrEqual(share - 1e-12)
        }),
        fuzzParams(0x5eed03, RUNS)
      )
    },
    fuzzTimeout(MS_PER_CASE, RUNS)
  )
})

describe('two-mean comparison (Welch)', () => {
  it(
    'p in [0, 1]; swapping the arms negates the difference and its interval and keeps p',
    () => {
      fc.assert(
        fc.property(scores, scores, (x, y) => {
          const a = summarize(x)
          const b = summarize(y)
          const ab = welchTest(a, b)
          const ba = welchTest(b, a)
          expectNegated(ba.diff, ab.diff)
          expect(ba.pTwoSided).toBe(ab.pTwoSided)
          if (ab.se > 0) {
            expectProbability(ab.pTwoSided)
            expect(ab.ci95).not.toBeNull()
            expectClose(ba.ci95![0], -ab.ci95![1], ab.se)
            expectClose(ba.ci95![1], -ab.ci95![0], ab.se)
            expect(ab.ci95![0]).toBeLessThanOrEqual(ab.diff)
            expect(ab.ci95![1]).toBeGreaterThanOrEqual(ab.diff)
          } else {
            expect(ab.pTwoSided).toBeNull()
          }
        }),
        fuzzParams(0x5eed04, RUNS)
      )
    },
    fuzzTimeout(MS_PER_CASE, RUNS)
  )

  it(
    'adding a constant to every score shifts the means by it and keeps the SDs, the difference and the interval width',
    () => {
      fc.assert(
        fc.property(scores, scores, fc.double({ min: -1000, max: 1000, noNaN: true }), (x, y, c) => {
          const a = summarize(x)
          const b = summarize(y)
          const a2 = summarize(x.map((v) => v + c))
          const b2 = summarize(y.map((v) => v + c))
          // Rounding of v + c is up to ~1e-13 of 2000 per value; means and SDs stay within 1e-9.
          expectClose(a2.mean, a.mean + c, 2000)
          expectClose(b2.mean, b.mean + c, 2000)
          expectClose(a2.sd, a.sd, 2000)
          expectClose(b2.sd, b.sd, 2000)
          const before = welchTest(a, b)
          const after = welchTest(a2, b2)
          expectClose(after.diff, before.diff, 2000)
          if (before.se > 1e-6 && after.se > 1e-6) {
            const width = (t: ReturnType<typeof welchTest>): number => t.ci95![1] - t.ci95![0]
            expectClose(width(after), width(before), 2000, 1e-6)
            expectClose(after.pTwoSided!, before.pTwoSided!, 1, 1e-6)
          }
        }),
        fuzzParams(0x5eed05, RUNS)
      )
    },
    fuzzTimeout(MS_PER_CASE, RUNS)
  )
})

describe('survey metrics', () => {
  const count = fc.integer({ min: 0, max: 100_000 })
  it(
    'NPS in [−100, 100], its clipped interval too, the interval holds it; swapping negates the change',
    () => {
      fc.assert(
        fc.property(
          fc.array(count, { minLength: 11, maxLength: 11 }),
          fc.tuple(count, count, count),
          (histogram, [p, q, d]) => {
            const a = npsFromCounts(histogram)
            const b = npsFromGroups(p, q, d)
            for (const e of [a, b]) {
              if (e === null) continue
              expect(e.nps).toBeGreaterThanOrEqual(-100)
              expect(e.nps).toBeLessThanOrEqual(100)
              expect(Number.isFinite(e.se) && e.se >= 0).toBe(true)
              expect(e.ci95[0]).toBeLessThanOrEqual(e.nps)
              expect(e.ci95[1]).toBeGreaterThanOrEqual(e.nps)
              expect(e.ci95Clipped[0]).toBeGreaterThanOrEqual(-100)
              expect(e.ci95Clipped[1]).toBeLessThanOrEqual(100)
              expectClose(e.promoterShare + e.passiveShare + e.detractorShare, 1)
            }
            expect(a === null).toBe(histogram.every((n) => n === 0))
            if (a !== null && b !== null) {
              const ab = npsChange(a, b)
              const ba = npsChange(b, a)
              expectNegated(ba.diff, ab.diff)
              expect(ba.p).toBe(ab.p)
              if (ab.p !== null) expectProbability(ab.p)
            }
          }
        ),
        fuzzParams(0x5eed06, RUNS)
      )
    },
    fuzzTimeout(MS_PER_CASE, RUNS)
  )

  it(
    'CSAT share and its interval in [0, 1], the interval holds the share, the mean is on the scale',
    () => {
      fc.assert(
        fc.property(
          fc.integer({ min: 2, max: 10 }).chain((points) =>
            fc.record({
              counts: fc.array(count, { minLength: points, maxLength: points }),
              scaleMin: fc.integer({ min: 0, max: 1 }),
              threshold: fc.integer({ min: 0, max: points })
            })
          ),
          ({ counts, scaleMin, threshold }) => {
            const e = csatFromCounts(counts, scaleMin, scaleMin + threshold)
            if (e === null) {
              expect(counts.every((n) => n === 0)).toBe(true)
              return
            }
            expect(e.share).toBeGreaterThanOrEqual(0)
            expect(e.share).toBeLessThanOrEqual(1)
            expect(e.ci95[0]).toBeGreaterThanOrEqual(0)
            expect(e.ci95[1]).toBeLessThanOrEqual(1)
            expect(e.ci95[0]).toBeLessThanOrEqual(e.share + 1e-12)
            expect(e.ci95[1]).toBeGreaterThanOrEqual(e.share - 1e-12)
            expect(e.mean).toBeGreaterThanOrEqual(scaleMin - 1e-9)
            expect(e.mean).toBeLessThanOrEqual(scaleMin + counts.length - 1 + 1e-9)
          }
        ),
        fuzzParams(0x5eed07, RUNS)
      )
    },
    fuzzTimeout(MS_PER_CASE, RUNS)
  )
})

describe('contingency, fit, multiplicity and Bayes', () => {
  it(
    'chi-square and Fisher: p in [0, 1]; swapping the arms keeps p',
    () => {
      fc.assert(
        fc.property(smallArm, anyArm, (a, b) => {
          const chi = chiSquareTest([a.successes, b.successes], [a.trials, b.trials])
          const chiSwapped = chiSquareTest([b.successes, a.successes], [b.trials, a.trials])
          const margin = a.successes + b.successes
          if (margin > 0 && margin < a.trials + b.trials) {
            expectProbability(chi!.p)
            expectProbability(chi!.yatesP)
            expectClose(chiSwapped!.p, chi!.p)
          } else {
            expect(chi).toBeNull()
          }
          const table = [
            [a.successes, a.trials - a.successes],
            [b.successes, b.trials - b.successes]
          ] as const
          const f = fisherExact(table)
          const fSwapped = fisherExact([table[1], table[0]])
          expectProbability(f.pTwoSided)
          expectProbability(f.pLess)
          expectProbability(f.pGreater)
          expectClose(fSwapped.pTwoSided, f.pTwoSided, 1, 1e-7)
        }),
        fuzzParams(0x5eed08, RUNS)
      )
    },
    fuzzTimeout(MS_PER_CASE, RUNS)
  )

  it(
    'goodness of fit and adjusted p-values stay in [0, 1]; adjusting never lowers a p-value',
    () => {
      fc.assert(
        fc.property(
          fc.array(fc.integer({ min: 0, max: 1_000_000 }), { minLength: 2, maxLength: 6 }),
          fc.array(fc.double({ min: 0, max: 1, noNaN: true }), { minLength: 1, maxLength: 20 }),
          (counts, p) => {
            const fit = goodnessOfFit(
              counts,
              counts.map((_, i) => i + 1)
            )
            if (counts.some((c) => c > 0)) expectProbability(fit!.p)
            else expect(fit).toBeNull()
            const adjusted = adjustPValues(p)
            for (const family of [adjusted.holm, adjusted.benjaminiHochberg, adjusted.bonferroni]) {
              expect(family).toHaveLength(p.length)
              family.forEach((q, i) => {
                expectProbability(q)
                // m·p / r can round one unit below p when r = m.
                expect(q).toBeGreaterThanOrEqual(p[i]! * (1 - 1e-12))
              })
            }
          }
        ),
        fuzzParams(0x5eed09, RUNS)
      )
    },
    fuzzTimeout(MS_PER_CASE, RUNS)
  )

  it(
    'Bayes: P(beat) in [0, 1], and the two arms’ chances of beating each other add up to 1',
    () => {
      const arm = fc
        .integer({ min: 0, max: 400 })
        .chain((trials) =>
          fc.record({ successes: fc.integer({ min: 0, max: trials }), trials: fc.constant(trials) })
        )
      fc.assert(
        fc.property(arm, arm, (a, b) => {
          const ab = bayesBinomial(a, b)
          const ba = bayesBinomial(b, a)
          expectProbability(ab.pBeat)
          expectClose(ab.pBeat + ba.pBeat, 1, 1, 1e-6)
          expect(ab.expectedLossTreatment).toBeGreaterThanOrEqual(0)
          expectClose(ab.expectedLossTreatment, ba.expectedLossControl, 1, 1e-6)
        }),
        fuzzParams(0x5eed0a, RUNS)
      )
    },
    fuzzTimeout(MS_PER_CASE, RUNS)
  )
})
