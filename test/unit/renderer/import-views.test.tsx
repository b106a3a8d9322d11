import { renderToString } from 'react-dom/server'
import { describe, expect, it } from 'vitest'
import type { ReactElement } from 'react'
import { ImportEditor } from '../../../src/renderer/src/editors/import/import-editor'
import { SqlConsole } from '../../../src/renderer/src/editors/sql/sql-console'
import { BatchEditor } from '../../../src/renderer/src/editors/batch/batch-editor'
import { BatchesSection } from '../../../src/renderer/src/views/explorer/batches-section'
import type { WizardAction } from '../../../src/renderer/src/editors/import/import-wizard-model'
import { INITIAL_WIZARD, wizardReducer } from '../../../src/renderer/src/editors/import/import-wizard-model'
import { createI18n } from '../../../src/renderer/src/i18n/i18n'
import { I18nProvider } from '../../../src/renderer/src/i18n/i18n-context'
import { WorkbenchProvider } from '../../../src/renderer/src/state/workbench-context'
import type { ImportBatchInfo } from '../../../src/shared/domain/import'
import { createTestController } from './test-controller'
import { ticketPreview, ticketResult } from './import-fixtures'

type Language = 'en' | 'zh-CN'
type Controller = ReturnType<typeof createTestController>

function html(wb: Controller, language: Language, element: ReactElement): string {
  return renderToString(
    <WorkbenchProvider value={wb}>
      <I18nProvider value={createI18n(language)}>{element}</I18nProvider>
    </WorkbenchProvider>
  )
}

/** The visible text: no tags, entities decoded enough to look for leaks. */
const text = (markup: string): string =>
  markup
    .replace(/<[^>]+>/g, ' ')
    .replace(/&quot;/g, '"')
    .replace(/&#x27;/g, "'")

function expectClean(markup: string): void {
  expect(text(markup)).not.toMatch(/undefined|NaN|\{\w+\}|\[object Object\]/)
}

async function wizardAt(actions: WizardAction[]): Promise<Controller> {
  const wb = createTestController()
  await wb.boot()
  wb.imports.wizard.set(actions.reduce(wizardReducer, INITIAL_WIZARD))
  return wb
}

const preview: WizardAction[] = [
  {
    type: 'fileChosen',
    file: { name: 'zendesk-tickets.csv', size: 2048 },
    defaults: { redact: true, rejectThreshold: 0.05 },
    uploading: true
  },
  { type: 'sourceReady', source: { uploadId: 'u1' } },
  { type: 'inspected', preview: ticketPreview() }
]

describe('the import wizard renders', () => {
  it('its first step with the formats and the privacy note', async () => {
    const wb = await wizardAt([])
    const en = html(wb, 'en', <ImportEditor />)
    expect(en).toContain('Drop a file here to import it')
    expect(en).toContain('Choose file…')
    expect(en).toContain('data-testid="import-privacy"')
    const zh = html(wb, 'zh-CN', <ImportEditor />)
    expect(zh).toContain('将文件拖放到这里即可导入')
    expectClean(en)
    expectClean(zh)
  })

  it('the preview with detection, read settings, roles grouped and the date question', async () => {
    const wb = await wizardAt(preview)
    const en = html(wb, 'en', <ImportEditor />)
    expect(text(en)).toContain('Looks like a ticket export from Zendesk')
    expect(en).toContain('confidence 92%')
    expect(en).toContain('<optgroup label="Required">')
    expect(en).toContain('Ignore this column')
    expect(text(en)).toContain('Dates like 05/03/2026 09:12 can be read two ways')
    expect(text(en)).toContain('Day first — March 5, 2026')
    expect(text(en)).toContain('Month first — May 3, 2026')
    expect(en).toMatch(
      /data-testid="import-start"[^>]*disabled=""|disabled=""[^>]*data-testid="import-start"/
    )
    const zh = html(wb, 'zh-CN', <ImportEditor />)
    expect(text(zh)).toContain('看起来是来自 Zendesk 的工单导出数据')
    expect(text(zh)).toContain('日在前——2026年3月5日')
    expect(zh).toContain('快递太慢了，物流信息不更新')
    expectClean(en)
    expectClean(zh)
  })

  it('an inline warning when a required role has no column', async () => {
    const wb = await wizardAt([...preview, { type: 'edit', edit: { type: 'role', index: 5, role: null } }])
    const en = html(wb, 'en', <ImportEditor />)
    expect(text(en)).toContain('Required: Text. Choose the column that holds each')
    expect(html(wb, 'zh-CN', <ImportEditor />)).toContain('缺少必填角色：内容')
  })

  it('the progress of an import with Cancel', async () => {
    const wb = await wizardAt([
      ...preview,
      { type: 'edit', edit: { type: 'dateOrder', order: 'dmy' } },
      { type: 'starting', now: Date.now() },
      { type: 'jobStarted', jobId: 'j' },
      {
        type: 'progress',
        done: 1024,
        total: 2048,
        message: 'Importing: 12,000 rows',
        counts: { rows: 12000 }
      }
    ])
    const en = html(wb, 'en', <ImportEditor />)
    expect(text(en)).toContain('12,000 rows read')
    expect(en).toContain('aria-valuenow="50"')
    expect(en).toContain('Cancel import')
    expect(text(html(wb, 'zh-CN', <ImportEditor />))).toContain('已读取 12,000 行')
  })

  it('the result with counts, redactions, rejects and undo', async () => {
    const wb = await wizardAt([
      ...preview,
      { type: 'edit', edit: { type: 'dateOrder', order: 'dmy' } },
      { type: 'starting', now: 0 },
      { type: 'succeeded', result: ticketResult({ inserted: 12345 }) }
    ])
    const en = html(wb, 'en', <ImportEditor />)
    expect(text(en)).toContain('Imported zendesk-tickets.csv')
    expect(en).toContain('12,345')
    expect(text(en)).toContain('Personal data replaced: 2 e-mail addresses.')
    expect(text(html(wb, 'en', <ImportEditor />))).not.toContain('1 phone numbers')
    expect(text(en)).toContain('missing required field createdAt')
    expect(en).toContain('Show all in Problems')
    expect(en).toContain('Undo this import…')
    expect(text(en)).toContain('Open the Tickets table')
    const zh = html(wb, 'zh-CN', <ImportEditor />)
    expect(text(zh)).toContain('已替换的个人信息：2 个电子邮件地址。')
    expect(zh).toContain('撤销此次导入…')
    expectClean(en)
    expectClean(zh)
  })

  it('a re-import that added nothing', async () => {
    const wb = await wizardAt([
      ...preview,
      { type: 'starting', now: 0 },
      { type: 'succeeded', result: ticketResult({ inserted: 0, unchanged: 3, rejected: 0, rejects: [] }) }
    ])
    expect(text(html(wb, 'en', <ImportEditor />))).toContain('nothing was added twice')
  })

  it('failures with file and line, and the upload limit', async () => {
    const unreadable = await wizardAt([
      ...preview,
      { type: 'starting', now: 0 },
      {
        type: 'failed',
        at: 'import',
        error: {
          code: 'import_unreadable',
          message: 'x',
          details: { file: 'a.csv', line: 42, reason: 'unbalanced quote' }
        }
      }
    ])
    expect(text(html(unreadable, 'en', <ImportEditor />))).toContain(
      'a.csv cannot be read, line 42: unbalanced quote. Nothing was imported.'
    )
    expect(text(html(unreadable, 'zh-CN', <ImportEditor />))).toContain(
      '无法读取 a.csv（第 42 行）：unbalanced quote。未导入任何数据。'
    )
    const tooLarge = await wizardAt([
      preview[0] as WizardAction,
      {
        type: 'failed',
        at: 'upload',
        error: { code: 'payload_too_large', message: 'x', details: { limit: 2048 * 1024 * 1024 } }
      }
    ])
    const en = html(tooLarge, 'en', <ImportEditor />)
    expect(text(en)).toContain('larger than the 2 GB this Loopbench server accepts')
    expectClean(en)
  })

  it('a cancelled import, saying the workspace is unchanged', async () => {
    const wb = await wizardAt([...preview, { type: 'starting', now: 0 }, { type: 'cancelled' }])
    expect(text(html(wb, 'en', <ImportEditor />))).toContain(
      'Nothing from zendesk-tickets.csv was imported: the workspace is unchanged.'
    )
    expect(text(html(wb, 'zh-CN', <ImportEditor />))).toContain('工作区保持不变')
  })
})

const batch = (over: Partial<ImportBatchInfo> = {}): ImportBatchInfo => ({
  id: 7,
  kind: 'tickets',
  sourceName: 'zendesk-tickets.csv',
  sourcePath: null,
  sourceSize: 2048,
  sha256: 'ab'.repeat(32),
  format: 'csv',
  encoding: 'utf-8',
  preset: 'zendesk',
  status: 'committed',
  rowsRead: 4,
  inserted: 3,
  updated: 1,
  unchanged: 0,
  rejected: 1,
  startedAt: Date.UTC(2026, 4, 10, 9),
  finishedAt: Date.UTC(2026, 4, 10, 9, 1),
  ...over
})

describe('batches render', () => {
  it('in the Explorer, newest first, with undone ones marked', async () => {
    const wb = createTestController()
    await wb.boot()
    wb.imports.batches.set({
      list: [batch(), batch({ id: 6, status: 'undone', sourceName: '工单.csv' })],
      loading: false,
      error: null
    })
    const en = html(wb, 'en', <BatchesSection />)
    expect(text(en)).toContain('3 new · 1 updated · 1 rejected')
    expect(en).toContain('data-status="undone"')
    expect(en).toContain('Undo Import…')
    const zh = html(wb, 'zh-CN', <BatchesSection />)
    expect(text(zh)).toContain('新增 3 · 更新 1 · 拒收 1')
    expect(zh).toContain('已撤销')
    expectClean(en)
    expectClean(zh)
  })

  it('as details with the file’s SHA-256, layout and encoding', async () => {
    const wb = createTestController()
    await wb.boot()
    wb.imports.batches.set({ list: [batch()], loading: false, error: null })
    const en = html(
      wb,
      'en',
      <BatchEditor id="batch:7" input={{ kind: 'batch', batchId: 7, name: 'zendesk-tickets.csv' }} active />
    )
    expect(en).toContain('Import batch #7')
    expect(en).toContain('ab'.repeat(32))
    expect(en).toContain('Zendesk')
    expect(en).toContain('UTF-8')
    expectClean(en)
    expectClean(
      html(wb, 'zh-CN', <BatchEditor id="batch:7" input={{ kind: 'batch', batchId: 7, name: 'x' }} active />)
    )
  })
})

describe('the SQL console renders', () => {
  it('read-only, with its limits and the run keys', async () => {
    const wb = createTestController()
    await wb.boot()
    const en = html(wb, 'en', <SqlConsole />)
    expect(en).toContain('Read-only')
    expect(en).toContain('value="10000"')
    expect(en).toContain('Ctrl')
    const zh = html(wb, 'zh-CN', <SqlConsole />)
    expect(zh).toContain('只读')
    expectClean(en)
    expectClean(zh)
  })
})
