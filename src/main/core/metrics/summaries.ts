import type { ChangeTest, CsatSummary, MetricReason, NpsSummary } from '@shared/domain/metrics'
import type { DifferenceTest } from '../stats/proportion'
import type { AnswerCell } from './answer-histograms'
import type { CsatEstimate } from './csat'
import { csatChange, csatFromTotals } from './csat'
import type { NpsEstimate } from './nps'
import { npsChange, npsFromGroups } from './nps'

/** How CSAT scores are read: the workspace's scale and satisfied threshold. */
export interface CsatRule {
  scaleMax: number
  threshold: number
}

/** Scores on another scale are mapped linearly onto the workspace's (1..k onto 1..scaleMax). */
export function onScale(score: number, responseScaleMax: number | null, scaleMax: number): number {
  if (responseScaleMax === null || responseScaleMax === scaleMax || responseScaleMax <= 1) return score
  return 1 + ((score - 1) * (scaleMax - 1)) / (responseScaleMax - 1)
}

/** A threshold compared after rescaling tolerates the rounding of the mapping. */
const EPSILON = 1e-9

/** The estimates of one group, kept for its change test. */
export interface GroupEstimates {
  csat: CsatEstimate | null
  nps: NpsEstimate | null
}

/** CSAT and NPS estimates from answer cells. */
export function estimate(cells: readonly AnswerCell[], rule: CsatRule): GroupEstimates {
  let csatN = 0
  let satisfied = 0
  let scoreSum = 0
  let promoters = 0
  let passives = 0
  let detractors = 0
  for (const c of cells) {
    if (c.csat !== null) {
      const score = onScale(c.csat, c.scaleMax, rule.scaleMax)
      csatN += c.n
      scoreSum += score * c.n
      if (score >= rule.threshold - EPSILON) satisfied += c.n
    }
    if (c.nps !== null) {
      if (c.nps >= 9) promoters += c.n
      else if (c.nps >= 7) passives += c.n
      else detractors += c.n
    }
  }
  return {
    csat: csatFromTotals(csatN, satisfied, scoreSum),
    nps: npsFromGroups(promoters, passives, detractors)
  }
}

/** Why a summary of n responses (with standard error `se`) lacks an interval or a claim. */
function summaryReason(n: number, minSample: number, degenerate: boolean): MetricReason | null {
  if (n === 0) return 'no_responses'
  if (n === 1) return 'single_response'
  if (n < minSample) return 'too_few_responses'
  return degenerate ? 'no_variation' : null
}

export function csatSummary(e: CsatEstimate | null, minSample: number): CsatSummary {
  if (!e) return { n: 0, satisfied: 0, value: null, ci95: null, mean: null, reason: 'no_responses' }
  const reason = summaryReason(e.n, minSample, false)
  return {
    n: e.n,
    satisfied: e.satisfied,
    value: e.share,
    ci95: e.n > 1 ? e.ci95 : null,
    mean: e.mean,
    reason
  }
}

export function npsSummary(e: NpsEstimate | null, minSample: number): NpsSummary {
  if (!e) {
    return {
      n: 0,
      value: null,
      se: null,
      ci95: null,
      ci95Clipped: null,
      promoters: null,
      passives: null,
      detractors: null,
      counts: { promoters: 0, passives: 0, detractors: 0 },
      reason: 'no_responses'
    }
  }
  const degenerate = e.se === 0
  const withInterval = e.n > 1 && !degenerate
  return {
    n: e.n,
    value: e.nps,
    se: e.se,
    ci95: withInterval ? e.ci95 : null,
    ci95Clipped: withInterval ? e.ci95Clipped : null,
    promoters: e.promoterShare,
    passives: e.passiveShare,
    detractors: e.detractorShare,
    counts: { promoters: e.promoters, passives: e.passives, detractors: e.detractors },
    reason: summaryReason(e.n, minSample, degenerate)
  }
}

/**
 * The change from `a` (the comparison group) to `b`, before multiple-testing adjustment: no
 * test when a side is empty or below the minimum sample, or when neither side varies.
 */
export function changeTest<E extends { n: number }>(
  a: E | null,
  b: E | null,
  test: (a: E, b: E) => DifferenceTest,
  minSample: number
): ChangeTest {
  const none = { z: null, p: null, pAdjusted: null, pAdjustedBH: null, significant: false }
  if (!a || !b) return { diff: null, se: null, ...none, reason: 'no_responses' }
  const t = test(a, b)
  if (Math.min(a.n, b.n) < minSample) return { diff: t.diff, se: t.se, ...none, reason: 'too_few_responses' }
  if (t.z === null || t.p === null) return { diff: t.diff, se: t.se, ...none, reason: 'no_variation' }
  return {
    diff: t.diff,
    se: t.se,
    z: t.z,
    p: t.p,
    pAdjusted: null,
    pAdjustedBH: null,
    significant: false,
    reason: null
  }
}

export const csatChangeTest = (a: GroupEstimates, b: GroupEstimates, minSample: number): ChangeTest =>
  changeTest(a.csat, b.csat, csatChange, minSample)

export const npsChangeTest = (a: GroupEstimates, b: GroupEstimates, minSample: number): ChangeTest =>
  changeTest(a.nps, b.nps, npsChange, minSample)
