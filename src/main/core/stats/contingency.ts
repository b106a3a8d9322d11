import { chiSquareUpperTail, lnGamma } from './distributions'

/** Pearson's chi-square test of a 2×k table of successes and failures per arm. */
export interface ChiSquareTest {
  chi2: number
  dof: number
  p: number
  /** The smallest expected cell count (Fisher's exact test is preferred below 5). */
  minExpected: number
  /** With Yates' continuity correction, for 2×2 tables only. */
  yatesChi2: number | null
  yatesP: number | null
}

/** Chi-square test of independence of arm and outcome; null when a margin is 0 (no test). */
export function chiSquareTest(successes: readonly number[], trials: readonly number[]): ChiSquareTest | null {
  const k = successes.length
  const total = trials.reduce((a, b) => a + b, 0)
  const totalSuccesses = successes.reduce((a, b) => a + b, 0)
  const totalFailures = total - totalSuccesses
  if (k < 2 || total === 0 || totalSuccesses === 0 || totalFailures === 0 || trials.some((t) => t === 0))
    return null
  let chi2 = 0
  let yates = 0
  let minExpected = Infinity
  for (let i = 0; i < k; i++) {
    for (const [observed, columnTotal] of [
      [successes[i]!, totalSuccesses],
      [trials[i]! - successes[i]!, totalFailures]
    ] as const) {
      const expected = (trials[i]! * columnTotal) / total
      minExpected = Math.min(minExpected, expected)
      chi2 += (observed - expected) ** 2 / expected
      yates += Math.max(0, Math.abs(observed - expected) - 0.5) ** 2 / expected
    }
  }
  const dof = k - 1
  return {
    chi2,
    dof,
    p: chiSquareUpperTail(chi2, dof),
    minExpected,
    yatesChi2: k === 2 ? yates : null,
    yatesP: k === 2 ? chiSquareUpperTail(yates, 1) : null
  }
}

/** Fisher's exact test of a 2×2 table [[a, b], [c, d]]. */
export interface FisherExactTest {
  /** The sample odds ratio (a·d)/(b·c): Infinity when only b·c is 0; null when both are 0. */
  oddsRatio: number | null
  pTwoSided: number
  pLess: number
  pGreater: number
}

/**
 * Fisher's exact test, as scipy computes it: the hypergeometric distribution of the top-left
 * cell given the margins; two-sided p sums the tables no more probable than the one observed
 * (with a relative tolerance of 1e-7 for ties).
 */
export function fisherExact(
  table: readonly [readonly [number, number], readonly [number, number]]
): FisherExactTest {
  const [[a, b], [c, d]] = table
  const row1 = a + b
  const col1 = a + c
  const n = a + b + c + d
  const lnChoose = (m: number, r: number): number => lnGamma(m + 1) - lnGamma(r + 1) - lnGamma(m - r + 1)
  const lo = Math.max(0, col1 - (n - row1))
  const hi = Math.min(row1, col1)
  const lnDenominator = lnChoose(n, col1)
  const probability = (x: number): number =>
    Math.exp(lnChoose(row1, x) + lnChoose(n - row1, col1 - x) - lnDenominator)
  const observed = probability(a)
  let pLess = 0
  let pGreater = 0
  let pTwoSided = 0
  for (let x = lo; x <= hi; x++) {
    const px = probability(x)
    if (x <= a) pLess += px
    if (x >= a) pGreater += px
    if (px <= observed * (1 + 1e-7)) pTwoSided += px
  }
  const numerator = a * d
  const denominator = b * c
  const oddsRatio = denominator === 0 ? (numerator === 0 ? null : Infinity) : numerator / denominator
  return {
    oddsRatio,
    pTwoSided: Math.min(1, pTwoSided),
    pLess: Math.min(1, pLess),
    pGreater: Math.min(1, pGreater)
  }
}
