import jStat from 'jstat'

/**
 * Upper tails and quantiles of the distributions the tests use, computed as tails (never as
 * 1 − cdf, which loses every digit of a p-value like 1e-20).
 */

const EPS = 1e-16
const FPMIN = 1e-300
const MAX_ITERATIONS = 10_000

/** Q(a, x) = Γ(a, x) / Γ(a): the regularized upper incomplete gamma (Numerical Recipes §6.2). */
export function gammaQ(a: number, x: number): number {
  if (x <= 0) return 1
  const lnPrefix = -x + a * Math.log(x) - jStat.gammaln(a)
  if (x < a + 1) {
    // Series for P, then Q = 1 − P (P is small here, so nothing cancels).
    let ap = a
    let sum = 1 / a
    let del = sum
    for (let n = 0; n < MAX_ITERATIONS; n++) {
      ap += 1
      del *= x / ap
      sum += del
      if (Math.abs(del) < Math.abs(sum) * EPS) break
    }
    return Math.max(0, 1 - sum * Math.exp(lnPrefix))
  }
  // Continued fraction for Q (modified Lentz).
  let b = x + 1 - a
  let c = 1 / FPMIN
  let d = 1 / b
  let h = d
  for (let i = 1; i < MAX_ITERATIONS; i++) {
    const an = -i * (i - a)
    b += 2
    d = an * d + b
    if (Math.abs(d) < FPMIN) d = FPMIN
    c = b + an / c
    if (Math.abs(c) < FPMIN) c = FPMIN
    d = 1 / d
    const del = d * c
    h *= del
    if (Math.abs(del - 1) < EPS) break
  }
  return Math.exp(lnPrefix) * h
}

/** P(χ²_df ≥ x). */
export function chiSquareUpperTail(x: number, df: number): number {
  return gammaQ(df / 2, x / 2)
}

/** P(|T_df| ≥ |t|) for Student's t: I_{df/(df+t²)}(df/2, 1/2). */
export function studentTTwoSided(t: number, df: number): number {
  if (!Number.isFinite(t)) return 0
  return Math.min(1, jStat.ibeta(df / (df + t * t), df / 2, 0.5))
}

/** The p-quantile of Student's t with df degrees of freedom (df may be fractional). */
export function studentTQuantile(p: number, df: number): number {
  return jStat.studentt.inv(p, df)
}

/** The p-quantile of the standard normal distribution. */
export function normalQuantile(p: number): number {
  return jStat.normal.inv(p, 0, 1)
}

/** ln B(a, b). */
export const lnBeta = (a: number, b: number): number => jStat.betaln(a, b)

/** ln Γ(x). */
export const lnGamma = (x: number): number => jStat.gammaln(x)
