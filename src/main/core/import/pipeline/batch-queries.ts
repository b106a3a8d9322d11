import type { ImportBatchInfo, RejectedRow } from '@shared/domain/import'
import type { Db } from '../../store/sqlite'
import { prepared } from '../../store/repositories/statements'

/** Every import batch, newest first, as the Explorer and `loopbench batches` show them. */
export function listBatches(db: Db): ImportBatchInfo[] {
  const rows = prepared(
    db,
    `SELECT id, kind, source_name, source_path, source_size, source_sha256, format, encoding, layout, status,
       rows_read, rows_inserted, rows_updated, rows_unchanged, rows_rejected, started_at, finished_at
     FROM import_batches ORDER BY id DESC`
  ).all() as Array<Record<string, unknown>>
  return rows.map((r) => ({
    id: r.id as number,
    kind: r.kind as ImportBatchInfo['kind'],
    sourceName: r.source_name as string,
    sourcePath: (r.source_path as string | null) ?? null,
    sourceSize: (r.source_size as number | null) ?? null,
    sha256: (r.source_sha256 as string | null) ?? null,
    format: r.format as string,
    encoding: (r.encoding as string | null) ?? null,
    preset: (r.layout as string | null) ?? null,
    status: r.status as ImportBatchInfo['status'],
    rowsRead: r.rows_read as number,
    inserted: r.rows_inserted as number,
    updated: r.rows_updated as number,
    unchanged: r.rows_unchanged as number,
    rejected: r.rows_rejected as number,
    startedAt: r.started_at as number,
    finishedAt: (r.finished_at as number | null) ?? null
  }))
}

/** A page of one batch's rejected rows, by line. */
export function readRejects(
  db: Db,
  batchId: number,
  offset: number,
  limit: number
): { total: number; rows: RejectedRow[] } {
  const total = (
    prepared(db, 'SELECT count(*) AS n FROM import_rejects WHERE batch_id = ?').get(batchId) as { n: number }
  ).n
  const rows = prepared(
    db,
    'SELECT line, reason FROM import_rejects WHERE batch_id = ? ORDER BY line, id LIMIT ? OFFSET ?'
  ).all(batchId, limit, offset) as RejectedRow[]
  return { total, rows }
}
