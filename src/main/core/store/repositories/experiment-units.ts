import type { Db } from '../sqlite'
import type { Provenance } from './statements'
import { assertInTransaction, prepared } from './statements'

/** One row of a per-unit experiment export, in the canonical experiment-row roles. */
export interface ExperimentUnitRecord {
  unitId: string
  assignedArm: string
  /** The arm the unit actually received; null when it was never exposed. */
  exposedArm: string | null
  timestamp: number | null
  /** Metric name to value (0/1 for binary metrics). */
  values: Record<string, number>
}

/** A per-unit row with its experiment and provenance. */
export interface ExperimentUnitRow extends ExperimentUnitRecord, Provenance {
  experimentId: number
}

const INSERT_UNIT = `INSERT INTO experiment_units (experiment_id, unit_id, assigned_arm, exposed_arm, timestamp, batch_id, source_line)
  VALUES (@experimentId, @unitId, @assignedArm, @exposedArm, @timestamp, @batchId, @sourceLine)`
const INSERT_VALUE = 'INSERT INTO experiment_unit_values (unit_row_id, metric_id, value) VALUES (?, ?, ?)'

/**
 * Inserts per-unit rows and their metric values inside the caller's transaction. `metricIds`
 * maps metric names to `experiment_metrics` ids; a value for an unknown metric is an error.
 */
export function insertExperimentUnits(
  db: Db,
  metricIds: Readonly<Record<string, number>>,
  rows: readonly ExperimentUnitRow[]
): number {
  assertInTransaction(db, 'insertExperimentUnits')
  const unit = prepared(db, INSERT_UNIT)
  const value = prepared(db, INSERT_VALUE)
  for (const row of rows) {
    const { values, ...fields } = row
    const id = unit.run(fields).lastInsertRowid
    for (const [metric, v] of Object.entries(values)) {
      const metricId = metricIds[metric]
      if (metricId === undefined)
        throw new Error(`Unknown metric ${metric} for experiment ${row.experimentId}`)
      value.run(id, metricId, v)
    }
  }
  return rows.length
}

/** The per-unit rows of one import batch with their values, in source order. */
export function readExperimentUnitsByBatch(db: Db, batchId: number): ExperimentUnitRow[] {
  const units = prepared(
    db,
    `SELECT id, experiment_id, unit_id, assigned_arm, exposed_arm, timestamp, batch_id, source_line
     FROM experiment_units WHERE batch_id = ? ORDER BY source_line, id`
  ).all(batchId) as Array<{
    id: number
    experiment_id: number
    unit_id: string
    assigned_arm: string
    exposed_arm: string | null
    timestamp: number | null
    batch_id: number
    source_line: number
  }>
  const valuesOf = prepared(
    db,
    `SELECT m.name, v.value FROM experiment_unit_values v JOIN experiment_metrics m ON m.id = v.metric_id
     WHERE v.unit_row_id = ? ORDER BY m.name`
  )
  return units.map((u) => ({
    experimentId: u.experiment_id,
    unitId: u.unit_id,
    assignedArm: u.assigned_arm,
    exposedArm: u.exposed_arm,
    timestamp: u.timestamp,
    values: Object.fromEntries(
      (valuesOf.all(u.id) as Array<{ name: string; value: number }>).map((v) => [v.name, v.value])
    ),
    batchId: u.batch_id,
    sourceLine: u.source_line
  }))
}
