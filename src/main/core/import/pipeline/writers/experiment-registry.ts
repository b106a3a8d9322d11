import { CONTROL_ARM_NAMES } from '@shared/domain/experiments'
import type { Db } from '../../../store/sqlite'
import { prepared } from '../../../store/repositories/statements'

/** Arm names that mean "the control group" in exports (English and Chinese). */
const CONTROL_NAMES = CONTROL_ARM_NAMES

export interface ExperimentHandle {
  id: number
  metricId(name: string, kind: 'binary' | 'numeric'): number
  arm(name: string, intendedShare?: number | null): void
}

/**
 * Experiments, arms and metrics met during one import: found by name or created (remembering
 * the batch that created the experiment, for undo). The control arm is guessed from the usual
 * names; the experiments engine lets the user change it.
 */
export class ExperimentRegistry {
  private readonly handles = new Map<string, ExperimentHandle>()
  /** Experiments this import touched, to update their date range at the end. */
  readonly touched = new Set<number>()

  constructor(
    private readonly db: Db,
    private readonly batchId: number,
    private readonly now: number
  ) {}

  /** The experiment with this name, created if new. */
  resolve(name: string): ExperimentHandle {
    const cached = this.handles.get(name)
    if (cached) return cached
    const db = this.db
    const found = prepared(db, 'SELECT id FROM experiments WHERE key = ?').get(name) as
      { id: number } | undefined
    const id =
      found?.id ??
      Number(
        prepared(db, 'INSERT INTO experiments (key, name, created_at, batch_id) VALUES (?, ?, ?, ?)').run(
          name,
          name,
          this.now,
          this.batchId
        ).lastInsertRowid
      )
    const metrics = new Map<string, number>()
    const arms = new Set<string>()
    const handle: ExperimentHandle = {
      id,
      metricId: (metric, kind) => {
        const known = metrics.get(metric)
        if (known !== undefined) return known
        prepared(
          db,
          `INSERT INTO experiment_metrics (experiment_id, name, kind, is_primary)
           VALUES (?, ?, ?, NOT EXISTS (SELECT 1 FROM experiment_metrics WHERE experiment_id = ? AND is_primary = 1) AND ? = 'binary')
           ON CONFLICT(experiment_id, name) DO NOTHING`
        ).run(id, metric, kind, id, kind)
        const row = prepared(
          db,
          'SELECT id FROM experiment_metrics WHERE experiment_id = ? AND name = ?'
        ).get(id, metric) as { id: number }
        prepared(
          db,
          `UPDATE experiments SET primary_metric = (SELECT name FROM experiment_metrics WHERE experiment_id = ? AND is_primary = 1)
           WHERE id = ? AND primary_metric IS NULL`
        ).run(id, id)
        metrics.set(metric, row.id)
        return row.id
      },
      arm: (arm, intendedShare) => {
        if (arms.has(arm) && (intendedShare === undefined || intendedShare === null)) return
        arms.add(arm)
        const control = CONTROL_NAMES.test(arm.trim()) ? 1 : 0
        prepared(
          db,
          `INSERT INTO experiment_arms (experiment_id, name, is_control, intended_share) VALUES (?, ?, ?, ?)
           ON CONFLICT(experiment_id, name) DO UPDATE SET intended_share = coalesce(excluded.intended_share, intended_share)`
        ).run(id, arm, control, intendedShare ?? null)
        if (control) {
          prepared(db, 'UPDATE experiments SET control_arm = ? WHERE id = ? AND control_arm IS NULL').run(
            arm,
            id
          )
        }
      }
    }
    this.handles.set(name, handle)
    this.touched.add(id)
    return handle
  }

  /** Sets each touched experiment's date range from its per-unit rows. */
  finish(): void {
    const update = prepared(
      this.db,
      `UPDATE experiments SET
         started_at = (SELECT min(timestamp) FROM experiment_units WHERE experiment_id = ?),
         ended_at = (SELECT max(timestamp) FROM experiment_units WHERE experiment_id = ?)
       WHERE id = ?`
    )
    for (const id of this.touched) update.run(id, id, id)
  }
}
