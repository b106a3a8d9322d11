import type { Interval } from './proportion'
import { studentTQuantile, studentTTwoSided } from './distributions'

/** Mean, sample standard deviation (n − 1) and size of one arm's values. */
export interface MeanArm {
  mean: number
  sd: number
  n: number
}

export interface WelchTest {
  /** treatment − control. */
  diff: number
  se: number
  /** Null when se is 0 (no variance in either arm). */
  t: number | null
  /** Welch–Satterthwaite degrees of freedom; null with t. */
  df: number | null
  pTwoSided: number | null
  tCrit975: number | null
  ci95: Interval | null
}

/** Summary statistics of values: mean and sample SD. */
export function summarize(values: readonly number[]): MeanArm {
  const n = values.length
  const mean = n === 0 ? 0 : values.reduce((s, v) => s + v, 0) / n
  const ss = values.reduce((s, v) => s + (v - mean) ** 2, 0)
  return { mean, sd: n > 1 ? Math.sqrt(ss / (n - 1)) : 0, n }
}

/** Welch's unequal-variance t-test of treatment − control (each arm needs n ≥ 2). */
export function welchTest(control: MeanArm, treatment: MeanArm): WelchTest {
  const v1 = (control.sd * control.sd) / control.n
  const v2 = (treatment.sd * treatment.sd) / treatment.n
  const diff = treatment.mean - control.mean
  const se = Math.sqrt(v1 + v2)
  if (!(se > 0)) return { diff, se, t: null, df: null, pTwoSided: null, tCrit975: null, ci95: null }
  // Welch–Satterthwaite (v1 + v2)² / (v1²/(n1 − 1) + v2²/(n2 − 1)), in shares of v1 + v2: the
  // squares of tiny variances underflow to 0, and 0/0 would make df (and p) NaN.
  const r1 = v1 / (v1 + v2)
  const r2 = v2 / (v1 + v2)
  const df = 1 / (r1 ** 2 / (control.n - 1) + r2 ** 2 / (treatment.n - 1))
  const t = diff / se
  const tCrit975 = studentTQuantile(0.975, df)
  return {
    diff,
    se,
    t,
    df,
    pTwoSided: studentTTwoSided(t, df),
    tCrit975,
    ci95: [diff - tCrit975 * se, diff + tCrit975 * se]
  }
}
