import { expect, test } from './fixtures'
import { WorkbenchPage } from './pages/workbench-page'

interface TableSummary {
  table: string
  rows: number
}

test.describe('the demo workspace', () => {
  test('opens with its workspace facts and table counts in the Explorer', async ({ workbench }) => {
    const wb = new WorkbenchPage(workbench.page)
    await wb.waitReady()
    const tables = (await wb.api('data.tables', {})) as TableSummary[]
    const tickets = tables.find((t) => t.table === 'tickets')?.rows ?? 0
    expect(tickets).toBeGreaterThan(20_000)

    await expect(wb.explorer.workspaceName).toContainText('demo')
    await expect(wb.explorer.workspaceName).toHaveAttribute('title', workbench.workspacePath)
    for (const { table, rows } of tables) {
      await expect(wb.explorer.count(table)).toHaveText(rows.toLocaleString('en-US'))
    }
    await expect(wb.explorer.fact('schema')).toContainText(/Schema version\s*\d+/)
    await expect(wb.explorer.fact('size')).toContainText(/MB/)
    await expect(wb.statusBar.counts).toContainText(`${tickets.toLocaleString('en-US')} tickets`)
    await expect(wb.statusBar.privacy).toHaveText(/Local only · 127\.0\.0\.1/)
    // The Welcome page opens on start and lists the workspace among the recent ones.
    await expect(wb.tabs.active).toHaveAttribute('data-tab-id', 'welcome')
    await expect(workbench.page.getByTestId('welcome-recent')).toContainText(workbench.workspacePath)
  })

  test('explains that the web host serves one workspace when asked for another', async ({ workbench }) => {
    const wb = new WorkbenchPage(workbench.page)
    await wb.waitReady()
    await workbench.page.getByTestId('welcome-demo').click()
    const notice = workbench.page.getByTestId('welcome-notice')
    await expect(notice).toContainText('This window serves one workspace (demo)')
    await expect(notice).toContainText('loopbench serve --workspace FILE')
    await expect(wb.statusBar.problems).toHaveText(/0\s*0/)
  })

  test('opens the tickets table, scrolls to the last row and sorts it', async ({ workbench }) => {
    const wb = new WorkbenchPage(workbench.page)
    await wb.waitReady()
    const total =
      ((await wb.api('data.tables', {})) as TableSummary[]).find((t) => t.table === 'tickets')?.rows ?? 0

    await wb.explorer.openTable('tickets')
    const table = wb.table('tickets')
    await expect(wb.tabs.active).toHaveAttribute('data-tab-id', 'table:tickets')
    await expect(table.rowCount).toHaveText(`${total.toLocaleString('en-US')} rows`)
    await expect(table.loadedRows().first()).toBeVisible()
    // Virtualised: a screenful of rows in the DOM, not the whole table.
    expect(await table.renderedRowCount()).toBeLessThan(120)
    await expect(table.header('externalId')).toHaveText('ID')

    // Dates are formatted in the workspace's time zone, numbers right-aligned.
    const created = table.row(0).getByRole('gridcell').nth(1)
    await expect(created).toHaveText(/^[A-Z][a-z]{2} \d{1,2}, 2026, \d{2}:\d{2}$/)

    await table.scrollTo(Math.floor(total / 2) * 26)
    const middle = Math.floor(total / 2)
    await expect(
      table
        .loadedRows()
        .filter({ hasText: middle.toLocaleString('en-US') })
        .first()
    ).toBeVisible()

    await table.scrollTo('bottom')
    const last = table.row(total - 1)
    await expect(last).toBeVisible()
    await expect(last).not.toHaveClass(/is-loading/)
    await expect(last.getByRole('rowheader')).toHaveText(total.toLocaleString('en-US'))
    // The header stays on screen while scrolled.
    await expect(table.header('createdAt')).toBeInViewport()

    // Sorting by a column asks the backend and starts again from the top.
    await table.header('createdAt').click()
    await expect(table.root.locator('[aria-sort="ascending"]')).toHaveCount(1)
    await table.header('createdAt').click()
    await expect(table.root.locator('[aria-sort="descending"]')).toHaveCount(1)
    await expect(table.row(0)).not.toHaveClass(/is-loading/)
    const first = await table.row(0).getByRole('gridcell').nth(1).innerText()
    const second = await table.row(1).getByRole('gridcell').nth(1).innerText()
    expect(Date.parse(first.replace(',', '')) >= Date.parse(second.replace(',', ''))).toBe(true)
  })
})
