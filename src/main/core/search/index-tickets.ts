import { setTimeout as sleep } from 'node:timers/promises'
import { z } from 'zod'
import { ApiError } from '@shared/api/errors'
import type { JobContext } from '../jobs/job-types'
import type { Db } from '../store/sqlite'
import { openReadWrite } from '../store/sqlite'
import { prepared } from '../store/repositories/statements'
import type { ParallelTokenizer } from './parallel-tokenizer'
import { startParallelTokenizer } from './parallel-tokenizer'
import { pendingTicketCount, readIndexedThrough, writeIndexedThrough } from './search-state'
import { tokenizeTicket } from './tokenize'

export interface IndexTicketsOptions {
  context?: JobContext
  /**
   * Tickets per transaction to start with. The size then adapts so that one transaction takes
   * about `targetChunkMs`: long enough that commits are few, short enough that another writer
   * (an import starting) waits little for the lock.
   */
  chunkSize?: number
  targetChunkMs?: number
  /** Pending tickets from which a build counts as bulk (see BULK_THRESHOLD). */
  bulkThreshold?: number
  /**
   * Starts the tokenizer of a bulk build; by default a thread of its own where the code runs
   * built (see parallel-tokenizer.ts). Null: tokenise inline, inside each chunk's transaction.
   */
  startTokenizer?: () => ParallelTokenizer | null
}

export interface IndexTicketsSummary {
  /** Tickets indexed for the first time. */
  indexed: number
  /** Tickets indexed again because their text changed. */
  reindexed: number
  /** Changed tickets that no longer exist, removed from the index. */
  removed: number
  elapsedMs: number
}

const FIRST_CHUNK = 2_000
const MIN_CHUNK = 200
/**
 * Larger chunks gain nothing and cost memory: a million tickets took 14.6 s with a peak RSS of
 * 595 MB with chunks of up to 50,000, and 13.6 s with 200 MB with chunks of up to 5,000.
 */
const MAX_CHUNK = 5_000
const TARGET_CHUNK_MS = 250
/** How long one attempt waits for another writer (an import) before the job yields and retries. */
const BUSY_TIMEOUT_MS = 1_000
const BUSY_RETRY_MS = 250

const IndexParams = z.strictObject({ path: z.string().min(1) })

/**
 * From this many pending tickets on, a build is bulk: the next chunk is tokenised in another
 * thread while the current one is written, and FTS5 merges its segments less eagerly.
 */
const BULK_THRESHOLD = 50_000
/** FTS5's default 'automerge' (the setting is stored in the index's config table). */
const DEFAULT_AUTOMERGE = 4
/**
 * 'automerge' during a bulk build. With the default 4, each commit's young segments are merged
 * again and again: a million tickets in chunks took 21 s, against 15 s with 16 (or with merging
 * off). With 16 a million tickets end in ~20 segments; queries measured on that index were as
 * fast as on one fully merged segment (within 1 ms), so no final merge is run.
 */
const BULK_AUTOMERGE = 16

/** Job 'search.index': brings the workspace's search index up to date on its own connection. */
export async function runSearchIndexJob(params: unknown, context: JobContext): Promise<IndexTicketsSummary> {
  const { path } = IndexParams.parse(params)
  const db = openReadWrite(path)
  try {
    db.pragma(`busy_timeout = ${BUSY_TIMEOUT_MS}`)
    return await indexPendingTickets(db, { context })
  } finally {
    db.close()
  }
}

/**
 * Indexes every ticket past `indexedThrough` and re-indexes every ticket in `search_dirty`, one
 * chunk per transaction, so that readers (WAL) are never blocked and a cancel or crash leaves a
 * consistent index that the next run continues. Idempotent: with nothing pending it does nothing.
 */
export async function indexPendingTickets(
  db: Db,
  options: IndexTicketsOptions = {}
): Promise<IndexTicketsSummary> {
  const started = performance.now()
  const context = options.context
  const target = options.targetChunkMs ?? TARGET_CHUNK_MS
  let chunk = options.chunkSize ?? FIRST_CHUNK
  const summary: IndexTicketsSummary = { indexed: 0, reindexed: 0, removed: 0, elapsedMs: 0 }
  const total = pendingTicketCount(db)
  let done = 0
  context?.reportProgress(0, total, 'Indexing tickets for search')
  const bulk = total >= (options.bulkThreshold ?? BULK_THRESHOLD)
  // A run cut short in bulk mode (a crash) may have left the bulk setting behind.
  await inChunk(db, context, () => setAutomerge(db, bulk ? BULK_AUTOMERGE : DEFAULT_AUTOMERGE))
  const tokenizer = bulk ? (options.startTokenizer ?? startParallelTokenizer)() : null
  try {
    const step = (work: () => number): Promise<number> =>
      inChunk(db, context, () => {
        const t0 = performance.now()
        const n = work()
        const ms = performance.now() - t0
        if (n >= chunk && ms > 0) chunk = clamp(Math.round((chunk * target) / ms), MIN_CHUNK, MAX_CHUNK)
        return n
      })

    if (tokenizer) {
      summary.indexed += await indexNewPipelined(
        db,
        tokenizer,
        context,
        step,
        () => chunk,
        (n) => {
          done += n
          context?.reportProgress(Math.min(done, total), Math.max(done, total), 'Indexing tickets for search')
        }
      )
    }
    for (;;) {
      const fresh = await step(() => indexNewChunk(db, chunk))
      summary.indexed += fresh
      const dirty = fresh > 0 ? { reindexed: 0, removed: 0 } : await reindexDirtyChunk(db, context, chunk)
      summary.reindexed += dirty.reindexed
      summary.removed += dirty.removed
      done += fresh + dirty.reindexed + dirty.removed
      context?.reportProgress(Math.min(done, total), Math.max(done, total), 'Indexing tickets for search')
      if (fresh === 0 && dirty.reindexed + dirty.removed === 0) break
    }
  } finally {
    await tokenizer?.close()
    // Also after a cancel or error, so that later small updates are merged as usual.
    if (bulk) await inChunk(db, undefined, () => setAutomerge(db, DEFAULT_AUTOMERGE))
  }
  summary.elapsedMs = performance.now() - started
  return summary
}

/** Sets FTS5's 'automerge' unless it already has that value (so an idle run writes nothing). */
function setAutomerge(db: Db, value: number): number {
  const current = db.prepare("SELECT v FROM ticket_search_config WHERE k = 'automerge'").pluck().get() as
    number | undefined
  if ((current ?? DEFAULT_AUTOMERGE) === value) return 0
  // FTS5 wants an integer here; better-sqlite3 binds JS numbers as REAL, hence the BigInt.
  db.prepare("INSERT INTO ticket_search (ticket_search, rank) VALUES ('automerge', ?)").run(BigInt(value))
  return 0
}

interface TicketText {
  id: number
  subject: string | null
  text: string
}

function readNewTickets(db: Db, after: number, limit: number): TicketText[] {
  return prepared(db, 'SELECT id, subject, text FROM tickets WHERE id > ? ORDER BY id LIMIT ?').all(
    after,
    limit
  ) as TicketText[]
}

/** Indexes the next tickets past `indexedThrough`; returns how many. */
function indexNewChunk(db: Db, limit: number): number {
  const rows = readNewTickets(db, readIndexedThrough(db), limit)
  if (rows.length === 0) return 0
  const insert = prepared(db, 'INSERT INTO ticket_search (rowid, tokens) VALUES (?, ?)')
  for (const row of rows) insert.run(row.id, tokenizeTicket(row.subject, row.text))
  writeIndexedThrough(db, rows[rows.length - 1]!.id)
  return rows.length
}

/** A chunk of new tickets read and tokenised ahead of its transaction. */
interface Prefetched {
  /** The `indexedThrough` it continues from. */
  from: number
  /** `data_version` when it was read: unchanged, nobody else has written since. */
  version: number
  ids: number[]
  tokens: string[]
}

function dataVersion(db: Db): number {
  return db.pragma('data_version', { simple: true }) as number
}

/** Reads the chunk after `from` now, and has it tokenised in the other thread (inline should that fail). */
async function prefetch(
  db: Db,
  from: number,
  limit: number,
  tokenizer: ParallelTokenizer
): Promise<Prefetched> {
  const version = dataVersion(db)
  const rows = readNewTickets(db, from, limit)
  const tickets = rows.map((r) => [r.subject, r.text] as const)
  const tokens =
    rows.length === 0
      ? []
      : await tokenizer
          .tokenize(tickets)
          .catch(() => tickets.map(([subject, text]) => tokenizeTicket(subject, text)))
  return { from, version, ids: rows.map((r) => r.id), tokens }
}

/**
 * The new-ticket pass of a bulk build, pipelined: while one chunk is written, the next one is
 * read and tokenised in the tokenizer thread. A chunk read before its transaction is written
 * only if nobody else has written since it was read (same `data_version`, same
 * `indexedThrough`); otherwise it is read again inside the transaction, as the inline pass does.
 */
async function indexNewPipelined(
  db: Db,
  tokenizer: ParallelTokenizer,
  context: JobContext | undefined,
  step: (work: () => number) => Promise<number>,
  chunk: () => number,
  progress: (n: number) => void
): Promise<number> {
  const insert = prepared(db, 'INSERT INTO ticket_search (rowid, tokens) VALUES (?, ?)')
  let indexed = 0
  let next = prefetch(db, readIndexedThrough(db), chunk(), tokenizer)
  for (;;) {
    const batch = await next
    if (batch.ids.length === 0) return indexed
    next = prefetch(db, batch.ids[batch.ids.length - 1]!, chunk(), tokenizer)
    // Settled later or never (after a cancel): either way not an unhandled rejection.
    next.catch(() => undefined)
    const n = await step(() => {
      if (dataVersion(db) !== batch.version || readIndexedThrough(db) !== batch.from)
        return indexNewChunk(db, chunk())
      batch.ids.forEach((id, i) => insert.run(id, batch.tokens[i]!))
      writeIndexedThrough(db, batch.ids[batch.ids.length - 1]!)
      return batch.ids.length
    })
    indexed += n
    progress(n)
    if (context?.isCancelled()) throw new ApiError('cancelled', 'Indexing for search was cancelled.')
  }
}

/** Re-indexes the next changed tickets; tickets past `indexedThrough` are left to the new-ticket pass. */
async function reindexDirtyChunk(
  db: Db,
  context: JobContext | undefined,
  limit: number
): Promise<{ reindexed: number; removed: number }> {
  const counts = { reindexed: 0, removed: 0 }
  await inChunk(db, context, () => {
    const through = readIndexedThrough(db)
    const ids = prepared(db, 'SELECT ticket_id FROM search_dirty ORDER BY ticket_id LIMIT ?')
      .pluck()
      .all(limit) as number[]
    const remove = prepared(db, 'DELETE FROM ticket_search WHERE rowid = ?')
    const read = prepared(db, 'SELECT subject, text FROM tickets WHERE id = ?')
    const insert = prepared(db, 'INSERT INTO ticket_search (rowid, tokens) VALUES (?, ?)')
    const clean = prepared(db, 'DELETE FROM search_dirty WHERE ticket_id = ?')
    for (const id of ids) {
      remove.run(id)
      const row = read.get(id) as { subject: string | null; text: string } | undefined
      if (!row) counts.removed++
      else if (id <= through) {
        insert.run(id, tokenizeTicket(row.subject, row.text))
        counts.reindexed++
      }
      clean.run(id)
    }
    return ids.length
  })
  return counts
}

/**
 * Runs one chunk in an IMMEDIATE transaction (reading the tickets inside it, so that a change
 * committed meanwhile cannot be overwritten by stale text), after letting the event loop run and
 * checking for cancellation. While another connection holds the write lock, waits and retries.
 */
async function inChunk(db: Db, context: JobContext | undefined, work: () => number): Promise<number> {
  for (;;) {
    await new Promise<void>((resolve) => setImmediate(resolve))
    if (context?.isCancelled()) throw new ApiError('cancelled', 'Indexing for search was cancelled.')
    try {
      return db.transaction(work).immediate()
    } catch (error) {
      if ((error as { code?: string }).code !== 'SQLITE_BUSY') throw error
      await sleep(BUSY_RETRY_MS)
    }
  }
}

function clamp(value: number, min: number, max: number): number {
  return Math.min(max, Math.max(min, value))
}
