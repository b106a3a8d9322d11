import { normalQuantile } from './distributions'
import { normalUpperTail } from './normal'

/** What a binary experiment must detect. */
export interface SampleSizeRequest {
  /** Control rate, 0–1. */
  baseline: number
  /** The minimum detectable effect: points of rate (absolute) or a share of the baseline (relative). */
  mde: number
  mdeKind: 'absolute' | 'relative'
  alpha: number
  power: number
  /** Treatment units per control unit (1: equal arms). */
  ratio?: number
}

export interface SampleSize {
  p1: number
  p2: number
  absEffect: number
  zAlpha2: number
  zBeta: number
  /** The classic formula with unpooled variances: (z_{α/2} + z_β)²·(p1q1 + p2q2/r)/Δ². */
  nPerArmUnpooledRaw: number
  nPerArmUnpooled: number
  /** Cohen's h = 2·asin√p2 − 2·asin√p1. */
  cohensH: number
  /** As statsmodels' NormalIndPower solves it (both tails of the power function). */
  nPerArmCohenHRaw: number
  nPerArmCohenH: number
  /** 2·((z_{α/2} + z_β)/h)² for equal arms, without the far tail. */
  nPerArmCohenHClosedRaw: number
}

/** The treatment rate an effect implies. */
export const treatmentRate = (baseline: number, mde: number, kind: 'absolute' | 'relative'): number =>
  kind === 'absolute' ? baseline + mde : baseline * (1 + mde)

/** Power of a two-sided z-test of effect size h with n1 control units (statsmodels' formula). */
function powerAtH(h: number, n1: number, ratio: number, zAlpha2: number): number {
  const shift = Math.abs(h) * Math.sqrt((n1 * ratio) / (1 + ratio))
  return normalUpperTail(zAlpha2 - shift) + normalUpperTail(zAlpha2 + shift)
}

/** Units per arm to detect an effect in a binary metric (two-sided). */
export function sampleSize(request: SampleSizeRequest): SampleSize {
  const ratio = request.ratio ?? 1
  const p1 = request.baseline
  const p2 = treatmentRate(p1, request.mde, request.mdeKind)
  const absEffect = p2 - p1
  const zAlpha2 = normalQuantile(1 - request.alpha / 2)
  const zBeta = normalQuantile(request.power)
  const nPerArmUnpooledRaw =
    ((zAlpha2 + zBeta) ** 2 * (p1 * (1 - p1) + (p2 * (1 - p2)) / ratio)) / absEffect ** 2
  const cohensH = 2 * Math.asin(Math.sqrt(p2)) - 2 * Math.asin(Math.sqrt(p1))
  const closed = (((zAlpha2 + zBeta) / Math.abs(cohensH)) ** 2 * (1 + ratio)) / ratio
  // Solve power(n) = target by bisection around the closed form (power rises with n).
  let lo = closed / 2
  let hi = closed * 2
  for (let i = 0; i < 200; i++) {
    const mid = (lo + hi) / 2
    if (powerAtH(cohensH, mid, ratio, zAlpha2) < request.power) lo = mid
    else hi = mid
  }
  const nPerArmCohenHRaw = (lo + hi) / 2
  return {
    p1,
    p2,
    absEffect,
    zAlpha2,
    zBeta,
    nPerArmUnpooledRaw,
    nPerArmUnpooled: Math.ceil(nPerArmUnpooledRaw),
    cohensH,
    nPerArmCohenHRaw,
    nPerArmCohenH: Math.ceil(nPerArmCohenHRaw),
    nPerArmCohenHClosedRaw: closed
  }
}

/**
 * The smallest absolute effect a test with n1 control and n2 treatment units detects at α and
 * power, for a baseline rate (unpooled variances; solved by bisection on the effect).
 */
export function minimumDetectableEffect(
  baseline: number,
  n1: number,
  n2: number,
  alpha: number,
  power: number
): number {
  const z = normalQuantile(1 - alpha / 2) + normalQuantile(power)
  const needed = (d: number): number => {
    const p2 = Math.min(1, baseline + d)
    return z * Math.sqrt((baseline * (1 - baseline)) / n1 + (p2 * (1 - p2)) / n2) - d
  }
  let lo = 0
  let hi = 1 - baseline
  if (needed(hi) > 0) return hi
  for (let i = 0; i < 200; i++) {
    const mid = (lo + hi) / 2
    if (needed(mid) > 0) lo = mid
    else hi = mid
  }
  return (lo + hi) / 2
}
