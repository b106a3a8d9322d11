import type { Db } from '../sqlite'
import type { Provenance } from './statements'
import { assertInTransaction, prepared } from './statements'

/**
 * One row of a per-arm summary table, in the canonical summary roles: counts for a binary
 * metric (`units`, `successes`) or `mean`/`sd`/`n` for a numeric one.
 */
export interface ArmSummaryRecord {
  arm: string
  metric: string
  units: number
  successes: number | null
  mean: number | null
  sd: number | null
  n: number | null
  intendedShare: number | null
}

/** A summary row with its experiment and provenance. */
export interface ArmSummaryRow extends ArmSummaryRecord, Provenance {
  experimentId: number
}

const INSERT = `INSERT INTO experiment_arm_summaries (experiment_id, arm, metric, units, successes, mean, sd, n,
  intended_share, batch_id, source_line)
  VALUES (@experimentId, @arm, @metric, @units, @successes, @mean, @sd, @n, @intendedShare, @batchId, @sourceLine)`

/** Inserts per-arm summary rows inside the caller's transaction; returns how many were written. */
export function insertArmSummaries(db: Db, rows: readonly ArmSummaryRow[]): number {
  assertInTransaction(db, 'insertArmSummaries')
  const statement = prepared(db, INSERT)
  for (const row of rows) statement.run(row)
  return rows.length
}

/** The summary rows of one experiment, by arm and metric. */
export function readArmSummaries(db: Db, experimentId: number): ArmSummaryRow[] {
  const rows = prepared(
    db,
    'SELECT * FROM experiment_arm_summaries WHERE experiment_id = ? ORDER BY source_line, id'
  ).all(experimentId) as Array<{
    experiment_id: number
    arm: string
    metric: string
    units: number
    successes: number | null
    mean: number | null
    sd: number | null
    n: number | null
    intended_share: number | null
    batch_id: number
    source_line: number
  }>
  return rows.map((r) => ({
    experimentId: r.experiment_id,
    arm: r.arm,
    metric: r.metric,
    units: r.units,
    successes: r.successes,
    mean: r.mean,
    sd: r.sd,
    n: r.n,
    intendedShare: r.intended_share,
    batchId: r.batch_id,
    sourceLine: r.source_line
  }))
}
