import { expect, test } from './fixtures'
import { WorkbenchPage } from './pages/workbench-page'

test.describe('errors', () => {
  test('an API validation error is shown as a readable message, in a notification and in Problems', async ({
    workbench
  }) => {
    const { page } = workbench
    const wb = new WorkbenchPage(page)
    await wb.waitReady()
    await wb.press('Control+Comma')

    // The form refuses invalid values itself, so the request is altered on its way to the real
    // backend, which must answer with a typed validation error (HTTP 400) the UI can explain.
    let backendStatus = 0
    await page.route('**/api/settings.update', async (route) => {
      const response = await route.fetch({ postData: JSON.stringify({ patch: { significanceLevel: 0.9 } }) })
      backendStatus = response.status()
      await route.fulfill({ response })
    })
    await wb.settings.input('significanceLevel').fill('0.01')
    await wb.settings.save.click()

    const toast = page.locator('[data-testid="notification"][data-severity="error"]')
    await expect(toast.first()).toContainText('The request was not accepted: Significance level (α)')
    await expect(toast.first()).not.toContainText(/undefined|NaN|\{/)
    await expect(wb.statusBar.problems).toContainText('1')
    await expect(wb.settings.state).toHaveText('Unsaved changes')
    expect(backendStatus).toBe(400)

    await toast.first().getByRole('button', { name: 'Show Problems' }).click()
    await expect(wb.panel.root).toBeVisible()
    await expect(wb.panel.problems).toHaveCount(1)
    await expect(wb.panel.problems.first()).toContainText('Significance level (α)')
    await expect(wb.panel.problems.first()).toContainText('settings.update')

    // The same problem reads in Chinese after switching the language.
    await wb.runCommand('Simplified Chinese')
    await expect(wb.panel.problems.first()).toContainText('请求未被接受：显著性水平 (α)')

    const saved = (await wb.api('settings.get', {})) as { significanceLevel: number }
    expect(saved.significanceLevel).toBe(0.05)
  })

  test('the Problems view starts empty and says so', async ({ workbench }) => {
    const wb = new WorkbenchPage(workbench.page)
    await wb.waitReady()
    await wb.press('Control+Shift+M')
    await expect(workbench.page.getByTestId('problems-empty')).toHaveText(
      'No problems have been detected in this session.'
    )
    await wb.panel.outputTab.click()
    await expect(wb.panel.output).toContainText('Workspace opened: demo')
  })
})
