import type { Db } from '../../../store/sqlite'
import { prepared } from '../../../store/repositories/statements'
import { UnitRowKeyer } from '../../../store/repositories/experiment-units'
import type { ArmSummaryImportRecord, ExperimentUnitImportRecord } from '../records'
import type { ExperimentRegistry } from './experiment-registry'
import { KeyedWriter } from './keyed-writer'
import { ARM_SUMMARY_VALUE_COLUMNS } from './record-specs'
import type { RecordWriter, WriteOutcome } from './write-outcome'

/**
 * Per-unit experiment rows are stored as they come, keyed by content and occurrence: a re-import
 * finds every row unchanged; a unit seen twice, or exposed to another arm than assigned, is kept
 * for the experiments engine to report — nothing is dropped at import.
 */
export class ExperimentUnitWriter implements RecordWriter<ExperimentUnitImportRecord> {
  private readonly keyer = new UnitRowKeyer()

  constructor(
    private readonly db: Db,
    private readonly experiments: ExperimentRegistry,
    private readonly batchId: number
  ) {}

  write(record: ExperimentUnitImportRecord, line: number): WriteOutcome {
    const db = this.db
    const experiment = this.experiments.resolve(record.experiment)
    experiment.arm(record.assignedArm)
    if (record.exposedArm !== null) experiment.arm(record.exposedArm)
    // Register every mapped metric (even one empty on this row) so the experiment knows its metrics.
    for (const [metric, kind] of Object.entries(record.metricKinds)) experiment.metricId(metric, kind)
    const rowKey = this.keyer.next(experiment.id, { ...record, values: record.values })
    const result = prepared(
      db,
      `INSERT INTO experiment_units (experiment_id, unit_id, assigned_arm, exposed_arm, timestamp, row_key, batch_id, source_line)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT(experiment_id, row_key) DO NOTHING`
    ).run(
      experiment.id,
      record.unitId,
      record.assignedArm,
      record.exposedArm,
      record.timestamp,
      rowKey,
      this.batchId,
      line
    )
    if (result.changes === 1) {
      const id = Number(result.lastInsertRowid)
      const value = prepared(
        db,
        'INSERT INTO experiment_unit_values (unit_row_id, metric_id, value) VALUES (?, ?, ?)'
      )
      for (const [metric, v] of Object.entries(record.values)) {
        value.run(id, experiment.metricId(metric, record.metricKinds[metric] ?? 'numeric'), v)
      }
      return { action: 'inserted', id }
    }
    const existing = prepared(
      db,
      'SELECT id FROM experiment_units WHERE experiment_id = ? AND row_key = ?'
    ).get(experiment.id, rowKey) as { id: number }
    prepared(
      db,
      `INSERT INTO record_sources (record_kind, record_id, batch_id, source_line, action, replaced_json)
       VALUES ('experiment_units', ?, ?, ?, 'unchanged', NULL)`
    ).run(existing.id, this.batchId, line)
    return { action: 'unchanged', id: existing.id }
  }
}

/** Per-arm summary rows, keyed by (experiment, arm, metric). */
export function armSummaryWriter(
  db: Db,
  experiments: ExperimentRegistry,
  batchId: number
): RecordWriter<ArmSummaryImportRecord> {
  const keyed = new KeyedWriter<ArmSummaryImportRecord & { experimentId: number }>(
    db,
    {
      kind: 'experiment_arm_summaries',
      table: 'experiment_arm_summaries',
      keyColumns: ['experiment_id', 'arm', 'metric'],
      valueColumns: ARM_SUMMARY_VALUE_COLUMNS,
      toRow: (r) => ({
        key: [r.experimentId, r.arm, r.metric],
        values: [r.units, r.successes, r.mean, r.sd, r.n, r.intendedShare]
      })
    },
    batchId
  )
  return {
    write: (record, line) => {
      const experiment = experiments.resolve(record.experiment)
      experiment.arm(record.arm, record.intendedShare)
      experiment.metricId(record.metric, record.successes !== null ? 'binary' : 'numeric')
      return keyed.write({ ...record, experimentId: experiment.id }, line)
    }
  }
}
