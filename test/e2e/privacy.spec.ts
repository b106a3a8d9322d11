import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import type { Download } from '@playwright/test'
import { expect, isLocalUrl, test } from './fixtures'
import { ROOT } from './harness/paths'
import { thinTickets } from './harness/thin-tickets'
import { ExperimentsView } from './pages/experiments'
import { MetricsDashboard } from './pages/metrics-dashboard'
import { PrioritiesEditor, ReportPreview } from './pages/priorities'
import { RUN_TIMEOUT, ThemesView, findThemes } from './pages/themes'
import { WorkbenchPage } from './pages/workbench-page'

/*
 * Nothing leaves the machine. Every test records its requests (the `requestLog` fixture) and
 * fails on one off loopback; this one walks the main flows through the web host and checks,
 * more strictly, that every request went to that host itself (or was in-memory data).
 */

const ZENDESK = join(ROOT, 'test', 'fixtures', 'e2e', 'zendesk-tickets-mixed.csv')
/** Tickets in the Zendesk fixture that import. */
const ZENDESK_GOOD = 23

/** True for a request to one of `origins` itself, or for in-memory data. */
function isToHost(url: string, origins: ReadonlySet<string>): boolean {
  if (url.startsWith('data:')) return true
  const inner = url.startsWith('blob:') ? url.slice('blob:'.length) : url
  try {
    const { origin, protocol } = new URL(inner)
    const http = protocol === 'ws:' ? origin.replace(/^ws:/, 'http:') : origin
    return origins.has(http)
  } catch {
    return false
  }
}

test.describe('privacy', () => {
  test('import, metrics, experiments, themes, priorities and the report (HTML and PDF) ask only the local web host', async ({
    workbench,
    requestLog
  }) => {
    test.setTimeout(RUN_TIMEOUT)
    const origins = new Set([new URL(workbench.server.url).origin])
    // Every eighth ticket: themes are found in seconds rather than minutes.
    await workbench.restartServer((path) => thinTickets(path, 8))
    origins.add(new URL(workbench.server.url).origin)
    const { page } = workbench
    const wb = new WorkbenchPage(page)
    await wb.waitReady()

    // Import a small CSV through the wizard (the file chooser uploads it to the host).
    await wb.runCommand('Import File')
    await wb.importWizard.chooseFile(ZENDESK)
    await wb.importWizard.waitForPreview()
    await wb.importWizard.startAndWait()
    await expect(wb.importWizard.count('inserted')).toHaveText(String(ZENDESK_GOOD))

    // Metrics and experiments.
    await wb.runCommand('Open Metrics Dashboard')
    await new MetricsDashboard(page).waitLoaded()
    const experiments = new ExperimentsView(page)
    await experiments.activityButton.click()
    await experiments.waitLoaded()
    await expect(experiments.items.first()).toBeVisible()

    // Themes: found on this machine, then shown.
    await findThemes(wb)
    const themes = new ThemesView(page)
    await themes.show()
    await themes.waitLoaded()
    await expect(themes.items.first()).toBeVisible()

    // Priorities, and the report previewed and saved as HTML and as PDF.
    await wb.runCommand('Open Feature Priorities')
    const priorities = new PrioritiesEditor(page)
    await priorities.waitLoaded()
    await priorities.openReport.click()
    const report = new ReportPreview(page)
    await report.waitLoaded()
    for (const [button, magic] of [
      [report.exportHtml, '<!doctype html'],
      [report.exportPdf, '%PDF-']
    ] as const) {
      const download: Promise<Download> = page.waitForEvent('download', { timeout: 120_000 })
      await button.click()
      const path = await (await download).path()
      expect(path).toBeTruthy()
      const head = readFileSync(path).subarray(0, magic.length).toString('latin1')
      expect(head.toLowerCase()).toBe(magic.toLowerCase())
    }

    // The walk did talk to the host (the log is not empty by accident)…
    const urls = requestLog.urls
    const apiCalls = urls.filter((u) => [...origins].some((o) => u.startsWith(`${o}/api/`)))
    expect(apiCalls.length).toBeGreaterThan(10)
    for (const method of ['import.', 'metrics.', 'experiments.', 'themes.', 'priorities.', 'report.'])
      expect(
        apiCalls.some((u) => u.includes(`/api/${method}`)),
        `an API call to ${method}*`
      ).toBe(true)
    // …and to nothing else.
    expect(urls.filter((u) => !isToHost(u, origins))).toEqual([])
  })

  test('fails any test whose page asks for something off the machine', async ({ page }) => {
    // The requestLog fixture fails this test when it ends; if it did not, this test would fail.
    test.fail(true, 'a request to example.com must fail the test')
    // Aborted here, so that even this test sends nothing out.
    await page.route('**/*', (route) => route.abort())
    await page.setContent('<img src="https://example.com/pixel.png" alt="">')
    await expect(page.locator('img')).toHaveCount(1)
  })

  test('tells local URLs from the rest', () => {
    for (const url of [
      'http://127.0.0.1:4321/',
      'http://127.0.0.1:4321/api/app.info',
      'ws://127.0.0.1:4321/socket',
      'http://localhost:5173/',
      'http://[::1]:8080/',
      'blob:http://127.0.0.1:4321/0b1c2d3e-0000-4000-8000-000000000000',
      'data:image/png;base64,AAAA',
      'about:blank'
    ])
      expect(isLocalUrl(url), url).toBe(true)
    for (const url of [
      'https://example.com/',
      'http://93.184.216.34/',
      'wss://example.com/socket',
      'http://10.0.0.1:4321/',
      'http://127.0.0.1.example.com/',
      'blob:https://example.com/0b1c2d3e-0000-4000-8000-000000000000',
      'file:///etc/passwd',
      'ftp://127.0.0.1/',
      'not a url'
    ])
      expect(isLocalUrl(url), url).toBe(false)
  })
})
