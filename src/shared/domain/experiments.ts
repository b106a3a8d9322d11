import { z } from 'zod'

/** Names that mark an arm as the control (the import and the analysis both use them). */
export const CONTROL_ARM_NAMES =
  /^(control|ctrl|baseline|a|old|old[_ -]?page|original|default|对照|对照组|控制组|基线)$/i

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

/** The settings an analysis applies (the workspace's, or overrides from the command line). */
export interface ExperimentSettings {
  alpha: number
  /** The minimum practical difference: relative lift (0.05 = 5%) or absolute points (0.05 = 5 pp). */
  minLift: number
  minLiftKind: 'relative' | 'absolute'
  /** The power "units still needed" is computed at. */
  power: number
}

/** Overrides of the workspace's settings for one analysis. */
export const ExperimentsRequestSchema = z.strictObject({
  alpha: z.number().gt(0).lte(0.5).optional(),
  minLift: z.number().gte(0).lte(10).optional(),
  minLiftKind: z.enum(['relative', 'absolute']).optional(),
  power: z.number().gte(0.5).lt(1).optional()
})
export type ExperimentsRequest = z.infer<typeof ExperimentsRequestSchema>

/** Why a comparison was decided, or has no test. */
export type ReasonCode =
  | 'invalid_srm'
  | 'ship'
  | 'keep_control'
  | 'below_threshold'
  | 'inconclusive'
  | 'no_units'
  | 'too_few_units'
  | 'no_variation'

/** The numbers a reason quotes, raw (fractions and p-values), for each language to format. */
export interface ReasonParams {
  arm: string
  /** The lift the rule compares: relative (a fraction) or absolute (a difference of rates). */
  lift: number | null
  liftKind: 'relative' | 'absolute'
  p: number | null
  alpha: number
  threshold: number
  unitsNeededPerArm: number | null
  /** The power `unitsNeededPerArm` is computed at. */
  power: number
}

/** The product's verdict on a comparison of the primary metric. */
export type Decision = 'ship' | 'keep_control' | 'below_threshold' | 'inconclusive' | 'invalid_srm'

export interface ArmResult {
  name: string
  n: number
  successes: number | null
  rate: number | null
  mean: number | null
  sd: number | null
}

/** One treatment arm against the control for one metric; fields that do not apply are null. */
export interface Comparison {
  arm: string
  /** The test behind `pValue`. */
  test: 'z' | 'fisher' | 'welch'
  diff: number | null
  diffCi95: [number, number] | null
  relLift: number | null
  relLiftCi95: [number, number] | null
  z: number | null
  pValue: number | null
  /** One-sided, for "the treatment is better". */
  pValueOneSided: number | null
  /** Binary metrics: the pooled two-proportion z-test's two-sided p, whatever test was chosen. */
  pValueZ: number | null
  /** Holm across the experiment's metrics × arms. */
  pAdjusted: number | null
  pAdjustedBH: number | null
  /** Binary metrics: P(treatment beats control), Beta(1,1) priors, exact. */
  pBeat: number | null
  expectedLossTreatment: number | null
  expectedLossControl: number | null
  /** Primary metric: the decision's p < α; other metrics: Holm-adjusted p < α. */
  significant: boolean
  /** Primary metric only. */
  shipRule: {
    ship: boolean
    reasonCode: 'ship' | 'not_significant' | 'below_min_lift' | 'not_significant_and_below_min_lift'
  } | null
  decision: Decision | null
  /** One sentence (English; `reasonCode` and `reasonParams` word it in any language); null when there is nothing to say. */
  reason: string | null
  reasonCode: ReasonCode | null
  reasonParams: ReasonParams | null
  /**
   * Primary metric: the p the decision used — the test's p, Holm-adjusted across treatment arms
   * when there are several (not across metrics).
   */
  pDecision: number | null
  /** Primary metric: the power this test had to detect the minimum practical lift, at its units. */
  powerAchieved: number | null
  /**
   * Primary metric: the smallest lift the test detects with the planned power at α, at its
   * units — relative, or in absolute points when the minimum lift is absolute (binary metrics).
   */
  mdeAchieved: number | null
  /** Inconclusive: units per arm for the planned power (default 80%) at a lift equal to the minimum practical difference. */
  unitsNeededPerArm: number | null
}

export interface MetricResult {
  name: string
  kind: 'binary' | 'continuous'
  primary: boolean
  control: string
  arms: ArmResult[]
  /** More than two arms (binary): the chi-square test of the 2×k table. */
  omnibus: { test: 'chi-square'; chi2: number; dof: number; p: number } | null
  comparisons: Comparison[]
}

export interface ExperimentResult {
  id: number
  key: string
  name: string
  control: string
  arms: Array<{ name: string; units: number; intendedShare: number }>
  cleaning: {
    rowsRead: number
    exposureMismatchDropped: number
    duplicateUnitsDropped: number
    unitsAnalysed: number
  }
  srm: { chi2: number | null; p: number | null; flag: boolean }
  metrics: MetricResult[]
}

export interface ExperimentsReport {
  settings: ExperimentSettings
  experiments: ExperimentResult[]
}

/** Below this p the split is not what was intended (the usual sample-ratio-mismatch threshold). */
export const SRM_ALPHA = 0.001
