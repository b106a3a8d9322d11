import type {
  ArmResult,
  Comparison,
  Decision,
  ExperimentResult,
  ExperimentSettings,
  MetricResult,
  PowerResult
} from '@shared/domain/experiments'
import { experimentReason } from '@shared/i18n/experiment-reason'
import { MISSING_VALUE } from '../../i18n/format'
import type { MetricsText } from '../metrics/metrics-format'
import { formatPValue } from '../metrics/metrics-format'
import { unitsStillNeeded } from './experiment-model'

/**
 * How the experiments view, editor and calculator write their numbers. Every cell goes through
 * these functions, and the end-to-end test formats the CLI's JSON with them to check the screen.
 * A value that does not apply is written as {@link MISSING_VALUE}; its `…Hint` function says why.
 */
export type ExperimentText = MetricsText

/** P(beat control) beyond these is written "> 99.9%" / "< 0.1%": a rounded 100% would claim certainty. */
const P_BEAT_EDGE = 0.001

const isNumber = (v: number | null | undefined): v is number => typeof v === 'number' && Number.isFinite(v)

/** A decision's name ("Ship", "上线"); null is a comparison that could not be tested. */
export function decisionLabel(f: ExperimentText, decision: Decision | null): string {
  return f.t(`experiments.decision.${decision ?? 'none'}`)
}

/** What a decision means, for a tooltip. */
export function decisionHint(f: ExperimentText, decision: Decision | null): string {
  return f.t(`experiments.decision.hint.${decision ?? 'none'}`)
}

/** The codicon of a decision: the chip never speaks by colour alone. */
export function decisionIcon(decision: Decision | null): string {
  switch (decision) {
    case 'ship':
      return 'pass-filled'
    case 'keep_control':
      return 'error'
    case 'below_threshold':
      return 'arrow-small-down'
    case 'inconclusive':
      return 'question'
    case 'invalid_srm':
      return 'warning'
    default:
      return 'circle-slash'
  }
}

/** The decision's sentence in the UI language (never the JSON's English `reason`); null when there is none. */
export function reasonText(f: ExperimentText, c: Comparison | null): string | null {
  if (!c?.reasonCode) return null
  return experimentReason(f.language, c.reasonCode, c.reasonParams)
}

/** A fraction as a signed percentage with one decimal (0.2005 → +20.1%). */
export function formatLift(f: ExperimentText, x: number | null | undefined): string {
  return isNumber(x) ? f.t('experiments.percent', { value: f.fmt.signed(x * 100, 1) }) : MISSING_VALUE
}

/** A rate as a percentage with two decimals (3.98%). */
export function formatRate(f: ExperimentText, x: number | null | undefined): string {
  return f.fmt.percent(x, 2, 2)
}

/** A difference of rates in percentage points with sign (+0.80 pp). */
export function formatPp(f: ExperimentText, x: number | null | undefined): string {
  return isNumber(x) ? f.t('experiments.pp.short', { value: f.fmt.signed(x * 100, 2) }) : MISSING_VALUE
}

/**
 * Decimals for a numeric metric's means and differences: four significant digits of the control's
 * mean (0.29555 → 4 decimals, 46.59 → 2), so that a column lines up.
 */
export function meanDecimals(metric: MetricResult): number {
  const control = metric.arms.find((a) => a.name === metric.control) ?? metric.arms[0]
  const scale = Math.abs(control?.mean ?? 0)
  if (!Number.isFinite(scale) || scale === 0) return 2
  return Math.max(0, Math.min(4, 3 - Math.floor(Math.log10(scale))))
}

/** A mean (or a difference of means, `signed`) at the metric's decimals. */
export function formatMeasure(
  f: ExperimentText,
  metric: MetricResult,
  x: number | null | undefined,
  signed = false
): string {
  const d = meanDecimals(metric)
  return signed ? f.fmt.signed(x, d) : f.fmt.number(x, d, d)
}

/** An arm's units (n). */
export function armUnitsText(f: ExperimentText, arm: ArmResult): string {
  return f.fmt.integer(arm.n)
}

/** An arm's successes (rate metrics). */
export function armSuccessesText(f: ExperimentText, arm: ArmResult): string {
  return f.fmt.integer(arm.successes)
}

/** An arm's rate (3.98%) or mean ± SD (0.2956 ± 4.682). */
export function armValueText(f: ExperimentText, metric: MetricResult, arm: ArmResult): string {
  if (metric.kind === 'binary') return formatRate(f, arm.rate)
  if (!isNumber(arm.mean)) return MISSING_VALUE
  if (!isNumber(arm.sd)) return formatMeasure(f, metric, arm.mean)
  return f.t('experiments.meanSd', {
    mean: formatMeasure(f, metric, arm.mean),
    sd: formatMeasure(f, metric, arm.sd)
  })
}

/** Why an arm has no value. */
export function armValueHint(f: ExperimentText, arm: ArmResult): string | undefined {
  return arm.n === 0 ? f.t('experiments.na.noUnits') : undefined
}

/** The relative lift of a comparison (+11.5%). */
export function liftText(f: ExperimentText, c: Comparison): string {
  return formatLift(f, c.relLift)
}

/** The 95% interval of the relative lift (+5.7% to +17.2%). */
export function liftCiText(f: ExperimentText, c: Comparison): string {
  if (!c.relLiftCi95) return MISSING_VALUE
  return f.t('experiments.interval', {
    low: formatLift(f, c.relLiftCi95[0]),
    high: formatLift(f, c.relLiftCi95[1])
  })
}

/** One difference: percentage points for a rate, the metric's units for a mean. */
function oneDiff(f: ExperimentText, metric: MetricResult, x: number): string {
  return metric.kind === 'binary' ? formatPp(f, x) : formatMeasure(f, metric, x, true)
}

/** The absolute difference of a comparison (+0.80 pp, +0.0757). */
export function diffText(f: ExperimentText, metric: MetricResult, c: Comparison): string {
  return isNumber(c.diff) ? oneDiff(f, metric, c.diff) : MISSING_VALUE
}

/** The 95% interval of the difference. */
export function diffCiText(f: ExperimentText, metric: MetricResult, c: Comparison): string {
  if (!c.diffCi95) return MISSING_VALUE
  return f.t('experiments.interval', {
    low: oneDiff(f, metric, c.diffCi95[0]),
    high: oneDiff(f, metric, c.diffCi95[1])
  })
}

/** The test behind the p-value (z-test, Fisher exact, Welch t); none when no test was made. */
export function testText(f: ExperimentText, c: Comparison): string {
  return c.pValue === null ? MISSING_VALUE : f.t(`experiments.test.${c.test}`)
}

/** A p-value for a column headed p ("0.416", "< 0.001"). */
export function pText(f: ExperimentText, p: number | null | undefined): string {
  return formatPValue(f, p, true)
}

/** P(treatment beats control) as a percentage; "> 99.9%" and "< 0.1%" at the edges. */
export function pBeatText(f: ExperimentText, c: Comparison): string {
  const p = c.pBeat
  if (!isNumber(p)) return MISSING_VALUE
  if (p > 1 - P_BEAT_EDGE)
    return f.t('experiments.pBeat.above', { value: f.fmt.percent(1 - P_BEAT_EDGE, 1, 1) })
  if (p < P_BEAT_EDGE) return f.t('experiments.pBeat.below', { value: f.fmt.percent(P_BEAT_EDGE, 1, 1) })
  return f.fmt.percent(p, 1, 1)
}

/** "Yes" / "No" for the significance mark. */
export function significantText(f: ExperimentText, c: Comparison): string {
  if (c.pValue === null) return MISSING_VALUE
  return f.t(c.significant ? 'experiments.yes' : 'experiments.no')
}

/** Why a comparison's cell shows no value; undefined when it has one. */
export function comparisonHint(
  f: ExperimentText,
  metric: MetricResult,
  c: Comparison,
  field: 'lift' | 'liftCi' | 'diff' | 'diffCi' | 'test' | 'p' | 'pBeat' | 'significant'
): string | undefined {
  const untested = c.pValue === null
  const noTest = (): string =>
    f.t('experiments.na.noTest', { reason: reasonText(f, c) ?? f.t('experiments.decision.hint.none') })
  switch (field) {
    case 'pBeat':
      if (metric.kind !== 'binary') return f.t('experiments.na.binaryOnly')
      return c.pBeat === null ? noTest() : undefined
    case 'lift':
      if (c.relLift !== null) return undefined
      return untested ? noTest() : f.t('experiments.na.noBaseline')
    case 'liftCi':
      if (c.relLiftCi95) return undefined
      return untested
        ? noTest()
        : c.relLift === null
          ? f.t('experiments.na.noBaseline')
          : f.t('experiments.na.noInterval')
    case 'diff':
      return c.diff === null ? noTest() : undefined
    case 'diffCi':
      return c.diffCi95 ? undefined : untested ? noTest() : f.t('experiments.na.noInterval')
    default:
      return untested ? noTest() : undefined
  }
}

/** The minimum practical lift as the decisions word it (5.0%, 0.50 pp). */
export function thresholdText(
  f: ExperimentText,
  settings: Pick<ExperimentSettings, 'minLift' | 'minLiftKind'>
): string {
  return settings.minLiftKind === 'relative'
    ? f.fmt.percent(settings.minLift, 1, 1)
    : f.t('experiments.pp.short', { value: f.fmt.number(settings.minLift * 100, 2, 2) })
}

/** The settings an analysis applied, in one line. */
export function settingsText(f: ExperimentText, settings: ExperimentSettings): string {
  return f.t('experiments.editor.settingsValue', {
    alpha: f.fmt.number(settings.alpha, 4),
    threshold: thresholdText(f, settings),
    power: f.fmt.percent(settings.power, 1)
  })
}

/** What the cleaning did: rows read and, when rows were dropped, why. */
export function cleaningText(f: ExperimentText, experiment: ExperimentResult): string {
  const c = experiment.cleaning
  if (c.exposureMismatchDropped === 0 && c.duplicateUnitsDropped === 0) {
    return f.t('experiments.cleaning.none', { rows: f.fmt.integer(c.rowsRead) })
  }
  return f.t('experiments.cleaning.dropped', {
    rows: f.fmt.integer(c.rowsRead),
    mismatch: f.fmt.integer(c.exposureMismatchDropped),
    duplicates: f.fmt.integer(c.duplicateUnitsDropped),
    units: f.fmt.integer(c.unitsAnalysed)
  })
}

/** The sample-ratio mismatch explained: the split found against the split intended, and the test. */
export function srmText(f: ExperimentText, experiment: ExperimentResult): string {
  const total = experiment.arms.reduce((sum, a) => sum + a.units, 0)
  const split = (share: (a: ExperimentResult['arms'][number]) => number): string =>
    f.fmt.list(
      experiment.arms.map((a) =>
        f.t('experiments.srm.split', { arm: a.name, share: f.fmt.percent(share(a), 1, 1) })
      )
    )
  return f.t('experiments.srm.body', {
    actual: split((a) => (total > 0 ? a.units / total : 0)),
    intended: split((a) => a.intendedShare),
    chi2: f.fmt.number(experiment.srm.chi2, 1, 1),
    p: formatPValue(f, experiment.srm.p)
  })
}

/** The omnibus chi-square of a metric with more than two arms, in one sentence; null without one. */
export function omnibusText(f: ExperimentText, metric: MetricResult): string | null {
  if (!metric.omnibus) return null
  return f.t('experiments.metric.omnibus', {
    arms: f.fmt.integer(metric.arms.length),
    chi2: f.fmt.number(metric.omnibus.chi2, 2, 2),
    dof: f.fmt.integer(metric.omnibus.dof),
    p: formatPValue(f, metric.omnibus.p)
  })
}

/**
 * The units an inconclusive comparison still needs per arm, from the backend's units for the
 * planned power; null when the comparison carries none.
 */
export function unitsNeededText(
  f: ExperimentText,
  metric: MetricResult,
  c: Comparison,
  settings: ExperimentSettings
): string | null {
  const arm = metric.arms.find((a) => a.name === c.arm)
  const control = metric.arms.find((a) => a.name === metric.control)
  if (!arm || c.unitsNeededPerArm === null) return null
  // The smaller of the two arms is the one that limits the test.
  const have = Math.min(arm.n, control?.n ?? arm.n)
  const still = unitsStillNeeded(c.unitsNeededPerArm, have)
  if (!still) return null
  const params = {
    needed: f.fmt.integer(c.unitsNeededPerArm),
    threshold: thresholdText(f, metricThreshold(metric, settings)),
    power: f.fmt.percent(settings.power, 1),
    arm: c.arm,
    have: f.fmt.integer(have),
    more: f.fmt.integer(still.more),
    share: f.fmt.percent(still.share, 1)
  }
  return f.t(still.more > 0 ? 'experiments.units.body' : 'experiments.units.enough', params)
}

/** The minimum practical lift as a metric is decided on: continuous metrics always on their relative lift. */
export function metricThreshold(
  metric: Pick<MetricResult, 'kind'>,
  settings: Pick<ExperimentSettings, 'minLift' | 'minLiftKind'>
): Pick<ExperimentSettings, 'minLift' | 'minLiftKind'> {
  return metric.kind === 'continuous' ? { minLift: settings.minLift, minLiftKind: 'relative' } : settings
}

/**
 * The power a primary comparison had to detect the minimum practical lift, and the smallest lift
 * it detects with the planned power, in one sentence; null when it carries neither.
 */
export function powerAchievedText(
  f: ExperimentText,
  metric: MetricResult,
  c: Comparison,
  settings: ExperimentSettings
): string | null {
  const threshold = metricThreshold(metric, settings)
  const mde =
    c.mdeAchieved === null
      ? null
      : thresholdText(f, { minLift: c.mdeAchieved, minLiftKind: threshold.minLiftKind })
  const achieved = c.powerAchieved === null ? null : f.fmt.percent(c.powerAchieved, 1)
  const params = {
    achieved: achieved ?? '',
    threshold: thresholdText(f, threshold),
    power: f.fmt.percent(settings.power, 1),
    mde: mde ?? ''
  }
  if (achieved !== null && mde !== null) return f.t('experiments.power.body', params)
  if (achieved !== null) return f.t('experiments.power.achievedOnly', params)
  if (mde !== null) return f.t('experiments.power.mdeOnly', params)
  return null
}

/** The lift shown in the list for an experiment's leading arm. */
export function headlineLiftText(f: ExperimentText, c: Comparison | null): string {
  return c ? formatLift(f, c.relLift) : MISSING_VALUE
}

/** A count of units for the calculator (154,302). */
export function unitsText(f: ExperimentText, n: number | null | undefined): string {
  return f.fmt.integer(n)
}

/** The calculator's days, or a dash without daily traffic. */
export function daysText(f: ExperimentText, result: PowerResult): string {
  return f.fmt.integer(result.days)
}

/** The calculator's question in one sentence: from the baseline to the treatment rate, at α and power. */
export function powerSummaryText(f: ExperimentText, result: PowerResult): string {
  const effect =
    result.mdeKind === 'relative'
      ? f.t('experiments.percent', { value: f.fmt.signed(result.mde * 100, 1) })
      : formatPp(f, result.mde)
  return f.t('sampleSize.result.summary', {
    baseline: formatRate(f, result.baseline),
    treatment: formatRate(f, result.treatmentRate),
    effect,
    alpha: f.fmt.number(result.alpha, 4),
    power: f.fmt.percent(result.power, 1)
  })
}
