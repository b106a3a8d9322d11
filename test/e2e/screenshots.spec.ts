import { expect, screenshotPath, test } from './fixtures'
import { ExperimentEditor, ExperimentsView, SampleSizeCalculator } from './pages/experiments'
import { MetricsDashboard } from './pages/metrics-dashboard'
import { WorkbenchPage } from './pages/workbench-page'

const THEMES = ['dark', 'light', 'high-contrast'] as const
const LANGUAGES = ['en', 'zh-CN'] as const

/**
 * Screenshots of the whole workbench for review (test-results/screenshots/). Each shows the
 * Explorer, an open table among other tabs, and the Output panel; the Welcome page and the palette
 * get their own.
 */
test.describe('screenshots', () => {
  for (const theme of THEMES) {
    test(`workbench in the ${theme} theme, in English and Chinese`, async ({ workbench }) => {
      const { page } = workbench
      const wb = new WorkbenchPage(page)
      await wb.waitReady()
      for (const language of LANGUAGES) {
        await wb.usePreferences(theme, language)
        await expect(wb.tabs.active).toHaveAttribute('data-tab-id', 'welcome')
        await page.mouse.move(700, 450)
        await page.screenshot({ path: screenshotPath(`welcome-${theme}-${language}`) })

        await wb.explorer.openTable('tickets')
        await wb.press('Control+Comma')
        await wb.tabs.tab('table:tickets').click()
        await wb.press('Control+Shift+U')
        await expect(wb.table('tickets').loadedRows().nth(20)).toBeVisible()
        await page.mouse.move(1200, 880)
        await page.screenshot({ path: screenshotPath(`workbench-${theme}-${language}`) })

        await wb.press('Control+Shift+P')
        await wb.quickInput.type(language === 'en' ? 'theme' : '主题')
        await page.screenshot({ path: screenshotPath(`palette-${theme}-${language}`) })
        await wb.quickInput.box.press('Escape')

        // The settings editor needs the height: the panel is closed for its picture.
        await wb.press('Control+J')
        await expect(wb.panel.root).toBeHidden()
        await wb.tabs.tab('settings').click()
        await wb.settings.input('significanceLevel').fill('0.9')
        await wb.settings.input('fiscalYearStartMonth').selectOption('4')
        await expect(wb.settings.error('significanceLevel')).toBeVisible()
        // Show the analysis settings from their heading down: the inline error and the fiscal preview.
        await page.getByTestId('settings-analysis').evaluate((el) => {
          el.scrollIntoView({ block: 'start' })
        })
        await page.mouse.move(1300, 500)
        await page.screenshot({ path: screenshotPath(`settings-${theme}-${language}`) })
        await wb.settings.revert.click()
      }
    })
  }

  for (const theme of THEMES) {
    test(`metrics dashboard in the ${theme} theme, in English and Chinese`, async ({ workbench }) => {
      const { page } = workbench
      const wb = new WorkbenchPage(page)
      const metrics = new MetricsDashboard(page)
      await wb.waitReady()
      for (const language of LANGUAGES) {
        await wb.usePreferences(theme, language)
        await wb.runCommand(language === 'en' ? 'Open Metrics Dashboard' : '打开满意度指标看板')
        await metrics.segment.selectOption('tier')
        await metrics.waitLoaded()
        await page.mouse.move(700, 880)
        await page.screenshot({ path: screenshotPath(`metrics-${theme}-${language}`) })

        // The comments behind a bar, the table below the charts, and how a change was tested.
        await metrics.distributionBar(3).click()
        await expect(metrics.commentItems.first()).toBeVisible()
        await metrics.content.evaluate((el) => el.scrollTo(0, el.scrollHeight))
        await metrics.row('Basic').hover()
        await page.screenshot({ path: screenshotPath(`metrics-comments-${theme}-${language}`) })
        // The survey planner under the table: an answer with the range's mix, then an inline error.
        await metrics.commentsClose.click()
        await metrics.plan.scrollIntoViewIfNeeded()
        await expect(metrics.planAnswer()).toBeVisible()
        await page.mouse.move(1300, 120)
        await page.screenshot({ path: screenshotPath(`metrics-plan-${theme}-${language}`) })
        await metrics.planMetric.selectOption('csat')
        await metrics.planMode.selectOption('margin')
        await metrics.planInput.fill('0')
        await expect(metrics.planError).toBeVisible()
        await page.screenshot({ path: screenshotPath(`metrics-plan-error-${theme}-${language}`) })
        await metrics.planInput.fill('1000')
        await metrics.planMode.selectOption('sample-size')
        await metrics.planMetric.selectOption('nps')
        await metrics.content.evaluate((el) => el.scrollTo(0, 0))
        await metrics.trendPoint('nps-trend', '2026-Q3').hover()
        await page.screenshot({ path: screenshotPath(`metrics-tooltip-${theme}-${language}`) })
        await metrics.changePeriod.selectOption('2026-Q3')
        await metrics.card('nps', 'change').hover()
        await expect(metrics.card('nps', 'details')).toBeVisible()
        await page.screenshot({ path: screenshotPath(`metrics-change-${theme}-${language}`) })
      }
    })
  }

  for (const theme of THEMES) {
    test(`experiments in the ${theme} theme, in English and Chinese`, async ({ workbench }) => {
      const { page } = workbench
      const wb = new WorkbenchPage(page)
      const view = new ExperimentsView(page)
      const ed = new ExperimentEditor(page)
      const calc = new SampleSizeCalculator(page)
      await wb.waitReady()
      for (const language of LANGUAGES) {
        await wb.usePreferences(theme, language)
        if (!(await view.root.isVisible())) await view.activityButton.click()
        await view.waitLoaded()
        // The three-arm test: two decisions, the forest plot, then the tables below it.
        await view.item('Checkout button wording (three arms)').click()
        await ed.waitLoaded()
        await page.mouse.move(1300, 880)
        await page.screenshot({ path: screenshotPath(`experiments-three-arms-${theme}-${language}`) })
        await ed.forestRows().nth(1).hover()
        await page.screenshot({ path: screenshotPath(`experiments-forest-tooltip-${theme}-${language}`) })
        await ed.content.evaluate((el) => el.scrollTo(0, el.scrollHeight))
        await page.mouse.move(1300, 880)
        await page.screenshot({ path: screenshotPath(`experiments-tables-${theme}-${language}`) })
        // The sample-ratio mismatch: the banner above an invalid decision.
        await view.item('Weekly reorder reminder e-mail').click()
        await ed.waitLoaded()
        await page.screenshot({ path: screenshotPath(`experiments-srm-${theme}-${language}`) })
        // The under-powered pilot: the units it still needs.
        await view.item('Pay Later onboarding tutorial (pilot)').click()
        await ed.waitLoaded()
        await page.screenshot({ path: screenshotPath(`experiments-pilot-${theme}-${language}`) })
        // The calculator with daily traffic, then an inline error.
        await view.calculator.click()
        await calc.daily.fill('5000')
        await expect(calc.answer().getByTestId('sample-size-days')).not.toHaveText('—')
        await page.screenshot({ path: screenshotPath(`experiments-calculator-${theme}-${language}`) })
        await calc.baseline.fill('0')
        await expect(calc.error('baseline')).toBeVisible()
        await page.screenshot({ path: screenshotPath(`experiments-calculator-error-${theme}-${language}`) })
        await calc.baseline.fill('4')
        await calc.daily.fill('')
        await wb.runCommand(language === 'en' ? 'Close All Editors' : '关闭所有编辑器')
      }
    })
  }
})
