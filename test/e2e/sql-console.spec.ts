import { readFileSync } from 'node:fs'
import { expect, test } from './fixtures'
import { WorkbenchPage } from './pages/workbench-page'

test.describe('SQL console', () => {
  test('runs a SELECT, refuses a DELETE with a clear message, and exports CSV', async ({ workbench }) => {
    const { page } = workbench
    const wb = new WorkbenchPage(page)
    await wb.waitReady()
    const before = await wb.tableCounts()

    await wb.runCommand('Open SQL Console')
    const sql = wb.sql
    await expect(sql.root).toBeVisible()
    await expect(page.getByTestId('sql-readonly')).toContainText('Read-only')
    await expect(sql.schema.getByTestId('sql-schema-table-tickets')).toBeVisible()

    await sql.query('SELECT channel, COUNT(*) AS n FROM tickets GROUP BY channel ORDER BY n DESC, channel')
    expect(await sql.headers()).toEqual(['channel', 'n'])
    await expect(sql.summary).toContainText(/\d+ rows · /)
    const channels = (await wb
      .api('data.distinct', { table: 'tickets', column: 'channel' })
      .catch(() => null)) as Array<{ value: string | null; count: number }> | null
    if (channels) await expect(sql.grid.locator('[data-row-index]')).toHaveCount(channels.length)

    await sql.query('DELETE FROM tickets')
    await expect(sql.error).toBeVisible()
    await expect(sql.error).toHaveAttribute('data-kind', 'readOnly')
    await expect(sql.errorMessage).toContainText('The SQL console is read-only')
    expect(await wb.tableCounts()).toEqual(before)

    await sql.query('SELEC 1')
    await expect(sql.error).toHaveAttribute('data-kind', 'syntax')
    await expect(sql.sqliteMessage).toContainText('syntax error')

    // The row limit truncates, and says so.
    await sql.maxRows.fill('5')
    await sql.query('SELECT external_id FROM tickets')
    await expect(sql.truncated).toContainText('5 rows shown — more exist')

    await sql.maxRows.fill('10000')
    await sql.query(`SELECT '=1+1' AS formula, '渠道, "引号"' AS zh, -3 AS n, NULL AS empty_value`)
    const download = page.waitForEvent('download')
    await sql.exportButton.click()
    const file = await download
    expect(file.suggestedFilename()).toMatch(/^loopbench-query-.*\.csv$/)
    const bytes = readFileSync(await file.path())
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf])
    expect(bytes.subarray(3).toString('utf8')).toBe(
      `formula,zh,n,empty_value\r\n'=1+1,"渠道, ""引号""",-3,\r\n`
    )
  })
})
