import { expect, test } from './fixtures'
import { WorkbenchPage } from './pages/workbench-page'

test.describe('editor tabs', () => {
  test('open, close, reorder and switch with the mouse and the keyboard', async ({ workbench }) => {
    const wb = new WorkbenchPage(workbench.page)
    await wb.waitReady()
    await expect(wb.tabs.strip).toHaveAttribute('role', 'tablist')
    expect(await wb.tabs.ids()).toEqual(['welcome'])

    await test.step('open tables and Settings; each opens once, to the right of the active tab', async () => {
      await wb.explorer.openTable('tickets')
      await wb.explorer.openTable('customers')
      await wb.press('Control+Comma')
      await wb.explorer.openTable('tickets')
      expect(await wb.tabs.ids()).toEqual(['welcome', 'table:tickets', 'table:customers', 'settings'])
      await expect(wb.tabs.active).toHaveAttribute('data-tab-id', 'table:tickets')
      await expect(wb.tabs.active).toHaveAttribute('aria-selected', 'true')
      const panelId = await wb.tabs.active.getAttribute('aria-controls')
      await expect(workbench.page.locator(`#${panelId}`)).toHaveAttribute('role', 'tabpanel')
      await expect(workbench.page.locator(`#${panelId}`)).toBeVisible()
      await expect(wb.tabs.strip.locator('[aria-selected="true"]')).toHaveCount(1)
    })

    await test.step('switch with Ctrl+PageDown/PageUp and Ctrl+Tab/Ctrl+Shift+Tab, wrapping around', async () => {
      await wb.press('Control+PageDown')
      await expect(wb.tabs.active).toHaveAttribute('data-tab-id', 'table:customers')
      await wb.press('Control+Tab')
      await expect(wb.tabs.active).toHaveAttribute('data-tab-id', 'settings')
      await wb.press('Control+PageDown')
      await expect(wb.tabs.active).toHaveAttribute('data-tab-id', 'welcome')
      await wb.press('Control+Shift+Tab')
      await expect(wb.tabs.active).toHaveAttribute('data-tab-id', 'settings')
      await wb.press('Control+PageUp')
      await expect(wb.tabs.active).toHaveAttribute('data-tab-id', 'table:customers')
    })

    await test.step('arrow keys move between tabs when the tab strip has focus', async () => {
      await wb.tabs.active.focus()
      await workbench.page.keyboard.press('ArrowLeft')
      await expect(wb.tabs.active).toHaveAttribute('data-tab-id', 'table:tickets')
      await expect(wb.tabs.active).toBeFocused()
      await workbench.page.keyboard.press('ArrowRight')
      await expect(wb.tabs.active).toHaveAttribute('data-tab-id', 'table:customers')
    })

    await test.step('reorder with Ctrl+Shift+PageUp/PageDown', async () => {
      await wb.press('Control+Shift+PageUp')
      expect(await wb.tabs.ids()).toEqual(['welcome', 'table:customers', 'table:tickets', 'settings'])
      await wb.press('Control+Shift+PageUp')
      await wb.press('Control+Shift+PageUp')
      expect(await wb.tabs.ids()).toEqual(['table:customers', 'welcome', 'table:tickets', 'settings'])
      await wb.press('Control+Shift+PageDown')
      expect(await wb.tabs.ids()).toEqual(['welcome', 'table:customers', 'table:tickets', 'settings'])
      await expect(wb.tabs.active).toHaveAttribute('data-tab-id', 'table:customers')
    })

    await test.step('reorder by drag and drop', async () => {
      await wb.tabs.dragBefore('settings', 'welcome')
      expect(await wb.tabs.ids()).toEqual(['settings', 'welcome', 'table:customers', 'table:tickets'])
      await expect(wb.tabs.active).toHaveAttribute('data-tab-id', 'settings')
    })

    await test.step('close with the × button, the middle button, Ctrl+W and Ctrl+F4', async () => {
      await wb.tabs.closeWithButton('table:customers')
      expect(await wb.tabs.ids()).toEqual(['settings', 'welcome', 'table:tickets'])
      await wb.tabs.closeWithMiddleClick('welcome')
      expect(await wb.tabs.ids()).toEqual(['settings', 'table:tickets'])
      await wb.tabs.tab('table:tickets').click()
      await wb.press('Control+W')
      expect(await wb.tabs.ids()).toEqual(['settings'])
      await expect(wb.tabs.active).toHaveAttribute('data-tab-id', 'settings')
      await wb.press('Control+F4')
      await expect(wb.tabs.all).toHaveCount(0)
      // An empty editor area shows where to go next.
      await expect(workbench.page.getByTestId('editor-watermark')).toContainText('Show All Commands')
    })
  })

  test('the gear opens Settings and a tab’s context menu closes the others', async ({ workbench }) => {
    const { page } = workbench
    const wb = new WorkbenchPage(page)
    await wb.waitReady()
    await page.getByTestId('activity-settings').click()
    await expect(wb.tabs.active).toHaveAttribute('data-tab-id', 'settings')
    await wb.explorer.openTable('tickets')
    await wb.explorer.openTable('experiments')

    await wb.tabs.tab('settings').click({ button: 'right' })
    const menu = page.getByTestId('context-menu')
    await expect(menu.getByRole('menuitem')).toContainText([
      'Close Editor',
      'Close Other Editors',
      'Close All Editors',
      'Move Editor Left',
      'Move Editor Right'
    ])
    await expect(wb.tabs.active).toHaveAttribute('data-tab-id', 'settings')
    await menu.getByRole('menuitem', { name: 'Close Other Editors' }).click()
    await expect(menu).toBeHidden()
    expect(await wb.tabs.ids()).toEqual(['settings'])

    // The gear's own menu opens with a right-click and closes with Escape.
    await page.getByTestId('activity-settings').click({ button: 'right' })
    await expect(menu.getByRole('menuitem').first()).toBeFocused()
    await page.keyboard.press('Escape')
    await expect(menu).toBeHidden()
  })

  test('asks before closing Settings with unsaved changes', async ({ workbench }) => {
    const wb = new WorkbenchPage(workbench.page)
    await wb.waitReady()
    await wb.press('Control+Comma')
    await wb.settings.input('significanceLevel').fill('0.01')
    await expect(wb.tabs.tab('settings')).toHaveClass(/is-dirty/)

    await wb.press('Control+W')
    const dialog = workbench.page.getByTestId('dialog')
    await expect(dialog).toContainText('Save your changes?')
    await workbench.page.getByTestId('dialog-cancel').click()
    await expect(wb.tabs.tab('settings')).toBeVisible()

    await wb.tabs.closeWithButton('settings')
    await workbench.page.getByTestId('dialog-discard').click()
    await expect(wb.tabs.tab('settings')).toHaveCount(0)
    const saved = (await wb.api('settings.get', {})) as { significanceLevel: number }
    expect(saved.significanceLevel).toBe(0.05)
  })
})
