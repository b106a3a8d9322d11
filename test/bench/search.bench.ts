import { execFileSync } from 'node:child_process'
import { mkdirSync, rmSync, statSync, writeFileSync } from 'node:fs'
import { cpus, loadavg, totalmem } from 'node:os'
import { join } from 'node:path'
import Database from 'better-sqlite3'
import { expect, test } from '@playwright/test'
import { ROOT } from '../e2e/harness/paths'
import { readTablePage } from '../../src/main/core/explore/table-browser'
import { buildMatchExpression } from '../../src/main/core/search/query'
import { tokenizeTicket } from '../../src/main/core/search/tokenize'
import { Workspace } from '../../src/main/core/store/workspace'
import { median, percentile, writeBenchResult } from './bench-results'
import { ensureTicketCsv } from './fixtures/generate-ticket-csv'
import { runSearchIndexJob, writeGeneratedTickets } from './fixtures/generated-workspace'

/**
 * Full-text search at a million tickets (issue 3, item 8 and "Performance"): our index build
 * (tokenise + FTS5 insert, as the 'search.index' job runs it) beside the `sqlite3` shell building
 * FTS5 indexes over the same rows, then a query mix with per-query latency for our index, for
 * LIKE over the text, and for a trigram index; index sizes. One run, one data set.
 */

/** 1,000,000 as issue 3 asks; a smaller count through the environment for a quick trial. */
const ROWS = Number(process.env.LOOPBENCH_SEARCH_BENCH_ROWS ?? 1_000_000)
const CACHE = join(ROOT, 'test-results', 'bench-cache')
const RESULTS = join(ROOT, 'test-results', 'bench')
const OUR_REPS = 20
const LIKE_REPS = 5
const TRIGRAM_REPS = 20
const QUERY_TARGET_MS = 100
const BUILD_FACTOR = 1.5

interface QueryCase {
  id: string
  label: string
  query: string
  /** Substrings a ticket must all contain, for LIKE and trigram (case-insensitive for ASCII). */
  likeTerms: string[]
}

const QUERIES: QueryCase[] = [
  { id: 'en-word', label: 'English word', query: 'refund', likeTerms: ['refund'] },
  {
    id: 'en-two-words',
    label: 'English, two words',
    query: 'parcel tracking',
    likeTerms: ['parcel', 'tracking']
  },
  { id: 'en-phrase', label: 'English phrase', query: '"still not here"', likeTerms: ['still not here'] },
  { id: 'zh-1', label: 'Chinese, 1 character', query: '退', likeTerms: ['退'] },
  { id: 'zh-1-common', label: 'Chinese, 1 very common character', query: '的', likeTerms: ['的'] },
  { id: 'zh-2', label: 'Chinese, 2 characters', query: '退款', likeTerms: ['退款'] },
  { id: 'zh-3', label: 'Chinese, 3 characters', query: '优惠券', likeTerms: ['优惠券'] },
  { id: 'zh-7', label: 'Chinese, 7 characters', query: '物流显示已签收', likeTerms: ['物流显示已签收'] },
  { id: 'mixed', label: 'Mixed English and Chinese', query: 'Android 闪退', likeTerms: ['android', '闪退'] }
]

/** Runs a script in the sqlite3 shell on `db` and returns the wall time in seconds. */
function shell(db: string, script: string): number {
  const started = process.hrtime.bigint()
  execFileSync('sqlite3', [db], { input: script, stdio: ['pipe', 'pipe', 'inherit'], maxBuffer: 1 << 26 })
  return Number(process.hrtime.bigint() - started) / 1e9
}

/**
 * Latencies in ms of `reps` calls of `fn`, after one warm-up call whose result is returned.
 * `before` runs ahead of each call, untimed.
 */
function time<T>(reps: number, fn: () => T, before?: () => void): { result: T; runs: number[] } {
  const result = fn()
  const runs: number[] = []
  for (let i = 0; i < reps; i++) {
    before?.()
    const started = process.hrtime.bigint()
    fn()
    runs.push(Number(process.hrtime.bigint() - started) / 1e6)
  }
  return { result, runs }
}

const p95 = (values: readonly number[]): number => percentile(values, 0.95)

function indexBytes(db: Database.Database, prefix: string): number {
  const row = db.prepare('SELECT sum(pgsize) AS n FROM dbstat WHERE name LIKE ?').get(`${prefix}%`) as {
    n: number
  }
  return row.n
}

const mb = (bytes: number): string => `${(bytes / 1e6).toFixed(1)} MB`
const ms = (v: number): string => (v < 10 ? v.toFixed(2) : v.toFixed(1))

test('search index build and query mix at 1,000,000 tickets', async () => {
  test.setTimeout(45 * 60_000)
  mkdirSync(CACHE, { recursive: true })
  const csv = await ensureTicketCsv(join(CACHE, `tickets-${ROWS}.csv`), { rows: ROWS })
  const wsPath = join(CACHE, 'search-bench.loopbench')
  const shellPath = join(CACHE, 'search-bench-shell.db')
  for (const f of [wsPath, shellPath])
    for (const s of ['', '-wal', '-shm', '-journal']) rmSync(f + s, { force: true })

  // The workspace: the same rows as the CSV (same generator, same seed), written directly, since
  // the import pipeline has a benchmark of its own.
  const ws = await Workspace.create(wsPath)
  writeGeneratedTickets(ws, ROWS)
  ws.db.pragma('wal_checkpoint(TRUNCATE)')
  const tableBytes = statSync(wsPath).size

  // (a) Our index build as the hosts run it: the built job worker (`npm run bench` builds first),
  // in a worker thread, on its own connection, in chunks, tokenising ahead in a second thread. (Not this test
  // runner's on-the-fly TypeScript, which runs the tokeniser about twice as slowly.)
  const loadBefore = loadavg()
  const run = runSearchIndexJob(wsPath)
  const summary = run.summary
  const peakRss = run.maxRssKb * 1024
  const ourBuildS = run.elapsedMs / 1000
  expect(summary.indexed).toBe(ROWS)
  ws.db.pragma('wal_checkpoint(TRUNCATE)')
  const ourIndexBytes = indexBytes(ws.db, 'ticket_search')

  // The tokeniser alone, over the same texts (part of the build above).
  const texts = ws.db.prepare('SELECT subject, text FROM tickets ORDER BY id').all() as Array<{
    subject: string | null
    text: string
  }>
  const tokStarted = process.hrtime.bigint()
  const tokens = texts.map((t) => tokenizeTicket(t.subject, t.text))
  const tokenizeS = Number(process.hrtime.bigint() - tokStarted) / 1e9

  // (b) The sqlite3 shell on the same rows: .import, then each index built separately.
  const table =
    'CREATE TABLE t(ticket_id TEXT, created_at TEXT, channel TEXT, customer_id TEXT, subject TEXT, description TEXT, status TEXT);'
  const shellImportS = shell(shellPath, `${table}\n.import --csv --skip 1 ${csv.path} t\n`)
  const shellUnicode61S = shell(
    shellPath,
    `CREATE VIRTUAL TABLE f_u61 USING fts5(subject, description, content='', tokenize='unicode61');
     INSERT INTO f_u61(rowid, subject, description) SELECT rowid, subject, description FROM t;`
  )
  const shellPorterS = shell(
    shellPath,
    `CREATE VIRTUAL TABLE f_raw USING fts5(subject, description, content='', tokenize='porter unicode61 remove_diacritics 2');
     INSERT INTO f_raw(rowid, subject, description) SELECT rowid, subject, description FROM t;`
  )
  const shellTrigramS = shell(
    shellPath,
    `CREATE VIRTUAL TABLE f_tri USING fts5(subject, description, content='', tokenize='trigram');
     INSERT INTO f_tri(rowid, subject, description) SELECT rowid, subject, description FROM t;`
  )
  // "The same index": our tokenised text (made above, not timed here) indexed by the shell with
  // our tokenizer settings, in one transaction.
  {
    const out = new Database(shellPath)
    out.exec('CREATE TABLE tok(id INTEGER PRIMARY KEY, tokens TEXT)')
    const put = out.prepare('INSERT INTO tok(id, tokens) VALUES (?, ?)')
    out.transaction(() => tokens.forEach((tok, i) => put.run(i + 1, tok)))()
    out.close()
  }
  tokens.length = 0
  const shellSameS = shell(
    shellPath,
    `CREATE VIRTUAL TABLE f_same USING fts5(tokens, content='', tokenize='porter unicode61 remove_diacritics 2');
     INSERT INTO f_same(rowid, tokens) SELECT id, tokens FROM tok;`
  )
  const sdb = new Database(shellPath, { readonly: true })
  const sizes = {
    table: tableBytes,
    ours: ourIndexBytes,
    unicode61: indexBytes(sdb, 'f_u61'),
    porterUnicode61: indexBytes(sdb, 'f_raw'),
    trigram: indexBytes(sdb, 'f_tri'),
    same: indexBytes(sdb, 'f_same')
  }

  // (c) The query mix.
  const total = (ws.db.prepare('SELECT count(*) AS n FROM tickets').get() as { n: number }).n
  const ftsCount = ws.db
    .prepare('SELECT count(*) AS n FROM ticket_search WHERE ticket_search MATCH ?')
    .pluck()
  const triCount = sdb.prepare('SELECT count(*) AS n FROM f_tri WHERE f_tri MATCH ?').pluck()
  const u61Count = sdb.prepare('SELECT count(*) AS n FROM f_u61 WHERE f_u61 MATCH ?').pluck()
  // The table browser caches totals and row orders per data version; a no-op write moves the
  // version, so that every timed page pays for its count as the first page after a change does.
  const touch = ws.db.prepare("UPDATE search_state SET value = value WHERE key = 'tickets.indexedThrough'")
  const uncached = (): void => void touch.run()
  const rows: string[] = []
  const details: Array<Record<string, unknown>> = []
  for (const q of QUERIES) {
    const match = buildMatchExpression(q.query)!
    const count = time(OUR_REPS, () => ftsCount.get(match) as number)
    const page = time(
      OUR_REPS,
      () => readTablePage(ws.db, { table: 'tickets', offset: 0, limit: 100, filter: { search: q.query } }),
      uncached
    )
    const pageByDate = time(
      OUR_REPS,
      () =>
        readTablePage(ws.db, {
          table: 'tickets',
          offset: 0,
          limit: 100,
          sort: { column: 'createdAt', direction: 'desc' },
          filter: { search: q.query }
        }),
      uncached
    )
    const likeSql = `SELECT count(*) FROM tickets WHERE ${q.likeTerms.map(() => "(coalesce(subject, '') || char(10) || text) LIKE ?").join(' AND ')}`
    const likeStatement = ws.db.prepare(likeSql).pluck()
    const like = time(LIKE_REPS, () => likeStatement.get(...q.likeTerms.map((t) => `%${t}%`)) as number)
    // Trigram needs three characters per term; shorter terms match nothing.
    const triMatch = q.likeTerms.map((t) => `"${t}"`).join(' AND ')
    const trigram = q.likeTerms.every((t) => [...t].length >= 3)
      ? time(TRIGRAM_REPS, () => triCount.get(triMatch) as number)
      : null
    const unicode61Hits = u61Count.get(q.likeTerms.map((t) => `"${t}"`).join(' AND ')) as number
    writeBenchResult({
      id: `search-query-${q.id}`,
      title: `Search at 1M tickets: ${q.label} (${q.query}), first page with total`,
      unit: 'ms',
      runs: page.runs,
      median: median(page.runs),
      target: QUERY_TARGET_MS,
      method: `readTablePage with filter.search: 100 rows in id order plus the filtered total, caches invalidated before each of ${OUR_REPS} runs; ${page.result.total} hits (p95 ${ms(p95(page.runs))} ms).`
    })
    rows.push(
      `| ${q.label} | \`${q.query}\` | ${page.result.total} | ${ms(median(count.runs))} / ${ms(p95(count.runs))} | ${ms(median(page.runs))} / ${ms(p95(page.runs))} | ${ms(median(pageByDate.runs))} / ${ms(p95(pageByDate.runs))} | ${like.result} | ${ms(median(like.runs))} / ${ms(p95(like.runs))} | ${trigram ? `${trigram.result} hits, ${ms(median(trigram.runs))} / ${ms(p95(trigram.runs))}` : 'cannot (term < 3 chars)'} | ${unicode61Hits} |`
    )
    details.push({
      query: q.query,
      hits: page.result.total,
      ftsCountMs: count.runs,
      pageMs: page.runs,
      pageByDateMs: pageByDate.runs,
      likeHits: like.result,
      likeMs: like.runs,
      trigramHits: trigram?.result ?? null,
      trigramMs: trigram?.runs ?? null,
      unicode61Hits
    })
  }
  sdb.close()

  writeBenchResult({
    id: 'search-index-build',
    title:
      'Search index build, 1M tickets (read, tokenise, FTS5 insert), vs 1.5 × the sqlite3 shell building the same index',
    unit: 's',
    runs: [ourBuildS],
    median: ourBuildS,
    target: BUILD_FACTOR * shellSameS,
    method: `One run of the built 'search.index' job in a worker thread on a fresh workspace of ${ROWS} generated tickets (${mb(csv.bytes)} CSV); target = 1.5 × ${shellSameS.toFixed(1)} s, the sqlite3 shell indexing the same tokens with the same FTS5 settings in one transaction. Shell on the raw text: unicode61 ${shellUnicode61S.toFixed(1)} s, porter unicode61 ${shellPorterS.toFixed(1)} s, trigram ${shellTrigramS.toFixed(1)} s (.import alone ${shellImportS.toFixed(1)} s).`
  })

  const machine = `${cpus()[0]?.model ?? 'unknown CPU'}, ${cpus().length} cores, ${Math.round(totalmem() / 2 ** 30)} GiB RAM, Node ${process.versions.node}, SQLite ${(ws.db.prepare('SELECT sqlite_version() AS v').get() as { v: string }).v} (better-sqlite3), sqlite3 shell ${execFileSync('sqlite3', ['--version'], { encoding: 'utf8' }).split(' ')[0]}`
  const report = [
    `# Search benchmark, ${new Date().toISOString().slice(0, 10)}`,
    '',
    `Machine: ${machine}. Load average (1 min) before the build ${loadBefore[0]!.toFixed(2)}, at the end ${loadavg()[0]!.toFixed(2)}: other work on the machine shares its two cores and shows in these figures. Data: ${ROWS} generated tickets, ${mb(csv.bytes)} CSV; tickets table ${mb(sizes.table)} in the workspace.`,
    '',
    '## Index build',
    '',
    '| what | time | index size |',
    '| --- | --- | --- |',
    `| ours: 'search.index' job, built, in a worker thread (read; tokenise in a second thread; insert in chunks), in a process of its own | **${ourBuildS.toFixed(1)} s** (the tokeniser alone, timed here under the test runner's TypeScript transform, slower than the build: ${tokenizeS.toFixed(1)} s; peak RSS of its process ${mb(peakRss)}) | ${mb(sizes.ours)} |`,
    `| shell: the same tokens, same FTS5 settings, one transaction ("the same index") | ${shellSameS.toFixed(1)} s | ${mb(sizes.same)} |`,
    `| shell: raw text, unicode61 | ${shellUnicode61S.toFixed(1)} s | ${mb(sizes.unicode61)} |`,
    `| shell: raw text, porter unicode61 remove_diacritics 2 | ${shellPorterS.toFixed(1)} s | ${mb(sizes.porterUnicode61)} |`,
    `| shell: raw text, trigram | ${shellTrigramS.toFixed(1)} s | ${mb(sizes.trigram)} |`,
    `| shell: .import of the CSV into a plain table (for scale) | ${shellImportS.toFixed(1)} s | |`,
    '',
    `Ours / the same index in the shell: ${(ourBuildS / shellSameS).toFixed(2)}× (target ≤ ${BUILD_FACTOR}×). Ours / raw unicode61: ${(ourBuildS / shellUnicode61S).toFixed(2)}×.`,
    '',
    `## Queries (${total} tickets; ms, median / p95; ours ${OUR_REPS} runs, LIKE ${LIKE_REPS}, trigram ${TRIGRAM_REPS})`,
    '',
    '| query | text | our hits | our FTS count | our first page + total | our page sorted by date | LIKE hits | LIKE count | trigram | unicode61 (raw) hits |',
    '| --- | --- | --- | --- | --- | --- | --- | --- | --- | --- |',
    ...rows,
    ''
  ].join('\n')
  writeFileSync(join(RESULTS, 'search-details.md'), report)
  writeFileSync(join(CACHE, 'search-details.json.txt'), JSON.stringify({ machine, sizes, details }, null, 1))
  console.log(report)

  ws.close()
  for (const f of [wsPath, shellPath])
    for (const s of ['', '-wal', '-shm', '-journal']) rmSync(f + s, { force: true })
  expect(ourBuildS).toBeLessThan(BUILD_FACTOR * shellSameS)
})
