import { createHash } from 'node:crypto'
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

/** A per-unit row with its experiment, content key and provenance. */
export interface ExperimentUnitRow extends ExperimentUnitRecord, Provenance {
  experimentId: number
  /** Content hash plus occurrence within its file (see {@link UnitRowKeyer}). */
  rowKey: string
}

/**
 * Keys per-unit rows by their content and how often that content has occurred so far in the
 * file: a re-import of the same export gives the same keys (and adds nothing), while a unit
 * that really appears twice keeps both rows (`…#1`, `…#2`) for the experiments engine to judge.
 * One keyer per file.
 */
export class UnitRowKeyer {
  private readonly seen = new Map<string, number>()

  /** The key of the next row with this content. */
  next(experimentId: number, record: ExperimentUnitRecord): string {
    const values = Object.keys(record.values)
      .sort()
      .map((k) => [k, record.values[k]])
    const content = JSON.stringify([
      experimentId,
      record.unitId,
      record.assignedArm,
      record.exposedArm,
      record.timestamp,
      values
    ])
    const hash = createHash('sha1').update(content).digest('base64url')
    const occurrence = (this.seen.get(hash) ?? 0) + 1
    this.seen.set(hash, occurrence)
    return `${hash}#${occurrence}`
  }
}

const INSERT_UNIT = `INSERT INTO experiment_units (experiment_id, unit_id, assigned_arm, exposed_arm, timestamp, row_key, batch_id, source_line)
  VALUES (@experimentId, @unitId, @assignedArm, @exposedArm, @timestamp, @rowKey, @batchId, @sourceLine)`
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
    `SELECT id, experiment_id, unit_id, assigned_arm, exposed_arm, timestamp, row_key, batch_id, source_line
     FROM experiment_units WHERE batch_id = ? ORDER BY source_line, id`
  ).all(batchId) as Array<{
    id: number
    experiment_id: number
    unit_id: string
    assigned_arm: string
    exposed_arm: string | null
    timestamp: number | null
    row_key: string
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
    rowKey: u.row_key,
    values: Object.fromEntries(
      (valuesOf.all(u.id) as Array<{ name: string; value: number }>).map((v) => [v.name, v.value])
    ),
    batchId: u.batch_id,
    sourceLine: u.source_line
  }))
}
