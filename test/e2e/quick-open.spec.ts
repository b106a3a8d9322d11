import { expect, test } from './fixtures'
import { WorkbenchPage } from './pages/workbench-page'

test.describe('Quick Open', () => {
  test('goes to tables, Settings and open editors, and switches to commands with >', async ({
    workbench
  }) => {
    const wb = new WorkbenchPage(workbench.page)
    await wb.waitReady()

    await wb.quickInput.openQuickOpen()
    await expect(wb.quickInput.box).toHaveValue('')
    const labels = await wb.quickInput.labels()
    expect(labels).toEqual(
      expect.arrayContaining(['Welcome', 'Settings', 'Tickets', 'Customers', 'Survey responses'])
    )
    await expect(wb.quickInput.item('goto:table:tickets')).toContainText(/[\d,]+ rows/)

    await wb.quickInput.type('cust')
    await expect(wb.quickInput.activeItem).toHaveAttribute('data-item-id', 'goto:table:customers')
    await wb.quickInput.accept()
    await expect(wb.tabs.active).toHaveAttribute('data-tab-id', 'table:customers')
    await expect(wb.table('customers').loadedRows().first()).toBeVisible()

    // An open editor is offered too.
    await wb.quickInput.openQuickOpen()
    await wb.quickInput.type('welc')
    await expect(wb.quickInput.activeItem).toHaveAttribute('data-item-id', 'editor:welcome')
    await wb.quickInput.accept()
    await expect(wb.tabs.active).toHaveAttribute('data-tab-id', 'welcome')

    // Typing '>' turns Quick Open into the command palette.
    await wb.quickInput.openQuickOpen()
    await wb.quickInput.type('>open settings')
    await expect(wb.quickInput.root).toHaveAttribute('data-mode', 'commands')
    await expect(wb.quickInput.activeItem).toContainText('Preferences: Open Settings')
    await wb.quickInput.accept()
    await expect(wb.settings.root).toBeVisible()

    // Deleting the '>' goes back to Quick Open.
    await wb.press('Control+Shift+P')
    await wb.quickInput.box.press('Backspace')
    await expect(wb.quickInput.root).toHaveAttribute('data-mode', 'quickOpen')
    await wb.quickInput.box.press('Escape')
  })
})
