import type { RecordKind } from '@shared/domain/field-roles'
import { ApiError } from '@shared/api/errors'
import type { UndoResult } from '@shared/domain/import'
import type { Db } from '../../store/sqlite'
import { prepared } from '../../store/repositories/statements'
import type { Cell } from './writers/keyed-writer'
import { forgetTickets } from '../../search/forget-tickets'
import {
  ARM_SUMMARY_VALUE_COLUMNS,
  CUSTOMER_VALUE_COLUMNS,
  readSegments,
  SURVEY_RESPONSE_VALUE_COLUMNS,
  TICKET_VALUE_COLUMNS,
  writeSegments
} from './writers/record-specs'

interface KeyedTable {
  kind: RecordKind
  table: string
  valueColumns: readonly string[]
  /** Survey responses keep their segments in a child table, compared as one JSON cell. */
  segments?: boolean
}

const KEYED_TABLES: readonly KeyedTable[] = [
  { kind: 'tickets', table: 'tickets', valueColumns: TICKET_VALUE_COLUMNS },
  {
    kind: 'survey_responses',
    table: 'survey_responses',
    valueColumns: SURVEY_RESPONSE_VALUE_COLUMNS,
    segments: true
  },
  { kind: 'customers', table: 'customers', valueColumns: CUSTOMER_VALUE_COLUMNS },
  {
    kind: 'experiment_arm_summaries',
    table: 'experiment_arm_summaries',
    valueColumns: ARM_SUMMARY_VALUE_COLUMNS
  }
]

interface Link {
  batch: number
  line: number
  action: 'inserted' | 'updated' | 'unchanged'
  replaced: Record<string, Cell> | null
}

/**
 * Removes an import batch so that the workspace is exactly what the remaining batches imply:
 * rows only this batch supplied disappear; rows it changed take the values the remaining
 * batches gave them, in import order; rows it first inserted but a later batch also supplied
 * stay, now owned by the earliest remaining batch. One transaction.
 */
export function undoBatch(db: Db, batchId: number, now: number): UndoResult {
  const batch = prepared(db, 'SELECT status FROM import_batches WHERE id = ?').get(batchId) as
    { status: string } | undefined
  if (!batch) throw new ApiError('not_found', `There is no import batch ${batchId}.`, { batchId })
  if (batch.status !== 'committed') {
    throw new ApiError('invalid_input', `Import batch ${batchId} was already removed.`, { batchId })
  }
  return db.transaction(() => {
    let removed = 0
    let restored = 0
    for (const table of KEYED_TABLES) {
      const outcome = undoKeyed(db, table, batchId)
      removed += outcome.removed
      restored += outcome.restored
    }
    removed += undoUnits(db, batchId)
    removeOrphanExperiments(db, batchId)
    prepared(db, "UPDATE import_batches SET status = 'undone', undone_at = ? WHERE id = ?").run(now, batchId)
    return { batchId, removed, restored }
  })()
}

function undoKeyed(db: Db, t: KeyedTable, batchId: number): { removed: number; restored: number } {
  // Rows only this batch supplied: delete in bulk.
  const onlyHere = `FROM ${t.table} WHERE batch_id = ? AND NOT EXISTS (
      SELECT 1 FROM record_sources s WHERE s.record_kind = '${t.kind}' AND s.record_id = ${t.table}.id)`
  if (t.kind === 'tickets')
    forgetTickets(db, db.prepare(`SELECT id ${onlyHere}`).pluck().all(batchId) as number[])
  const removedDirectly = db.prepare(`DELETE ${onlyHere}`).run(batchId).changes

  // Rows with a history across batches: recompute each from the batches that remain.
  const touched = db
    .prepare(
      `SELECT id FROM ${t.table} WHERE batch_id = ?
       UNION SELECT record_id FROM record_sources WHERE record_kind = ? AND batch_id = ?`
    )
    .pluck()
    .all(batchId, t.kind, batchId) as number[]
  let removed = removedDirectly
  let restored = 0
  for (const id of touched) {
    const outcome = recompute(db, t, id, batchId)
    if (outcome === 'removed') removed++
    else if (outcome === 'restored') restored++
  }
  return { removed, restored }
}

function recompute(db: Db, t: KeyedTable, id: number, batchId: number): 'removed' | 'restored' | 'kept' {
  const columns = t.segments ? [...t.valueColumns, 'segments_json'] : [...t.valueColumns]
  const row = prepared(
    db,
    `SELECT batch_id, source_line, ${t.valueColumns.join(', ')} FROM ${t.table} WHERE id = ?`
  ).get(id) as Record<string, Cell> & { batch_id: number; source_line: number }
  const current: Record<string, Cell> = Object.fromEntries(t.valueColumns.map((c) => [c, row[c] ?? null]))
  if (t.segments) current.segments_json = readSegments(db, id)
  const entries = prepared(
    db,
    `SELECT batch_id, source_line, action, replaced_json FROM record_sources
     WHERE record_kind = ? AND record_id = ? ORDER BY batch_id`
  ).all(t.kind, id) as Array<{
    batch_id: number
    source_line: number
    action: 'updated' | 'unchanged'
    replaced_json: string | null
  }>
  const chain: Link[] = [
    { batch: row.batch_id, line: row.source_line, action: 'inserted', replaced: null },
    ...entries.map((e) => ({
      batch: e.batch_id,
      line: e.source_line,
      action: e.action,
      replaced: e.replaced_json ? (JSON.parse(e.replaced_json) as Record<string, Cell>) : null
    }))
  ]
  // The values each batch left behind, walking back from the current ones.
  const after: Array<Record<string, Cell>> = new Array(chain.length)
  after[chain.length - 1] = current
  for (let k = chain.length - 1; k >= 1; k--) {
    const link = chain[k]!
    after[k - 1] = link.action === 'updated' && link.replaced ? link.replaced : after[k]!
  }
  const keep = chain.map((_, i) => i).filter((i) => chain[i]!.batch !== batchId)
  prepared(db, 'DELETE FROM record_sources WHERE record_kind = ? AND record_id = ?').run(t.kind, id)
  if (keep.length === 0) {
    if (t.kind === 'tickets') forgetTickets(db, [id])
    prepared(db, `DELETE FROM ${t.table} WHERE id = ?`).run(id)
    return 'removed'
  }
  const first = chain[keep[0]!]!
  const values = after[keep[keep.length - 1]!]!
  prepared(
    db,
    `UPDATE ${t.table} SET ${t.valueColumns.map((c) => `${c} = ?`).join(', ')}, batch_id = ?, source_line = ? WHERE id = ?`
  ).run(...t.valueColumns.map((c) => values[c] ?? null), first.batch, first.line, id)
  if (t.segments) writeSegments(db, id, values.segments_json ?? null)
  const addSource = prepared(
    db,
    `INSERT INTO record_sources (record_kind, record_id, batch_id, source_line, action, replaced_json)
     VALUES (?, ?, ?, ?, ?, ?)`
  )
  for (let j = 1; j < keep.length; j++) {
    const previous = after[keep[j - 1]!]!
    const next = after[keep[j]!]!
    const link = chain[keep[j]!]!
    const same = columns.every((c) => (previous[c] ?? null) === (next[c] ?? null))
    addSource.run(
      t.kind,
      id,
      link.batch,
      link.line,
      same ? 'unchanged' : 'updated',
      same ? null : JSON.stringify(previous)
    )
  }
  const changed = columns.some((c) => (current[c] ?? null) !== (values[c] ?? null))
  if (
    changed &&
    t.kind === 'tickets' &&
    (current.text !== values.text || current.subject !== values.subject)
  ) {
    prepared(db, 'INSERT OR IGNORE INTO search_dirty (ticket_id) VALUES (?)').run(id)
  }
  return changed ? 'restored' : 'kept'
}

/** Per-unit experiment rows are never updated, only supplied again: ownership moves on. */
function undoUnits(db: Db, batchId: number): number {
  const removed = db
    .prepare(
      `DELETE FROM experiment_units WHERE batch_id = ? AND NOT EXISTS (
         SELECT 1 FROM record_sources s WHERE s.record_kind = 'experiment_units' AND s.record_id = experiment_units.id)`
    )
    .run(batchId).changes
  const inherited = db
    .prepare(
      `SELECT u.id, s.batch_id, s.source_line FROM experiment_units u
       JOIN record_sources s ON s.record_kind = 'experiment_units' AND s.record_id = u.id
       WHERE u.batch_id = ? AND s.batch_id = (
         SELECT min(batch_id) FROM record_sources WHERE record_kind = 'experiment_units' AND record_id = u.id)`
    )
    .all(batchId) as Array<{ id: number; batch_id: number; source_line: number }>
  const move = prepared(db, 'UPDATE experiment_units SET batch_id = ?, source_line = ? WHERE id = ?')
  const drop = prepared(
    db,
    "DELETE FROM record_sources WHERE record_kind = 'experiment_units' AND record_id = ? AND batch_id = ?"
  )
  for (const unit of inherited) {
    move.run(unit.batch_id, unit.source_line, unit.id)
    drop.run(unit.id, unit.batch_id)
  }
  db.prepare("DELETE FROM record_sources WHERE record_kind = 'experiment_units' AND batch_id = ?").run(
    batchId
  )
  return removed
}

/** Experiments this batch created and that no remaining batch supplies rows for. */
function removeOrphanExperiments(db: Db, batchId: number): void {
  db.prepare(
    `DELETE FROM experiments WHERE batch_id = ?
       AND NOT EXISTS (SELECT 1 FROM experiment_units u WHERE u.experiment_id = experiments.id)
       AND NOT EXISTS (SELECT 1 FROM experiment_arm_summaries s WHERE s.experiment_id = experiments.id)`
  ).run(batchId)
  db.prepare(
    `UPDATE experiments SET
       batch_id = (SELECT min(b) FROM (SELECT min(batch_id) AS b FROM experiment_units WHERE experiment_id = experiments.id
                                      UNION ALL SELECT min(batch_id) FROM experiment_arm_summaries WHERE experiment_id = experiments.id)),
       started_at = (SELECT min(timestamp) FROM experiment_units WHERE experiment_id = experiments.id),
       ended_at = (SELECT max(timestamp) FROM experiment_units WHERE experiment_id = experiments.id)
     WHERE batch_id = ?`
  ).run(batchId)
}
