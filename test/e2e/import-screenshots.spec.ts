import { join } from 'node:path'
import { expect, screenshotPath, test } from './fixtures'
import { ROOT } from './harness/paths'
import { WorkbenchPage } from './pages/workbench-page'

const ZENDESK = join(ROOT, 'test', 'fixtures', 'e2e', 'zendesk-tickets-mixed.csv')
const DAY_FIRST = join(ROOT, 'test', 'fixtures', 'e2e', 'tickets-zh-day-first.csv')
const LANGUAGES = ['en', 'zh-CN'] as const

/** Opens a fresh workbench in a theme and language, with the panel closed for room. */
async function open(wb: WorkbenchPage, theme: string, language: string): Promise<void> {
  await wb.waitReady()
  await wb.api('preferences.update', { patch: { layout: { panelVisible: false, sideBarWidth: 300 } } })
  await wb.usePreferences(theme, language)
}

/** Moves the pointer out of the way so no hover state shows. */
const rest = (wb: WorkbenchPage): Promise<void> => wb.page.mouse.move(1430, 600)

/**
 * Screenshots for review (test-results/screenshots/): the import wizard's mapping and result
 * steps, the tickets table searched in Chinese and the SQL console, in Dark and Light, English and
 * Chinese; the wizard in High Contrast too.
 */
test.describe('import screenshots', () => {
  for (const theme of ['dark', 'light'] as const) {
    for (const language of LANGUAGES) {
      test(`import wizard and SQL console in ${theme}, ${language}`, async ({ workbench }) => {
        test.setTimeout(120_000)
        const { page } = workbench
        const wb = new WorkbenchPage(page)
        await open(wb, theme, language)

        await page.getByTestId('explorer-import').click()
        const wizard = wb.importWizard
        await wizard.chooseFile(ZENDESK)
        await wizard.waitForPreview()
        await page.getByTestId('import-redact').check()
        await rest(wb)
        await page.screenshot({ path: screenshotPath(`import-mapping-${theme}-${language}`) })

        await wizard.startAndWait()
        await expect(wb.explorer.batch('zendesk-tickets-mixed.csv')).toBeVisible()
        await rest(wb)
        await page.screenshot({ path: screenshotPath(`import-result-${theme}-${language}`) })

        await page.keyboard.press('Control+Shift+P')
        await wb.quickInput.type(language === 'en' ? 'SQL Console' : 'SQL 控制台')
        await wb.quickInput.accept()
        await wb.sql.query(
          'SELECT channel, COUNT(*) AS tickets, ROUND(AVG(resolved_at - created_at) / 3600000.0, 1) AS hours_to_resolve\nFROM tickets\nGROUP BY channel\nORDER BY tickets DESC'
        )
        await expect(wb.sql.summary).toBeVisible()
        await rest(wb)
        await page.screenshot({ path: screenshotPath(`sql-console-${theme}-${language}`) })

        await wb.sql.query('DELETE FROM tickets')
        await expect(wb.sql.error).toBeVisible()
        await rest(wb)
        await page.screenshot({ path: screenshotPath(`sql-console-refused-${theme}-${language}`) })
      })
    }
  }

  for (const theme of ['dark', 'light'] as const) {
    for (const language of LANGUAGES) {
      test(`tickets searched in Chinese in ${theme}, ${language}`, async ({ workbench }) => {
        test.setTimeout(120_000)
        const { page } = workbench
        const wb = new WorkbenchPage(page)
        await open(wb, theme, language)
        await page.getByTestId('explorer-import').click()
        await wb.importWizard.chooseFile(ZENDESK)
        await wb.importWizard.waitForPreview()
        await wb.importWizard.startAndWait()
        await wb.importWizard.button('open-table').click()
        const table = wb.table('tickets')
        await table.search.fill('榴莲')
        await expect(table.filterCount).toBeVisible({ timeout: 20_000 })
        // Matches are marked once the search index has the rows; until then the bar says so.
        await expect(table.matches.first().or(page.getByTestId('ticket-indexing'))).toBeVisible()
        await rest(wb)
        await page.screenshot({ path: screenshotPath(`tickets-search-${theme}-${language}`) })
      })
    }
  }

  for (const language of LANGUAGES) {
    test(`the import wizard in High Contrast, ${language}`, async ({ workbench }) => {
      test.setTimeout(120_000)
      const { page } = workbench
      const wb = new WorkbenchPage(page)
      await open(wb, 'high-contrast', language)
      await page.getByTestId('explorer-import').click()
      await expect(page.getByTestId('import-dropzone')).toBeVisible()
      await rest(wb)
      await page.screenshot({ path: screenshotPath(`import-choose-high-contrast-${language}`) })

      const wizard = wb.importWizard
      await wizard.dropFile(DAY_FIRST)
      await wizard.waitForPreview()
      await expect(wizard.dateOrder).toBeVisible()
      await rest(wb)
      await page.screenshot({ path: screenshotPath(`import-mapping-high-contrast-${language}`) })

      await page.getByTestId('import-date-order-dmy').check()
      await wizard.startAndWait()
      await expect(wb.explorer.batch('tickets-zh-day-first.csv')).toBeVisible()
      await rest(wb)
      await page.screenshot({ path: screenshotPath(`import-result-high-contrast-${language}`) })
    })
  }
})
