import { readFileSync } from 'node:fs'
import type { Taxonomy, ThemesOverview, ThemeSummary } from '../../src/shared/domain/themes'
import { expect, screenshotPath, test } from './fixtures'
import { thinTickets } from './harness/thin-tickets'
import { RUN_TIMEOUT, ThemeEditor, ThemesView } from './pages/themes'
import { WorkbenchPage } from './pages/workbench-page'

const THEMES = ['dark', 'light', 'high-contrast'] as const
const LANGUAGES = ['en', 'zh-CN'] as const
/** Every eighth ticket (see thinTickets); the themes benchmark and integration tests cover large runs. */
const KEEP_EVERY = 8

const count = (n: number): string => n.toLocaleString('en-US')

/** `themes.list`, as the backend answers it. */
async function overview(wb: WorkbenchPage): Promise<ThemesOverview> {
  return (await wb.api('themes.list', {})) as ThemesOverview
}

/** How many tickets a theme holds now (`themes.tickets`' total). */
async function ticketsOf(wb: WorkbenchPage, id: number): Promise<number> {
  return ((await wb.api('themes.tickets', { id, limit: 1 })) as { total: number }).total
}

/** The active cluster themes, largest first (the list's order without pins). */
function clusters(list: ThemesOverview): ThemeSummary[] {
  return list.themes.filter((t) => t.status === 'active' && t.kind === 'cluster' && !t.pinned)
}

test.describe('themes', () => {
  test('find themes; rename, merge and split; the edits survive a re-run; the tickets table filters by theme', async ({
    workbench
  }) => {
    // Two clustering runs, and screenshots in six looks.
    test.setTimeout(3 * RUN_TIMEOUT)
    let tickets = 0
    await workbench.restartServer((path) => (tickets = thinTickets(path, KEEP_EVERY)))
    const { page } = workbench
    const wb = new WorkbenchPage(page)
    const view = new ThemesView(page)
    const editor = new ThemeEditor(page)
    const job = page.getByTestId('status-job')
    await wb.waitReady()

    // Tickets but no run yet: the empty state offers "Find themes", in every look.
    for (const theme of THEMES) {
      for (const language of LANGUAGES) {
        await wb.usePreferences(theme, language)
        await view.show()
        await expect(view.emptyRun).toBeVisible()
        await page.mouse.move(1300, 880)
        await page.screenshot({ path: screenshotPath(`themes-empty-${theme}-${language}`) })
      }
    }
    await wb.usePreferences('light', 'en')
    await view.show()
    await expect(view.emptyRun).toContainText(`${count(tickets)} tickets`)
    await view.find.click()
    await expect(view.running).toBeVisible()
    // The status bar shows the run as a background job, with its translated title.
    await expect(job).toContainText('Finding themes')
    await page.screenshot({ path: screenshotPath('themes-running-light-en') })
    await view.waitLoaded(RUN_TIMEOUT)

    const first = await overview(wb)
    expect(first.run?.status).toBe('succeeded')
    // The list shows the backend's themes in its order: pinned first, then by volume.
    const active = first.themes.filter((t) => t.status === 'active' && t.kind !== 'other')
    expect((await view.ids()).slice(0, active.length)).toEqual(active.map((t) => t.id))
    const ranked = clusters(first)
    expect(ranked.length).toBeGreaterThan(4)
    const [a, b, c, d] = ranked as [ThemeSummary, ThemeSummary, ThemeSummary, ThemeSummary]
    await expect(view.item(a.id).getByTestId('themes-item-size')).toHaveText(count(a.size))

    // Rename A in its editor: Enter saves; the list, the tab and the editor follow.
    await view.label(a.id).click()
    await editor.waitLoaded()
    await expect(editor.label).toHaveText(a.label)
    const renamed = 'Refund still not received (e2e)'
    await editor.rename(renamed)
    await expect(view.label(a.id)).toHaveText(renamed)
    await expect(editor.label).toHaveText(renamed)
    await expect(editor.generated).toContainText(a.generatedLabel)
    await expect(wb.tabs.tab(`theme:${a.id}`)).toContainText(renamed)
    // Its representative tickets, then more of its tickets, page by page, without repeats.
    const shown = await editor.tickets.count()
    expect(shown).toBeGreaterThan(0)
    await editor.more.click()
    await expect.poll(() => editor.tickets.count()).toBeGreaterThan(shown)
    const ticketIds = await editor.tickets.evaluateAll((els) => els.map((el) => el.getAttribute('data-id')))
    expect(new Set(ticketIds).size).toBe(ticketIds.length)

    // Merge B into C from B's context menu: B goes, C takes its tickets.
    await view.action(b.id, 'theme-merge')
    await expect(wb.quickInput.root).toHaveAttribute('data-mode', 'pick:themes-merge')
    await wb.quickInput.item(String(c.id)).click()
    await expect(view.item(b.id)).toHaveCount(0)
    await expect(view.item(c.id)).toBeVisible()
    await expect.poll(() => ticketsOf(wb, c.id)).toBe(b.size + c.size)

    // Split D in two: a new theme split off from it appears in the list.
    await view.action(d.id, 'theme-split')
    await expect(wb.quickInput.root).toHaveAttribute('data-mode', 'pick:themes-split')
    await wb.quickInput.item('2').click()
    await expect
      .poll(async () => (await overview(wb)).themes.filter((t) => t.parentId === d.id).length, {
        timeout: 60_000
      })
      .toBe(1)
    const parts = (await overview(wb)).themes.filter((t) => t.parentId === d.id).map((t) => t.id)
    await view.waitLoaded()
    for (const id of [d.id, ...parts]) await expect(view.item(id)).toHaveCount(1)

    // A theme from a rule, through the command palette's input boxes: name, then words.
    await wb.runCommand('Themes: Create Theme from Rule')
    await expect(wb.quickInput.root).toHaveAttribute('data-mode', 'input:themes-rule-label')
    await wb.quickInput.box.press('Enter')
    await expect(page.getByTestId('quick-input-message')).toHaveText('The theme needs a name.')
    await wb.quickInput.box.fill('Gift cards')
    await wb.quickInput.box.press('Enter')
    await expect(wb.quickInput.root).toHaveAttribute('data-mode', 'input:themes-rule')
    await wb.quickInput.box.fill('gift card')
    await wb.quickInput.box.press('Enter')
    await expect(editor.label).toHaveText('Gift cards')
    const rule = (await overview(wb)).themes.find((t) => t.kind === 'rule')
    expect(rule?.label).toBe('Gift cards')
    expect(rule?.rule).toBe('gift card')
    await expect(view.item(rule?.id ?? 0)).toHaveAttribute('data-kind', 'rule')

    // Re-run (the granularity picker starts on the last run's) and wait for it.
    await view.run.click()
    await expect(wb.quickInput.root).toHaveAttribute('data-mode', 'pick:themes-granularity')
    await expect(wb.quickInput.activeItem).toHaveAttribute('data-item-id', 'normal')
    await wb.quickInput.box.press('Enter')
    await expect(view.running).toBeVisible()
    await view.waitLoaded(RUN_TIMEOUT)

    // The edits survived: the new name, the merge (B gone, C there) and both parts of the split.
    const after = await overview(wb)
    expect(after.run?.id).toBeGreaterThan(first.run?.id ?? 0)
    const byId = new Map(after.themes.map((t) => [t.id, t]))
    expect(byId.get(a.id)?.label).toBe(renamed)
    expect(byId.has(b.id)).toBe(false)
    expect(byId.get(c.id)?.status).toBe('active')
    expect(byId.get(d.id)?.status).toBe('active')
    for (const id of parts) expect(byId.get(id)?.parentId).toBe(d.id)
    expect(byId.get(rule?.id ?? 0)?.label).toBe('Gift cards')
    await expect(view.label(a.id)).toHaveText(renamed)
    await expect(view.item(b.id)).toHaveCount(0)
    await expect(view.item(c.id)).toHaveCount(1)
    for (const id of [d.id, ...parts]) await expect(view.item(id)).toHaveCount(1)
    // The open editor of A follows the re-run too.
    await wb.tabs.tab(`theme:${a.id}`).click()
    await expect(editor.label).toHaveText(renamed)

    // "Open tickets" on C: the tickets table, filtered by C.
    await view.action(c.id, 'theme-tickets')
    const table = wb.table('tickets')
    const themeFilter = table.root.getByTestId('ticket-themes')
    const cTickets = await ticketsOf(wb, c.id)
    await expect(table.filterCount).toHaveText(`${count(cTickets)} of ${count(tickets)} tickets`, {
      timeout: 20_000
    })
    await expect(themeFilter).toContainText(byId.get(c.id)?.label ?? '')
    // Add A in the filter bar: the tickets of either theme.
    await themeFilter.locator('button').first().click()
    await themeFilter.locator(`input[data-value="${a.id}"]`).check()
    await page.keyboard.press('Escape')
    const aTickets = await ticketsOf(wb, a.id)
    await expect(table.filterCount).toHaveText(`${count(cTickets + aTickets)} of ${count(tickets)} tickets`)
    await expect(themeFilter).toContainText('2 selected')
    // The rows shown are those tickets: the first row is the backend's first ticket of the filter.
    const firstPage = (await wb.api('data.page', {
      table: 'tickets',
      offset: 0,
      limit: 50,
      filter: { themes: [a.id, c.id] }
    })) as { rows: Array<Array<string | number | null>> }
    const assignments = new Map(
      ((await wb.api('themes.assignments', {})) as Array<{ ticketId: string; themeId: number | null }>).map(
        (r) => [r.ticketId, r.themeId]
      )
    )
    for (const row of firstPage.rows) expect([a.id, c.id]).toContain(assignments.get(String(row[0])))
    await expect(table.row(0)).toContainText(String(firstPage.rows[0]?.[0]))

    // A pinned and an excluded theme as well, so that every kind of row shows; then six looks.
    await wb.runCommand('Close All Editors')
    await wb.api('themes.pin', { id: c.id, value: true })
    const others = clusters(after).filter((t) => ![a.id, c.id, d.id, ...parts].includes(t.id))
    const excluded = others[0]
    if (!excluded) throw new Error('the demo should have more themes')
    await wb.api('themes.exclude', { id: excluded.id, value: true })
    for (const theme of THEMES) {
      for (const language of LANGUAGES) {
        await wb.usePreferences(theme, language)
        await view.show()
        await view.waitLoaded()
        await page.getByTestId('explorer-section-themes-excluded').getByRole('button').first().click()
        await expect(view.excluded).toBeVisible()
        await view.label(a.id).click()
        await editor.waitLoaded()
        await page.mouse.move(1300, 880)
        await page.screenshot({ path: screenshotPath(`themes-${theme}-${language}`) })

        await editor.content.evaluate((el) => el.scrollTo(0, el.scrollHeight))
        await view.item(c.id).hover()
        await page.screenshot({ path: screenshotPath(`themes-editor-bottom-${theme}-${language}`) })

        await view.menu(c.id)
        await page.screenshot({ path: screenshotPath(`themes-menu-${theme}-${language}`) })
        await page.keyboard.press('Escape')

        await view.action(a.id, 'theme-tickets')
        await expect(wb.table('tickets').filterCount).toBeVisible({ timeout: 20_000 })
        await expect(wb.table('tickets').loadedRows().first()).toBeVisible()
        await page.mouse.move(1300, 880)
        await page.screenshot({ path: screenshotPath(`themes-tickets-${theme}-${language}`) })
        await wb.runCommand(language === 'en' ? 'Close All Editors' : '关闭所有编辑器')
      }
    }

    // The taxonomy: exported as a JSON file, refused with the wrong field named, imported back.
    await wb.usePreferences('light', 'en')
    await view.show()
    await view.waitLoaded()
    const download = page.waitForEvent('download')
    await view.exportButton.click()
    const file = await download
    expect(file.suggestedFilename()).toMatch(/^loopbench-taxonomy-\d{4}-\d{2}-\d{2}\.json$/)
    const taxonomy = JSON.parse(readFileSync(await file.path(), 'utf8')) as Taxonomy
    expect(taxonomy.format).toBe('loopbench-taxonomy')
    expect(taxonomy.themes.find((t) => t.key === a.id)?.label).toBe(renamed)
    expect(taxonomy.themes.find((t) => t.key === b.id)?.mergedIntoKey).toBe(c.id)

    const broken = {
      ...taxonomy,
      themes: [{ ...taxonomy.themes[0], label: '' }, ...taxonomy.themes.slice(1)]
    }
    const notifications = page.getByTestId('notification')
    const choose = async (name: string, content: string): Promise<void> => {
      const chooser = page.waitForEvent('filechooser')
      await view.importButton.click()
      await (await chooser).setFiles({ name, mimeType: 'application/json', buffer: Buffer.from(content) })
    }
    await choose('broken.json', JSON.stringify(broken))
    await expect(notifications.last()).toContainText(
      'broken.json is not a Loopbench taxonomy: themes[0].label:'
    )
    await choose('notes.json', 'refund, late')
    await expect(notifications.last()).toContainText('notes.json is not a JSON file')
    await page.screenshot({ path: screenshotPath('themes-taxonomy-error-light-en') })
    await choose(file.suggestedFilename(), JSON.stringify(taxonomy))
    await expect(notifications.last()).toContainText(`Imported the taxonomy ${file.suggestedFilename()}`)
  })
})
