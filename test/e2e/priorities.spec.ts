import { readFileSync } from 'node:fs'
import type { Download } from '@playwright/test'
import type { PriorityList, PriorityRow, ThemeSuggestions } from '../../src/shared/domain/priorities'
import { expect, screenshotPath, test } from './fixtures'
import { thinTickets } from './harness/thin-tickets'
import { PrioritiesEditor, ReportPreview } from './pages/priorities'
import { RUN_TIMEOUT, findThemes } from './pages/themes'
import { WorkbenchPage } from './pages/workbench-page'

const THEMES = ['dark', 'light', 'high-contrast'] as const
const LANGUAGES = ['en', 'zh-CN'] as const

async function list(wb: WorkbenchPage): Promise<PriorityList> {
  return (await wb.api('priorities.list', {})) as PriorityList
}

function byTitle(l: PriorityList, title: string): PriorityRow {
  const row = l.items.find((r) => r.title === title)
  if (!row) throw new Error(`no row “${title}”`)
  return row
}

test.describe('priorities', () => {
  test('edits effort and status, overrides a rank with a note, freezes the quarter and exports the report', async ({
    workbench
  }) => {
    test.setTimeout(RUN_TIMEOUT)
    await workbench.restartServer((path) => thinTickets(path, 8))
    const { page } = workbench
    const wb = new WorkbenchPage(page)
    await wb.waitReady()
    await wb.usePreferences('light', 'en')

    // Themes first (as the user would: Find Themes), so that every complaint theme is a candidate.
    await findThemes(wb)

    await wb.runCommand('Open Feature Priorities')
    const editor = new PrioritiesEditor(page)
    await editor.waitLoaded()
    const before = await list(wb)
    expect(before.quarter).toBe(before.quarters.at(-1))
    await expect(editor.quarter).toHaveValue(before.quarter!)
    await expect(editor.rows).toHaveCount(before.items.length)
    // The ranks on screen are the backend's.
    for (const rank of [1, 2, 3]) expect(await editor.titleAt(rank)).toBe(before.items[rank - 1]!.title)

    // Effort and status of the top row, a theme without effort: it becomes an item, its score ÷ 8.
    const top = before.items[0]!
    expect(top.effortSet).toBe(false)
    const topRow = editor.row(top.title)
    await expect(topRow.getByTestId('priorities-effort-unset')).toBeVisible()
    await topRow.getByTestId('priorities-effort').selectOption('L')
    await expect(topRow.getByTestId('priorities-effort-unset')).toHaveCount(0)
    await editor.waitLoaded()
    await editor.row(top.title).getByTestId('priorities-status').selectOption('planned')
    await expect(editor.row(top.title).getByTestId('priorities-status')).toHaveAttribute(
      'data-status',
      'planned'
    )
    await editor.row(top.title).getByTestId('priorities-owner').fill('Growth team')
    await editor.row(top.title).getByTestId('priorities-owner').press('Enter')
    await expect
      .poll(async () => {
        const r = byTitle(await list(wb), top.title)
        return [r.kind, r.effortSize, r.status, r.owner, r.components.effort]
      })
      .toEqual(['item', 'L', 'planned', 'Growth team', 8])
    const edited = byTitle(await list(wb), top.title)
    expect(edited.score).toBeCloseTo(top.score / 8, 6)

    // Override: the row at rank 5 goes to rank 1, with a note kept in the audit trail.
    await editor.waitLoaded()
    const fifth = await editor.titleAt(5)
    await editor.row(fifth).getByTestId('priorities-override-button').click()
    await wb.quickInput.replace('1')
    await wb.quickInput.accept()
    await wb.quickInput.replace('Board decision: launch blocker')
    await wb.quickInput.accept()
    await expect(editor.atRank(1).getByTestId('priorities-title')).toHaveText(fifth)
    await expect(editor.atRank(1).getByTestId('priorities-override')).toBeVisible()
    await editor.atRank(1).getByTestId('priorities-title').click()
    await expect(page.getByTestId('priorities-audit')).toContainText('Board decision: launch blocker')
    const overridden = byTitle(await list(wb), fifth)
    expect(overridden).toMatchObject({
      rank: 1,
      override: { rank: 1, note: 'Board decision: launch blocker', conflict: false }
    })

    // A demo item planned by hand has no themes yet; its details suggest the themes its title is
    // about, as the backend ranks them, and one click groups the best under the item.
    const sms = before.items.find((r) => r.title.startsWith('SMS verification codes'))!
    expect(sms.themes).toEqual([])
    const suggested = (await wb.api('priorities.suggestThemes', { row: sms.id })) as ThemeSuggestions
    expect(suggested.ready).toBe(true)
    expect(suggested.suggestions.length).toBeGreaterThan(0)
    await editor.row(sms.title).getByTestId('priorities-title').click()
    const suggestions = page.getByTestId('priorities-suggestions')
    await expect(suggestions.locator('li')).toHaveCount(suggested.suggestions.length)
    const best = suggested.suggestions[0]!
    await expect(suggestions.locator('li').first()).toContainText(best.label)
    await suggestions.locator('li').first().getByRole('button', { name: 'Add to this item' }).click()
    await expect.poll(async () => byTitle(await list(wb), sms.title).themes).toEqual([best.themeId])
    await editor.waitLoaded()
    await expect(page.getByTestId('priorities-detail').locator('.lb-prio-chip')).toContainText(best.label)

    // Every look, with the SMS item open: its components, themes and suggestions.
    for (const theme of THEMES) {
      for (const language of LANGUAGES) {
        await wb.usePreferences(theme, language)
        await wb.runCommand(language === 'en' ? 'Open Feature Priorities' : '打开功能优先级')
        await editor.waitLoaded()
        await editor.row(sms.title).getByTestId('priorities-title').click()
        await expect(page.getByTestId('priorities-detail')).toBeVisible()
        await expect(page.getByTestId('priorities-suggestions').locator('li').first()).toBeVisible()
        await page.mouse.move(1300, 880)
        await page.screenshot({ path: screenshotPath(`priorities-${theme}-${language}`) })
      }
    }
    await wb.usePreferences('light', 'en')
    await wb.runCommand('Open Feature Priorities')
    await editor.waitLoaded()

    // Freeze: the snapshot is what the quarter shows, and nothing in it can change.
    await editor.freeze.click()
    await expect(editor.frozenBanner).toBeVisible()
    await expect(editor.atRank(1).getByTestId('priorities-status')).toBeDisabled()
    await expect(editor.atRank(1).getByTestId('priorities-override-button')).toHaveCount(0)
    const frozen = await list(wb)
    expect(frozen.frozenAt).not.toBeNull()
    expect(frozen.items.map((r) => r.id)).toEqual((await list(wb)).items.map((r) => r.id))
    await page.screenshot({ path: screenshotPath('priorities-frozen-light-en') })

    // The report: previewed in a sandboxed frame, saved as HTML and as PDF.
    await editor.openReport.click()
    const report = new ReportPreview(page)
    await report.waitLoaded()
    // Read from the workbench's side: nothing is evaluated inside the frame, which runs no scripts.
    const inFrame = (): Promise<{ lang: string; h1: string; charts: number; sections: number }> =>
      report.frame.evaluate((f: HTMLIFrameElement) => {
        const doc = f.contentDocument!
        return {
          lang: doc.documentElement.lang,
          h1: doc.querySelector('h1')?.textContent ?? '',
          charts: doc.querySelectorAll('svg').length,
          sections: doc.querySelectorAll('section').length
        }
      })
    await expect.poll(async () => (await inFrame()).charts).toBeGreaterThan(0)
    expect((await inFrame()).lang).toBe('en')
    await page.screenshot({ path: screenshotPath('report-preview-light-en') })
    const save = async (button: 'html' | 'pdf'): Promise<{ name: string; bytes: Buffer }> => {
      const download: Promise<Download> = page.waitForEvent('download', { timeout: 120_000 })
      await (button === 'html' ? report.exportHtml : report.exportPdf).click()
      const file = await download
      return { name: file.suggestedFilename(), bytes: readFileSync(await file.path()) }
    }
    const html = await save('html')
    expect(html.name).toBe(`loopbench-review-${frozen.quarter}.en.html`)
    const text = html.bytes.toString('utf8')
    expect(text).toContain(fifth.replace(/&/g, '&amp;').replace(/</g, '&lt;'))
    expect(text).toContain('Board decision: launch blocker')
    expect(text).not.toMatch(/<script|<link|\bsrc="https?:|NaN|undefined/)
    const pdf = await save('pdf')
    expect(pdf.name).toBe(`loopbench-review-${frozen.quarter}.en.pdf`)
    expect(pdf.bytes.subarray(0, 5).toString('latin1')).toBe('%PDF-')

    await report.language.selectOption('zh-CN')
    await report.waitLoaded()
    await expect.poll(async () => (await inFrame()).lang).toBe('zh-CN')
    await page.screenshot({ path: screenshotPath('report-preview-light-zh-CN') })
  })
})
