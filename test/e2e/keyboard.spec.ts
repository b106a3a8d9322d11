import type { Page } from '@playwright/test'
import { expect, test } from './fixtures'
import { ExperimentEditor, ExperimentsView } from './pages/experiments'
import { WorkbenchPage } from './pages/workbench-page'

/*
 * Every part reached and operated with the keyboard alone: no click, no focus() from the test.
 * Outcomes are checked where a user would see them (the view shown, the editor open) and where
 * focus is (document.activeElement).
 */

/** The focused element's test id, else its tag and classes ('body' when nothing has focus). */
function focused(page: Page): Promise<string> {
  return page.evaluate(() => {
    const el = document.activeElement
    if (!el || el === document.body) return 'body'
    return (
      el.getAttribute('data-testid') ??
      `${el.tagName.toLowerCase()}${el.className ? `.${String(el.className).split(' ').join('.')}` : ''}`
    )
  })
}

/** True when the focused element matches a CSS selector. */
function focusMatches(page: Page, selector: string): Promise<boolean> {
  return page.evaluate((s) => document.activeElement?.matches(s) ?? false, selector)
}

/** Presses Tab (or Shift+Tab) until focus is on an element matching `selector`; fails after `max`. */
async function tabTo(
  page: Page,
  selector: string,
  options: { back?: boolean; max?: number } = {}
): Promise<void> {
  const max = options.max ?? 60
  for (let i = 0; i < max; i++) {
    await page.keyboard.press(options.back ? 'Shift+Tab' : 'Tab')
    if (await focusMatches(page, selector)) return
  }
  throw new Error(`${selector} was not reached in ${max} presses (focus is on ${await focused(page)})`)
}

/** The activity-bar icons that are in the Tab sequence. */
function activityTabStops(page: Page): Promise<string[]> {
  return page
    .locator('[data-testid="activity-bar"] [role="tab"][tabindex="0"]')
    .evaluateAll((els) => els.map((el) => el.getAttribute('data-view-id') ?? ''))
}

test.describe('keyboard', () => {
  test('the activity bar is one tab stop: arrows move between views, Enter and Space show them', async ({
    workbench
  }) => {
    const { page } = workbench
    const wb = new WorkbenchPage(page)
    const sideBar = page.getByTestId('side-bar')
    await wb.waitReady()
    await expect(sideBar).toHaveAttribute('data-view', 'explorer')

    await tabTo(page, '[data-testid="activity-bar"] [role="tab"]')
    expect(await focused(page)).toBe('activity-explorer')
    expect(await activityTabStops(page)).toEqual(['explorer'])

    // Arrows move focus only; the view changes when the focused icon is activated.
    await page.keyboard.press('ArrowDown')
    expect(await focused(page)).toBe('activity-experiments')
    expect(await activityTabStops(page)).toEqual(['experiments'])
    await expect(sideBar).toHaveAttribute('data-view', 'explorer')
    await page.keyboard.press('Enter')
    await expect(sideBar).toHaveAttribute('data-view', 'experiments')
    await expect(page.getByTestId('activity-experiments')).toHaveAttribute('aria-selected', 'true')

    await page.keyboard.press('ArrowDown')
    expect(await focused(page)).toBe('activity-themes')
    await page.keyboard.press('Space')
    await expect(sideBar).toHaveAttribute('data-view', 'themes')

    // Wraps around; Home and End go to the ends.
    await page.keyboard.press('ArrowDown')
    expect(await focused(page)).toBe('activity-explorer')
    await page.keyboard.press('End')
    expect(await focused(page)).toBe('activity-themes')
    await page.keyboard.press('Home')
    expect(await focused(page)).toBe('activity-explorer')
    await page.keyboard.press('ArrowUp')
    expect(await focused(page)).toBe('activity-themes')
    await page.keyboard.press('ArrowDown')
    await page.keyboard.press('Enter')
    await expect(sideBar).toHaveAttribute('data-view', 'explorer')

    // One stop: Tab leaves the view icons for the gear, Shift+Tab comes back to the same icon.
    await page.keyboard.press('Tab')
    expect(await focused(page)).toBe('activity-settings')
    await page.keyboard.press('Shift+Tab')
    expect(await focused(page)).toBe('activity-explorer')

    // The active view's icon hides the side bar and shows it again, as a click does.
    await page.keyboard.press('Enter')
    await expect(sideBar).toBeHidden()
    await page.keyboard.press('Enter')
    await expect(sideBar).toHaveAttribute('data-view', 'explorer')

    // A view shown by its shortcut becomes the tab stop.
    await page.keyboard.press('Control+Shift+X')
    await expect(sideBar).toHaveAttribute('data-view', 'experiments')
    await tabTo(page, '[data-testid="activity-settings"]', { back: true })
    await page.keyboard.press('Shift+Tab')
    expect(await focused(page)).toBe('activity-experiments')
  })

  test('side bar rows open editors; tabs switch and close; Quick Open and the palette run', async ({
    workbench
  }) => {
    const { page } = workbench
    const wb = new WorkbenchPage(page)
    await wb.waitReady()

    // Explorer: a table opens in an editor.
    await tabTo(page, '[data-testid="explorer-table-tickets"]')
    await page.keyboard.press('Enter')
    await expect(wb.tabs.active).toHaveAttribute('data-tab-id', 'table:tickets')
    await expect(wb.table('tickets').root).toBeVisible()

    // Experiments: the view by its shortcut, then a row opens the experiment.
    await page.keyboard.press('Control+Shift+X')
    const experiments = new ExperimentsView(page)
    await experiments.waitLoaded()
    await tabTo(page, '[data-testid="experiments-item"]')
    const key = await page.evaluate(() => document.activeElement?.getAttribute('data-key'))
    expect(key).toBeTruthy()
    await page.keyboard.press('Enter')
    await expect(wb.tabs.active).toHaveAttribute('data-tab-id', `experiment:${key}`)
    await new ExperimentEditor(page).waitLoaded()
    const openTabs = await wb.tabs.ids()
    expect(openTabs).toContain('table:tickets')

    // Editor tabs: the documented shortcuts switch them.
    await page.keyboard.press('Control+PageUp')
    await expect(wb.tabs.active).toHaveAttribute('data-tab-id', 'table:tickets')
    await page.keyboard.press('Control+PageDown')
    await expect(wb.tabs.active).toHaveAttribute('data-tab-id', `experiment:${key}`)

    // The tab strip is one stop: arrows switch tabs with focus, Delete closes the focused tab.
    await tabTo(page, '.lb-tab[aria-selected="true"]', { max: 80 })
    expect(await focused(page)).toBe(`tab-experiment:${key}`)
    await page.keyboard.press('ArrowLeft')
    await expect(wb.tabs.active).toHaveAttribute('data-tab-id', 'table:tickets')
    expect(await focused(page)).toBe('tab-table:tickets')
    await page.keyboard.press('End')
    expect(await focused(page)).toBe(`tab-experiment:${key}`)
    await page.keyboard.press('Delete')
    await expect(wb.tabs.tab(`experiment:${key}`)).toHaveCount(0)
    // Focus moves to the tab that became active, so the next Delete closes that one.
    await expect.poll(() => focused(page)).toBe(`tab-${await wb.tabs.activeId()}`)
    const left = await wb.tabs.ids()
    expect(left).toHaveLength(openTabs.length - 1)

    // Ctrl+W closes the active editor wherever focus is.
    const active = await wb.tabs.activeId()
    await page.keyboard.press('Control+W')
    await expect(wb.tabs.tab(active!)).toHaveCount(0)

    // Quick Open: the arrow keys move among the items, typing filters, Enter opens.
    await page.keyboard.press('Control+P')
    await expect(wb.quickInput.root).toHaveAttribute('data-mode', 'quickOpen')
    expect(await focused(page)).toBe('quick-input-box')
    const first = await wb.quickInput.activeItem.getAttribute('data-item-id')
    await page.keyboard.press('ArrowDown')
    await expect(wb.quickInput.activeItem).not.toHaveAttribute('data-item-id', first!)
    await page.keyboard.press('ArrowUp')
    await expect(wb.quickInput.activeItem).toHaveAttribute('data-item-id', first!)
    await page.keyboard.type('cust')
    await expect(wb.quickInput.activeItem).toHaveAttribute('data-item-id', 'goto:table:customers')
    await page.keyboard.press('Enter')
    await expect(wb.quickInput.root).toHaveCount(0)
    await expect(wb.tabs.active).toHaveAttribute('data-tab-id', 'table:customers')

    // The command palette: Enter runs the match; Escape closes it and gives focus back.
    await tabTo(page, '[data-testid="activity-bar"] [role="tab"]', { back: true, max: 80 })
    const before = await focused(page)
    await page.keyboard.press('Control+Shift+P')
    await expect(wb.quickInput.root).toHaveAttribute('data-mode', 'commands')
    await page.keyboard.type('toggle panel')
    await expect(wb.quickInput.activeItem).toBeVisible()
    await page.keyboard.press('Enter')
    await expect(wb.panel.root).toBeVisible()
    await page.keyboard.press('F1')
    await expect(wb.quickInput.root).toHaveAttribute('data-mode', 'commands')
    await page.keyboard.press('Escape')
    await expect(wb.quickInput.root).toHaveCount(0)
    expect(await focused(page)).toBe(before)
  })

  test('the panel, a dialog and the settings are operated from the keyboard', async ({ workbench }) => {
    const { page } = workbench
    const wb = new WorkbenchPage(page)
    await wb.waitReady()

    // Panel: Ctrl+J shows it; its tabs are one stop, the arrows switch between Problems and Output.
    await expect(wb.panel.root).toBeHidden()
    await page.keyboard.press('Control+J')
    await expect(wb.panel.root).toBeVisible()
    await tabTo(page, '[data-testid^="panel-tab-"]', { max: 80 })
    expect(await focused(page)).toBe('panel-tab-problems')
    await page.keyboard.press('ArrowRight')
    await expect(wb.panel.outputTab).toHaveAttribute('aria-selected', 'true')
    expect(await focused(page)).toBe('panel-tab-output')
    await expect(wb.panel.output).toBeVisible()
    await page.keyboard.press('Control+J')
    await expect(wb.panel.root).toBeHidden()

    // A dialog from the gear's menu (Shift+F10): focus moves in, stays in, and returns on Escape.
    await tabTo(page, '[data-testid="activity-settings"]', { back: true, max: 80 })
    await page.keyboard.press('Shift+F10')
    await expect(page.getByTestId('context-menu')).toBeVisible()
    await expect.poll(() => focusMatches(page, '[role="menuitem"]')).toBe(true)
    await page.keyboard.press('End')
    await page.keyboard.press('Enter')
    await expect(wb.dialog).toBeVisible()
    await expect(page.getByTestId('context-menu')).toHaveCount(0)
    expect(await focused(page)).toBe('dialog-ok')
    await page.keyboard.press('Tab')
    expect(await focusMatches(page, '[data-testid="dialog"] *')).toBe(true)
    await page.keyboard.press('Escape')
    await expect(wb.dialog).toHaveCount(0)
    expect(await focused(page)).toBe('activity-settings')

    // Settings: Ctrl+, opens them; the theme and language are chosen with the arrow keys.
    await page.keyboard.press('Control+Comma')
    await expect(wb.settings.root).toBeVisible()
    await tabTo(page, '[data-testid="settings-theme"]', { max: 80 })
    const html = page.locator('html')
    await page.keyboard.press('ArrowDown')
    await expect(wb.settings.theme).toHaveValue('dark')
    await expect(html).toHaveAttribute('data-theme', 'dark')
    await page.keyboard.press('ArrowDown')
    await expect(html).toHaveAttribute('data-theme', 'light')
    await page.keyboard.press('ArrowDown')
    await expect(html).toHaveAttribute('data-theme', 'high-contrast')
    await page.keyboard.press('Tab')
    expect(await focused(page)).toBe('settings-language')
    await page.keyboard.press('ArrowDown')
    await page.keyboard.press('ArrowDown')
    await expect(html).toHaveAttribute('lang', 'zh-CN')
    await expect(page.getByTestId('side-bar')).toHaveAttribute('aria-label', '资源管理器')
    await expect
      .poll(async () => {
        const saved = await wb.savedPreferences()
        return [saved.theme, saved.language]
      })
      .toEqual(['high-contrast', 'zh-CN'])
  })
})
