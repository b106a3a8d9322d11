import type { RecordKind } from '@shared/domain/field-roles'
import type { Db } from '../../store/sqlite'
import { rebuildPendingIndexes } from '../../store/pending-indexes'

/** Tables a kind writes to (besides record_sources and the batch tables). */
const TABLES: Readonly<Record<RecordKind, readonly string[]>> = {
  tickets: ['tickets'],
  survey_responses: ['survey_responses', 'survey_segments'],
  customers: ['customers'],
  experiment_units: ['experiment_units', 'experiment_unit_values'],
  experiment_arm_summaries: ['experiment_arm_summaries']
}

/** Bytes per row a file of this kind has at least, to estimate its rows from its size. */
const MIN_BYTES_PER_ROW = 40
/** Files smaller than this never switch to bulk mode. */
const BULK_MIN_BYTES = 16 * 1024 * 1024

/**
 * For a large import into a table that holds less than it will receive, drops the table's
 * secondary indexes (not the unique ones: upserts need them) and records them as pending, in
 * the import's transaction. Inserting a million rows into random positions of several B-trees
 * costs far more than sorting once; for a small import into a big table it is the other way
 * round, so this stays off there. {@link rebuildPendingIndexes} builds them again right after
 * the commit (and at the next open, should the process die in between); a rolled-back import
 * rolls the drop back with everything else.
 */
export function suspendSecondaryIndexes(db: Db, kind: RecordKind, fileBytes: number): boolean {
  if (fileBytes < BULK_MIN_BYTES) return false
  const table = TABLES[kind][0]!
  const existing = (db.prepare(`SELECT count(*) AS n FROM ${table}`).get() as { n: number }).n
  if (existing > fileBytes / MIN_BYTES_PER_ROW) return false
  const record = db.prepare('INSERT OR REPLACE INTO pending_indexes (name, sql) VALUES (?, ?)')
  for (const t of TABLES[kind]) {
    const indexes = db
      .prepare(
        `SELECT name, sql FROM sqlite_master WHERE type = 'index' AND tbl_name = ? AND sql IS NOT NULL
         AND sql NOT LIKE 'CREATE UNIQUE%'`
      )
      .all(t) as Array<{ name: string; sql: string }>
    for (const index of indexes) {
      record.run(index.name, index.sql)
      db.exec(`DROP INDEX ${index.name}`)
    }
  }
  return true
}

export { rebuildPendingIndexes }
