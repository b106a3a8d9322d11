import { join } from 'node:path'
import AxeBuilder from '@axe-core/playwright'
import type { Page } from '@playwright/test'
import { CATALOG } from '../../src/shared/i18n/catalog'
import { expect, test } from './fixtures'
import { ROOT } from './harness/paths'
import { thinTickets } from './harness/thin-tickets'
import { ExperimentEditor, ExperimentsView } from './pages/experiments'
import { MetricsDashboard } from './pages/metrics-dashboard'
import { PrioritiesEditor, ReportPreview } from './pages/priorities'
import { RUN_TIMEOUT, ThemeEditor, ThemesView, findThemes } from './pages/themes'
import { WorkbenchPage } from './pages/workbench-page'

const THEMES = ['dark', 'light', 'high-contrast'] as const
const LANGUAGES = ['en', 'zh-CN'] as const
type Language = (typeof LANGUAGES)[number]

/** The WCAG 2.1 A and AA rules; best practices are advice, not the bar. */
const WCAG_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']
const BLOCKING = new Set(['serious', 'critical'])
const REPORT_FRAME = 'iframe[data-testid="report-frame"]'
const CSV = join(ROOT, 'test', 'fixtures', 'e2e', 'zendesk-tickets-mixed.csv')

/** One serious or critical violation, as the failure message lists it. */
interface Finding {
  view: string
  rule: string
  impact: string
  help: string
  targets: string[]
}

/**
 * Runs axe on the page as it is and returns the blocking violations. The report preview's frame
 * runs no script (sandboxed), so axe cannot run inside it: the report is audited on its own.
 */
async function audit(page: Page, view: string): Promise<Finding[]> {
  const results = await new AxeBuilder({ page }).withTags(WCAG_TAGS).exclude(REPORT_FRAME).analyze()
  return results.violations
    .filter((v) => BLOCKING.has(v.impact ?? ''))
    .map((v) => ({
      view,
      rule: v.id,
      impact: v.impact ?? '',
      help: v.help,
      targets: v.nodes.map((n) => {
        const target = n.target.join(' >>> ')
        // For contrast, the colours and ratio axe measured, so that the fix can be chosen.
        const data = n.any[0]?.data as { fgColor?: string; bgColor?: string; contrastRatio?: number } | null
        return data?.contrastRatio
          ? `${target} (${data.fgColor} on ${data.bgColor}: ${data.contrastRatio})`
          : target
      })
    }))
}

/** Audits the report preview's document, loaded in a page of its own where axe may run. */
async function auditReport(page: Page, view: string): Promise<Finding[]> {
  const html = await page.locator(REPORT_FRAME).getAttribute('srcdoc')
  expect(html).toBeTruthy()
  const own = await page.context().newPage()
  try {
    await own.setContent(html!)
    return await audit(own, view)
  } finally {
    await own.close()
  }
}

function describe(findings: Finding[]): string {
  return findings
    .map((f) => `${f.view}: ${f.rule} (${f.impact}) — ${f.help}\n    ${f.targets.join('\n    ')}`)
    .join('\n')
}

/** Runs a command by its title in the page's language. */
async function run(wb: WorkbenchPage, language: Language, key: keyof (typeof CATALOG)['en']): Promise<void> {
  await wb.runCommand(CATALOG[language][key])
}

/**
 * One test per theme, so that a failure names the look it is in; each walks every view in both
 * languages (one workspace and one themes run per test). Editors are closed after each view's
 * audit, so that axe reads one view's page at a time.
 */
test.describe('accessibility', () => {
  for (const theme of THEMES) {
    test(`every view passes axe's WCAG 2.1 AA rules in the ${theme} theme, in English and Chinese`, async ({
      workbench
    }) => {
      test.setTimeout(RUN_TIMEOUT)
      await workbench.restartServer((path) => thinTickets(path, 8))
      const { page } = workbench
      const wb = new WorkbenchPage(page)
      await wb.waitReady()
      // Themes first, so that the Themes view, a theme's editor and the priorities have content.
      await findThemes(wb)

      const themes = new ThemesView(page)
      const themeEditor = new ThemeEditor(page)
      const metrics = new MetricsDashboard(page)
      const experiments = new ExperimentsView(page)
      const experiment = new ExperimentEditor(page)
      const priorities = new PrioritiesEditor(page)
      const report = new ReportPreview(page)
      const findings: Finding[] = []

      for (const language of LANGUAGES) {
        await wb.usePreferences(theme, language)
        // A violation shows once per language, in the first view that has it.
        const seen = new Set<string>()
        const check = (view: string, found?: () => Promise<Finding[]>): Promise<void> =>
          test.step(`axe: ${view} (${language})`, async () => {
            for (const f of await (found ?? (() => audit(page, `${view} (${language})`)))()) {
              f.targets = f.targets.filter((t) => !seen.has(`${f.rule} ${t}`))
              for (const t of f.targets) seen.add(`${f.rule} ${t}`)
              if (f.targets.length > 0) findings.push(f)
            }
          })
        const closeEditors = (): Promise<void> => run(wb, language, 'command.closeAllEditors')

        await run(wb, language, 'command.openWelcome')
        await expect(wb.tabs.active).toHaveAttribute('data-tab-id', 'welcome')
        await check('welcome')
        await closeEditors()

        if (!(await wb.explorer.root.isVisible())) await wb.explorer.activityButton.click()
        await wb.explorer.openTable('tickets')
        const tickets = wb.table('tickets')
        await tickets.search.fill('refund')
        await expect(tickets.filterCount).toBeVisible({ timeout: 20_000 })
        await expect(tickets.loadedRows().first()).toBeVisible()
        await check('tickets table, searched')
        await closeEditors()

        await run(wb, language, 'command.openMetrics')
        await metrics.waitLoaded()
        await check('metrics dashboard')
        await closeEditors()

        if (!(await experiments.root.isVisible())) await experiments.activityButton.click()
        await experiments.waitLoaded()
        await experiments.item('Checkout button wording (three arms)').click()
        await experiment.waitLoaded()
        await check('experiments')
        await closeEditors()

        await themes.show()
        await themes.waitLoaded()
        const [first] = await themes.ids()
        await themes.label(first!).click()
        await themeEditor.waitLoaded()
        await check('themes and a theme editor')
        await closeEditors()

        await run(wb, language, 'command.priorities.open')
        await priorities.waitLoaded()
        await priorities.atRank(1).getByTestId('priorities-title').click()
        await expect(page.getByTestId('priorities-detail')).toBeVisible()
        await check('priorities with details')

        await priorities.openReport.click()
        await report.waitLoaded()
        await check('report preview')
        await check('report document', () => auditReport(page, `report document (${language})`))
        await closeEditors()

        await wb.press('Control+Comma')
        await expect(wb.settings.root).toBeVisible()
        await check('settings')
        await closeEditors()

        await run(wb, language, 'command.openSqlConsole')
        await wb.sql.query('SELECT id, channel, subject FROM tickets LIMIT 50')
        await expect(wb.sql.grid).toBeVisible()
        await check('SQL console')
        await closeEditors()

        await run(wb, language, 'command.importFile')
        await wb.importWizard.chooseFile(CSV)
        await wb.importWizard.waitForPreview()
        await check('import wizard')

        await wb.quickInput.openCommands()
        await wb.quickInput.type(language === 'en' ? 'theme' : '主题')
        await expect(wb.quickInput.items.first()).toBeVisible()
        await check('command palette')
        await wb.quickInput.box.press('Escape')
        await closeEditors()
      }

      expect(describe(findings), `serious or critical axe violations (${theme})`).toBe('')
    })
  }
})
