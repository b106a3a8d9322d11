import { expect, test } from './fixtures'
import { WorkbenchPage } from './pages/workbench-page'

test.describe('layout', () => {
  test('the side bar keeps the width it was dragged to after a reload and a restart', async ({
    workbench
  }) => {
    const { page } = workbench
    const wb = new WorkbenchPage(page)
    await wb.waitReady()
    const before = await wb.explorer.width()

    const sash = page.getByTestId('sash-side-bar')
    const box = await sash.boundingBox()
    if (!box) throw new Error('no sash')
    await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2)
    await page.mouse.down()
    await page.mouse.move(box.x + 60, box.y + box.height / 2, { steps: 5 })
    await page.mouse.move(box.x + 122, box.y + box.height / 2, { steps: 5 })
    await page.mouse.up()
    const after = await wb.explorer.width()
    expect(after).toBeGreaterThan(before + 100)
    await expect(sash).toHaveAttribute('aria-valuenow', String(after))
    // Saved a moment after the drag ends.
    await expect.poll(async () => (await wb.savedPreferences()).layout.sideBarWidth).toBe(after)

    await workbench.reload()
    await wb.waitReady()
    expect(await wb.explorer.width()).toBe(after)

    await workbench.restartServer()
    await wb.waitReady()
    expect(await wb.explorer.width()).toBe(after)
  })

  test('parts resize from the keyboard and the panel toggles with Ctrl+J', async ({ workbench }) => {
    const { page } = workbench
    const wb = new WorkbenchPage(page)
    await wb.waitReady()

    const sash = page.getByTestId('sash-side-bar')
    const before = await wb.explorer.width()
    await sash.focus()
    await page.keyboard.press('ArrowLeft')
    await page.keyboard.press('Shift+ArrowLeft')
    expect(await wb.explorer.width()).toBe(before - 60)
    await page.keyboard.press('Home')
    expect(await wb.explorer.width()).toBe(160)

    await expect(wb.panel.root).toBeHidden()
    await wb.press('Control+J')
    await expect(wb.panel.root).toBeVisible()
    const height = await wb.panel.height()
    await wb.panel.sash.focus()
    await page.keyboard.press('Shift+ArrowUp')
    expect(await wb.panel.height()).toBe(height + 50)
    await expect
      .poll(async () => (await wb.savedPreferences()).layout)
      .toMatchObject({
        panelVisible: true,
        panelHeight: height + 50,
        sideBarWidth: 160
      })

    await wb.press('Control+B')
    await expect(wb.explorer.sideBar).toBeHidden()
    await wb.explorer.activityButton.click()
    await expect(wb.explorer.sideBar).toBeVisible()

    await workbench.reload()
    await wb.waitReady()
    await expect(wb.panel.root).toBeVisible()
    expect(await wb.panel.height()).toBe(height + 50)
    await wb.press('Control+J')
    await expect(wb.panel.root).toBeHidden()
  })
})
