import type { Db } from '../sqlite'
import { assertInTransaction, prepared } from './statements'

/** An arm of an experiment definition. */
export interface ExperimentArmDefinition {
  name: string
  isControl: boolean
  /** The share of units the design meant to send to this arm (for the sample-ratio check). */
  intendedShare: number | null
}

/** A metric of an experiment definition. */
export interface ExperimentMetricDefinition {
  name: string
  kind: 'binary' | 'numeric'
  isPrimary: boolean
}

/** An experiment with its arms and metrics, as an importer or the demo defines it. */
export interface ExperimentDefinition {
  key: string
  name: string
  description: string | null
  primaryMetric: string | null
  controlArm: string | null
  startedAt: number | null
  endedAt: number | null
  createdAt: number
  arms: readonly ExperimentArmDefinition[]
  metrics: readonly ExperimentMetricDefinition[]
}

/** Row ids of a stored experiment, for writing its units, values and summaries. */
export interface ExperimentIds {
  experimentId: number
  armIds: Record<string, number>
  metricIds: Record<string, number>
}

/** Inserts an experiment with its arms and metrics inside the caller's transaction. */
export function insertExperiment(db: Db, definition: ExperimentDefinition): ExperimentIds {
  assertInTransaction(db, 'insertExperiment')
  const experimentId = Number(
    prepared(
      db,
      `INSERT INTO experiments (key, name, description, primary_metric, control_arm, started_at, ended_at, created_at)
       VALUES (@key, @name, @description, @primaryMetric, @controlArm, @startedAt, @endedAt, @createdAt)`
    ).run({
      key: definition.key,
      name: definition.name,
      description: definition.description,
      primaryMetric: definition.primaryMetric,
      controlArm: definition.controlArm,
      startedAt: definition.startedAt,
      endedAt: definition.endedAt,
      createdAt: definition.createdAt
    }).lastInsertRowid
  )
  const arm = prepared(
    db,
    'INSERT INTO experiment_arms (experiment_id, name, is_control, intended_share) VALUES (?, ?, ?, ?)'
  )
  const metric = prepared(
    db,
    'INSERT INTO experiment_metrics (experiment_id, name, kind, is_primary) VALUES (?, ?, ?, ?)'
  )
  const armIds: Record<string, number> = {}
  for (const a of definition.arms) {
    armIds[a.name] = Number(
      arm.run(experimentId, a.name, a.isControl ? 1 : 0, a.intendedShare).lastInsertRowid
    )
  }
  const metricIds: Record<string, number> = {}
  for (const m of definition.metrics) {
    metricIds[m.name] = Number(metric.run(experimentId, m.name, m.kind, m.isPrimary ? 1 : 0).lastInsertRowid)
  }
  return { experimentId, armIds, metricIds }
}

/** The stored ids of an experiment by key, or undefined. */
export function findExperimentIds(db: Db, key: string): ExperimentIds | undefined {
  const row = prepared(db, 'SELECT id FROM experiments WHERE key = ?').get(key) as { id: number } | undefined
  if (!row) return undefined
  const arms = prepared(db, 'SELECT id, name FROM experiment_arms WHERE experiment_id = ?').all(
    row.id
  ) as Array<{
    id: number
    name: string
  }>
  const metrics = prepared(db, 'SELECT id, name FROM experiment_metrics WHERE experiment_id = ?').all(
    row.id
  ) as Array<{ id: number; name: string }>
  return {
    experimentId: row.id,
    armIds: Object.fromEntries(arms.map((a) => [a.name, a.id])),
    metricIds: Object.fromEntries(metrics.map((m) => [m.name, m.id]))
  }
}
