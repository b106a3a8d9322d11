import { expect, test } from './fixtures'
import { WorkbenchPage } from './pages/workbench-page'

interface Settings {
  significanceLevel: number
  minPracticalLift: number
  fiscalYearStartMonth: number
  timeZone: string
}

test.describe('settings editor', () => {
  test('saves a valid analysis setting to the workspace', async ({ workbench }) => {
    const wb = new WorkbenchPage(workbench.page)
    await wb.waitReady()
    await wb.runCommand('open settings')
    await expect(wb.settings.root).toBeVisible()
    await expect(wb.settings.input('significanceLevel')).toHaveValue('0.05')
    await expect(wb.settings.input('minPracticalLift')).toHaveValue('5')
    await expect(wb.settings.save).toBeDisabled()

    await wb.settings.input('significanceLevel').fill('0.01')
    await wb.settings.input('minPracticalLift').fill('3')
    await wb.settings.input('fiscalYearStartMonth').selectOption('4')
    await expect(wb.settings.fiscalPreview).toContainText(
      /With the fiscal year starting in April, .+ falls in FY20\d\d-Q[1-4]; FY20\d\d runs from April 20\d\d to March 20\d\d\./
    )
    await expect(wb.settings.state).toHaveText('Unsaved changes')
    await wb.settings.save.click()
    await expect(wb.settings.state).toHaveText('Saved')
    await expect(wb.tabs.tab('settings')).not.toHaveClass(/is-dirty/)

    const saved = (await wb.api('settings.get', {})) as Settings
    expect(saved).toMatchObject({ significanceLevel: 0.01, fiscalYearStartMonth: 4 })
    expect(saved.minPracticalLift).toBeCloseTo(0.03, 12)

    // The Output log records it, and a reload shows the saved values.
    await wb.press('Control+Shift+U')
    await expect(wb.panel.output).toContainText('Analysis settings saved in demo')
    await workbench.reload()
    await wb.waitReady()
    await wb.press('Control+Comma')
    await expect(wb.settings.input('significanceLevel')).toHaveValue('0.01')
  })

  test('refuses invalid values with an inline message and saves nothing', async ({ workbench }) => {
    const wb = new WorkbenchPage(workbench.page)
    await wb.waitReady()
    await wb.press('Control+Comma')

    await wb.settings.input('significanceLevel').fill('0.9')
    await expect(wb.settings.error('significanceLevel')).toHaveText(
      'Enter a value above 0 and at most 0.5 — 0.05 is the usual choice.'
    )
    await expect(wb.settings.input('significanceLevel')).toHaveAttribute('aria-invalid', 'true')
    await expect(wb.settings.save).toBeDisabled()

    await wb.settings.input('significanceLevel').fill('abc')
    await expect(wb.settings.error('significanceLevel')).toHaveText('Enter a number, such as 0.05.')

    await wb.settings.input('timeZone').fill('Mars/Olympus_Mons')
    await expect(wb.settings.error('timeZone')).toContainText('not a time zone Loopbench knows')

    // Ctrl+S does not save an invalid form either.
    await wb.settings.input('timeZone').press('Control+S')
    const saved = (await wb.api('settings.get', {})) as Settings
    expect(saved.significanceLevel).toBe(0.05)
    expect(saved.timeZone).not.toBe('Mars/Olympus_Mons')

    await wb.settings.revert.click()
    await expect(wb.settings.error('significanceLevel')).toBeHidden()
    await expect(wb.settings.input('significanceLevel')).toHaveValue('0.05')

    // Valid again: Ctrl+S saves.
    await wb.settings.input('timeZone').fill('Asia/Shanghai')
    await wb.settings.input('timeZone').press('Control+S')
    await expect(wb.settings.state).toHaveText('Saved')
    expect(((await wb.api('settings.get', {})) as Settings).timeZone).toBe('Asia/Shanghai')
  })

  test('shows inline messages in Chinese too', async ({ workbench }) => {
    const wb = new WorkbenchPage(workbench.page)
    await wb.waitReady()
    await wb.press('Control+Comma')
    await wb.settings.language.selectOption('zh-CN')
    await expect(workbench.page.locator('html')).toHaveAttribute('lang', 'zh-CN')
    await wb.settings.input('fiscalYearStartMonth').selectOption('4')
    await expect(wb.settings.fiscalPreview).toContainText(
      /财年从四月开始时，20\d\d年\d+月\d+日属于 FY20\d\d-Q[1-4]/
    )
    await wb.settings.input('csatSatisfiedThreshold').fill('7')
    await expect(wb.settings.error('csatSatisfiedThreshold')).toHaveText(
      '请输入大于 0 且不超过量表最高分（5）的分数。'
    )
  })
})
