import { Z_975 } from '../stats/normal'
import type { DifferenceTest, Interval } from '../stats/proportion'
import { differenceTest } from '../stats/proportion'

/** NPS of a set of 0–10 answers, in points, with its standard error and interval. */
export interface NpsEstimate {
  n: number
  promoters: number
  passives: number
  detractors: number
  /** Shares, fractions 0–1. */
  promoterShare: number
  passiveShare: number
  detractorShare: number
  /** 100 · (promoter share − detractor share), −100..100. */
  nps: number
  /** In points: 100 · √((p_P + p_D − (p_P − p_D)²) / n). */
  se: number
  /** NPS ∓ z·se, not clipped (as the reference values give it). */
  ci95: Interval
  /** The same interval within −100..100. */
  ci95Clipped: Interval
}

/** NPS from the counts of promoters (9–10), passives (7–8) and detractors (0–6). Null when n = 0. */
export function npsFromGroups(promoters: number, passives: number, detractors: number): NpsEstimate | null {
  const n = promoters + passives + detractors
  if (n <= 0) return null
  const pP = promoters / n
  const pD = detractors / n
  const nps = 100 * (pP - pD)
  // The variance of a per-response score of +1, 0 or −1; never below 0 in exact arithmetic.
  const variance = Math.max(0, pP + pD - (pP - pD) ** 2)
  const se = 100 * Math.sqrt(variance / n)
  const ci95: Interval = [nps - Z_975 * se, nps + Z_975 * se]
  return {
    n,
    promoters,
    passives,
    detractors,
    promoterShare: pP,
    passiveShare: passives / n,
    detractorShare: pD,
    nps,
    se,
    ci95,
    ci95Clipped: [Math.max(-100, ci95[0]), Math.min(100, ci95[1])]
  }
}

/** NPS from the histogram of answers 0..10 (`counts[score]`). */
export function npsFromCounts(counts: readonly number[]): NpsEstimate | null {
  let promoters = 0
  let passives = 0
  let detractors = 0
  counts.forEach((count, score) => {
    if (score >= 9) promoters += count
    else if (score >= 7) passives += count
    else detractors += count
  })
  return npsFromGroups(promoters, passives, detractors)
}

/** The change of NPS from a to b (independent samples): se = √(se_a² + se_b²). */
export function npsChange(a: NpsEstimate, b: NpsEstimate): DifferenceTest {
  return differenceTest(a.nps, a.se, b.nps, b.se)
}
