import { describe, expect, it } from 'vitest'
import { compareProportions } from '../../../src/main/core/stats/two-proportion'
import { chiSquareTest, fisherExact } from '../../../src/main/core/stats/contingency'
import { summarize, welchTest } from '../../../src/main/core/stats/welch'
import { goodnessOfFit } from '../../../src/main/core/stats/goodness-of-fit'
import { bayesBinomial } from '../../../src/main/core/stats/bayes-binomial'
import { minimumDetectableEffect, sampleSize } from '../../../src/main/core/stats/sample-size'
import { shipRule } from '../../../src/main/core/experiments/ship-rule'
import { numbersIn } from '../../helpers/numbers'

const finite = (value: unknown): void => {
  for (const n of numbersIn(value)) expect(Number.isNaN(n), JSON.stringify(value)).toBe(false)
}

describe('degenerate data: defined results, never NaN', () => {
  it('0% in both arms: no z-test (no variance) and no relative lift', () => {
    const r = compareProportions({ successes: 0, trials: 100 }, { successes: 0, trials: 120 })
    expect(r).toMatchObject({ diff: 0, z: null, pTwoSided: null, relLift: null, relLiftCi95: null })
    finite(r)
  })

  it('100% in both arms: lift 0, no z-test', () => {
    const r = compareProportions({ successes: 50, trials: 50 }, { successes: 80, trials: 80 })
    expect(r).toMatchObject({ diff: 0, relLift: 0, z: null, pTwoSided: null })
    finite(r)
  })

  it('zero variance in both arms: no t-test', () => {
    const r = welchTest({ mean: 5, sd: 0, n: 10 }, { mean: 6, sd: 0, n: 12 })
    expect(r).toMatchObject({ diff: 1, se: 0, t: null, pTwoSided: null, ci95: null })
    expect(summarize([])).toEqual({ mean: 0, sd: 0, n: 0 })
    expect(summarize([4])).toEqual({ mean: 4, sd: 0, n: 1 })
  })

  it('tables with an empty margin have no chi-square test; Fisher still answers', () => {
    expect(chiSquareTest([0, 0], [10, 12])).toBeNull()
    expect(chiSquareTest([10, 12], [10, 12])).toBeNull()
    expect(chiSquareTest([3, 0], [10, 0])).toBeNull()
    expect(
      fisherExact([
        [0, 0],
        [0, 5]
      ])
    ).toMatchObject({ oddsRatio: null, pTwoSided: 1 })
  })

  it('a sample-ratio test needs units and a split', () => {
    expect(goodnessOfFit([0, 0], [50, 50])).toBeNull()
    expect(goodnessOfFit([10, 10], [0, 0])).toBeNull()
    expect(goodnessOfFit([10], [1])).toBeNull()
  })

  it('Bayes with no data is the prior: an even chance', () => {
    const r = bayesBinomial({ successes: 0, trials: 0 }, { successes: 0, trials: 0 })
    expect(r.pBeat).toBeCloseTo(0.5, 12)
    finite(r)
  })

  it('the ship rule treats a missing p or lift as not significant or not enough', () => {
    expect(shipRule(null, 0.2, 0.05, 0.05)).toEqual({ ship: false, reasonCode: 'not_significant' })
    expect(shipRule(0.01, null, 0.05, 0.05)).toEqual({ ship: false, reasonCode: 'below_min_lift' })
    expect(shipRule(0.05, 0.05, 0.05, 0.05)).toEqual({ ship: false, reasonCode: 'not_significant' })
    expect(shipRule(0.049, 0.05, 0.05, 0.05)).toEqual({ ship: true, reasonCode: 'ship' })
  })
})

describe('power', () => {
  it('the minimum detectable effect inverts the sample size', () => {
    const n = sampleSize({
      baseline: 0.1,
      mde: 0.02,
      mdeKind: 'absolute',
      alpha: 0.05,
      power: 0.8
    }).nPerArmUnpooledRaw
    expect(minimumDetectableEffect(0.1, n, n, 0.05, 0.8)).toBeCloseTo(0.02, 6)
    expect(minimumDetectableEffect(0.1, 10 * n, 10 * n, 0.05, 0.8)).toBeLessThan(0.01)
  })
})
