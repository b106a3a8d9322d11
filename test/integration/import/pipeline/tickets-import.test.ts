import { join } from 'node:path'
import Database from 'better-sqlite3'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { ApiError } from '@shared/api/errors'
import { Workspace } from '../../../../src/main/core/store/workspace'
import { undoBatch } from '../../../../src/main/core/import/pipeline/undo-batch'
import { makeTempDir } from '../../../helpers/temp-dir'
import { importRows, mappingOf } from '../../../helpers/import-harness'

let dir: string
let cleanup: () => void
let path: string

beforeEach(async () => {
  ;({ dir, cleanup } = makeTempDir())
  path = join(dir, 'w.loopbench')
  ;(await Workspace.create(path)).close()
})
afterEach(() => cleanup())

const TICKETS = mappingOf('tickets', ['externalId', 'createdAt', 'status', 'text', 'customerId'])

function tickets(): Array<Record<string, unknown>> {
  const db = new Database(path, { readonly: true })
  const rows = db
    .prepare(
      'SELECT external_id, status, text, customer_id, batch_id, source_line FROM tickets ORDER BY external_id'
    )
    .all() as Array<Record<string, unknown>>
  db.close()
  return rows
}

function query<T>(sql: string, ...args: unknown[]): T[] {
  const db = new Database(path, { readonly: true })
  const rows = db.prepare(sql).all(...args) as T[]
  db.close()
  return rows
}

function undo(batchId: number): ReturnType<typeof undoBatch> {
  const db = new Database(path)
  try {
    return undoBatch(db, batchId, 1)
  } finally {
    db.close()
  }
}

describe('importing tickets', () => {
  it('inserts, then adds nothing on re-import, then updates only what changed in an overlapping export', async () => {
    const first = await importRows(path, TICKETS, [
      ['T1', '2026-01-02T10:00:00Z', 'open', 'Refund not received', 'C1'],
      ['T2', '2026-01-03T10:00:00Z', 'open', '退款还没到账', 'C2'],
      ['T3', '2026-01-04T10:00:00Z', 'open', 'App crashes on start', 'C3']
    ])
    expect(first).toMatchObject({ rowsRead: 3, inserted: 3, updated: 0, unchanged: 0, rejected: 0 })

    const again = await importRows(path, TICKETS, [
      ['T1', '2026-01-02T10:00:00Z', 'open', 'Refund not received', 'C1'],
      ['T2', '2026-01-03T10:00:00Z', 'open', '退款还没到账', 'C2'],
      ['T3', '2026-01-04T10:00:00Z', 'open', 'App crashes on start', 'C3']
    ])
    expect(again).toMatchObject({ inserted: 0, updated: 0, unchanged: 3, rejected: 0 })

    const later = await importRows(path, TICKETS, [
      ['T2', '2026-01-03T10:00:00Z', 'solved', '退款还没到账', 'C2'],
      ['T3', '2026-01-04T10:00:00Z', 'open', 'App crashes on start', 'C3'],
      ['T4', '2026-02-01T10:00:00Z', 'open', 'Wrong item delivered', 'C4']
    ])
    expect(later).toMatchObject({ inserted: 1, updated: 1, unchanged: 1 })
    expect(tickets().map((t) => [t.external_id, t.status, t.batch_id])).toEqual([
      ['T1', 'open', first.batchId],
      ['T2', 'solved', first.batchId],
      ['T3', 'open', first.batchId],
      ['T4', 'open', later.batchId]
    ])
    const sources = query<{
      record_id: number
      batch_id: number
      action: string
      replaced_json: string | null
    }>(
      "SELECT record_id, batch_id, action, replaced_json FROM record_sources WHERE record_kind = 'tickets' AND batch_id = ? ORDER BY record_id",
      later.batchId
    )
    expect(sources.map((s) => s.action)).toEqual(['updated', 'unchanged'])
    expect(JSON.parse(sources[0]!.replaced_json!)).toMatchObject({ status: 'open', text: '退款还没到账' })
    expect(query<{ ticket_id: number }>('SELECT ticket_id FROM search_dirty')).toEqual([])
    const batches = query<Record<string, number>>(
      'SELECT rows_read, rows_inserted, rows_updated, rows_unchanged, rows_rejected FROM import_batches ORDER BY id'
    )
    expect(batches).toEqual([
      { rows_read: 3, rows_inserted: 3, rows_updated: 0, rows_unchanged: 0, rows_rejected: 0 },
      { rows_read: 3, rows_inserted: 0, rows_updated: 0, rows_unchanged: 3, rows_rejected: 0 },
      { rows_read: 3, rows_inserted: 1, rows_updated: 1, rows_unchanged: 1, rows_rejected: 0 }
    ])
  })

  it('marks a ticket for re-indexing when its text changes', async () => {
    await importRows(path, TICKETS, [['T1', '2026-01-02T10:00:00Z', 'open', 'Refund not received', 'C1']])
    await importRows(path, TICKETS, [
      ['T1', '2026-01-02T10:00:00Z', 'open', 'Refund received after all, thanks', 'C1']
    ])
    expect(query<{ ticket_id: number }>('SELECT ticket_id FROM search_dirty')).toHaveLength(1)
  })

  it('rejects rows with their line and reason, stores them with the batch, and keeps the rest', async () => {
    const rows = [
      ...Array.from({ length: 40 }, (_, i) => [`T${i}`, '2026-01-02T10:00:00Z', 'open', `ticket ${i}`, 'C1']),
      ['T98', 'yesterday-ish', 'open', 'bad date', 'C1'],
      ['T99', '2026-01-02T10:00:00Z', 'open', '', 'C1']
    ]
    const result = await importRows(path, TICKETS, rows, { rejectThreshold: 0.1 })
    expect(result).toMatchObject({ inserted: 40, rejected: 2 })
    expect(result.rejects).toEqual([
      { line: 42, reason: "“createdAt”: not a date: 'yesterday-ish'" },
      { line: 43, reason: 'the ticket has no text (“text” is empty)' }
    ])
    const stored = query<{ line: number; reason: string; raw: string }>(
      'SELECT line, reason, raw FROM import_rejects ORDER BY line'
    )
    expect(stored.map((r) => r.line)).toEqual([42, 43])
    expect(JSON.parse(stored[0]!.raw)).toEqual(['T98', 'yesterday-ish', 'open', 'bad date', 'C1'])
  })

  it('rejects an id that appears twice in one file, naming the first line', async () => {
    const result = await importRows(
      path,
      TICKETS,
      [
        ['T1', '2026-01-02T10:00:00Z', 'open', 'first', 'C1'],
        ['T2', '2026-01-02T10:00:00Z', 'open', 'second', 'C1'],
        ['T1', '2026-01-02T10:00:00Z', 'solved', 'again', 'C1']
      ],
      { rejectThreshold: 0.5 }
    )
    expect(result.rejects).toEqual([
      { line: 4, reason: 'the same record appears again in this file (first on line 2)' }
    ])
    expect(tickets().map((t) => t.text)).toEqual(['first', 'second'])
  })

  it('imports nothing when more rows than the threshold are rejected, and says how many', async () => {
    const rows = Array.from({ length: 20 }, (_, i) => [
      `T${i}`,
      i < 2 ? 'never' : '2026-01-02T10:00:00Z',
      'open',
      'x',
      'C'
    ])
    const error = await importRows(path, TICKETS, rows).catch((e: unknown) => e)
    expect(error).toBeInstanceOf(ApiError)
    expect(error).toMatchObject({
      code: 'import_rejected',
      details: { rejected: 2, total: 20, threshold: 0.05 }
    })
    expect((error as ApiError).details?.rejects).toHaveLength(2)
    expect(tickets()).toEqual([])
    expect(query('SELECT * FROM import_batches')).toEqual([])
    expect(query('SELECT * FROM import_rejects')).toEqual([])
  })

  it('keeps nothing of a file that turns out unreadable half-way', async () => {
    const rows = Array.from({ length: 10 }, (_, i) => [`T${i}`, '2026-01-02T10:00:00Z', 'open', 'x', 'C'])
    await expect(importRows(path, TICKETS, rows, { failAfter: 6 })).rejects.toMatchObject({
      code: 'import_unreadable',
      details: { file: 'broken.csv', line: 8 }
    })
    expect(tickets()).toEqual([])
    expect(query('SELECT * FROM import_batches')).toEqual([])
  })

  it('keeps nothing of a cancelled import', async () => {
    const rows = Array.from({ length: 10 }, (_, i) => [`T${i}`, '2026-01-02T10:00:00Z', 'open', 'x', 'C'])
    let chunks = 0
    const context = { reportProgress: () => void chunks++, isCancelled: () => chunks >= 3 }
    await expect(importRows(path, TICKETS, rows, { context })).rejects.toMatchObject({ code: 'cancelled' })
    expect(tickets()).toEqual([])
    expect(query('SELECT * FROM import_batches')).toEqual([])
  })

  it('refuses a mapping without the required fields before reading anything', async () => {
    const noText = mappingOf('tickets', ['externalId', 'createdAt', 'status', null, 'customerId'])
    await expect(importRows(path, noText, [['T1', '2026-01-02', 'open', 'x', 'C']])).rejects.toMatchObject({
      code: 'invalid_input',
      details: { missing: ['text'] }
    })
  })

  it('keys tickets without an id column by content, so a re-import still adds nothing', async () => {
    const noId = mappingOf('tickets', [null, 'createdAt', 'status', 'text', 'customerId'])
    const rows = [
      ['', '2026-01-02T10:00:00Z', 'open', 'same text', 'C1'],
      ['', '2026-01-02T10:00:00Z', 'open', 'same text', 'C1'],
      ['', '2026-01-03T10:00:00Z', 'open', 'other', 'C1']
    ]
    expect(await importRows(path, noId, rows)).toMatchObject({ inserted: 3 })
    expect(await importRows(path, noId, rows)).toMatchObject({ inserted: 0, unchanged: 3 })
  })

  it('redacts free text before storing it and counts what it replaced', async () => {
    const result = await importRows(
      path,
      TICKETS,
      [['T1', '2026-01-02T10:00:00Z', 'open', 'write to ana@example.com or bo@example.org', 'C1']],
      { redact: true }
    )
    expect(result.redactions.email).toBe(2)
    expect(tickets()[0]!.text).toBe('write to [email] or [email]')
    expect(
      query<{ redactions_json: string }>('SELECT redactions_json FROM import_batches')[0]!.redactions_json
    ).toBe(JSON.stringify({ email: 2, phone: 0, idNumber: 0, card: 0 }))
  })
})

describe('undoing a batch', () => {
  const A = [
    ['T1', '2026-01-02T10:00:00Z', 'open', 'Refund not received', 'C1'],
    ['T2', '2026-01-03T10:00:00Z', 'open', 'Parcel lost', 'C2']
  ]
  const B = [
    ['T1', '2026-01-02T10:00:00Z', 'solved', 'Refund not received', 'C1'],
    ['T3', '2026-01-05T10:00:00Z', 'open', 'New complaint', 'C3']
  ]

  it('removing the later batch restores what the earlier one said', async () => {
    await importRows(path, TICKETS, A)
    const b = await importRows(path, TICKETS, B)
    expect(undo(b.batchId)).toEqual({ batchId: b.batchId, removed: 1, restored: 1 })
    expect(tickets().map((t) => [t.external_id, t.status])).toEqual([
      ['T1', 'open'],
      ['T2', 'open']
    ])
    expect(query('SELECT * FROM record_sources')).toEqual([])
  })

  it('removing the earlier batch keeps what the later one supplied, now owned by it', async () => {
    const a = await importRows(path, TICKETS, A)
    const b = await importRows(path, TICKETS, B)
    expect(undo(a.batchId)).toEqual({ batchId: a.batchId, removed: 1, restored: 0 })
    expect(tickets().map((t) => [t.external_id, t.status, t.batch_id, t.source_line])).toEqual([
      ['T1', 'solved', b.batchId, 2],
      ['T3', 'open', b.batchId, 3]
    ])
    expect(query('SELECT * FROM record_sources')).toEqual([])
    expect(
      query<{ status: string }>('SELECT status FROM import_batches ORDER BY id').map((r) => r.status)
    ).toEqual(['undone', 'committed'])
  })

  it('refuses to undo a batch twice, or one that does not exist', async () => {
    const a = await importRows(path, TICKETS, A)
    undo(a.batchId)
    expect(() => undo(a.batchId)).toThrow(/already removed/)
    expect(() => undo(999)).toThrow(/no import batch 999/)
  })
})

describe('undo and the search index', () => {
  it('a ticket imported after undoing the newest batch reuses its id and is indexed again', async () => {
    const { indexPendingTickets: indexTickets } =
      await import('../../../../src/main/core/search/index-tickets')
    const { readIndexedThrough } = await import('../../../../src/main/core/search/search-state')
    await importRows(path, TICKETS, [['T1', '2026-01-02T10:00:00Z', 'open', 'Refund not received', 'C1']])
    const b = await importRows(path, TICKETS, [['T2', '2026-01-03T10:00:00Z', 'open', 'Parcel lost', 'C2']])
    const db = new Database(path)
    await indexTickets(db)
    expect(readIndexedThrough(db)).toBe(2)
    undoBatch(db, b.batchId, 1)
    expect(readIndexedThrough(db)).toBe(1)
    db.close()
    await importRows(path, TICKETS, [['T3', '2026-01-04T10:00:00Z', 'open', 'App crashes on start', 'C3']])
    const again = new Database(path)
    await indexTickets(again)
    const found = again
      .prepare(
        "SELECT t.external_id FROM ticket_search s JOIN tickets t ON t.id = s.rowid WHERE ticket_search MATCH 'crashes'"
      )
      .all()
    again.close()
    expect(found).toEqual([{ external_id: 'T3' }])
  })
})

describe('group inserts (64 rows per statement)', () => {
  const row = (i: number, status = 'open', text = `ticket ${i}`): string[] => [
    `G${i}`,
    '2026-02-01T10:00:00Z',
    status,
    text,
    `C${i % 7}`
  ]

  it('insert whole groups, and resolve a group with a duplicate, updates and new rows row by row', async () => {
    const first = await importRows(
      path,
      TICKETS,
      Array.from({ length: 150 }, (_, i) => row(i)),
      { chunkRows: 1000 }
    )
    expect(first).toMatchObject({ inserted: 150, rejected: 0 })
    expect(
      query<{ n: number; lines: number }>(
        'SELECT count(*) AS n, sum(source_line = CAST(substr(external_id, 2) AS INTEGER) + 2) AS lines FROM tickets'
      )
    ).toEqual([{ n: 150, lines: 150 }])

    // A second export: 30 new rows first, so the first group mixes new and known rows; then 140
    // known rows (two changed) with a repeat of one of them inside the second group.
    const known = Array.from({ length: 140 }, (_, i) =>
      i === 10 ? row(i, 'solved') : i === 70 ? row(i, 'open', 'edited') : row(i)
    )
    const second = [...Array.from({ length: 30 }, (_, i) => row(1000 + i)), ...known]
    second.splice(80, 0, row(3))
    const result = await importRows(path, TICKETS, second, { chunkRows: 1000, rejectThreshold: 0.5 })
    expect(result).toMatchObject({ rowsRead: 171, inserted: 30, updated: 2, unchanged: 138, rejected: 1 })
    // Row 3 of the known ones is line 2 + 30 + 3; its repeat is at index 80, line 82.
    expect(result.rejects).toEqual([
      { line: 82, reason: 'the same record appears again in this file (first on line 35)' }
    ])
    expect(
      query('SELECT status, text FROM tickets WHERE external_id IN (?, ?) ORDER BY external_id', 'G10', 'G70')
    ).toEqual([
      { status: 'solved', text: 'ticket 10' },
      { status: 'open', text: 'edited' }
    ])
    expect(query<{ n: number }>('SELECT count(*) AS n FROM tickets')).toEqual([{ n: 180 }])
  })
})
