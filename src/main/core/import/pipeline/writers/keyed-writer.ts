import type { Statement } from 'better-sqlite3'
import type { RecordKind } from '@shared/domain/field-roles'
import type { Db } from '../../../store/sqlite'
import type { RecordWriter, WriteOutcome } from './write-outcome'

export type Cell = string | number | null

/** How one kind of keyed record maps to its table. */
export interface KeyedTableSpec<R> {
  kind: RecordKind
  table: string
  /** The natural key, e.g. (source_system, external_id). */
  keyColumns: readonly string[]
  /** Every other stored column, compared to decide updated vs unchanged. */
  valueColumns: readonly string[]
  /** The key and values of a record, in column order. */
  toRow(record: R, line: number): { key: Cell[]; values: Cell[] }
  /**
   * Values kept outside the table (a response's segments), as one comparable cell: read for an
   * existing row, written after an insert or update.
   */
  child?: {
    column: string
    read(db: Db, id: number): Cell
    write(db: Db, id: number, value: Cell): void
  }
  /** Columns whose change makes the record's search entry stale. */
  searchColumns?: readonly string[]
}

/**
 * Upsert with provenance: a new key is inserted (the batch and line stay on the row); an existing
 * key is compared — unchanged rows and changed rows both get an entry in record_sources for this
 * batch, changed ones with the values they replaced, so that removing any batch can restore what
 * the remaining batches imply. A key seen twice in one file is a duplicate.
 */
export class KeyedWriter<R> implements RecordWriter<R> {
  private readonly insert: Statement
  private readonly select: Statement
  private readonly update: Statement
  private readonly sourceOf: Statement
  private readonly addSource: Statement
  private readonly markDirty: Statement | null
  private readonly columns: readonly string[]

  constructor(
    private readonly db: Db,
    private readonly spec: KeyedTableSpec<R>,
    private readonly batchId: number
  ) {
    const all = [...spec.keyColumns, ...spec.valueColumns, 'batch_id', 'source_line']
    this.insert = db.prepare(
      `INSERT INTO ${spec.table} (${all.join(', ')}) VALUES (${all.map(() => '?').join(', ')})
       ON CONFLICT(${spec.keyColumns.join(', ')}) DO NOTHING`
    )
    this.select = db.prepare(
      `SELECT id, batch_id, source_line, ${spec.valueColumns.join(', ')} FROM ${spec.table}
       WHERE ${spec.keyColumns.map((c) => `${c} = ?`).join(' AND ')}`
    )
    this.update = db.prepare(
      `UPDATE ${spec.table} SET ${spec.valueColumns.map((c) => `${c} = ?`).join(', ')} WHERE id = ?`
    )
    this.sourceOf = db.prepare(
      'SELECT source_line FROM record_sources WHERE record_kind = ? AND record_id = ? AND batch_id = ?'
    )
    this.addSource = db.prepare(
      `INSERT INTO record_sources (record_kind, record_id, batch_id, source_line, action, replaced_json)
       VALUES (?, ?, ?, ?, ?, ?)`
    )
    this.markDirty = spec.searchColumns
      ? db.prepare('INSERT OR IGNORE INTO search_dirty (ticket_id) VALUES (?)')
      : null
    this.columns = spec.child ? [...spec.valueColumns, spec.child.column] : spec.valueColumns
  }

  write(record: R, line: number): WriteOutcome {
    const { key, values } = this.spec.toRow(record, line)
    const childValue = this.spec.child ? (values[values.length - 1] ?? null) : undefined
    const tableValues = this.spec.child ? values.slice(0, -1) : values
    const result = this.insert.run(...key, ...tableValues, this.batchId, line)
    if (result.changes === 1) {
      const id = Number(result.lastInsertRowid)
      if (this.spec.child && childValue !== undefined) this.spec.child.write(this.db, id, childValue)
      return { action: 'inserted', id }
    }
    const existing = this.select.get(...key) as Record<string, Cell> & {
      id: number
      batch_id: number
      source_line: number
    }
    if (existing.batch_id === this.batchId) return { action: 'duplicate', firstLine: existing.source_line }
    const earlier = this.sourceOf.get(this.spec.kind, existing.id, this.batchId) as
      { source_line: number } | undefined
    if (earlier) return { action: 'duplicate', firstLine: earlier.source_line }

    const before: Cell[] = this.spec.valueColumns.map((c) => normalise(existing[c]))
    if (this.spec.child) before.push(this.spec.child.read(this.db, existing.id))
    const after = this.spec.child ? [...tableValues, childValue ?? null] : tableValues
    if (sameCells(before, after)) {
      this.addSource.run(this.spec.kind, existing.id, this.batchId, line, 'unchanged', null)
      return { action: 'unchanged', id: existing.id }
    }
    this.update.run(...tableValues, existing.id)
    if (this.spec.child && childValue !== undefined) this.spec.child.write(this.db, existing.id, childValue)
    const replaced = Object.fromEntries(this.columns.map((c, i) => [c, before[i] ?? null]))
    this.addSource.run(this.spec.kind, existing.id, this.batchId, line, 'updated', JSON.stringify(replaced))
    if (
      this.markDirty &&
      this.spec.searchColumns?.some((c) => replaced[c] !== after[this.columns.indexOf(c)])
    ) {
      this.markDirty.run(existing.id)
    }
    return { action: 'updated', id: existing.id }
  }
}

/** SQLite gives integers stored in REAL columns back as numbers; bigint never occurs here. */
function normalise(value: unknown): Cell {
  if (value === undefined || value === null) return null
  if (typeof value === 'number' || typeof value === 'string') return value
  return String(value)
}

function sameCells(a: readonly Cell[], b: readonly Cell[]): boolean {
  if (a.length !== b.length) return false
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false
  return true
}
