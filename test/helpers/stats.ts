import jStat from 'jstat'

/** Two-sided p-value of a standard normal statistic. */
export function twoSidedNormalP(z: number): number {
  return 2 * (1 - jStat.normal.cdf(Math.abs(z), 0, 1))
}

/** Pooled two-proportion z-test: relative lift of b over a and its two-sided p-value. */
export function twoProportionTest(
  successesA: number,
  unitsA: number,
  successesB: number,
  unitsB: number
): { rateA: number; rateB: number; relativeLift: number; z: number; p: number } {
  const rateA = successesA / unitsA
  const rateB = successesB / unitsB
  const pooled = (successesA + successesB) / (unitsA + unitsB)
  const se = Math.sqrt(pooled * (1 - pooled) * (1 / unitsA + 1 / unitsB))
  const z = se === 0 ? 0 : (rateB - rateA) / se
  return { rateA, rateB, relativeLift: (rateB - rateA) / rateA, z, p: twoSidedNormalP(z) }
}

/** Welch's t-test of mean(a) - mean(b), two-sided. */
export function welchTest(
  a: readonly number[],
  b: readonly number[]
): { meanA: number; meanB: number; t: number; p: number } {
  const mean = (xs: readonly number[]): number => xs.reduce((s, x) => s + x, 0) / xs.length
  const variance = (xs: readonly number[], m: number): number =>
    xs.reduce((s, x) => s + (x - m) ** 2, 0) / (xs.length - 1)
  const meanA = mean(a)
  const meanB = mean(b)
  const va = variance(a, meanA) / a.length
  const vb = variance(b, meanB) / b.length
  const t = (meanA - meanB) / Math.sqrt(va + vb)
  const df = (va + vb) ** 2 / (va ** 2 / (a.length - 1) + vb ** 2 / (b.length - 1))
  return { meanA, meanB, t, p: 2 * (1 - jStat.studentt.cdf(Math.abs(t), df)) }
}

/**
 * NPS (as a fraction, −1…1) and its standard error from the promoter and detractor shares:
 * Var = pP + pD − (pP − pD)², SE = √(Var / n).
 */
export function npsWithSe(scores: readonly number[]): { nps: number; se: number; n: number } {
  const n = scores.length
  const pP = scores.filter((s) => s >= 9).length / n
  const pD = scores.filter((s) => s <= 6).length / n
  const variance = pP + pD - (pP - pD) ** 2
  return { nps: pP - pD, se: Math.sqrt(variance / n), n }
}

/** Two-sided test of the difference of two independent NPS values; SE = √(SEa² + SEb²). */
export function npsChangeTest(
  a: readonly number[],
  b: readonly number[]
): { from: number; to: number; change: number; z: number; p: number } {
  const x = npsWithSe(a)
  const y = npsWithSe(b)
  const z = (y.nps - x.nps) / Math.sqrt(x.se ** 2 + y.se ** 2)
  return { from: x.nps, to: y.nps, change: y.nps - x.nps, z, p: twoSidedNormalP(z) }
}

/** Chi-square goodness of fit of observed counts against expected shares. */
export function chiSquareGoodnessOfFit(
  observed: readonly number[],
  shares: readonly number[]
): { chiSquare: number; df: number; p: number } {
  const total = observed.reduce((s, x) => s + x, 0)
  let chiSquare = 0
  observed.forEach((o, i) => {
    const expected = total * (shares[i] ?? 0)
    chiSquare += (o - expected) ** 2 / expected
  })
  const df = observed.length - 1
  return { chiSquare, df, p: 1 - jStat.chisquare.cdf(chiSquare, df) }
}
