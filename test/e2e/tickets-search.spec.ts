import { join } from 'node:path'
import { expect, test } from './fixtures'
import { ROOT } from './harness/paths'
import { WorkbenchPage } from './pages/workbench-page'

const ZENDESK = join(ROOT, 'test', 'fixtures', 'e2e', 'zendesk-tickets-mixed.csv')
/** Tickets of the fixture that mention 榴莲 (durian). */
const DURIAN = 4

test.describe('tickets table filters', () => {
  test('a Chinese search finds the imported Chinese tickets and marks the words', async ({ workbench }) => {
    const { page } = workbench
    const wb = new WorkbenchPage(page)
    await wb.waitReady()
    const before = await wb.tableCounts()
    const demoDurian =
      (
        (await wb.api('sql.query', {
          sql: "SELECT COUNT(*) FROM tickets WHERE text LIKE '%榴莲%' OR subject LIKE '%榴莲%'"
        })) as {
          rows: number[][]
        }
      ).rows[0]?.[0] ?? 0

    await wb.runCommand('Import File')
    await wb.importWizard.chooseFile(ZENDESK)
    await wb.importWizard.waitForPreview()
    await wb.importWizard.startAndWait()
    await wb.importWizard.button('open-table').click()

    const table = wb.table('tickets')
    await expect(table.filters).toBeVisible()
    await table.search.fill('榴莲')
    const total = (before.tickets ?? 0) + 23
    await expect(table.filterCount).toHaveText(
      `${(DURIAN + demoDurian).toLocaleString('en-US')} of ${total.toLocaleString('en-US')} tickets`,
      {
        timeout: 20_000
      }
    )
    await expect(table.loadedRows()).toHaveCount(DURIAN + demoDurian)
    await expect(table.matches.first()).toHaveText('榴莲')
    await expect(table.grid).toContainText('榴莲千层蛋糕送到时已经融化')

    await page.getByTestId('ticket-clear-filters').click()
    await expect(table.filterCount).toBeHidden()
    await expect(table.rowCount).toHaveText(`${total.toLocaleString('en-US')} rows`)
  })

  test('filters by channel and date range, with the filtered count', async ({ workbench }) => {
    const { page } = workbench
    const wb = new WorkbenchPage(page)
    await wb.waitReady()
    await wb.explorer.openTable('tickets')
    const table = wb.table('tickets')
    await expect(table.loadedRows().first()).toBeVisible()
    const channels = (await wb.api('data.distinct', { table: 'tickets', column: 'channel' })) as Array<{
      value: string | null
      count: number
    }>
    const first = channels.find((c) => c.value !== null)
    if (!first?.value) throw new Error('The demo workspace has no channels')

    await page.getByTestId('ticket-channels').getByRole('button').click()
    await page.getByTestId('ticket-channels').locator(`input[data-value="${first.value}"]`).check()
    await page.keyboard.press('Escape')
    const total = (await wb.tableCounts()).tickets ?? 0
    await expect(table.filterCount).toHaveText(
      `${first.count.toLocaleString('en-US')} of ${total.toLocaleString('en-US')} tickets`
    )

    await page.getByTestId('ticket-from').fill('2099-01-01')
    await expect(table.filterCount).toHaveText(`0 of ${total.toLocaleString('en-US')} tickets`)
    await expect(table.root.getByTestId('table-empty')).toHaveText('No tickets match these filters.')
  })
})
