import { execFileSync } from 'node:child_process'
import { mkdirSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { expect, test } from '@playwright/test'
import { CLI, ROOT } from '../e2e/harness/paths'
import { ensureTicketCsv } from './fixtures/generate-ticket-csv'
import { median, writeBenchResult } from './bench-results'

const DATA_DIR = join(ROOT, 'test-results', 'bench-data')
const RUNS = 2

/** Wall time of a command, in seconds. */
function timed(
  command: string,
  args: string[],
  env: NodeJS.ProcessEnv = process.env
): { seconds: number; stdout: string } {
  const started = process.hrtime.bigint()
  const stdout = execFileSync(command, args, { cwd: ROOT, env, maxBuffer: 64 << 20, encoding: 'utf8' })
  return { seconds: Number(process.hrtime.bigint() - started) / 1e9, stdout }
}

test('import: 1,000,000 tickets from CSV, beside the sqlite3 shell', async () => {
  mkdirSync(DATA_DIR, { recursive: true })
  const csv = await ensureTicketCsv(join(DATA_DIR, 'tickets-1m.csv'))
  const mb = csv.bytes / 1e6

  const shellRuns: number[] = []
  const ourRuns: number[] = []
  const committedRuns: number[] = []
  const peaks: number[] = []
  for (let i = 0; i < RUNS; i++) {
    // The shell: `.import` into a plain table (no validation, no key, no provenance).
    const shellDir = mkdtempSync(join(tmpdir(), 'loopbench-bench-shell-'))
    const script = join(shellDir, 'import.sql')
    writeFileSync(script, `.mode csv\n.import ${csv.path} tickets\n`)
    shellRuns.push(timed('sqlite3', [join(shellDir, 'shell.db'), `.read ${script}`]).seconds)
    rmSync(shellDir, { recursive: true, force: true })

    // Loopbench: the real CLI, detection, validation, the unique key and provenance.
    const dir = mkdtempSync(join(tmpdir(), 'loopbench-bench-import-'))
    const rssFile = join(dir, 'rss')
    const run = timed(
      process.execPath,
      [
        '--import',
        join(ROOT, 'test', 'bench', 'rss-reporter.mjs'),
        CLI,
        'import',
        csv.path,
        '--workspace',
        join(dir, 'w.loopbench'),
        '--json'
      ],
      { ...process.env, LOOPBENCH_CONFIG_DIR: join(dir, 'config'), LOOPBENCH_RSS_FILE: rssFile }
    )
    const batch = (
      JSON.parse(run.stdout) as {
        batches: Array<{ inserted: number; rejected: number; committedMs: number; elapsedMs: number }>
      }
    ).batches[0]!
    expect(batch.inserted + batch.rejected).toBe(csv.rows)
    ourRuns.push(run.seconds)
    // Wall time from process start until the rows were committed: the whole process less what
    // ran after the commit (rebuilding the suspended indexes, checkpointing the WAL).
    committedRuns.push(run.seconds - (batch.elapsedMs - batch.committedMs) / 1000)
    peaks.push(Number(readFileSync(rssFile, 'utf8')) / 1024)
    const db = statSync(join(dir, 'w.loopbench')).size
    console.log(
      `run ${i + 1}: shell ${shellRuns[i]!.toFixed(2)} s; loopbench ${run.seconds.toFixed(2)} s (rows committed at ${committedRuns[i]!.toFixed(2)} s), peak ${peaks[i]!.toFixed(0)} MB, workspace ${(db / 1e6).toFixed(0)} MB, rejected ${batch.rejected}`
    )
    rmSync(dir, { recursive: true, force: true })
  }
  const shell = median(shellRuns)
  const committed = median(committedRuns)
  const whole = median(ourRuns)
  const shellNote =
    `the sqlite3 shell's plain \`.import\` of the same file into a table without keys, measured in the same run: ` +
    `${shellRuns.map((s) => s.toFixed(2)).join(', ')} s (median ${shell.toFixed(2)} s).`
  writeBenchResult({
    id: 'import-1m-tickets',
    title: `Import 1,000,000 tickets (${mb.toFixed(0)} MB CSV): rows committed, with validation, unique key and provenance, without the search index`,
    unit: 's',
    runs: committedRuns,
    median: committed,
    target: 2 * shell,
    method:
      `\`loopbench import\` as a child process, wall time from process start (start-up, detection, SHA-256, parse, validation, upsert) until COMMIT returned, ${RUNS} runs, median; ` +
      `${Math.round(csv.rows / committed).toLocaleString('en-US')} rows/s; peak RSS ${Math.max(...peaks).toFixed(0)} MB (target < 400 MB). ` +
      `Target = 2 × ${shellNote}`
  })
  writeBenchResult({
    id: 'import-1m-tickets-whole',
    title:
      'Import 1,000,000 tickets: the whole command, including the secondary indexes rebuilt after the commit',
    unit: 's',
    runs: ourRuns,
    median: whole,
    target: 2 * shell,
    method:
      `Wall time of the whole \`loopbench import\` process until exit (adds rebuilding the status/channel/date indexes and the WAL checkpoint); ` +
      `${Math.round(csv.rows / whole).toLocaleString('en-US')} rows/s. Target as above: 2 × ${shellNote}`
  })
  writeBenchResult({
    id: 'import-peak-memory',
    title: 'Import 1,000,000 tickets: peak memory of the whole process',
    unit: 'MB',
    runs: peaks,
    median: median(peaks),
    target: 400,
    method:
      'Peak resident set size of the `loopbench import` process (main thread and import worker), from getrusage at exit.'
  })
  expect(Math.max(...peaks)).toBeLessThan(400)
})
