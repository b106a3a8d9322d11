import { existsSync, mkdirSync, renameSync, rmSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { expect, test } from '@playwright/test'
import { ROOT } from '../e2e/harness/paths'
import { buildMetricsReport } from '../../src/main/core/metrics/metrics-report'
import { Workspace } from '../../src/main/core/store/workspace'
import { median, writeBenchResult } from './bench-results'
import { writeGeneratedSurveyResponses } from './fixtures/generated-workspace'

/**
 * CSAT and NPS for a million survey responses (issue 4, "Performance"): the metrics report grouped
 * by month and by a 20-value segment, as `metrics.report` computes it (settings, groupings, range,
 * the SQL histograms and the statistics), beside the query one would write first — one pass over
 * the table with per-group sums — on the same workspace in the same run.
 */

const ROWS = Number(process.env.LOOPBENCH_METRICS_BENCH_ROWS ?? 1_000_000)
const CACHE = join(ROOT, 'test-results', 'bench-cache')
const RESULTS = join(ROOT, 'test-results', 'bench')
const REPS = 9
const TARGET_MS = 300
/** Two years of responses, written as one batch; cached between runs. */
async function ensureWorkspace(): Promise<string> {
  mkdirSync(CACHE, { recursive: true })
  const path = join(CACHE, `metrics-${ROWS}.loopbench`)
  if (existsSync(path)) return path
  const building = `${path}.building`
  rmSync(building, { force: true })
  const ws = await Workspace.create(building)
  ws.settings.update({ timeZone: 'Asia/Singapore' })
  writeGeneratedSurveyResponses(ws, ROWS)
  ws.db.pragma('wal_checkpoint(TRUNCATE)')
  ws.close()
  renameSync(building, path)
  return path
}

function time(run: () => unknown): number {
  const t = performance.now()
  run()
  return performance.now() - t
}

test('metrics of a million survey responses, by month and by a 20-value segment', async () => {
  test.setTimeout(30 * 60_000)
  const path = await ensureWorkspace()
  const ws = await Workspace.open(path)
  try {
    const settings = ws.settings.get()
    const report = (by: string) => buildMetricsReport(ws.db, { by }, settings)
    const monthly = report('month')
    expect(monthly.groups).toHaveLength(24)
    expect(monthly.overall.csat.n + monthly.overall.nps.n).toBeGreaterThan(ROWS)
    const regional = report('region')
    expect(regional.groups).toHaveLength(20)

    // The query one writes first: one pass over the table, sums per month (UTC months only).
    const naiveMonthly = ws.db.prepare(
      `SELECT strftime('%Y-%m', submitted_at / 1000, 'unixepoch') AS month, count(csat_score), sum(csat_score >= 4),
         total(csat_score), count(nps_score), sum(nps_score >= 9), sum(nps_score <= 6)
       FROM survey_responses NOT INDEXED GROUP BY month`
    )
    const naiveRegional = ws.db.prepare(
      `SELECT s.value, count(r.csat_score), sum(r.csat_score >= 4), total(r.csat_score), count(r.nps_score),
         sum(r.nps_score >= 9), sum(r.nps_score <= 6)
       FROM survey_responses r JOIN survey_segments s ON s.response_id = r.id AND s.key = 'region' GROUP BY s.value`
    )
    const cases = [
      { id: 'metrics-by-month', title: 'Metrics, 1M responses by month', run: () => report('month') },
      {
        id: 'metrics-by-segment',
        title: 'Metrics, 1M responses by a 20-value segment',
        run: () => report('region')
      },
      { id: 'week', title: 'by week (105 periods)', run: () => report('week') },
      { id: 'quarter', title: 'by quarter', run: () => report('quarter') },
      { id: 'channel', title: 'by channel', run: () => report('channel') },
      {
        id: 'naive-month',
        title: 'first-draft SQL by month (table scan, sums)',
        run: () => naiveMonthly.all()
      },
      {
        id: 'naive-segment',
        title: 'first-draft SQL by segment (join per row)',
        run: () => naiveRegional.all()
      }
    ]
    const measured = cases.map((c) => {
      c.run() // warm the page cache and the statement cache
      const runs = Array.from({ length: REPS }, () => time(c.run))
      return { ...c, runs, median: median(runs) }
    })
    for (const m of measured.slice(0, 2)) {
      writeBenchResult({
        id: m.id,
        title: m.title,
        unit: 'ms',
        runs: m.runs,
        median: m.median,
        target: TARGET_MS,
        method: `buildMetricsReport (what metrics.report runs) on a workspace of ${ROWS.toLocaleString('en-US')} responses over two years (Asia/Singapore), CSAT ~95% and NPS ~90% answered, 3 channels, a 20-value region and a 3-value tier segment; ${REPS} runs after one warm-up, page cache warm.`
      })
    }
    mkdirSync(RESULTS, { recursive: true })
    writeFileSync(
      join(RESULTS, 'metrics-details.md'),
      [
        `Metrics at ${ROWS.toLocaleString('en-US')} responses, median of ${REPS} runs each:`,
        '',
        '| query | median | runs |',
        '| --- | --- | --- |',
        ...measured.map(
          (m) =>
            `| ${m.title} | ${Math.round(m.median)} ms | ${m.runs.map((v) => Math.round(v)).join(', ')} |`
        )
      ].join('\n') + '\n'
    )
    for (const m of measured) console.log(`${m.title}: ${Math.round(m.median)} ms`)
  } finally {
    ws.close()
  }
})
