import { existsSync, mkdirSync, mkdtempSync, renameSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import type { Page } from '@playwright/test'
import { expect, test } from '@playwright/test'
import { ROOT } from '../e2e/harness/paths'
import { WORKBENCH_READY_SELECTOR } from '../e2e/harness/ready'
import { startServe } from '../e2e/harness/serve-process'
import type { ServeProcess } from '../e2e/harness/serve-process'
import { MetricsDashboard } from '../e2e/pages/metrics-dashboard'
import { WorkbenchPage } from '../e2e/pages/workbench-page'
import { SEARCH_DEBOUNCE_MS } from '../../src/renderer/src/editors/table/ticket-filter'
import { LATEST_SCHEMA_VERSION } from '../../src/main/core/store/migrations/index'
import { Workspace } from '../../src/main/core/store/workspace'
import type { BenchResult } from './bench-results'
import { median, percentile, writeBenchResult } from './bench-results'
import {
  runSearchIndexJob,
  writeGeneratedSurveyResponses,
  writeGeneratedTickets
} from './fixtures/generated-workspace'

/**
 * The performance suite's large workspace (issue 8, item 8): 1,000,000 tickets (indexed for
 * search) and 1,000,000 survey responses, opened through the web host in headless Chromium as a
 * user would: time to a usable workbench, scrolling the tickets table (every frame's length),
 * search and filter latency, and refreshing the metrics dashboard. Every time is taken in the
 * page with performance.now(), from the user's action to the frame that shows its result.
 */

const ROWS = Number(process.env.LOOPBENCH_LARGE_BENCH_ROWS ?? 1_000_000)
const CACHE = join(ROOT, 'test-results', 'bench-cache')
const RENDER_RUNS = 5
const SEARCH_REPS = 5
const FILTER_REPS = 5
const REFRESH_RUNS = 7
const RENDER_TARGET_MS = 1500
const LATENCY_TARGET_MS = 200
const FRAME_TARGET_MS = 50
const REFRESH_TARGET_MS = 1000

/** What a user types into the tickets search, English and Chinese, short and long. */
const QUERIES = [
  'refund',
  'parcel tracking',
  '"still not here"',
  '退',
  '退款',
  '优惠券',
  '物流显示已签收',
  'Android 闪退'
]

const step = (label: string): void =>
  console.log(`[large-workspace] ${new Date().toISOString().slice(11, 19)} ${label}`)

/** The workspace, built once and cached: rows written directly, then the real index job. */
async function ensureWorkspace(): Promise<string> {
  mkdirSync(CACHE, { recursive: true })
  // Named by schema version: a cached workspace is never migrated (and backed up) at open.
  const path = join(CACHE, `large-${ROWS}-v${LATEST_SCHEMA_VERSION}.loopbench`)
  if (existsSync(path)) return path
  const building = `${path}.building`
  for (const s of ['', '-wal', '-shm']) rmSync(building + s, { force: true })
  const ws = await Workspace.create(building)
  ws.settings.update({ timeZone: 'Asia/Singapore' })
  writeGeneratedTickets(ws, ROWS)
  writeGeneratedSurveyResponses(ws, ROWS)
  ws.db.pragma('wal_checkpoint(TRUNCATE)')
  ws.close()
  const index = runSearchIndexJob(building)
  expect(index.summary.indexed).toBe(ROWS)
  renameSync(building, path)
  return path
}

/**
 * Resolves, in the page, with the milliseconds from `start` until the grid has gone busy and come
 * back with its first row loaded (or its empty note), measured at the next frame after that.
 */
function settleAfter(page: Page, testId: string): Promise<number> {
  return page.evaluate(
    (id) =>
      new Promise<number>((resolve, reject) => {
        const root = document.querySelector(`[data-testid="${id}"]`)
        const grid = root?.querySelector('[data-testid="table-grid"]')
        if (!root || !grid) return reject(new Error(`no grid in ${id}`))
        const w = window as unknown as { __lbStart?: number }
        // A fast answer can come and go between two frames: watch the attribute itself.
        let sawBusy = grid.getAttribute('aria-busy') === 'true'
        const observer = new MutationObserver(() => {
          if (grid.getAttribute('aria-busy') === 'true') sawBusy = true
        })
        observer.observe(grid, { attributes: true, attributeFilter: ['aria-busy'] })
        const check = (): void => {
          const first = grid.querySelector('[role="row"][data-row-index="0"]')
          const shown =
            (first && !first.classList.contains('is-loading')) ||
            root.querySelector('[data-testid="table-empty"]')
          if (sawBusy && grid.getAttribute('aria-busy') === 'false' && shown && w.__lbStart !== undefined) {
            const started = w.__lbStart
            observer.disconnect()
            requestAnimationFrame(() => resolve(performance.now() - started))
            return
          }
          requestAnimationFrame(check)
        }
        check()
        setTimeout(() => reject(new Error('the grid did not settle within 30 s')), 30_000)
      }),
    testId
  )
}

/** Marks the start of a user action in the page (at the keyboard or change event itself). */
async function markStartOn(page: Page, selector: string, event: 'keydown' | 'change'): Promise<void> {
  await page.evaluate(
    ([sel, ev]) => {
      const w = window as unknown as { __lbStart?: number }
      delete w.__lbStart
      document.querySelector(sel!)?.addEventListener(ev!, () => (w.__lbStart = performance.now()), {
        capture: true,
        once: true
      })
    },
    [selector, event]
  )
}

function result(
  id: string,
  title: string,
  runs: number[],
  figure: number,
  target: number,
  method: string,
  statistic?: BenchResult['statistic']
): BenchResult {
  const r: BenchResult = {
    id,
    title,
    unit: 'ms',
    runs,
    median: figure,
    target,
    method,
    ...(statistic ? { statistic } : {})
  }
  writeBenchResult(r)
  return r
}

test('a workspace of 1,000,000 tickets and 1,000,000 survey responses in the web host', async ({
  browser
}) => {
  test.setTimeout(60 * 60_000)
  const workspace = await ensureWorkspace()
  const dir = mkdtempSync(join(tmpdir(), 'loopbench-bench-large-'))
  let server: ServeProcess | null = null
  const results: BenchResult[] = []
  try {
    server = await startServe({ workspace, configDir: join(dir, 'config') })

    step('first render')
    // 1. Time to a usable workbench, cold cache each time.
    const render: number[] = []
    const fcp: number[] = []
    for (let i = 0; i < RENDER_RUNS; i++) {
      const context = await browser.newContext()
      const page = await context.newPage()
      const started = Date.now()
      await page.goto(server.url)
      await page.locator(WORKBENCH_READY_SELECTOR).waitFor({ state: 'visible', timeout: 60_000 })
      render.push(Date.now() - started)
      fcp.push(
        await page.evaluate(
          () => performance.getEntriesByName('first-contentful-paint')[0]?.startTime ?? Number.NaN
        )
      )
      await context.close()
    }
    results.push(
      result(
        'large-first-render',
        'Web host, 1M tickets + 1M responses: open the URL until the workbench is usable',
        render,
        median(render),
        RENDER_TARGET_MS,
        `Headless Chromium, new context per run (cold cache), page.goto(url with token) until the Explorer shows the workspace's counts; ${RENDER_RUNS} runs, median. First contentful paint, median ${Math.round(median(fcp))} ms.`
      )
    )

    const context = await browser.newContext()
    const page = await context.newPage()
    await page.goto(server.url)
    const wb = new WorkbenchPage(page)
    await wb.waitReady()

    step('tickets table')
    // 2. The tickets table: open it, then scroll it as a user does, recording every frame.
    const openStarted = Date.now()
    await wb.explorer.openTable('tickets')
    const table = wb.table('tickets')
    await expect(table.loadedRows().first()).toBeVisible({ timeout: 30_000 })
    const openMs = Date.now() - openStarted
    await expect(table.rowCount).toHaveText(`${ROWS.toLocaleString('en-US')} rows`)
    const box = await table.grid.boundingBox()
    if (!box) throw new Error('the tickets grid is not on screen')
    await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2)
    await page.evaluate(() => {
      const w = window as unknown as { __lbFrames: number[]; __lbRecording: boolean }
      w.__lbFrames = []
      w.__lbRecording = true
      let last = performance.now()
      const tick = (now: number): void => {
        w.__lbFrames.push(now - last)
        last = now
        if (w.__lbRecording) requestAnimationFrame(tick)
      }
      requestAnimationFrame((now) => {
        last = now
        requestAnimationFrame(tick)
      })
    })
    step('scrolling')
    // Wheel scrolling at a steady pace (down, then back up), then jumps as when the scroll bar's
    // thumb is dragged far: each lands on rows that are not loaded yet.
    for (let i = 0; i < 120; i++) {
      await page.mouse.wheel(0, i < 80 ? 600 : -600)
      await page.waitForTimeout(16)
    }
    const jumps = [0.5, 0.9, 0.1, 0.999, 0.3, 0.7, 0]
    const jumpLoads: number[] = []
    for (const at of jumps) {
      await table.grid.evaluate((el, f) => {
        el.scrollTop = Math.round((el.scrollHeight - el.clientHeight) * f)
      }, at)
      const started = Date.now()
      await expect(table.grid.locator('[role="row"].is-loading')).toHaveCount(0, { timeout: 30_000 })
      jumpLoads.push(Date.now() - started)
      await page.waitForTimeout(200)
    }
    const frames = await page.evaluate(() => {
      const w = window as unknown as { __lbFrames: number[]; __lbRecording: boolean }
      w.__lbRecording = false
      return w.__lbFrames
    })
    const longest = Math.max(...frames)
    const over = frames.filter((f) => f > FRAME_TARGET_MS).length
    results.push(
      result(
        'large-scroll-frames',
        'Web host, 1M tickets: scroll the tickets table, longest frame',
        [longest],
        longest,
        FRAME_TARGET_MS,
        `requestAnimationFrame intervals while the mouse wheel scrolls the table 120 times (600 px each, 16 ms apart, 80 down and 40 up) and then jumps 7 times to 50 %, 90 %, 10 %, 99.9 %, 30 %, 70 % and the top: ${frames.length} frames, ${over} longer than ${FRAME_TARGET_MS} ms, median ${median(frames).toFixed(1)} ms, p99 ${percentile(frames, 0.99).toFixed(1)} ms. Opening the table took ${openMs} ms; rows after a jump were on screen in ${median(jumpLoads)} ms (median; Playwright polling, so within ~30 ms).`,
        'max'
      )
    )

    step('search')
    // 3. Search: type the query, press Enter, until the first page and the count are shown.
    const searchTimes = new Map<string, number[]>()
    const counts = new Map<string, string>()
    for (const query of QUERIES) {
      const runs: number[] = []
      for (let rep = 0; rep < SEARCH_REPS; rep++) {
        await table.search.fill(query)
        await markStartOn(page, '[data-testid="ticket-search"]', 'keydown')
        const settled = settleAfter(page, 'table-editor-tickets')
        await table.search.press('Enter')
        runs.push(await settled)
        counts.set(query, (await table.filterCount.textContent()) ?? '')
        // Back to no search, ready for the next run.
        await table.search.press('Escape')
        await expect(table.rowCount).toBeVisible()
        await expect(table.loadedRows().first()).toBeVisible()
      }
      searchTimes.set(query, runs)
    }
    const allSearch = [...searchTimes.values()].flat()
    results.push(
      result(
        'large-search-p95',
        'Web host, 1M tickets: search, from Enter until the first page and the count are shown, p95',
        allSearch,
        percentile(allSearch, 0.95),
        LATENCY_TARGET_MS,
        `${QUERIES.length} queries (English and Chinese, 1–7 characters, a phrase, mixed) × ${SEARCH_REPS}, measured in the page from the Enter key to the frame after the grid's first page arrived: p50 ${percentile(allSearch, 0.5).toFixed(0)} ms, p95 ${percentile(allSearch, 0.95).toFixed(0)} ms. While typing, the search waits ${SEARCH_DEBOUNCE_MS} ms after the last key before it starts (Enter starts it at once).`,
        'p95'
      )
    )

    step('filters')
    // 4. Filters: a channel, a created-date range; each until the filtered first page is shown.
    const filterRuns: number[] = []
    const channelPicker = page.getByTestId('ticket-channels')
    for (let rep = 0; rep < FILTER_REPS; rep++) {
      await channelPicker.getByRole('button').click()
      const box0 = channelPicker.locator('input[data-value]').nth(rep % 3)
      await markStartOn(page, '[data-testid="ticket-channels"]', 'change')
      let settled = settleAfter(page, 'table-editor-tickets')
      await box0.check()
      filterRuns.push(await settled)
      await page.keyboard.press('Escape')

      await markStartOn(page, '[data-testid="ticket-from"]', 'change')
      settled = settleAfter(page, 'table-editor-tickets')
      await page.getByTestId('ticket-from').fill(`2025-0${1 + rep}-01`)
      filterRuns.push(await settled)

      await page.getByTestId('ticket-clear-filters').click()
      await expect(table.rowCount).toBeVisible()
      await expect(table.loadedRows().first()).toBeVisible()
    }
    results.push(
      result(
        'large-filter-p95',
        'Web host, 1M tickets: filter by channel or created date, until the first page and the count are shown, p95',
        filterRuns,
        percentile(filterRuns, 0.95),
        LATENCY_TARGET_MS,
        `${FILTER_REPS} × (tick a channel, then set a "from" date on top of it), measured in the page from the change event to the frame after the grid's first page arrived: p50 ${percentile(filterRuns, 0.5).toFixed(0)} ms, p95 ${percentile(filterRuns, 0.95).toFixed(0)} ms.`,
        'p95'
      )
    )

    step('dashboard')
    // 5. The metrics dashboard over 1M responses: open it, then refresh it.
    await wb.runCommand('Open Metrics Dashboard')
    const dashboard = new MetricsDashboard(page)
    const openDash = Date.now()
    await dashboard.waitLoaded()
    const dashboardOpenMs = Date.now() - openDash
    const refreshes: number[] = []
    for (let i = 0; i < REFRESH_RUNS; i++) {
      const ms = await page.evaluate(
        () =>
          new Promise<number>((resolve, reject) => {
            const content = document.querySelector('[data-testid="metrics-content"]')
            const button = document.querySelector<HTMLButtonElement>('[data-testid="metrics-refresh"]')
            if (!content || !button) return reject(new Error('no dashboard'))
            let sawBusy = false
            const started = performance.now()
            const check = (): void => {
              const ready = content.getAttribute('data-ready') === 'true'
              if (!ready) sawBusy = true
              if (sawBusy && ready)
                return void requestAnimationFrame(() => resolve(performance.now() - started))
              requestAnimationFrame(check)
            }
            button.click()
            check()
            setTimeout(() => reject(new Error('the dashboard did not refresh within 30 s')), 30_000)
          })
      )
      refreshes.push(ms)
    }
    results.push(
      result(
        'large-dashboard-refresh',
        'Web host, 1M survey responses: refresh the metrics dashboard until cards and charts are redrawn',
        refreshes,
        median(refreshes),
        REFRESH_TARGET_MS,
        `Click on Refresh until the dashboard's content is ready again (both reports computed, cards, charts and the segment table drawn), in the page; ${REFRESH_RUNS} runs, median. Opening the dashboard took ${dashboardOpenMs} ms.`
      )
    )

    const detail = [
      '### Search at 1,000,000 tickets in the web host, per query',
      '',
      '| query | matches shown | runs (ms) | median |',
      '| --- | --- | --- | --- |',
      ...QUERIES.map(
        (q) =>
          `| \`${q}\` | ${counts.get(q) ?? ''} | ${searchTimes
            .get(q)!
            .map((v) => v.toFixed(0))
            .join(', ')} | ${median(searchTimes.get(q)!).toFixed(0)} ms |`
      )
    ].join('\n')
    writeFileSync(join(ROOT, 'test-results', 'bench', 'large-workspace-details.md'), `${detail}\n`)
    await context.close()
  } finally {
    await server?.stop()
    rmSync(dir, { recursive: true, force: true })
  }
  for (const r of results)
    console.log(`${r.id}: ${r.median.toFixed(0)} ms (${r.statistic ?? 'median'}; target < ${r.target} ms)`)
  for (const r of results) expect.soft(r.median, r.title).toBeLessThan(r.target)
})
