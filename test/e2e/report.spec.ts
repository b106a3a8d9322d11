import { copyFileSync, mkdtempSync, readFileSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { expect, screenshotPath, test } from './fixtures'
import { runBuiltCli } from './harness/cli-and-text'
import { DEMO_TEMPLATE } from './harness/paths'
import { thinTickets } from './harness/thin-tickets'

const LANGUAGES = ['en', 'zh-CN'] as const
/** Every eighth ticket (see thinTickets): themes are found in seconds rather than minutes. */
const KEEP_EVERY = 8

const HEADINGS = {
  en: [
    'Quarterly review',
    'Satisfaction trends',
    'Top themes and movers',
    'Experiments concluded in the quarter',
    'Feature priorities'
  ],
  'zh-CN': ['季度回顾', '满意度趋势', '主要主题与变化', '本季度结束的实验', '功能优先级']
} as const

/**
 * The quarterly review of the demo workspace (its tickets thinned, themes found), made by the
 * built `loopbench report` and opened in Chromium: every request the page makes is caught and
 * recorded (there must be none), and each language gets a full-page screenshot and one of the
 * printed look (test-results/screenshots/report-*.png).
 */
test.describe('the quarterly review report', () => {
  test('renders in Chromium with no request at all, in English and Chinese', async ({ page }) => {
    test.setTimeout(300_000)
    const dir = mkdtempSync(join(tmpdir(), 'loopbench-report-e2e-'))
    try {
      const workspace = join(dir, 'demo.loopbench')
      const config = join(dir, 'config')
      copyFileSync(DEMO_TEMPLATE, workspace)
      thinTickets(workspace, KEEP_EVERY)
      runBuiltCli(['themes', '--workspace', workspace], config)

      const requests: string[] = []
      const problems: string[] = []
      await page.route('**/*', async (route) => {
        requests.push(route.request().url())
        await route.abort()
      })
      page.on('request', (request) => requests.push(request.url()))
      page.on('pageerror', (error) => problems.push(error.message))
      page.on('console', (message) => {
        if (message.type() === 'error') problems.push(message.text())
      })

      for (const language of LANGUAGES) {
        const written = runBuiltCli(
          [
            'report',
            '--workspace',
            workspace,
            '--quarter',
            '2026-Q3',
            '--out',
            join(dir, 'out'),
            '--lang',
            language
          ],
          config
        ).trim()
        expect(written).toBe(join(dir, 'out', `loopbench-review-2026-Q3.${language}.html`))
        await page.setViewportSize({ width: 1000, height: 1200 })
        await page.setContent(readFileSync(written, 'utf8'), { waitUntil: 'load' })

        await expect(page.locator('section.page')).toHaveCount(5)
        await expect(page.locator('h1')).toHaveText(HEADINGS[language][0])
        await expect(page.locator('section.page h2').filter({ hasNotText: /^$/ })).toContainText([
          ...HEADINGS[language].slice(1)
        ])
        await expect(page.locator('.quarter')).toHaveText('2026-Q3')
        // Five charts drawn on the server, each with its bars, lines or points.
        const charts = page.locator('svg[role="img"]')
        await expect(charts).toHaveCount(5)
        for (const chart of await charts.all()) {
          expect(await chart.locator('path').count()).toBeGreaterThan(5)
          const box = await chart.boundingBox()
          expect(box?.width ?? 0).toBeGreaterThan(500)
        }
        await expect(page.locator('#themes table.data tbody tr')).toHaveCount(10)
        await expect(page.locator('#priorities table.data tbody tr')).toHaveCount(20)
        expect(await page.locator('body').innerText()).not.toMatch(/NaN|undefined/)

        await page.screenshot({ path: screenshotPath(`report-${language}`), fullPage: true })
        await page.emulateMedia({ media: 'print' })
        await page.screenshot({ path: screenshotPath(`report-print-${language}`), fullPage: true })
        await page.emulateMedia({ media: 'screen' })
      }
      expect(requests, 'the report made requests').toEqual([])
      expect(problems, 'the page logged errors').toEqual([])
    } finally {
      rmSync(dir, { recursive: true, force: true })
    }
  })
})
