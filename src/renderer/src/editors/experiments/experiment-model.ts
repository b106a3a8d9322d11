import type {
  Comparison,
  Decision,
  ExperimentResult,
  MetricResult,
  PowerRequest
} from '@shared/domain/experiments'
import { PowerRequestSchema } from '@shared/domain/experiments'
import { parseNumber } from '../settings/settings-form'

/** The primary metric of an experiment (the first one marked primary, else the first). */
export function primaryMetric(experiment: ExperimentResult): MetricResult | null {
  return experiment.metrics.find((m) => m.primary) ?? experiment.metrics[0] ?? null
}

/** How strongly a decision speaks for a treatment; the headline takes the strongest arm. */
const DECISION_RANK: Readonly<Record<Decision, number>> = {
  invalid_srm: 5,
  ship: 4,
  below_threshold: 3,
  inconclusive: 2,
  keep_control: 1
}

/** An experiment's headline: its primary metric and the arm whose decision leads. */
export interface Verdict {
  metric: MetricResult | null
  comparison: Comparison | null
  /** Null when the primary metric has no decided comparison (no test could be made). */
  decision: Decision | null
}

/**
 * The headline of an experiment for the list: an SRM invalidates every arm; otherwise the arm
 * with the strongest decision (ship, then below threshold, inconclusive, keep control), the larger
 * lift breaking ties.
 */
export function experimentVerdict(experiment: ExperimentResult): Verdict {
  const metric = primaryMetric(experiment)
  if (!metric) return { metric: null, comparison: null, decision: null }
  let best: Comparison | null = null
  for (const c of metric.comparisons) {
    if (!best) {
      best = c
      continue
    }
    const rank = c.decision ? DECISION_RANK[c.decision] : 0
    const bestRank = best.decision ? DECISION_RANK[best.decision] : 0
    if (rank > bestRank || (rank === bestRank && (c.relLift ?? -Infinity) > (best.relLift ?? -Infinity))) {
      best = c
    }
  }
  return { metric, comparison: best, decision: best?.decision ?? null }
}

/** One row of the forest plot: a metric × arm comparison's relative lift and its interval. */
export interface ForestRow {
  metric: string
  arm: string
  primary: boolean
  /** On the chart's scale: percent (0.115 → 11.5). */
  lift: number | null
  low: number | null
  high: number | null
  significant: boolean
}

/** The forest plot's rows, metrics in order, arms in order within each metric. */
export function forestRows(experiment: ExperimentResult): ForestRow[] {
  return experiment.metrics.flatMap((metric) =>
    metric.comparisons.map((c) => ({
      metric: metric.name,
      arm: c.arm,
      primary: metric.primary,
      lift: c.relLift === null ? null : c.relLift * 100,
      low: c.relLiftCi95 ? c.relLiftCi95[0] * 100 : null,
      high: c.relLiftCi95 ? c.relLiftCi95[1] * 100 : null,
      significant: c.significant
    }))
  )
}

/**
 * A symmetric-enough range for the lift axis (percent) that holds every interval, zero and the
 * threshold, rounded out to a step that gives about five labels.
 */
export function forestAxis(
  rows: readonly ForestRow[],
  threshold: number | null
): { min: number; max: number; interval: number } {
  const values = [0, ...(threshold === null ? [] : [threshold])]
  for (const r of rows) for (const v of [r.lift, r.low, r.high]) if (v !== null) values.push(v)
  const lo = Math.min(...values)
  const hi = Math.max(...values)
  const span = Math.max(hi - lo, 1)
  const steps = [0.5, 1, 2, 2.5, 5, 10, 20, 25, 50, 100, 200, 250, 500, 1000]
  const interval = steps.find((s) => (span * 1.1) / s <= 6) ?? 1000
  // A little room on both sides, so that no whisker ends on the plot's edge.
  const pad = span * 0.04
  return {
    min: Math.floor((lo - pad) / interval) * interval,
    max: Math.ceil((hi + pad) / interval) * interval,
    interval
  }
}

/** Units still needed per arm for an inconclusive comparison: what the planned power needs minus what the arm has. */
export function unitsStillNeeded(
  needed: number | null,
  have: number
): { more: number; share: number } | null {
  if (needed === null || !Number.isFinite(needed) || needed <= 0) return null
  return { more: Math.max(0, needed - have), share: Math.min(1, have / needed) }
}

/** The sample-size calculator's inputs, as typed. */
export interface SampleSizeForm {
  /** Percent (4 for 4%). */
  baseline: string
  /** Relative percent (5 for +5%) or percentage points (0.5 for +0.5 pp). */
  mde: string
  mdeKind: 'relative' | 'absolute'
  /** A fraction (0.05). */
  alpha: string
  /** Percent (80). */
  power: string
  /** Units per day, all arms; empty for none. */
  daily: string
}

export type SampleSizeField = 'baseline' | 'mde' | 'alpha' | 'power' | 'daily'
export type SampleSizeError = 'baseline' | 'mde' | 'mdeRange' | 'alpha' | 'power' | 'daily'

/** Rounds away binary noise (0.8 × 100 = 80.00000000000001). */
const clean = (value: number): string => String(Number(value.toPrecision(12)))

/** The form's starting values from the workspace's settings (α and power), or the usual ones. */
export function sampleSizeDefaults(
  settings: { significanceLevel: number; experimentPower: number } | null
): SampleSizeForm {
  return {
    baseline: '4',
    mde: '5',
    mdeKind: 'relative',
    alpha: clean(settings?.significanceLevel ?? 0.05),
    power: clean((settings?.experimentPower ?? 0.8) * 100),
    daily: ''
  }
}

/**
 * Reads the calculator's form into a request for `experiments.power`, or the first problem of
 * each field. Percentages typed are divided by 100 here; the request is then checked with the
 * backend's own schema, so the form refuses exactly what the backend would.
 */
export function sampleSizeRequest(
  form: SampleSizeForm
):
  | { ok: true; request: PowerRequest }
  | { ok: false; errors: Partial<Record<SampleSizeField, SampleSizeError>> } {
  const errors: Partial<Record<SampleSizeField, SampleSizeError>> = {}
  const baseline = parseNumber(form.baseline)
  if (baseline === null || baseline <= 0 || baseline >= 100) errors.baseline = 'baseline'
  const mde = parseNumber(form.mde)
  if (mde === null || mde === 0) errors.mde = 'mde'
  const alpha = parseNumber(form.alpha)
  if (alpha === null || alpha <= 0 || alpha >= 1) errors.alpha = 'alpha'
  const power = parseNumber(form.power)
  if (power === null || power <= 0 || power >= 100) errors.power = 'power'
  const dailyText = form.daily.trim().replace(/[,\s]/g, '')
  const daily = dailyText === '' ? null : parseNumber(dailyText)
  if (dailyText !== '' && (daily === null || daily <= 0)) errors.daily = 'daily'
  if (
    Object.keys(errors).length > 0 ||
    baseline === null ||
    mde === null ||
    alpha === null ||
    power === null
  ) {
    return { ok: false, errors }
  }
  const request: PowerRequest = {
    baseline: baseline / 100,
    mde: mde / 100,
    mdeKind: form.mdeKind,
    alpha,
    power: power / 100,
    ...(daily === null ? {} : { dailyUnits: daily })
  }
  const parsed = PowerRequestSchema.safeParse(request)
  if (!parsed.success) {
    for (const issue of parsed.error.issues) {
      const field = issue.path[0]
      if (field === 'mde') errors.mde = 'mdeRange'
      else if (field === 'baseline' || field === 'alpha' || field === 'power') errors[field] = field
      else if (field === 'dailyUnits') errors.daily = 'daily'
    }
    if (Object.keys(errors).length === 0) errors.mde = 'mdeRange'
    return { ok: false, errors }
  }
  return { ok: true, request }
}
