import { expect, test } from './fixtures'
import { WorkbenchPage } from './pages/workbench-page'

test.describe('command palette', () => {
  test('switches the theme through the palette and keeps it after a reload', async ({ workbench }) => {
    const wb = new WorkbenchPage(workbench.page)
    await wb.waitReady()

    await wb.quickInput.openCommands()
    await expect(wb.quickInput.box).toHaveValue('>')
    await wb.quickInput.type('theme light')
    await expect(wb.quickInput.activeItem).toContainText('Theme: Light')
    await wb.quickInput.accept()
    await expect.poll(() => wb.theme()).toBe('light')
    await expect(wb.statusBar.theme).toHaveText('Light')

    // The theme picker previews while moving and commits on Enter.
    await wb.runCommand('color theme')
    await expect(wb.quickInput.root).toHaveAttribute('data-mode', 'pick:theme')
    await expect(wb.quickInput.activeItem).toContainText('Light')
    await wb.quickInput.box.press('ArrowUp')
    await expect(wb.quickInput.activeItem).toContainText('Dark')
    await expect.poll(() => wb.theme()).toBe('dark')
    await wb.quickInput.box.press('ArrowDown')
    await wb.quickInput.box.press('ArrowDown')
    await expect(wb.quickInput.activeItem).toContainText('High Contrast')
    await expect.poll(() => wb.theme()).toBe('high-contrast')
    await wb.quickInput.accept()
    await expect.poll(async () => (await wb.savedPreferences()).theme).toBe('high-contrast')

    await workbench.reload()
    await wb.waitReady()
    expect(await wb.theme()).toBe('high-contrast')
  })

  test('Escape in the theme picker restores the theme in use', async ({ workbench }) => {
    const wb = new WorkbenchPage(workbench.page)
    await wb.waitReady()
    const before = await wb.theme()
    await wb.statusBar.theme.click()
    await expect(wb.quickInput.root).toHaveAttribute('data-mode', 'pick:theme')
    await wb.quickInput.box.fill('light')
    await expect.poll(() => wb.theme()).toBe('light')
    await wb.quickInput.box.press('Escape')
    await expect(wb.quickInput.root).toBeHidden()
    expect(await wb.theme()).toBe(before)
  })

  test('switches the language to Chinese and the interface follows', async ({ workbench }) => {
    const wb = new WorkbenchPage(workbench.page)
    await wb.waitReady()
    await expect(wb.explorer.activityButton).toHaveAttribute('aria-label', 'Explorer')

    await wb.runCommand('Simplified Chinese')
    await expect(workbench.page.locator('html')).toHaveAttribute('lang', 'zh-CN')
    await expect(wb.explorer.activityButton).toHaveAttribute('aria-label', '资源管理器')
    await expect(wb.explorer.root.locator('.lb-view-title')).toHaveText('资源管理器')
    await expect(wb.tabs.tab('welcome')).toHaveText(/欢迎/)
    await expect(workbench.page.getByTestId('welcome')).toContainText('打开演示工作区')
    await expect(wb.statusBar.counts).toContainText('条工单')
    await expect(wb.statusBar.language).toHaveText('简体中文')
    await expect(wb.statusBar.privacy).toContainText('仅限本机')

    // Commands can still be found by their English titles, and are shown in Chinese.
    await wb.quickInput.openCommands()
    await wb.quickInput.type('toggle panel')
    await expect(wb.quickInput.activeItem).toContainText('视图: 切换面板')
    await expect(wb.quickInput.keybinding(wb.quickInput.activeItem)).toHaveAttribute('aria-label', 'Ctrl+J')
    await wb.quickInput.accept()
    await expect(wb.panel.root).toBeVisible()
    await expect(wb.panel.problemsTab).toHaveText('问题')

    // …and back to English from the language picker in the status bar.
    await wb.statusBar.language.click()
    await wb.quickInput.box.fill('english')
    await wb.quickInput.accept()
    await expect(workbench.page.locator('html')).toHaveAttribute('lang', 'en')
    await expect(wb.panel.problemsTab).toHaveText('Problems')
    await expect.poll(async () => (await wb.savedPreferences()).language).toBe('en')
  })

  test('opens with F1, lists keybindings, filters, navigates and closes with Escape', async ({
    workbench
  }) => {
    const wb = new WorkbenchPage(workbench.page)
    await wb.waitReady()
    await wb.press('F1')
    await expect(wb.quickInput.root).toHaveAttribute('data-mode', 'commands')
    await expect(wb.quickInput.keybinding(wb.quickInput.item('workbench.quickOpen'))).toHaveAttribute(
      'aria-label',
      'Ctrl+P'
    )
    await wb.quickInput.type('zzzzqqq')
    await expect(workbench.page.getByTestId('quick-input-empty')).toHaveText('No matching commands')
    await wb.quickInput.box.fill('>close')
    const first = await wb.quickInput.activeItem.getAttribute('data-item-id')
    await wb.quickInput.box.press('ArrowDown')
    expect(await wb.quickInput.activeItem.getAttribute('data-item-id')).not.toBe(first)
    await wb.quickInput.box.press('Escape')
    await expect(wb.quickInput.root).toBeHidden()
  })
})
