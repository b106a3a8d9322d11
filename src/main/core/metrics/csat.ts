import type { DifferenceTest, Interval } from '../stats/proportion'
import { twoProportionUnpooled, wilsonInterval } from '../stats/proportion'

/** CSAT of a set of responses: the share at or above the satisfied threshold, with its interval. */
export interface CsatEstimate {
  n: number
  satisfied: number
  /** satisfied / n, a fraction 0–1. */
  share: number
  /** The mean score on the survey's scale. */
  mean: number
  /** Wilson 95% interval of the share. */
  ci95: Interval
}

/**
 * CSAT from a histogram: `counts[i]` responses scored `scaleMin + i`; satisfied = score ≥
 * `threshold` (top-2-box 4–5 on a 1–5 scale). Null when there are no responses.
 */
export function csatFromCounts(
  counts: readonly number[],
  scaleMin: number,
  threshold: number
): CsatEstimate | null {
  let n = 0
  let satisfied = 0
  let total = 0
  counts.forEach((count, i) => {
    const score = scaleMin + i
    n += count
    total += count * score
    if (score >= threshold) satisfied += count
  })
  return n === 0 ? null : csatFromTotals(n, satisfied, total)
}

/** CSAT from totals (what SQL aggregation returns): responses, satisfied responses, sum of scores. */
export function csatFromTotals(n: number, satisfied: number, scoreSum: number): CsatEstimate | null {
  if (n <= 0) return null
  return { n, satisfied, share: satisfied / n, mean: scoreSum / n, ci95: wilsonInterval(satisfied, n) }
}

/** The change of CSAT from a to b: the unpooled two-proportion test of the satisfied shares. */
export function csatChange(a: CsatEstimate, b: CsatEstimate): DifferenceTest {
  return twoProportionUnpooled(a.satisfied, a.n, b.satisfied, b.n)
}
