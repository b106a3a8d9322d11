import type { PowerResult } from '@shared/domain/experiments'
import { sampleSize } from '../stats/sample-size'

/** `experiments.power`: units per arm (two arms, equal split, two-sided test) and the days that takes. */
export function powerCalculation(request: {
  baseline: number
  mde: number
  mdeKind: 'relative' | 'absolute'
  alpha: number
  power: number
  dailyUnits?: number | undefined
}): PowerResult {
  const s = sampleSize(request)
  const total = 2 * s.nPerArmUnpooled
  return {
    baseline: request.baseline,
    mde: request.mde,
    mdeKind: request.mdeKind,
    alpha: request.alpha,
    power: request.power,
    treatmentRate: s.p2,
    absEffect: s.absEffect,
    nPerArm: s.nPerArmUnpooled,
    nPerArmCohenH: s.nPerArmCohenH,
    nPerArmRaw: s.nPerArmUnpooledRaw,
    nPerArmCohenHRaw: s.nPerArmCohenHRaw,
    cohensH: s.cohensH,
    zAlpha2: s.zAlpha2,
    zBeta: s.zBeta,
    total,
    days: request.dailyUnits ? Math.ceil(total / request.dailyUnits) : null
  }
}
