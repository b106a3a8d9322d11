import { twoSidedP, Z_975 } from './normal'

/** An interval [low, high]. */
export type Interval = [number, number]

/**
 * The Wilson score interval of a proportion (statsmodels `proportion_confint(method='wilson')`):
 * (p + z²/2n ∓ z·√(p(1−p)/n + z²/4n²)) / (1 + z²/n). Defined for n ≥ 1; stays inside [0, 1].
 */
export function wilsonInterval(successes: number, n: number, z = Z_975): Interval {
  const p = successes / n
  const z2 = z * z
  const centre = p + z2 / (2 * n)
  const half = z * Math.sqrt((p * (1 - p)) / n + z2 / (4 * n * n))
  const scale = 1 + z2 / n
  return [Math.max(0, (centre - half) / scale), Math.min(1, (centre + half) / scale)]
}

/** A difference between two independent estimates with its test. */
export interface DifferenceTest {
  /** b − a. */
  diff: number
  se: number
  /** diff / se; null when se is 0 (no variation: no test). */
  z: number | null
  /** Two-sided p; null with z. */
  p: number | null
  ci95: Interval
}

/** The test of b − a for two independent estimates with standard errors: se = √(se_a² + se_b²). */
export function differenceTest(a: number, seA: number, b: number, seB: number): DifferenceTest {
  const diff = b - a
  const se = Math.sqrt(seA * seA + seB * seB)
  const z = se > 0 ? diff / se : null
  return { diff, se, z, p: z === null ? null : twoSidedP(z), ci95: [diff - Z_975 * se, diff + Z_975 * se] }
}

/** The unpooled two-proportion test of p_b − p_a (each share's own √(p(1−p)/n)). */
export function twoProportionUnpooled(
  successesA: number,
  nA: number,
  successesB: number,
  nB: number
): DifferenceTest {
  const pA = successesA / nA
  const pB = successesB / nB
  return differenceTest(pA, Math.sqrt((pA * (1 - pA)) / nA), pB, Math.sqrt((pB * (1 - pB)) / nB))
}
