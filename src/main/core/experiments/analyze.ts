import type {
  ArmResult,
  Comparison,
  Decision,
  ExperimentResult,
  ExperimentSettings,
  MetricResult,
  ReasonParams
} from '@shared/domain/experiments'
import { SRM_ALPHA } from '@shared/domain/experiments'
import { experimentReason } from '@shared/i18n/experiment-reason'
import { adjustPValues, holm } from '../stats/multiple-testing'
import { bayesBinomial } from '../stats/bayes-binomial'
import { chiSquareTest, fisherExact } from '../stats/contingency'
import { goodnessOfFit } from '../stats/goodness-of-fit'
import { Z_975, normalUpperTail } from '../stats/normal'
import { normalQuantile } from '../stats/distributions'
import { minimumDetectableEffect, sampleSize } from '../stats/sample-size'
import { compareProportions } from '../stats/two-proportion'
import { welchTest } from '../stats/welch'
import { shipRule } from './ship-rule'

/** An arm's data for one metric, as loaded: counts for binary metrics, moments for numeric ones. */
export interface ArmData {
  name: string
  n: number
  successes: number | null
  mean: number | null
  sd: number | null
}

export interface MetricData {
  name: string
  kind: 'binary' | 'continuous'
  primary: boolean
  arms: ArmData[]
}

/** An experiment as the loader reads it from the workspace. */
export interface ExperimentData {
  id: number
  key: string
  name: string
  /** The control arm's name. */
  control: string
  /** Arms in order, with their intended share (null: not given). */
  arms: Array<{ name: string; intendedShare: number | null }>
  /** Units per arm after cleaning, for the sample-ratio check. */
  unitsPerArm: number[]
  cleaning: ExperimentResult['cleaning']
  metrics: MetricData[]
}

/** Fisher's exact test replaces the z-test when an expected cell of the 2×2 table is below this. */
const MIN_EXPECTED = 5

/** Intended shares: as given when every arm has one, else equal. */
function intendedSplit(data: ExperimentData): number[] {
  const given = data.arms.map((a) => a.intendedShare)
  return given.every((s): s is number => s !== null && s > 0) ? given : data.arms.map(() => 1)
}

function armResult(a: ArmData, kind: MetricData['kind']): ArmResult {
  return {
    name: a.name,
    n: a.n,
    successes: kind === 'binary' ? a.successes : null,
    rate: kind === 'binary' && a.n > 0 && a.successes !== null ? a.successes / a.n : null,
    mean: kind === 'continuous' ? a.mean : null,
    sd: kind === 'continuous' ? a.sd : null
  }
}

const emptyComparison = (arm: string, test: Comparison['test']): Comparison => ({
  arm,
  test,
  diff: null,
  diffCi95: null,
  relLift: null,
  relLiftCi95: null,
  z: null,
  pValue: null,
  pValueOneSided: null,
  pValueZ: null,
  pAdjusted: null,
  pAdjustedBH: null,
  pBeat: null,
  expectedLossTreatment: null,
  expectedLossControl: null,
  significant: false,
  shipRule: null,
  decision: null,
  reason: null,
  reasonCode: null,
  reasonParams: null,
  unitsNeededPerArm: null,
  pDecision: null,
  powerAchieved: null,
  mdeAchieved: null
})

/** A comparison without a test, and why. */
const untested = (c: Comparison, code: 'no_units' | 'too_few_units' | 'no_variation'): Comparison => ({
  ...c,
  reasonCode: code,
  reason: experimentReason('en', code, null)
})

/** One treatment arm against the control, before adjustment and decision. */
function compare(control: ArmData, treatment: ArmData, kind: MetricData['kind']): Comparison {
  if (kind === 'binary') {
    const test = emptyComparison(treatment.name, 'z')
    if (control.n === 0 || treatment.n === 0) return untested(test, 'no_units')
    const c = { successes: control.successes ?? 0, trials: control.n }
    const t = { successes: treatment.successes ?? 0, trials: treatment.n }
    const r = compareProportions(c, t)
    const table: [[number, number], [number, number]] = [
      [t.successes, t.trials - t.successes],
      [c.successes, c.trials - c.successes]
    ]
    const chi = chiSquareTest([c.successes, t.successes], [c.trials, t.trials])
    const small = chi !== null && chi.minExpected < MIN_EXPECTED
    const fisher = small ? fisherExact(table) : null
    const bayes = bayesBinomial(c, t)
    const result: Comparison = {
      ...test,
      test: fisher ? 'fisher' : 'z',
      diff: r.diff,
      diffCi95: r.diffCi95,
      relLift: r.relLift,
      relLiftCi95: r.relLiftCi95,
      z: r.z,
      pValue: fisher ? fisher.pTwoSided : r.pTwoSided,
      pValueOneSided: fisher ? fisher.pGreater : r.pOneSidedGreater,
      pValueZ: r.pTwoSided,
      pBeat: bayes.pBeat,
      expectedLossTreatment: bayes.expectedLossTreatment,
      expectedLossControl: bayes.expectedLossControl
    }
    return r.pTwoSided === null ? untested(result, 'no_variation') : result
  }
  const test = emptyComparison(treatment.name, 'welch')
  if (control.n < 2 || treatment.n < 2 || control.mean === null || treatment.mean === null)
    return untested(test, control.n === 0 || treatment.n === 0 ? 'no_units' : 'too_few_units')
  const w = welchTest(
    { mean: control.mean, sd: control.sd ?? 0, n: control.n },
    { mean: treatment.mean, sd: treatment.sd ?? 0, n: treatment.n }
  )
  const m1 = control.mean
  let relLift: number | null = null
  let relLiftCi95: [number, number] | null = null
  if (m1 !== 0) {
    relLift = w.diff / m1
    const v1 = (control.sd ?? 0) ** 2 / control.n
    const v2 = (treatment.sd ?? 0) ** 2 / treatment.n
    const se = Math.sqrt(v2 / (m1 * m1) + (treatment.mean ** 2 * v1) / m1 ** 4)
    relLiftCi95 = [relLift - Z_975 * se, relLift + Z_975 * se]
  }
  const result: Comparison = {
    ...test,
    diff: w.diff,
    diffCi95: w.ci95,
    relLift,
    relLiftCi95,
    pValue: w.pTwoSided
  }
  return w.t === null ? untested(result, 'no_variation') : result
}

/** Units per arm for the planned power at a lift equal to the minimum practical difference. */
function unitsNeeded(
  control: ArmData,
  kind: MetricData['kind'],
  settings: ExperimentSettings
): number | null {
  if (settings.minLift <= 0 || control.n === 0) return null
  if (kind === 'binary') {
    const baseline = (control.successes ?? 0) / control.n
    const p2 =
      settings.minLiftKind === 'relative' ? baseline * (1 + settings.minLift) : baseline + settings.minLift
    if (!(baseline > 0 && baseline < 1 && p2 > 0 && p2 < 1)) return null
    return sampleSize({
      baseline,
      mde: settings.minLift,
      mdeKind: settings.minLiftKind,
      alpha: settings.alpha,
      power: settings.power
    }).nPerArmUnpooled
  }
  const mean = control.mean ?? 0
  const sd = control.sd ?? 0
  // Continuous metrics are decided on their relative lift, whatever the kind of the minimum lift.
  const delta = settings.minLift * Math.abs(mean)
  if (!(delta > 0 && sd > 0)) return null
  const z = normalQuantile(1 - settings.alpha / 2) + normalQuantile(settings.power)
  return Math.ceil((2 * (z * sd) ** 2) / delta ** 2)
}

/**
 * The power the test had, at the units each arm has, to detect a lift equal to the minimum
 * practical difference (two-sided, at α), with the control's observed variance.
 */
function powerAchieved(
  control: ArmData,
  treatment: ArmData,
  kind: MetricData['kind'],
  settings: ExperimentSettings
): number | null {
  if (settings.minLift <= 0 || control.n < 2 || treatment.n < 2) return null
  let delta: number
  let se: number
  if (kind === 'binary') {
    const p1 = (control.successes ?? 0) / control.n
    const p2 = settings.minLiftKind === 'relative' ? p1 * (1 + settings.minLift) : p1 + settings.minLift
    if (!(p1 > 0 && p1 < 1 && p2 > 0 && p2 < 1)) return null
    delta = p2 - p1
    se = Math.sqrt((p1 * (1 - p1)) / control.n + (p2 * (1 - p2)) / treatment.n)
  } else {
    const sd = control.sd ?? 0
    delta = settings.minLift * Math.abs(control.mean ?? 0)
    se = Math.sqrt((sd * sd) / control.n + (sd * sd) / treatment.n)
  }
  if (!(delta > 0 && se > 0)) return null
  const z = normalQuantile(1 - settings.alpha / 2)
  return normalUpperTail(z - delta / se) + normalUpperTail(z + delta / se)
}

/**
 * The smallest lift this test detects with the planned power at α, at the units each arm has —
 * in the kind of the minimum practical lift (relative for continuous metrics), with the
 * control's observed variance.
 */
function mdeAchieved(
  control: ArmData,
  treatment: ArmData,
  kind: MetricData['kind'],
  settings: ExperimentSettings
): number | null {
  if (control.n < 2 || treatment.n < 2) return null
  const relative = settings.minLiftKind === 'relative' || kind === 'continuous'
  if (kind === 'binary') {
    const p1 = (control.successes ?? 0) / control.n
    if (!(p1 > 0 && p1 < 1)) return null
    const d = minimumDetectableEffect(p1, control.n, treatment.n, settings.alpha, settings.power)
    return relative ? d / p1 : d
  }
  const sd = control.sd ?? 0
  const mean = Math.abs(control.mean ?? 0)
  if (!(sd > 0) || (relative && !(mean > 0))) return null
  const z = normalQuantile(1 - settings.alpha / 2) + normalQuantile(settings.power)
  const d = z * sd * Math.sqrt(1 / control.n + 1 / treatment.n)
  return relative ? d / mean : d
}

/** The verdict on a primary comparison, with its one-sentence reason (English; the UI words its own). */
function decide(
  c: Comparison,
  p: number | null,
  srmFlag: boolean,
  control: ArmData,
  treatment: ArmData,
  kind: MetricData['kind'],
  settings: ExperimentSettings
): Pick<
  Comparison,
  | 'pDecision'
  | 'powerAchieved'
  | 'mdeAchieved'
  | 'shipRule'
  | 'decision'
  | 'reason'
  | 'reasonCode'
  | 'reasonParams'
  | 'significant'
  | 'unitsNeededPerArm'
> {
  const lift = settings.minLiftKind === 'relative' || kind === 'continuous' ? c.relLift : c.diff
  const rule = shipRule(p, lift, settings.alpha, settings.minLift)
  const significant = p !== null && p < settings.alpha
  let decision: Decision
  let unitsNeededPerArm: number | null = null
  if (srmFlag) decision = 'invalid_srm'
  else if (rule.ship) decision = 'ship'
  else if (significant && (c.diff ?? 0) < 0) decision = 'keep_control'
  else if (significant) decision = 'below_threshold'
  else {
    decision = 'inconclusive'
    unitsNeededPerArm = unitsNeeded(control, kind, settings)
  }
  const reasonParams: ReasonParams | null =
    decision === 'invalid_srm'
      ? null
      : {
          arm: c.arm,
          lift,
          liftKind: settings.minLiftKind === 'relative' || kind === 'continuous' ? 'relative' : 'absolute',
          p,
          alpha: settings.alpha,
          threshold: settings.minLift,
          unitsNeededPerArm,
          power: settings.power
        }
  return {
    pDecision: p,
    powerAchieved: powerAchieved(control, treatment, kind, settings),
    mdeAchieved: mdeAchieved(control, treatment, kind, settings),
    shipRule: rule,
    decision,
    significant,
    unitsNeededPerArm,
    reasonCode: decision,
    reasonParams,
    reason: experimentReason('en', decision, reasonParams)
  }
}

/**
 * An experiment's results: per metric, each treatment arm against the control with the test
 * the data call for; p-values adjusted across metrics × arms (Holm, Benjamini–Hochberg); the
 * primary metric decided by the ship rule with its p Holm-adjusted across treatment arms when
 * there are several; a sample-ratio mismatch overrides every decision.
 */
export function analyzeExperiment(data: ExperimentData, settings: ExperimentSettings): ExperimentResult {
  const split = intendedSplit(data)
  const fit = goodnessOfFit(data.unitsPerArm, split)
  const srm = fit
    ? { chi2: fit.chi2, p: fit.p, flag: fit.p < SRM_ALPHA }
    : { chi2: null, p: null, flag: false }

  const metrics: MetricResult[] = data.metrics.map((m) => {
    const control = m.arms.find((a) => a.name === data.control) ?? m.arms[0]!
    const treatments = m.arms.filter((a) => a !== control)
    const comparisons = treatments.map((t) => compare(control, t, m.kind))
    const omnibus =
      m.kind === 'binary' && m.arms.length > 2
        ? chiSquareTest(
            m.arms.map((a) => a.successes ?? 0),
            m.arms.map((a) => a.n)
          )
        : null
    return {
      name: m.name,
      kind: m.kind,
      primary: m.primary,
      control: control.name,
      arms: m.arms.map((a) => armResult(a, m.kind)),
      omnibus: omnibus ? { test: 'chi-square', chi2: omnibus.chi2, dof: omnibus.dof, p: omnibus.p } : null,
      comparisons
    }
  })

  // Adjusted across every comparison of the experiment (metrics × arms).
  const tested = metrics.flatMap((m) => m.comparisons).filter((c) => c.pValue !== null)
  if (tested.length > 0) {
    const adjusted = adjustPValues(tested.map((c) => c.pValue!))
    tested.forEach((c, i) => {
      c.pAdjusted = adjusted.holm[i]!
      c.pAdjustedBH = adjusted.benjaminiHochberg[i]!
      c.significant = c.pAdjusted < settings.alpha
    })
  }

  // The primary metric decides, with its p Holm-adjusted across treatment arms when there are several.
  for (const m of metrics.filter((x) => x.primary)) {
    const data_ = data.metrics.find((x) => x.name === m.name)!
    const controlData = data_.arms.find((a) => a.name === m.control)!
    const ps = m.comparisons.map((c) => c.pValue)
    const testedIdx = ps.flatMap((p, i) => (p === null ? [] : [i]))
    const adjustedAcrossArms = holm(testedIdx.map((i) => ps[i]!))
    m.comparisons.forEach((c, i) => {
      const k = testedIdx.indexOf(i)
      const p = k < 0 ? null : m.comparisons.length > 1 ? adjustedAcrossArms[k]! : c.pValue
      const treatmentData = data_.arms.find((x) => x.name === c.arm)!
      Object.assign(c, decide(c, p, srm.flag, controlData, treatmentData, m.kind, settings))
    })
  }

  return {
    id: data.id,
    key: data.key,
    name: data.name,
    control: data.control,
    arms: data.arms.map((a, i) => ({
      name: a.name,
      units: data.unitsPerArm[i] ?? 0,
      intendedShare: split[i]! / split.reduce((x, y) => x + y, 0)
    })),
    cleaning: data.cleaning,
    srm,
    metrics
  }
}
