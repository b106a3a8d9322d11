import Database from 'better-sqlite3'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { ApiError } from '@shared/api/errors'
import { readDistinctValues } from '../../../src/main/core/explore/distinct-values'
import type { FilteredTablePageRequest } from '../../../src/main/core/explore/table-browser'
import { listTables, readTablePage } from '../../../src/main/core/explore/table-browser'
import type { TicketFilter } from '../../../src/main/core/explore/ticket-filter'
import { TicketFilterSchema, ticketFilterSql } from '../../../src/main/core/explore/ticket-filter'
import { runSearchIndexJob } from '../../../src/main/core/search/index-tickets'
import type { Workspace } from '../../../src/main/core/store/workspace'
import { makeTempDir } from '../../helpers/temp-dir'
import type { TestTicket } from '../search/ticket-workspace'
import { addTickets, createTestWorkspace } from '../search/ticket-workspace'

/**
 * The tickets table's filters, sorts and paging against a brute force over the same rows. 6,200
 * tickets, so that pages past the first 5,000 rows (read from a cached row order rather than
 * with OFFSET) are covered as well.
 */

const N = 6_200
const DAY = 86_400_000
const START = Date.UTC(2026, 0, 1)
const CHANNELS = ['email', 'chat', 'phone', null] as const
const STATUSES = ['open', 'solved', 'pending', null] as const
const PHRASES = [
  '退款还没到账',
  'refund requested',
  '物流一直没更新',
  'the app crashes',
  '优惠券用不了',
  'parcel arrived 已签收'
]

interface Row extends TestTicket {
  id: number
  externalId: string
  /** The theme the ticket is assigned to (ticket_themes), if any. */
  theme: number | null
}

/** Themes 1–3; every seventh ticket has none. */
const THEME_IDS = [1, 2, 3] as const
const themeOf = (i: number): number | null => (i % 7 === 0 ? null : THEME_IDS[i % 3]!)

let ws: Workspace
let cleanup: () => void
let rows: Row[]

beforeAll(async () => {
  const temp = makeTempDir()
  cleanup = temp.cleanup
  ws = await createTestWorkspace(temp.dir)
  const tickets: TestTicket[] = Array.from({ length: N }, (_, i) => ({
    // Many equal timestamps, so that ties are broken by id in the sort's direction.
    createdAt: START + (i % 997) * (DAY / 7),
    channel: CHANNELS[i % 4]!,
    status: STATUSES[(i * 7) % 4]!,
    subject: i % 5 === 0 ? `Ticket ${i}` : null,
    text: `${PHRASES[i % PHRASES.length]!} #${i}`
  }))
  const ids = addTickets(ws, tickets)
  await runSearchIndexJob({ path: ws.path }, { reportProgress: () => undefined, isCancelled: () => false })
  const external = ws.db.prepare('SELECT id, external_id FROM tickets').all() as Array<{
    id: number
    external_id: string
  }>
  const byId = new Map(external.map((r) => [r.id, r.external_id]))
  rows = tickets.map((t, i) => ({ ...t, id: ids[i]!, externalId: byId.get(ids[i]!)!, theme: themeOf(i) }))
  ws.db.transaction(() => {
    const theme = ws.db.prepare('INSERT INTO themes (id, label, created_at, updated_at) VALUES (?, ?, 0, 0)')
    for (const id of THEME_IDS) theme.run(id, `Theme ${id}`)
    const assign = ws.db.prepare(
      "INSERT INTO ticket_themes (ticket_id, theme_id, score, assigned_by) VALUES (?, ?, 0.5, 'model')"
    )
    for (const r of rows) if (r.theme !== null) assign.run(r.id, r.theme)
  })()
}, 60_000)

afterAll(() => {
  ws.close()
  cleanup()
})

const SORTABLE: Record<string, (r: Row) => string | number | null> = {
  createdAt: (r) => r.createdAt!,
  channel: (r) => r.channel ?? null,
  status: (r) => r.status ?? null,
  subject: (r) => r.subject ?? null,
  externalId: (r) => r.externalId
}

/** SQLite's order: NULL before everything, numbers before text, text by code point (ASCII here). */
function compare(a: string | number | null, b: string | number | null): number {
  if (a === b) return 0
  if (a === null) return -1
  if (b === null) return 1
  if (typeof a !== typeof b) return typeof a === 'number' ? -1 : 1
  return a < b ? -1 : 1
}

function bruteForce(filter: TicketFilter, sort?: FilteredTablePageRequest['sort']): Row[] {
  // Words with nothing to search for (only punctuation) do not filter.
  const needles = (filter.search ?? '')
    .split(/\s+/)
    .filter((w) => /[\p{L}\p{N}]/u.test(w))
    .map((w) => w.toLowerCase())
  const matches = rows.filter(
    (r) =>
      needles.every((n) => `${r.subject ?? ''}\n${r.text}`.toLowerCase().includes(n)) &&
      (filter.from === undefined || r.createdAt! >= filter.from) &&
      (filter.to === undefined || r.createdAt! < filter.to) &&
      (!filter.channels?.length || filter.channels.includes(r.channel ?? null)) &&
      (!filter.statuses?.length || filter.statuses.includes(r.status ?? null)) &&
      (!filter.themes?.length || (r.theme !== null && filter.themes.includes(r.theme)))
  )
  const sign = sort?.direction === 'desc' ? -1 : 1
  const key = sort ? SORTABLE[sort.column]! : (r: Row) => r.id
  return matches.sort((a, b) => sign * (compare(key(a), key(b)) || a.id - b.id))
}

const FILTERS: Array<[string, TicketFilter]> = [
  ['no filter', {}],
  ['Chinese search', { search: '退款' }],
  ['one-character search', { search: '款' }],
  ['English search', { search: 'refund' }],
  ['search and channel', { search: '已签收', channels: ['chat'] }],
  ['channels with "not set"', { channels: ['email', null] }],
  ['only "not set"', { statuses: [null] }],
  ['statuses and channels', { statuses: ['open', 'pending'], channels: ['phone', 'email'] }],
  ['dates', { from: START + 30 * DAY, to: START + 90 * DAY }],
  [
    'everything',
    {
      search: 'app',
      from: START + 10 * DAY,
      to: START + 120 * DAY,
      channels: ['chat', 'phone'],
      statuses: ['solved', 'open', null]
    }
  ],
  ['one theme', { themes: [2] }],
  ['two themes, unsorted and repeated', { themes: [3, 1, 3] }],
  [
    'themes with a search, a channel and dates',
    { themes: [1, 2], search: '退款', channels: ['email', null], from: START + 20 * DAY }
  ],
  ['a theme no ticket is in', { themes: [999] }],
  ['empty lists filter nothing', { channels: [], statuses: [], themes: [] }],
  ['a search with nothing to search for', { search: '!!!' }],
  ['no match', { search: 'zzzz' }]
]

const SORTS: Array<FilteredTablePageRequest['sort']> = [
  undefined,
  { column: 'createdAt', direction: 'desc' },
  { column: 'createdAt', direction: 'asc' },
  { column: 'channel', direction: 'asc' },
  { column: 'status', direction: 'desc' },
  { column: 'subject', direction: 'asc' },
  { column: 'externalId', direction: 'desc' }
]

describe('data.page on tickets', () => {
  describe.each(FILTERS)('with %s', (_, filter) => {
    it.each(SORTS.map((s) => [s ? `${s.column} ${s.direction}` : 'id order', s] as const))(
      'pages like a brute force, sorted by %s',
      (_, sort) => {
        const want = bruteForce(filter, sort)
        for (const offset of [0, 100, 4_950, 5_900, 6_150]) {
          const page = readTablePage(ws.db, {
            table: 'tickets',
            offset,
            limit: 100,
            filter,
            ...(sort ? { sort } : {})
          })
          expect(page.total).toBe(want.length)
          expect(page.searchComplete).toBe(true)
          expect(page.rows.map((r) => r[0])).toEqual(
            want.slice(offset, offset + 100).map((r) => r.externalId)
          )
        }
      }
    )
  })

  it('says when a search may miss tickets not indexed yet, and only when searching', async () => {
    const other = new Database(ws.path)
    try {
      // Written by another connection, as an import job does: cached totals must notice.
      other.pragma('busy_timeout = 5000')
      const batch = other
        .prepare(
          "INSERT INTO import_batches (kind, source_name, format, started_at) VALUES ('tickets', 'late.csv', 'csv', 0)"
        )
        .run().lastInsertRowid
      other
        .prepare(
          "INSERT INTO tickets (external_id, created_at, channel, status, text, batch_id, source_line) VALUES ('late', ?, 'email', 'open', '退款 late', ?, 2)"
        )
        .run(START, batch)
      const searched = readTablePage(ws.db, {
        table: 'tickets',
        offset: 0,
        limit: 10,
        filter: { search: '退款' }
      })
      expect(searched.searchComplete).toBe(false)
      expect(searched.total).toBe(bruteForce({ search: '退款' }).length)
      const plain = readTablePage(ws.db, {
        table: 'tickets',
        offset: 0,
        limit: 10,
        filter: { channels: ['email'] }
      })
      expect(plain.searchComplete).toBe(true)
      expect(plain.total).toBe(bruteForce({ channels: ['email'] }).length + 1)
      await runSearchIndexJob(
        { path: ws.path },
        { reportProgress: () => undefined, isCancelled: () => false }
      )
      const after = readTablePage(ws.db, {
        table: 'tickets',
        offset: 0,
        limit: 10,
        filter: { search: '退款' }
      })
      expect(after.searchComplete).toBe(true)
      expect(after.total).toBe(bruteForce({ search: '退款' }).length + 1)
      expect(listTables(ws.db).find((t) => t.table === 'tickets')?.rows).toBe(N + 1)
    } finally {
      other.prepare("DELETE FROM tickets WHERE external_id = 'late'").run()
      other.prepare('DELETE FROM ticket_search WHERE rowid = (SELECT max(rowid) FROM ticket_search)').run()
      other.close()
    }
  })

  it('refuses filters on other tables and unknown sort columns', () => {
    const call = (request: FilteredTablePageRequest): unknown => {
      try {
        return readTablePage(ws.db, request)
      } catch (error) {
        return error
      }
    }
    const filtered = call({ table: 'customers', offset: 0, limit: 10, filter: { search: 'x' } })
    expect(filtered).toBeInstanceOf(ApiError)
    expect((filtered as ApiError).code).toBe('invalid_input')
    const sorted = call({
      table: 'tickets',
      offset: 0,
      limit: 10,
      sort: { column: 'nope', direction: 'asc' }
    })
    expect((sorted as ApiError).code).toBe('invalid_input')
  })
})

describe('data.distinct', () => {
  it('lists every value with its count, "not set" included, most frequent first', () => {
    for (const column of ['channel', 'status'] as const) {
      const values = readDistinctValues(ws.db, { table: 'tickets', column })
      const want = new Map<string | null, number>()
      for (const r of rows) {
        const v = column === 'channel' ? (r.channel ?? null) : (r.status ?? null)
        want.set(v, (want.get(v) ?? 0) + 1)
      }
      expect(new Map(values.map((v) => [v.value, v.count]))).toEqual(want)
      expect(values.map((v) => v.count)).toEqual([...values.map((v) => v.count)].sort((a, b) => b - a))
    }
    expect(readDistinctValues(ws.db, { table: 'tickets', column: 'priority' })).toEqual([
      { value: null, count: N }
    ])
  })
})

describe('the themes filter', () => {
  it('binds the theme ids as parameters, sorted and unique, never in the SQL text', () => {
    const sql = ticketFilterSql({ themes: [9, 4, 9], channels: ['email'] })
    expect(sql.where).toBe(
      'WHERE channel IN (?) AND id IN (SELECT ticket_id FROM ticket_themes WHERE theme_id IN (?, ?))'
    )
    expect(sql.params).toEqual(['email', 4, 9])
    expect(sql.key).toBe(ticketFilterSql({ channels: ['email'], themes: [4, 9] }).key)
    expect(ticketFilterSql({ themes: [] }).where).toBe('')
  })

  it('takes at most 200 theme ids, each a positive integer', () => {
    expect(
      TicketFilterSchema.safeParse({ themes: Array.from({ length: 200 }, (_, i) => i + 1) }).success
    ).toBe(true)
    expect(
      TicketFilterSchema.safeParse({ themes: Array.from({ length: 201 }, (_, i) => i + 1) }).success
    ).toBe(false)
    for (const bad of [[0], [-1], [1.5], ['1'], [null]]) {
      expect(TicketFilterSchema.safeParse({ themes: bad }).success, JSON.stringify(bad)).toBe(false)
    }
  })
})
