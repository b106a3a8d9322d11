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
/** Rows per multi-row INSERT: well under SQLite's 32,766 bound parameters for any table here. */
const GROUP = 64

export class KeyedWriter<R> implements RecordWriter<R> {
  private readonly insert: Statement
  private readonly insertGroup: Statement
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
    const tuple = `(${all.map(() => '?').join(', ')})`
    const insertOf = (rows: number): string =>
      `INSERT INTO ${spec.table} (${all.join(', ')}) VALUES ${Array.from({ length: rows }, () => tuple).join(', ')}
       ON CONFLICT(${spec.keyColumns.join(', ')}) DO NOTHING`
    this.insert = db.prepare(insertOf(1))
    this.insertGroup = db.prepare(insertOf(GROUP))
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
    const row = this.rowOf(record, line)
    const result = this.insert.run(...row.key, ...row.tableValues, this.batchId, line)
    if (result.changes === 1) return this.inserted(Number(result.lastInsertRowid), row)
    return this.resolve(row, false)
  }

  /**
   * Writes records in groups of one multi-row INSERT each: when every row of a group is new
   * (the usual case of a first import) that is all; otherwise each row of the group is resolved
   * by its key — a row that now carries this batch and its own line was inserted by the group.
   */
  writeMany(items: ReadonlyArray<{ record: R; line: number }>): WriteOutcome[] {
    const outcomes: WriteOutcome[] = []
    let i = 0
    for (; i + GROUP <= items.length; i += GROUP) {
      const rows = items.slice(i, i + GROUP).map((item) => this.rowOf(item.record, item.line))
      const params: Cell[] = []
      for (const row of rows) params.push(...row.key, ...row.tableValues, this.batchId, row.line)
      const result = this.insertGroup.run(params)
      if (result.changes === GROUP) {
        // The rowids of one statement's inserts are consecutive and end at the last one.
        const last = Number(result.lastInsertRowid)
        rows.forEach((row, k) => outcomes.push(this.inserted(last - GROUP + 1 + k, row)))
      } else {
        for (const row of rows) outcomes.push(this.resolve(row, true))
      }
    }
    for (; i < items.length; i++) outcomes.push(this.write(items[i]!.record, items[i]!.line))
    return outcomes
  }

  private rowOf(record: R, line: number): Row {
    const { key, values } = this.spec.toRow(record, line)
    const childValue = this.spec.child ? (values[values.length - 1] ?? null) : undefined
    const tableValues = this.spec.child ? values.slice(0, -1) : values
    return { key, tableValues, childValue, line }
  }

  private inserted(id: number, row: Row): WriteOutcome {
    if (this.spec.child && row.childValue !== undefined) this.spec.child.write(this.db, id, row.childValue)
    return { action: 'inserted', id }
  }

  /**
   * A row whose key already existed: a duplicate within this file, unchanged, or updated. After a
   * group insert (`mayBeOurs`), a row carrying this batch and this very line was the group's own.
   */
  private resolve(row: Row, mayBeOurs: boolean): WriteOutcome {
    const { key, tableValues, childValue, line } = row
    const existing = this.select.get(...key) as Record<string, Cell> & {
      id: number
      batch_id: number
      source_line: number
    }
    if (existing.batch_id === this.batchId) {
      if (mayBeOurs && existing.source_line === line) return this.inserted(existing.id, row)
      return { action: 'duplicate', firstLine: existing.source_line }
    }
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

interface Row {
  key: Cell[]
  tableValues: Cell[]
  childValue: Cell | undefined
  line: number
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
