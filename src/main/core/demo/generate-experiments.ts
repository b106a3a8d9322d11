import type { ArmSummaryRecord } from '../store/repositories/experiment-arm-summaries'
import type { ExperimentUnitRecord } from '../store/repositories/experiment-units'
import { DAY_MS, dayStart } from './calendar'
import type { ExperimentTruth, GeneratedExperiment } from './demo-data'
import type { DemoExperiment, DemoManifest } from './manifest'
import type { Rng } from './rng'

/** The demo's experiments: definitions, per-unit rows or per-arm summaries, and their truth. */
export function generateExperiments(
  manifest: DemoManifest,
  rng: Rng
): { experiments: GeneratedExperiment[]; truth: ExperimentTruth[] } {
  const createdAt = Date.parse(manifest.today)
  const experiments: GeneratedExperiment[] = []
  const truth: ExperimentTruth[] = []
  for (const spec of manifest.experiments) {
    const stream = rng.fork(spec.key)
    const control = spec.arms.find((a) => a.control)?.name ?? spec.arms[0]?.name ?? 'control'
    const primary = spec.metrics.find((m) => m.primary)?.name ?? spec.metrics[0]?.name ?? ''
    const start = dayStart(spec.start)
    const end = dayStart(spec.end) + DAY_MS
    const generated: GeneratedExperiment = {
      definition: {
        key: spec.key,
        name: spec.name,
        description: spec.description,
        primaryMetric: primary,
        controlArm: control,
        startedAt: start,
        endedAt: end,
        createdAt,
        arms: spec.arms.map((a) => ({ name: a.name, isControl: a.control, intendedShare: a.intendedShare })),
        metrics: spec.metrics.map((m) => ({ name: m.name, kind: m.kind, isPrimary: m.primary === true }))
      },
      units: spec.storage === 'units' ? unitRows(spec, stream, start, end) : [],
      summaries: spec.storage === 'summaries' ? summaryRows(spec, stream) : []
    }
    experiments.push(generated)
    const unitsPerArm = (arm: string): number =>
      spec.storage === 'units'
        ? generated.units.filter((u) => u.assignedArm === arm).length
        : (generated.summaries.find((s) => s.arm === arm)?.units ?? 0)
    truth.push({
      key: spec.key,
      intent: spec.intent,
      storage: spec.storage,
      primaryMetric: primary,
      controlArm: control,
      intendedDecision: spec.intendedDecision,
      arms: spec.arms.map((a) => ({
        name: a.name,
        intendedShare: a.intendedShare,
        assignmentShare: a.assignmentShare ?? a.intendedShare,
        units: unitsPerArm(a.name)
      }))
    })
  }
  return { experiments, truth }
}

/**
 * A user-level export: one row per unit with its assigned arm, the arm it was exposed to (null
 * when the push or e-mail never reached it) and its metrics. A metric `given` another is only
 * ever 1 (or non-zero) when that one is 1: conversions follow clicks, revenue follows conversions.
 */
function unitRows(spec: DemoExperiment, rng: Rng, start: number, end: number): ExperimentUnitRecord[] {
  const shares = spec.arms.map((a) => a.assignmentShare ?? a.intendedShare)
  const seen = new Set<string>()
  const rows: ExperimentUnitRecord[] = []
  for (let i = 0; i < spec.units; i++) {
    const arm = spec.arms[rng.weightedIndex(shares)]
    if (!arm) continue
    let unitId: string
    do unitId = `${spec.unitIdPrefix ?? 'U'}${rng.chars('0123456789abcdef', 8)}`
    while (seen.has(unitId))
    seen.add(unitId)
    const exposed = rng.chance(spec.exposureShare ?? 1)
    const values: Record<string, number> = {}
    for (const metric of spec.metrics) {
      const params = arm.metrics[metric.name]
      const allowed = exposed && (metric.given === undefined || values[metric.given] === 1)
      if (!params || !allowed) {
        values[metric.name] = 0
      } else if (metric.kind === 'binary') {
        values[metric.name] = rng.chance(params.rate ?? 0) ? 1 : 0
      } else {
        const raw =
          params.median !== undefined && params.sigma !== undefined
            ? rng.logNormal(params.median, params.sigma)
            : Math.max(0, rng.normal(params.mean ?? 0, params.sd ?? 0))
        values[metric.name] = Math.round(raw * 100) / 100
      }
    }
    rows.push({
      unitId,
      assignedArm: arm.name,
      exposedArm: exposed ? arm.name : null,
      timestamp: Math.floor(rng.uniform(start, end)),
      values
    })
  }
  // An event export is in time order.
  return rows
    .map((row, index) => ({ row, index }))
    .sort((a, b) => (a.row.timestamp ?? 0) - (b.row.timestamp ?? 0) || a.index - b.index)
    .map((r) => r.row)
}

/**
 * A per-arm summary table: units per arm drawn multinomially from the assignment shares,
 * successes binomially from each arm's rate, and for numeric metrics the sample mean and sd of
 * the units the metric applies to.
 */
function summaryRows(spec: DemoExperiment, rng: Rng): ArmSummaryRecord[] {
  const rows: ArmSummaryRecord[] = []
  let remaining = spec.units
  let remainingShare = 1
  const armUnits = spec.arms.map((arm, index) => {
    const share = arm.assignmentShare ?? arm.intendedShare
    const n =
      index === spec.arms.length - 1
        ? remaining
        : rng.binomial(remaining, Math.min(1, share / remainingShare))
    remaining -= n
    remainingShare -= share
    return n
  })
  spec.arms.forEach((arm, index) => {
    const units = armUnits[index] ?? 0
    const successes: Record<string, number> = {}
    for (const metric of spec.metrics) {
      const params = arm.metrics[metric.name]
      const base = metric.given === undefined ? units : (successes[metric.given] ?? 0)
      if (metric.kind === 'binary') {
        const k = rng.binomial(base, params?.rate ?? 0)
        successes[metric.name] = k
        rows.push({
          arm: arm.name,
          metric: metric.name,
          units,
          successes: k,
          mean: null,
          sd: null,
          n: null,
          intendedShare: arm.intendedShare
        })
      } else {
        const sd = params?.sd ?? 0
        const mean = rng.normal(params?.mean ?? 0, base > 0 ? sd / Math.sqrt(base) : 0)
        rows.push({
          arm: arm.name,
          metric: metric.name,
          units,
          successes: null,
          mean: Math.round(mean * 100) / 100,
          sd: Math.round(sd * (1 + rng.normal(0, 0.02)) * 100) / 100,
          n: base,
          intendedShare: arm.intendedShare
        })
      }
    }
  })
  return rows
}
