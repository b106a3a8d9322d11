import { execFile } from 'node:child_process'
import { createWriteStream, existsSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs'
import { once } from 'node:events'
import { createRequire } from 'node:module'
import { join, resolve } from 'node:path'
import { promisify } from 'node:util'
import ExcelJS from 'exceljs'
import Database from 'better-sqlite3'
import { build } from 'vite'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { ReadInfo, ReadWarning } from '../../../src/main/core/import/readers/table-source'
import { makeTempDir } from '../../helpers/temp-dir'

/**
 * Memory stays flat for every format: a ~300 MB JSON array, a ~300 MB NDJSON file and a large
 * XLSX sheet are read to the end in a child Node process, which reports its peak RSS
 * (`process.resourceUsage().maxRSS`); it must stay under 400 MB with every row read. A 100 MB
 * ticket CSV is read the same way for throughput (reported, not asserted: this is a shared
 * 2-core machine). Then the same files are imported whole by the built `loopbench import`
 * (detection, validation, the upsert, provenance, the commit — its import worker included in the
 * process's peak), under the same 400 MB.
 *
 * The child runs a bundle of `read-probe.ts` made with Vite's build API: the readers use the
 * `@shared` alias and extension-less imports, which Node cannot load from TypeScript source, and
 * vitest's own workers share a process with vitest. Dependencies stay external, imported by
 * absolute path from this repository's node_modules, so the bundle can live in a temp folder.
 */

const ROOT = resolve(import.meta.dirname, '../../..')
const CLI = join(ROOT, 'bin', 'loopbench.mjs')
const RSS_REPORTER = join(ROOT, 'test', 'bench', 'rss-reporter.mjs')
const LIMIT_MB = 400
const run = promisify(execFile)

/** What the probe prints. */
interface ProbeResult {
  info: ReadInfo
  headers: string[]
  peekRows: number
  peekMs: number
  rows: number
  issues: number
  outOfOrder: number
  firstLine: number
  lastLine: number
  lastCells: string[]
  warnings: ReadWarning[]
  seconds: number
  cpuSeconds: number
  bytes: number
  bytesRead: number
  maxRssMb: number
}

/** Bundles the probe into `dir/read-probe.mjs`. */
async function bundleProbe(dir: string): Promise<string> {
  const require = createRequire(join(ROOT, 'package.json'))
  await build({
    configFile: false,
    root: ROOT,
    logLevel: 'silent',
    resolve: { alias: { '@shared': join(ROOT, 'src/shared') } },
    plugins: [
      {
        name: 'absolute-externals',
        enforce: 'pre',
        resolveId(id) {
          if (/^(\.|\/|@shared\/|node:|\0)/.test(id)) return null
          return { id: require.resolve(id), external: true }
        }
      }
    ],
    build: {
      ssr: join(import.meta.dirname, 'readers', 'read-probe.ts'),
      outDir: dir,
      emptyOutDir: false,
      minify: false,
      rollupOptions: { output: { format: 'es', entryFileNames: 'read-probe.mjs' } }
    }
  })
  return join(dir, 'read-probe.mjs')
}

/** The newest modification time of the files under a folder. */
function newestMtime(dir: string): number {
  let newest = 0
  for (const entry of readdirSync(dir, { withFileTypes: true, recursive: true })) {
    if (entry.isFile()) newest = Math.max(newest, statSync(join(entry.parentPath, entry.name)).mtimeMs)
  }
  return newest
}

/** The import tests run the built command line: refuse to measure a build older than the source. */
function assertFreshBuild(): void {
  const bundle = join(ROOT, 'out', 'main', 'cli.js')
  if (!existsSync(bundle) || statSync(bundle).mtimeMs < newestMtime(join(ROOT, 'src', 'main'))) {
    throw new Error('out/main is missing or older than src/main: run `npm run build` first (npm test does).')
  }
}

/** Writes text produced block by block, with backpressure; returns the path. */
async function writeBlocks(path: string, blocks: Iterable<string>): Promise<string> {
  const out = createWriteStream(path)
  for (const block of blocks) {
    if (!out.write(block)) await once(out, 'drain')
  }
  out.end()
  await once(out, 'finish')
  return path
}

const CHANNELS = ['email', 'chat', 'phone', '微信', 'web']
const TEXTS = [
  'Refund has not arrived yet, please check order BB26080312345',
  '退款一直没有到账，请尽快处理，已经等了一周了',
  'The app crashes when I open settings after the update',
  '物流太慢了，快递员也联系不上',
  'Great support, thanks! Resolved in one reply.'
]

/** One ticket as a JSON object (nested customer, a list of tags), about 330 bytes. */
function ticket(i: number): Record<string, unknown> {
  return {
    id: `T-${String(i).padStart(8, '0')}`,
    created_at: `2026-0${1 + (i % 9)}-${String(1 + (i % 28)).padStart(2, '0')}T${String(i % 24).padStart(2, '0')}:15:00Z`,
    channel: CHANNELS[i % 5],
    status: i % 3 === 0 ? 'solved' : 'open',
    customer: { id: `C-${i % 50000}`, tier: i % 7 === 0 ? 'gold' : 'basic', region: '华东' },
    tags: ['refund', i % 2 === 0 ? 'late' : 'app'],
    subject: TEXTS[i % 5],
    description: `${TEXTS[(i + 1) % 5]} ${TEXTS[(i + 2) % 5]}`,
    csat: 1 + (i % 5)
  }
}

/** Lines of text in blocks of about 1 MB. */
function* blocksOf(count: number, line: (i: number) => string, head = '', tail = ''): Generator<string> {
  let block = head
  for (let i = 0; i < count; i++) {
    block += line(i)
    if (block.length > 1 << 20) {
      yield block
      block = ''
    }
  }
  yield block + tail
}

describe('memory stays flat for every format (child processes, peak RSS)', () => {
  let temp: ReturnType<typeof makeTempDir>
  let probe: string
  const files = { json: '', ndjson: '', xlsx: '', csv: '' }
  const COUNTS = { json: 900_000, ndjson: 900_000, xlsx: 300_000, csv: 400_000 }
  const timings: string[] = []

  beforeAll(async () => {
    assertFreshBuild()
    temp = makeTempDir('loopbench-reader-memory-')
    let started = performance.now()
    probe = await bundleProbe(temp.dir)
    timings.push(`bundle ${((performance.now() - started) / 1000).toFixed(1)} s`)

    started = performance.now()
    // JSON: pretty enough that each record is on its own line (line = index + 2).
    files.json = await writeBlocks(
      join(temp.dir, 'tickets.json'),
      blocksOf(COUNTS.json, (i) => `${i === 0 ? '' : ',\n'}${JSON.stringify(ticket(i))}`, '[\n', '\n]\n')
    )
    files.ndjson = await writeBlocks(
      join(temp.dir, 'events.ndjson'),
      blocksOf(COUNTS.ndjson, (i) => `${JSON.stringify(ticket(i))}\n`)
    )
    files.csv = await writeBlocks(
      join(temp.dir, 'tickets.csv'),
      blocksOf(
        COUNTS.csv,
        (i) => {
          const t = ticket(i)
          return `${String(t.id)},${String(t.created_at)},${String(t.channel)},${String(t.status)},"${TEXTS[i % 5]}","${String(t.description)}\nsecond line of the description",${String(t.csat)}\n`
        },
        'ticket_id,created_at,channel,status,subject,description,csat\n'
      )
    )
    timings.push(`generate JSON + NDJSON + CSV ${((performance.now() - started) / 1000).toFixed(1)} s`)

    // XLSX with exceljs's streaming writer: shared strings (as Excel writes them), dates, numbers.
    started = performance.now()
    files.xlsx = join(temp.dir, 'tickets.xlsx')
    const writer = new ExcelJS.stream.xlsx.WorkbookWriter({
      filename: files.xlsx,
      useSharedStrings: true,
      useStyles: true
    })
    const sheet = writer.addWorksheet('Tickets')
    sheet.columns = [
      { key: 'id' },
      { key: 'created', style: { numFmt: 'yyyy-mm-dd hh:mm' } },
      { key: 'channel' },
      { key: 'text' },
      { key: 'csat' },
      { key: 'note' }
    ]
    sheet.addRow(['id', 'created', 'channel', 'text', 'csat', 'note']).commit()
    for (let i = 0; i < COUNTS.xlsx; i++) {
      sheet
        .addRow([
          i,
          new Date(Date.UTC(2026, i % 12, 1 + (i % 28), i % 24, 15)),
          CHANNELS[i % 5],
          `${TEXTS[i % 5]} #${i}`,
          1 + (i % 5),
          TEXTS[(i + 3) % 5]
        ])
        .commit()
    }
    sheet.commit()
    await writer.commit()
    timings.push(`generate XLSX ${((performance.now() - started) / 1000).toFixed(1)} s`)
  }, 240_000)

  afterAll(() => {
    console.log(`[reader memory]\n  ${timings.join('\n  ')}`)
    temp.cleanup()
  })

  /** Runs the probe on a file in a fresh Node process. */
  async function probeFile(path: string, name: string): Promise<ProbeResult> {
    const started = performance.now()
    const { stdout } = await run(process.execPath, [probe, path, name], {
      maxBuffer: 1 << 20,
      timeout: 180_000
    })
    const result = JSON.parse(stdout.trim().split('\n').at(-1) ?? '') as ProbeResult
    const mb = result.bytes / 1e6
    timings.push(
      `${name}: ${mb.toFixed(0)} MB, ${result.rows.toLocaleString('en')} rows in ${result.seconds.toFixed(1)} s wall ` +
        `(${(mb / result.seconds).toFixed(0)} MB/s, ${Math.round(result.rows / result.seconds).toLocaleString('en')} rows/s), ` +
        `${result.cpuSeconds.toFixed(1)} s CPU (${(mb / result.cpuSeconds).toFixed(0)} MB/s, ` +
        `${Math.round(result.rows / result.cpuSeconds).toLocaleString('en')} rows/s), peak RSS ${result.maxRssMb.toFixed(0)} MB, ` +
        `peek ${result.peekMs.toFixed(0)} ms, whole child process ${((performance.now() - started) / 1000).toFixed(1)} s`
    )
    return result
  }

  it('reads a ~300 MB JSON array with every row, each at its line, under 400 MB', async () => {
    const result = await probeFile(files.json, 'tickets.json')
    expect(statSync(files.json).size).toBeGreaterThan(280e6)
    expect(result.info.format).toBe('json')
    expect(result.headers).toEqual([
      'id',
      'created_at',
      'channel',
      'status',
      'customer.id',
      'customer.tier',
      'customer.region',
      'tags',
      'subject',
      'description',
      'csat'
    ])
    expect(result.rows).toBe(COUNTS.json)
    expect([result.firstLine, result.lastLine, result.issues, result.outOfOrder]).toEqual([
      2,
      COUNTS.json + 1,
      0,
      0
    ])
    expect(result.lastCells[0]).toBe(`T-${String(COUNTS.json - 1).padStart(8, '0')}`)
    expect(result.warnings).toEqual([])
    expect(result.bytesRead).toBe(result.bytes)
    expect(result.maxRssMb).toBeLessThan(LIMIT_MB)
  }, 180_000)

  it('reads a ~300 MB NDJSON file with every row under 400 MB', async () => {
    const result = await probeFile(files.ndjson, 'events.ndjson')
    expect(statSync(files.ndjson).size).toBeGreaterThan(280e6)
    expect(result.info.format).toBe('ndjson')
    expect(result.rows).toBe(COUNTS.ndjson)
    expect([result.firstLine, result.lastLine, result.issues, result.outOfOrder]).toEqual([
      1,
      COUNTS.ndjson,
      0,
      0
    ])
    expect(result.lastCells.at(-1)).toBe(String(1 + ((COUNTS.ndjson - 1) % 5)))
    expect(result.maxRssMb).toBeLessThan(LIMIT_MB)
  }, 180_000)

  it('reads a large XLSX sheet (streaming, shared strings) with every row under 400 MB', async () => {
    const result = await probeFile(files.xlsx, 'tickets.xlsx')
    expect(result.info).toMatchObject({ format: 'xlsx', sheets: ['Tickets'], sheet: 'Tickets' })
    expect(result.rows).toBe(COUNTS.xlsx)
    expect([result.firstLine, result.lastLine, result.issues, result.outOfOrder]).toEqual([
      2,
      COUNTS.xlsx + 1,
      0,
      0
    ])
    const last = COUNTS.xlsx - 1
    const created = new Date(Date.UTC(2026, last % 12, 1 + (last % 28), last % 24, 15))
      .toISOString()
      .slice(0, 19)
    expect(result.lastCells).toEqual([
      String(last),
      created,
      CHANNELS[last % 5],
      `${TEXTS[last % 5]} #${last}`,
      String(1 + (last % 5)),
      TEXTS[(last + 3) % 5]
    ])
    expect(result.maxRssMb).toBeLessThan(LIMIT_MB)
  }, 180_000)

  it('reads a 100 MB ticket CSV (multi-line quoted fields) and reports its throughput', async () => {
    const result = await probeFile(files.csv, 'tickets.csv')
    expect(result.bytes).toBeGreaterThan(95e6)
    expect(result.rows).toBe(COUNTS.csv)
    // Every record spans two physical lines: record i starts on line 2 + 2i.
    expect([result.firstLine, result.lastLine, result.issues, result.outOfOrder]).toEqual([
      2,
      2 * COUNTS.csv,
      0,
      0
    ])
    expect(result.maxRssMb).toBeLessThan(LIMIT_MB)
  }, 180_000)
  interface ImportOutcome {
    batch: { kind: string; rowsRead: number; inserted: number; rejected: number; warnings?: string[] }
    stored: number
    maxRssMb: number
  }

  /** `loopbench import` of a file in a fresh Node process; its peak RSS and the rows stored. */
  async function importFile(path: string, name: string): Promise<ImportOutcome> {
    const workspace = join(temp.dir, `${name}.loopbench`)
    const rssFile = join(temp.dir, `${name}.rss`)
    const started = performance.now()
    const { stdout } = await run(
      process.execPath,
      ['--import', RSS_REPORTER, CLI, 'import', path, '--workspace', workspace, '--json'],
      {
        env: { ...process.env, LOOPBENCH_CONFIG_DIR: join(temp.dir, 'config'), LOOPBENCH_RSS_FILE: rssFile },
        maxBuffer: 16 << 20,
        timeout: 300_000
      }
    )
    const seconds = (performance.now() - started) / 1000
    const batch = (JSON.parse(stdout) as { batches: ImportOutcome['batch'][] }).batches[0]!
    const maxRssMb = Number(readFileSync(rssFile, 'utf8')) / 1024
    const db = new Database(workspace, { readonly: true })
    const table = batch.kind === 'tickets' ? 'tickets' : 'survey_responses'
    const stored = db.prepare(`SELECT count(*) FROM ${table}`).pluck().get() as number
    db.close()
    for (const suffix of ['', '-wal', '-shm']) rmSync(workspace + suffix, { force: true })
    timings.push(
      `import ${name}: ${batch.rowsRead.toLocaleString('en')} rows as ${batch.kind} in ${seconds.toFixed(1)} s ` +
        `(${Math.round(batch.rowsRead / seconds).toLocaleString('en')} rows/s), peak RSS ${maxRssMb.toFixed(0)} MB`
    )
    return { batch, stored, maxRssMb }
  }

  it.each([
    ['tickets.json', 'json'],
    ['events.ndjson', 'ndjson'],
    ['tickets.xlsx', 'xlsx']
  ] as const)(
    'imports %s whole with `loopbench import` under 400 MB, every row stored',
    async (name, format) => {
      const outcome = await importFile(files[format], name)
      expect(outcome.batch.kind).toBe('tickets')
      expect(outcome.batch.rowsRead).toBe(COUNTS[format])
      expect([outcome.batch.inserted, outcome.batch.rejected]).toEqual([COUNTS[format], 0])
      expect(outcome.stored).toBe(COUNTS[format])
      expect(outcome.maxRssMb).toBeLessThan(LIMIT_MB)
    },
    300_000
  )
})
