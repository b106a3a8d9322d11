import { z } from 'zod'

/** A power calculation for a binary metric: units per arm to detect an effect. */
export const PowerRequestSchema = z
  .strictObject({
    /** Control rate, a fraction strictly between 0 and 1. */
    baseline: z.number().gt(0).lt(1),
    /** The minimum detectable effect: a share of the baseline (relative) or a difference of rates (absolute). */
    mde: z.number().refine((v) => v !== 0, 'The effect to detect cannot be 0'),
    mdeKind: z.enum(['relative', 'absolute']).default('relative'),
    alpha: z.number().gt(0).lt(1).default(0.05),
    power: z.number().gt(0).lt(1).default(0.8),
    /** Units entering the experiment per day (all arms), for a duration. */
    dailyUnits: z.number().gt(0).optional()
  })
  .refine(
    (r) => {
      const p2 = r.mdeKind === 'absolute' ? r.baseline + r.mde : r.baseline * (1 + r.mde)
      return p2 > 0 && p2 < 1
    },
    { message: 'The baseline plus the effect must be a rate between 0 and 1', path: ['mde'] }
  )
export type PowerRequest = z.input<typeof PowerRequestSchema>

export interface PowerResult {
  baseline: number
  mde: number
  mdeKind: 'relative' | 'absolute'
  alpha: number
  power: number
  /** The treatment rate the effect implies. */
  treatmentRate: number
  absEffect: number
  /** Units per arm, unpooled-variance formula (rounded up). */
  nPerArm: number
  /** Units per arm as statsmodels' NormalIndPower computes it from Cohen's h (rounded up). */
  nPerArmCohenH: number
  nPerArmRaw: number
  nPerArmCohenHRaw: number
  cohensH: number
  zAlpha2: number
  zBeta: number
  /** Both arms. */
  total: number
  /** Days to reach `total` at `dailyUnits`; null without traffic. */
  days: number | null
}
