import Database from 'better-sqlite3'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { ApiError } from '@shared/api/errors'
import { forgetTickets } from '../../../src/main/core/search/forget-tickets'
import { indexPendingTickets, runSearchIndexJob } from '../../../src/main/core/search/index-tickets'
import type { ParallelTokenizer } from '../../../src/main/core/search/parallel-tokenizer'
import { buildMatchExpression } from '../../../src/main/core/search/query'
import { tokenizeTicket } from '../../../src/main/core/search/tokenize'
import {
  isSearchComplete,
  readIndexedThrough,
  searchStatus
} from '../../../src/main/core/search/search-state'
import type { Workspace } from '../../../src/main/core/store/workspace'
import { makeTempDir } from '../../helpers/temp-dir'
import { addTickets, createTestWorkspace, matchIds } from './ticket-workspace'

let dir: string
let cleanup: () => void
let ws: Workspace

const idle = { reportProgress: (): void => undefined, isCancelled: (): boolean => false }
const search = (query: string): number[] => matchIds(ws, buildMatchExpression(query)!)
/** Tokenises asynchronously, like the tokenizer thread, calling `onCall` first each time. */
const aheadTokenizer = (onCall: () => void): ParallelTokenizer => ({
  tokenize: async (tickets) => {
    onCall()
    await new Promise((resolve) => setImmediate(resolve))
    return tickets.map(([subject, text]) => tokenizeTicket(subject, text))
  },
  close: async () => undefined
})
const index = async (): ReturnType<typeof runSearchIndexJob> => runSearchIndexJob({ path: ws.path }, idle)

beforeEach(async () => {
  ;({ dir, cleanup } = makeTempDir())
  ws = await createTestWorkspace(dir)
})
afterEach(() => {
  ws.close()
  cleanup()
})

describe('the search.index job', () => {
  it('indexes every ticket on its own connection and finds English and Chinese of every length', async () => {
    const [a, b, c, d, e, f] = addTickets(ws, [
      { subject: 'Refund request', text: 'I was promised refunds for order BB123 but nothing arrived.' },
      { text: '我的退款还没到账，已经等了十天了。' },
      { text: '快递显示已签收，可是我根本没收到！' },
      { subject: '退款', text: 'Refunded twice? 麻烦查一下 Android 闪退的问题。' },
      { text: 'The app keeps crashing on Android 14 after the update.' },
      { subject: '申请退', text: '款项到了吗' }
    ])
    expect(isSearchComplete(ws.db)).toBe(false)
    expect(searchStatus(ws.db)).toEqual({ indexed: 0, total: 6, building: false })

    const summary = await index()
    expect(summary).toMatchObject({ indexed: 6, reindexed: 0, removed: 0 })
    expect(isSearchComplete(ws.db)).toBe(true)
    expect(searchStatus(ws.db)).toEqual({ indexed: 6, total: 6, building: false })

    expect(search('refund')).toEqual([a, d]) // porter: refunds, refunded, Refund
    expect(search('refunds')).toEqual([a, d])
    expect(search('android crashing')).toEqual([e])
    expect(search('"order bb123"')).toEqual([a])
    expect(search('退')).toEqual([b, d, f])
    // No bigram spans the end of the subject and the start of the text.
    expect(search('退款')).toEqual([b, d])
    expect(search('款项')).toEqual([f])
    expect(search('到账')).toEqual([b])
    expect(search('没到账')).toEqual([b])
    expect(search('已经等了')).toEqual([b])
    expect(search('显示已签收')).toEqual([c])
    expect(search('根本没收到了')).toEqual([])
    expect(search('可是我根本没')).toEqual([c])
    expect(search('android 闪退')).toEqual([d])
    expect(search('收')).toEqual([c])
  })

  it('is idempotent and picks up only what is new', async () => {
    addTickets(ws, [{ text: 'first' }])
    await index()
    const version = ws.db.pragma('data_version', { simple: true })
    expect(await index()).toMatchObject({ indexed: 0, reindexed: 0 })
    // With nothing to do it writes nothing (the table browser's caches stay valid).
    expect(ws.db.pragma('data_version', { simple: true })).toBe(version)
    const [second] = addTickets(ws, [{ text: 'second 第二' }])
    expect(await index()).toMatchObject({ indexed: 1 })
    expect(search('第二')).toEqual([second])
    expect(readIndexedThrough(ws.db)).toBe(second)
  })

  it('re-indexes tickets whose text changed (search_dirty)', async () => {
    const [id] = addTickets(ws, [{ text: '物流一直没更新' }])
    await index()
    ws.db.prepare('UPDATE tickets SET text = ? WHERE id = ?').run('退款已经到账了 refund received', id)
    ws.db.prepare('INSERT INTO search_dirty (ticket_id) VALUES (?)').run(id)
    expect(isSearchComplete(ws.db)).toBe(false)
    expect(searchStatus(ws.db).indexed).toBe(0)
    expect(await index()).toMatchObject({ indexed: 0, reindexed: 1, removed: 0 })
    expect(search('物流')).toEqual([])
    expect(search('到账')).toEqual([id])
    expect(search('received')).toEqual([id])
    expect(isSearchComplete(ws.db)).toBe(true)
  })

  it('drops changed tickets that no longer exist', async () => {
    const [id] = addTickets(ws, [{ text: 'gone soon' }])
    await index()
    ws.db.prepare('DELETE FROM tickets WHERE id = ?').run(id)
    ws.db.prepare('INSERT INTO search_dirty (ticket_id) VALUES (?)').run(id)
    expect(await index()).toMatchObject({ removed: 1 })
    expect(search('gone')).toEqual([])
  })

  it('stops when cancelled, leaving a consistent index that the next run completes', async () => {
    addTickets(
      ws,
      Array.from({ length: 3000 }, (_, i) => ({ text: `ticket ${i} 退款 number${i}` }))
    )
    let chunks = 0
    const cancelling = { reportProgress: (): void => void chunks++, isCancelled: (): boolean => chunks >= 3 }
    const error = await indexPendingTickets(ws.db, {
      context: cancelling,
      chunkSize: 500,
      targetChunkMs: 0
    }).catch((e: unknown) => e)
    expect(error).toBeInstanceOf(ApiError)
    expect((error as ApiError).code).toBe('cancelled')
    const through = readIndexedThrough(ws.db)
    expect(through).toBeGreaterThan(0)
    expect(through).toBeLessThan(3000)
    expect(search('退款')).toHaveLength(through)
    await index()
    expect(search('退款')).toHaveLength(3000)
    expect(search('number2999')).toEqual([3000])
  })

  it('builds in bulk with the next chunk tokenised ahead, as the inline build would', async () => {
    addTickets(
      ws,
      Array.from({ length: 4000 }, (_, i) => ({
        text: `bulk ${i} 物流没更新 ${i % 7 === 0 ? 'seven' : 'other'}`
      }))
    )
    let calls = 0
    const summary = await indexPendingTickets(ws.db, {
      chunkSize: 250,
      targetChunkMs: 0,
      bulkThreshold: 1000,
      startTokenizer: () => aheadTokenizer(() => calls++)
    })
    expect(summary.indexed).toBe(4000)
    expect(calls).toBeGreaterThan(10)
    expect(search('物流')).toHaveLength(4000)
    expect(search('seven')).toHaveLength(572)
    expect(search('bulk 3999')).toEqual([4000])
    // The bulk merge setting is put back, and FTS5 finds its index consistent.
    const automerge = ws.db.prepare("SELECT v FROM ticket_search_config WHERE k = 'automerge'").pluck().get()
    expect(automerge).toBe(4)
    ws.db.prepare("INSERT INTO ticket_search (ticket_search) VALUES ('integrity-check')").run()
  })

  it('reads a chunk again when another connection wrote after it was read ahead', async () => {
    addTickets(
      ws,
      Array.from({ length: 3000 }, (_, i) => ({ text: `old${i}` }))
    )
    const other = new Database(ws.path)
    let calls = 0
    try {
      await indexPendingTickets(ws.db, {
        chunkSize: 500,
        targetChunkMs: 0,
        bulkThreshold: 1000,
        // While the third chunk is being tokenised, an import rewrites every ticket not yet indexed,
        // the third chunk's included.
        startTokenizer: () =>
          aheadTokenizer(() => {
            if (++calls === 3) {
              other
                .prepare(
                  "UPDATE tickets SET text = 'fresh' || (id - 1) WHERE id > (SELECT value FROM search_state WHERE key = 'tickets.indexedThrough')"
                )
                .run()
            }
          })
      })
    } finally {
      other.close()
    }
    const texts = ws.db.prepare('SELECT id, text FROM tickets ORDER BY id').all() as Array<{
      id: number
      text: string
    }>
    const stale = texts.filter((t) => search(t.text)[0] !== t.id)
    expect(stale).toEqual([])
    expect(texts.some((t) => t.text.startsWith('fresh'))).toBe(true)
    expect(texts.some((t) => t.text.startsWith('old'))).toBe(true)
  })
})

describe('forgetTickets', () => {
  it('removes tickets from the index and lets reused ids be indexed again', async () => {
    const [a, b, c] = addTickets(ws, [{ text: 'alpha 退款' }, { text: 'beta 退款' }, { text: 'gamma 退款' }])
    await index()
    // Undo of the batch that supplied b and c: they are deleted and forgotten in one transaction.
    ws.db.transaction(() => {
      ws.db.prepare('DELETE FROM tickets WHERE id IN (?, ?)').run(b, c)
      forgetTickets(ws.db, [b!, c!])
    })()
    expect(search('退款')).toEqual([a])
    expect(search('gamma')).toEqual([])
    expect(readIndexedThrough(ws.db)).toBe(a)
    // SQLite hands out max(id) + 1 again: the new tickets take b's and c's ids.
    const [d, e] = addTickets(ws, [{ text: 'delta 物流' }, { text: 'epsilon 物流' }])
    expect([d, e]).toEqual([b, c])
    expect(await index()).toMatchObject({ indexed: 2 })
    expect(search('物流')).toEqual([b, c])
    expect(search('beta')).toEqual([])
  })

  it('works before the delete too, and for ids in the middle', async () => {
    const [a, b, c] = addTickets(ws, [{ text: 'one' }, { text: 'two' }, { text: 'three' }])
    await index()
    ws.db.transaction(() => {
      forgetTickets(ws.db, [b!])
      ws.db.prepare('DELETE FROM tickets WHERE id = ?').run(b)
    })()
    expect(readIndexedThrough(ws.db)).toBe(c)
    expect(search('two')).toEqual([])
    expect(search('three')).toEqual([c])
    ws.db.transaction(() => {
      forgetTickets(ws.db, [a!, c!])
      ws.db.prepare('DELETE FROM tickets WHERE id IN (?, ?)').run(a, c)
    })()
    expect(readIndexedThrough(ws.db)).toBe(0)
    expect(isSearchComplete(ws.db)).toBe(true)
  })
})
