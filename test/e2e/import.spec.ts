import { once } from 'node:events'
import { createWriteStream, mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { expect, test } from './fixtures'
import { ROOT } from './harness/paths'
import { WorkbenchPage } from './pages/workbench-page'

const FIXTURES = join(ROOT, 'test', 'fixtures', 'e2e')
const ZENDESK = join(FIXTURES, 'zendesk-tickets-mixed.csv')
const ZENDESK_NAME = 'zendesk-tickets-mixed.csv'
const DAY_FIRST = join(FIXTURES, 'tickets-zh-day-first.csv')
/** Tickets in the Zendesk fixture that import, and its one rejected row (no creation date). */
const ZENDESK_GOOD = 23
const ZENDESK_BAD_LINE = 24

const en = (n: number): string => n.toLocaleString('en-US')

/** Writes a generic ticket CSV of about `megabytes` MB (big enough to cancel while it imports). */
async function writeLargeCsv(path: string, megabytes: number): Promise<void> {
  const out = createWriteStream(path)
  out.write('ticket_id,created_at,channel,status,subject,description\n')
  const texts = [
    'The courier left the parcel at the wrong address and nobody answers the phone',
    '快递一直显示运输中，物流信息三天没有更新，客服也联系不上',
    'I was charged twice for my membership renewal this month, please refund one',
    '优惠券在结算时提示已过期，但是活动页面写着还有效'
  ]
  let written = 0
  let id = 1
  while (written < megabytes * 1024 * 1024) {
    const lines: string[] = []
    for (let i = 0; i < 2000; i += 1, id += 1) {
      const day = String(1 + (id % 28)).padStart(2, '0')
      lines.push(
        `LG-${id},2026-02-${day} 10:${String(id % 60).padStart(2, '0')},email,open,Order ${id},"${texts[id % texts.length]}"`
      )
    }
    const chunk = `${lines.join('\n')}\n`
    written += Buffer.byteLength(chunk)
    if (!out.write(chunk)) await once(out, 'drain')
  }
  out.end()
  await once(out, 'finish')
}

test.describe('import', () => {
  test('imports a ticket export chosen with the file chooser: counts, the reject in Problems, the batch in the Explorer', async ({
    workbench
  }) => {
    const { page } = workbench
    const wb = new WorkbenchPage(page)
    await wb.waitReady()
    const before = await wb.tableCounts()

    await wb.runCommand('Import File')
    await expect(wb.tabs.active).toHaveAttribute('data-tab-id', 'import')
    const wizard = wb.importWizard
    await wizard.chooseFile(ZENDESK)
    await wizard.waitForPreview()
    await expect(wizard.detected).toContainText('Zendesk')
    await expect(wizard.kind).toHaveValue('tickets')
    await expect(page.getByTestId('import-mapping')).toContainText('榴莲千层蛋糕送到时已经融化')
    await wizard.startAndWait()

    await expect(wizard.count('inserted')).toHaveText(en(ZENDESK_GOOD))
    await expect(wizard.count('updated')).toHaveText('0')
    await expect(wizard.count('unchanged')).toHaveText('0')
    await expect(wizard.count('rejected')).toHaveText('1')
    await expect(wizard.rejects).toHaveCount(1)
    await expect(wizard.rejects.first()).toContainText(String(ZENDESK_BAD_LINE))

    await wizard.button('rejects-to-problems').click()
    await expect(wb.panel.problemsTab).toHaveAttribute('aria-selected', 'true')
    await expect(
      wb.panel.problems.filter({ hasText: `${ZENDESK_NAME}, line ${ZENDESK_BAD_LINE}:` })
    ).toHaveCount(1)

    const batch = wb.explorer.batch(ZENDESK_NAME)
    await expect(batch).toBeVisible()
    await expect(batch.getByTestId('batch-counts')).toContainText(`${ZENDESK_GOOD} new`)
    await expect(batch.getByTestId('batch-counts')).toContainText('1 rejected')
    await expect(wb.explorer.count('tickets')).toHaveText(en((before.tickets ?? 0) + ZENDESK_GOOD))
    await expect(wb.statusBar.counts).toContainText(`${en((before.tickets ?? 0) + ZENDESK_GOOD)} tickets`)

    // The batch's details list the reject with paging and the file's fingerprint.
    await batch.click()
    await expect(page.getByTestId('batch-editor')).toBeVisible()
    await expect(page.getByTestId('batch-reject')).toHaveCount(1)
    await expect(page.getByTestId('batch-fact-sha256')).toContainText(/[0-9a-f]{64}/)
  })

  test('imports a file dragged onto the window, asking how its dates are written', async ({ workbench }) => {
    const { page } = workbench
    const wb = new WorkbenchPage(page)
    await wb.waitReady()
    const before = await wb.tableCounts()
    // Dropped on the Welcome page: the wizard opens by itself.
    await expect(wb.tabs.active).toHaveAttribute('data-tab-id', 'welcome')
    const wizard = wb.importWizard
    await wizard.dropFile(DAY_FIRST)
    await expect(wizard.dropOverlay).toBeHidden()
    await expect(wb.tabs.active).toHaveAttribute('data-tab-id', 'import')
    await wizard.waitForPreview()
    await expect(wizard.kind).toHaveValue('tickets')
    await expect(wizard.dateOrder).toBeVisible()
    await expect(wizard.startButton).toBeDisabled()
    await expect(wizard.startStatus).toContainText('Say how the dates are written')
    await page.getByTestId('import-date-order-dmy').check()
    await wizard.startAndWait()
    await expect(wizard.count('inserted')).toHaveText('5')
    await expect(wb.explorer.count('tickets')).toHaveText(en((before.tickets ?? 0) + 5))
    // 05/03/2026 was read as 5 March.
    const rows = (await wb.api('sql.query', {
      sql: "SELECT external_id, strftime('%Y-%m-%d', created_at / 1000, 'unixepoch') FROM tickets WHERE external_id = 'T-20001'"
    })) as { rows: Array<[string, string]> }
    expect(rows.rows[0]?.[1]).toBe('2026-03-05')
  })

  test('cancels an import midway and leaves the workspace unchanged', async ({ workbench }) => {
    test.setTimeout(180_000)
    const { page } = workbench
    const wb = new WorkbenchPage(page)
    await wb.waitReady()
    const dir = mkdtempSync(join(tmpdir(), 'loopbench-large-'))
    try {
      const large = join(dir, 'large-tickets.csv')
      await writeLargeCsv(large, 60)
      const before = await wb.tableCounts()
      const batchesBefore = ((await wb.api('batches.list', {})) as unknown[]).length

      await wb.runCommand('Import File')
      const wizard = wb.importWizard
      await wizard.chooseFile(large)
      await wizard.waitForPreview()
      await wizard.startButton.click()
      await expect(wizard.running).toBeVisible()
      await expect(page.getByTestId('status-job')).toBeVisible()
      await wizard.cancelButton.click()
      await expect(wizard.cancelled).toBeVisible({ timeout: 60_000 })
      await expect(page.getByTestId('import-cancelled-message')).toContainText(
        'Nothing from large-tickets.csv was imported: the workspace is unchanged.'
      )
      expect(await wb.tableCounts()).toEqual(before)
      const batches = (await wb.api('batches.list', {})) as Array<{ sourceName: string; status: string }>
      expect(batches.filter((b) => b.status === 'committed' && b.sourceName === 'large-tickets.csv')).toEqual(
        []
      )
      expect(batches.filter((b) => b.status === 'committed').length).toBeLessThanOrEqual(batchesBefore)
      await expect(wb.explorer.count('tickets')).toHaveText(en(before.tickets ?? 0))
      await wb.press('Control+Shift+U')
      await expect(wb.panel.output).toContainText(
        'Import of large-tickets.csv cancelled; the workspace is unchanged'
      )
    } finally {
      rmSync(dir, { recursive: true, force: true })
    }
  })

  test('undoes an import from the Explorer, and the counts return', async ({ workbench }) => {
    const { page } = workbench
    const wb = new WorkbenchPage(page)
    await wb.waitReady()
    const before = await wb.tableCounts()
    await wb.runCommand('Import File')
    await wb.importWizard.chooseFile(ZENDESK)
    await wb.importWizard.waitForPreview()
    await wb.importWizard.startAndWait()
    await expect(wb.explorer.count('tickets')).toHaveText(en((before.tickets ?? 0) + ZENDESK_GOOD))

    const item = wb.explorer.batch(ZENDESK_NAME)
    await item.hover()
    await item.getByTestId('batch-undo').click()
    await expect(wb.dialog).toContainText(
      `Undoing the import of ${ZENDESK_NAME} removes the ${ZENDESK_GOOD} rows it added`
    )
    await page.getByTestId('dialog-undo').click()

    await expect(wb.explorer.count('tickets')).toHaveText(en(before.tickets ?? 0))
    await expect(item).toHaveAttribute('data-status', 'undone')
    await expect(item).toContainText('undone')
    // The data is back as it was; the batch itself stays on record, marked undone.
    const { import_batches: batchesAfter, ...after } = await wb.tableCounts()
    const { import_batches: batchesBefore, ...expected } = before
    expect(after).toEqual(expected)
    expect(batchesAfter).toBe((batchesBefore ?? 0) + 1)
    // The wizard showing that import says so too.
    await expect(page.getByTestId('import-undone')).toContainText(`${ZENDESK_GOOD} rows removed`)
  })

  test('importing the same file again adds nothing: 0 new, every row unchanged', async ({ workbench }) => {
    const { page } = workbench
    const wb = new WorkbenchPage(page)
    await wb.waitReady()
    await wb.runCommand('Import File')
    const wizard = wb.importWizard
    await wizard.chooseFile(ZENDESK)
    await wizard.waitForPreview()
    await wizard.startAndWait()
    await expect(wizard.count('inserted')).toHaveText(en(ZENDESK_GOOD))
    const after = await wb.tableCounts()

    await wizard.button('another').click()
    await wizard.chooseFile(ZENDESK)
    await wizard.waitForPreview()
    await wizard.startAndWait()
    await expect(wizard.count('inserted')).toHaveText('0')
    await expect(wizard.count('updated')).toHaveText('0')
    await expect(wizard.count('unchanged')).toHaveText(en(ZENDESK_GOOD))
    await expect(page.getByTestId('import-reimport')).toBeVisible()
    expect(await wb.tableCounts()).toMatchObject({ tickets: after.tickets })
    await expect(wb.explorer.batches().filter({ hasText: ZENDESK_NAME })).toHaveCount(2)
  })
})
