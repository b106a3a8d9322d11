import type { Interval } from './proportion'
import { Z_975, normalUpperTail, twoSidedP } from './normal'

/** Successes out of trials in one arm. */
export interface BinomialArm {
  successes: number
  trials: number
}

/** Treatment against control for a binary metric; null where a quantity is undefined. */
export interface TwoProportionComparison {
  controlRate: number
  treatmentRate: number
  /** treatment − control. */
  diff: number
  /** Unpooled standard error of the difference and its 95% interval. */
  seUnpooled: number
  diffCi95: Interval
  pooledRate: number
  /** Pooled two-proportion z; null when the pooled variance is 0 (0% or 100% in both arms). */
  z: number | null
  pTwoSided: number | null
  /** P(Z ≥ z): the one-sided p for "treatment is better". */
  pOneSidedGreater: number | null
  /** treatment / control − 1; null when the control rate is 0. */
  relLift: number | null
  /** Delta-method standard error of the relative lift and its 95% interval. */
  relLiftSe: number | null
  relLiftCi95: Interval | null
  /** The interval from the log of the rate ratio; null when either rate is 0. */
  relLiftCi95Log: Interval | null
}

/** The two-proportion comparison of treatment against control (both arms need trials > 0). */
export function compareProportions(control: BinomialArm, treatment: BinomialArm): TwoProportionComparison {
  const n1 = control.trials
  const n2 = treatment.trials
  const p1 = control.successes / n1
  const p2 = treatment.successes / n2
  const diff = p2 - p1
  const seUnpooled = Math.sqrt((p1 * (1 - p1)) / n1 + (p2 * (1 - p2)) / n2)
  const pooledRate = (control.successes + treatment.successes) / (n1 + n2)
  const sePooled = Math.sqrt(pooledRate * (1 - pooledRate) * (1 / n1 + 1 / n2))
  const z = sePooled > 0 ? diff / sePooled : null
  let relLift: number | null = null
  let relLiftSe: number | null = null
  let relLiftCi95: Interval | null = null
  let relLiftCi95Log: Interval | null = null
  if (p1 > 0) {
    relLift = p2 / p1 - 1
    // Var(p2/p1) ≈ Var(p2)/p1² + p2²·Var(p1)/p1⁴.
    relLiftSe = Math.sqrt((p2 * (1 - p2)) / n2 / (p1 * p1) + (p2 * p2 * (p1 * (1 - p1))) / n1 / p1 ** 4)
    relLiftCi95 = [relLift - Z_975 * relLiftSe, relLift + Z_975 * relLiftSe]
    if (p2 > 0) {
      const seLog = Math.sqrt((1 - p1) / (n1 * p1) + (1 - p2) / (n2 * p2))
      const logRatio = Math.log(p2 / p1)
      relLiftCi95Log = [Math.exp(logRatio - Z_975 * seLog) - 1, Math.exp(logRatio + Z_975 * seLog) - 1]
    }
  }
  return {
    controlRate: p1,
    treatmentRate: p2,
    diff,
    seUnpooled,
    diffCi95: [diff - Z_975 * seUnpooled, diff + Z_975 * seUnpooled],
    pooledRate,
    z,
    pTwoSided: z === null ? null : twoSidedP(z),
    pOneSidedGreater: z === null ? null : normalUpperTail(z),
    relLift,
    relLiftSe,
    relLiftCi95,
    relLiftCi95Log
  }
}
