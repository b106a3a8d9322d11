import type { RecordKind } from '@shared/domain/field-roles'
import type { Db } from '../sqlite'
import { fromJson, prepared, toJson } from './statements'

/** A new import batch: one source file (or generated set) of one record kind. */
export interface NewImportBatch {
  kind: RecordKind
  sourceName: string
  sourcePath?: string | null
  sourceSha256?: string | null
  sourceSize?: number | null
  /** csv, tsv, xlsx, json, ndjson, or 'generated' for the demo. */
  format: string
  encoding?: string | null
  /** The preset (vendor layout) the mapping started from. */
  layout?: string | null
  sheet?: string | null
  sourceSystem?: string | null
  mapping?: Record<string, unknown>
  options?: Record<string, unknown>
  startedAt: number
}

/** Row counts of a finished batch. */
export interface ImportBatchCounts {
  rowsRead: number
  rowsInserted: number
  rowsUpdated: number
  rowsUnchanged: number
  rowsRejected: number
}

/** An import batch as stored. */
export interface ImportBatch extends ImportBatchCounts {
  id: number
  kind: RecordKind
  sourceName: string
  sourcePath: string | null
  sourceSha256: string | null
  sourceSize: number | null
  format: string
  encoding: string | null
  layout: string | null
  sheet: string | null
  sourceSystem: string | null
  redactions: Record<string, number> | null
  mapping: Record<string, unknown>
  options: Record<string, unknown>
  status: 'committed' | 'undone'
  startedAt: number
  finishedAt: number | null
  undoneAt: number | null
}

interface BatchRecord {
  id: number
  kind: RecordKind
  source_name: string
  source_path: string | null
  source_sha256: string | null
  source_size: number | null
  format: string
  encoding: string | null
  layout: string | null
  sheet: string | null
  source_system: string | null
  redactions_json: string | null
  mapping_json: string
  options_json: string
  status: 'committed' | 'undone'
  rows_read: number
  rows_inserted: number
  rows_updated: number
  rows_unchanged: number
  rows_rejected: number
  started_at: number
  finished_at: number | null
  undone_at: number | null
}

/** Records a new import batch and returns its id; rows written later point at it. */
export function createImportBatch(db: Db, batch: NewImportBatch): number {
  const result = prepared(
    db,
    `INSERT INTO import_batches (kind, source_name, source_path, source_sha256, source_size, format, encoding,
       layout, sheet, source_system, mapping_json, options_json, started_at)
     VALUES (@kind, @sourceName, @sourcePath, @sourceSha256, @sourceSize, @format, @encoding, @layout, @sheet,
       @sourceSystem, @mapping, @options, @startedAt)`
  ).run({
    kind: batch.kind,
    sourceName: batch.sourceName,
    sourcePath: batch.sourcePath ?? null,
    sourceSha256: batch.sourceSha256 ?? null,
    sourceSize: batch.sourceSize ?? null,
    format: batch.format,
    encoding: batch.encoding ?? null,
    layout: batch.layout ?? null,
    sheet: batch.sheet ?? null,
    sourceSystem: batch.sourceSystem ?? null,
    mapping: toJson(batch.mapping ?? {}),
    options: toJson(batch.options ?? {}),
    startedAt: batch.startedAt
  })
  return Number(result.lastInsertRowid)
}

/** Stores a batch's final row counts, redaction counts and finish time. */
export function completeImportBatch(
  db: Db,
  id: number,
  counts: ImportBatchCounts,
  finishedAt: number,
  redactions: Record<string, number> | null = null
): void {
  prepared(
    db,
    `UPDATE import_batches SET rows_read = @rowsRead, rows_inserted = @rowsInserted, rows_updated = @rowsUpdated,
       rows_unchanged = @rowsUnchanged, rows_rejected = @rowsRejected, redactions_json = @redactions,
       finished_at = @finishedAt WHERE id = @id`
  ).run({ id, finishedAt, redactions: redactions ? toJson(redactions) : null, ...counts })
}

/** One import batch by id, or undefined. */
export function getImportBatch(db: Db, id: number): ImportBatch | undefined {
  const row = prepared(db, 'SELECT * FROM import_batches WHERE id = ?').get(id) as BatchRecord | undefined
  return row ? toBatch(row) : undefined
}

/** Every import batch, oldest first. */
export function listImportBatches(db: Db): ImportBatch[] {
  return (prepared(db, 'SELECT * FROM import_batches ORDER BY id').all() as BatchRecord[]).map(toBatch)
}

function toBatch(row: BatchRecord): ImportBatch {
  return {
    id: row.id,
    kind: row.kind,
    sourceName: row.source_name,
    sourcePath: row.source_path,
    sourceSha256: row.source_sha256,
    sourceSize: row.source_size,
    format: row.format,
    encoding: row.encoding,
    layout: row.layout,
    sheet: row.sheet,
    sourceSystem: row.source_system,
    redactions: fromJson<Record<string, number>>(row.redactions_json),
    mapping: fromJson<Record<string, unknown>>(row.mapping_json) ?? {},
    options: fromJson<Record<string, unknown>>(row.options_json) ?? {},
    status: row.status,
    rowsRead: row.rows_read,
    rowsInserted: row.rows_inserted,
    rowsUpdated: row.rows_updated,
    rowsUnchanged: row.rows_unchanged,
    rowsRejected: row.rows_rejected,
    startedAt: row.started_at,
    finishedAt: row.finished_at,
    undoneAt: row.undone_at
  }
}
