import { CONTROL_ARM_NAMES } from '@shared/domain/experiments'
import type { Db } from '../store/sqlite'
import type { ArmData, ExperimentData, MetricData } from './analyze'

interface ExperimentRow {
  id: number
  key: string
  name: string
  primary_metric: string | null
  control_arm: string | null
}

/** The control: the one the experiment names, else an arm named like a control, else the first. */
function pickControl(arms: readonly string[], named: string | null): string {
  if (named && arms.includes(named)) return named
  return arms.find((a) => CONTROL_ARM_NAMES.test(a.trim())) ?? arms[0]!
}

function intendedShares(db: Db, experimentId: number): Map<string, number | null> {
  const rows = db
    .prepare('SELECT name, intended_share AS share FROM experiment_arms WHERE experiment_id = ?')
    .all(experimentId) as Array<{ name: string; share: number | null }>
  return new Map(rows.map((r) => [r.name, r.share]))
}

/**
 * Per-unit rows, cleaned the way the reference file's ab_data.csv entry cleans them: first the
 * rows whose exposure contradicts their assignment are dropped, then every unit keeps its first
 * row (import order). An arm's exposure is its own name when units were exposed under it, else
 * the exposure most of its units had (ab_data: control saw old_page, treatment new_page).
 */
function loadUnits(db: Db, e: ExperimentRow): ExperimentData | null {
  const pairs = db
    .prepare(
      `SELECT assigned_arm AS arm, exposed_arm AS exposure, count(*) AS n, min(id) AS first
       FROM experiment_units WHERE experiment_id = ? GROUP BY assigned_arm, exposed_arm`
    )
    .all(e.id) as Array<{ arm: string; exposure: string | null; n: number; first: number }>
  if (pairs.length === 0) return null
  const rowsRead = pairs.reduce((s, p) => s + p.n, 0)
  const firstSeen = new Map<string, number>()
  for (const p of pairs) firstSeen.set(p.arm, Math.min(firstSeen.get(p.arm) ?? Infinity, p.first))
  const armNames = [...firstSeen.keys()].sort((a, b) => firstSeen.get(a)! - firstSeen.get(b)!)
  const expected: Record<string, string> = {}
  for (const arm of armNames) {
    const exposures = pairs.filter((p) => p.arm === arm && p.exposure !== null)
    if (exposures.length === 0) continue
    expected[arm] = exposures.some((p) => p.exposure === arm)
      ? arm
      : exposures.reduce((best, p) => (p.n > best.n ? p : best)).exposure!
  }
  const kept = `WITH expect AS (SELECT key AS arm, value AS exposure FROM json_each(@expect)),
    valid AS (
      SELECT u.id, u.assigned_arm,
             row_number() OVER (PARTITION BY u.unit_id ORDER BY u.batch_id, u.source_line, u.id) AS k
      FROM experiment_units u LEFT JOIN expect x ON x.arm = u.assigned_arm
      WHERE u.experiment_id = @id AND (u.exposed_arm IS NULL OR x.exposure IS NULL OR u.exposed_arm = x.exposure)
    )`
  const params = { id: e.id, expect: JSON.stringify(expected) }
  const counts = db
    .prepare(`${kept} SELECT count(*) AS valid, sum(k = 1) AS kept FROM valid`)
    .get(params) as {
    valid: number
    kept: number | null
  }
  const perArm = new Map(
    (
      db
        .prepare(
          `${kept} SELECT assigned_arm AS arm, count(*) AS n FROM valid WHERE k = 1 GROUP BY assigned_arm`
        )
        .all(params) as Array<{ arm: string; n: number }>
    ).map((r) => [r.arm, r.n])
  )
  const values = db
    .prepare(
      `${kept}
       SELECT v.metric_id AS metric, valid.assigned_arm AS arm, count(*) AS n, total(v.value) AS s,
              total(v.value * v.value) AS ss
       FROM valid JOIN experiment_unit_values v ON v.unit_row_id = valid.id
       WHERE valid.k = 1 GROUP BY v.metric_id, valid.assigned_arm`
    )
    .all(params) as Array<{ metric: number; arm: string; n: number; s: number; ss: number }>
  const metricRows = db
    .prepare(
      'SELECT id, name, kind, is_primary AS primaryFlag FROM experiment_metrics WHERE experiment_id = ? ORDER BY id'
    )
    .all(e.id) as Array<{ id: number; name: string; kind: 'binary' | 'numeric'; primaryFlag: number }>
  const control = pickControl(armNames, e.control_arm)
  const arms = [control, ...armNames.filter((a) => a !== control)]
  const shares = intendedShares(db, e.id)
  const metrics: MetricData[] = metricRows.map((m) => ({
    name: m.name,
    kind: m.kind === 'binary' ? 'binary' : 'continuous',
    primary: e.primary_metric ? e.primary_metric === m.name : m.primaryFlag === 1,
    arms: arms.map((arm): ArmData => {
      const v = values.find((x) => x.metric === m.id && x.arm === arm)
      const n = v?.n ?? 0
      const mean = n > 0 ? v!.s / n : null
      const variance = n > 1 ? Math.max(0, (v!.ss - (v!.s * v!.s) / n) / (n - 1)) : null
      return {
        name: arm,
        n,
        successes: m.kind === 'binary' ? Math.round(v?.s ?? 0) : null,
        mean,
        sd: variance === null ? null : Math.sqrt(variance)
      }
    })
  }))
  const valid = counts.valid
  const keptUnits = counts.kept ?? 0
  return {
    id: e.id,
    key: e.key,
    name: e.name,
    control,
    arms: arms.map((name) => ({ name, intendedShare: shares.get(name) ?? null })),
    unitsPerArm: arms.map((a) => perArm.get(a) ?? 0),
    cleaning: {
      rowsRead,
      exposureMismatchDropped: rowsRead - valid,
      duplicateUnitsDropped: valid - keptUnits,
      unitsAnalysed: keptUnits
    },
    metrics: ensurePrimary(metrics)
  }
}

/** Per-arm summary tables: counts for binary metrics, mean/sd/n for numeric ones. */
function loadSummaries(db: Db, e: ExperimentRow): ExperimentData | null {
  const rows = db
    .prepare(
      `SELECT arm, metric, units, successes, mean, sd, n, intended_share AS share
       FROM experiment_arm_summaries WHERE experiment_id = ? ORDER BY id`
    )
    .all(e.id) as Array<{
    arm: string
    metric: string
    units: number
    successes: number | null
    mean: number | null
    sd: number | null
    n: number | null
    share: number | null
  }>
  if (rows.length === 0) return null
  const armNames = [...new Set(rows.map((r) => r.arm))]
  const control = pickControl(armNames, e.control_arm)
  const arms = [control, ...armNames.filter((a) => a !== control)]
  const metricNames = [...new Set(rows.map((r) => r.metric))]
  const shares = intendedShares(db, e.id)
  const unitsPerArm = arms.map((a) => Math.max(0, ...rows.filter((r) => r.arm === a).map((r) => r.units)))
  const metrics: MetricData[] = metricNames.map((name) => {
    const of = rows.filter((r) => r.metric === name)
    const binary = of.every((r) => r.successes !== null)
    return {
      name,
      kind: binary ? 'binary' : 'continuous',
      primary: e.primary_metric === name,
      arms: arms.map((arm): ArmData => {
        const r = of.find((x) => x.arm === arm)
        if (!r) return { name: arm, n: 0, successes: null, mean: null, sd: null }
        return binary
          ? { name: arm, n: r.units, successes: r.successes, mean: null, sd: null }
          : { name: arm, n: r.n ?? r.units, successes: null, mean: r.mean, sd: r.sd }
      })
    }
  })
  const total = unitsPerArm.reduce((a, b) => a + b, 0)
  return {
    id: e.id,
    key: e.key,
    name: e.name,
    control,
    arms: arms.map((name) => ({
      name,
      intendedShare: shares.get(name) ?? rows.find((r) => r.arm === name && r.share !== null)?.share ?? null
    })),
    unitsPerArm,
    cleaning: { rowsRead: total, exposureMismatchDropped: 0, duplicateUnitsDropped: 0, unitsAnalysed: total },
    metrics: ensurePrimary(metrics)
  }
}

/** Without a named primary metric, the first one is primary. */
function ensurePrimary(metrics: MetricData[]): MetricData[] {
  if (metrics.length > 0 && !metrics.some((m) => m.primary)) metrics[0]!.primary = true
  return metrics
}

/** Every experiment in the workspace with its data, cleaned, in the order they were created. */
export function loadExperiments(db: Db): ExperimentData[] {
  const experiments = db
    .prepare('SELECT id, key, name, primary_metric, control_arm FROM experiments ORDER BY id')
    .all() as ExperimentRow[]
  return experiments.flatMap((e) => loadUnits(db, e) ?? loadSummaries(db, e) ?? [])
}
