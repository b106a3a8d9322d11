import type { MetricsPlan, MetricsPlanRequest } from '@shared/domain/metrics'
import { Z_975 } from '../stats/normal'

/**
 * Margins of error and sample sizes for planning a survey (95%, normal approximation). Without
 * an expected distribution they take the worst case: for NPS half promoters and half detractors
 * (per-response variance 1, so ±100·1.96/√n points), for CSAT a share of 50%.
 */
export interface NpsShares {
  promoterShare: number
  detractorShare: number
}

const WORST_NPS: NpsShares = { promoterShare: 0.5, detractorShare: 0.5 }

function npsVariance(shares: NpsShares): number {
  const { promoterShare: pP, detractorShare: pD } = shares
  return Math.max(0, pP + pD - (pP - pD) ** 2)
}

/** ± NPS points at 95% with n responses. */
export function npsMargin(n: number, shares: NpsShares = WORST_NPS): number {
  return (Z_975 * 100 * Math.sqrt(npsVariance(shares))) / Math.sqrt(n)
}

/** Responses needed for a 95% margin of ± `points` NPS points (at least 1). */
export function npsSampleSize(points: number, shares: NpsShares = WORST_NPS): number {
  return Math.max(1, Math.ceil(((Z_975 * 100) ** 2 * npsVariance(shares)) / (points * points)))
}

/** ± share (a fraction) at 95% with n responses, for an expected CSAT share. */
export function csatMargin(n: number, share = 0.5): number {
  return Z_975 * Math.sqrt((share * (1 - share)) / n)
}

/** Responses needed for a 95% margin of ± `margin` (a fraction) on a CSAT share (at least 1). */
export function csatSampleSize(margin: number, share = 0.5): number {
  return Math.max(1, Math.ceil((Z_975 ** 2 * share * (1 - share)) / (margin * margin)))
}

/** The margin with n responses, or the responses needed for a margin (`metrics.plan`). */
export function planSurvey(request: MetricsPlanRequest): MetricsPlan {
  if (request.metric === 'nps') {
    const given = request.promoters !== undefined && request.detractors !== undefined
    const shares = given
      ? { promoterShare: request.promoters!, detractorShare: request.detractors! }
      : WORST_NPS
    const n = request.n ?? npsSampleSize(request.margin!, shares)
    return { metric: 'nps', n, margin: npsMargin(n, shares), assumption: given ? 'given' : 'worst_case' }
  }
  const share = request.share ?? 0.5
  const n = request.n ?? csatSampleSize(request.margin!, share)
  return {
    metric: 'csat',
    n,
    margin: csatMargin(n, share),
    assumption: request.share === undefined ? 'worst_case' : 'given'
  }
}
