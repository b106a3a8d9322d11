import { describe, expect, it, vi } from 'vitest'
import type { ImportFiles, PreparedFile } from '../../../src/renderer/src/api/import-files'
import { fileNameOf, tableOfKind } from '../../../src/renderer/src/state/import-controller'
import { ApiError } from '../../../src/shared/api/errors'
import type { JobInfo } from '../../../src/shared/domain/jobs'
import { createI18n } from '../../../src/renderer/src/i18n/i18n'
import { createTestController, demoHandlers } from './test-controller'
import { ticketPreview, ticketResult } from './import-fixtures'

const settle = (): Promise<void> => new Promise((resolve) => setTimeout(resolve, 0))

/** Upload files whose upload the test finishes or fails. */
function fakeUploads(): ImportFiles & {
  finish(id: string): void
  fail(error: ApiError): void
  aborted: boolean
} {
  let resolve: (v: { uploadId: string }) => void = () => undefined
  let reject: (e: unknown) => void = () => undefined
  const files = {
    mode: 'upload' as const,
    picker: 'input' as const,
    aborted: false,
    prepare(_file: File, onProgress?: (sent: number, total: number) => void): PreparedFile {
      onProgress?.(5, 10)
      const source = new Promise<{ uploadId: string }>((res, rej) => {
        resolve = res
        reject = rej
      })
      return {
        source,
        abort: () => {
          files.aborted = true
          reject(new ApiError('cancelled', 'The upload was cancelled.'))
        }
      }
    },
    finish: (id: string) => resolve({ uploadId: id }),
    fail: (error: ApiError) => reject(error)
  }
  return files
}

const job = (state: JobInfo['state'], extra: Partial<JobInfo> = {}): JobInfo => ({
  id: 'job-1',
  kind: 'import.run',
  title: 'Importing zendesk-tickets.csv',
  state,
  done: 0,
  total: 2048,
  message: '',
  startedAt: 1,
  finishedAt: null,
  error: null,
  ...extra
})

function setup(extra: Record<string, (args: never) => unknown> = {}) {
  const files = fakeUploads()
  const handlers = {
    ...demoHandlers(),
    'import.inspect': vi.fn(() => ticketPreview()),
    'import.start': vi.fn(() => ({ jobId: 'job-1' })),
    'import.result': vi.fn(() => ticketResult()),
    'import.saveMapping': vi.fn(() => ({
      id: 1,
      name: 'x',
      headersKey: 'k',
      mapping: ticketPreview().mapping,
      createdAt: 1
    })),
    'batches.list': vi.fn(() => []),
    'batches.rejects': vi.fn((args: { offset: number; limit: number }) => ({
      total: 3,
      rows: [
        { line: 5, reason: 'missing required field createdAt' },
        { line: 9, reason: 'score 11 is outside 1–5' },
        { line: 12, reason: 'unreadable date' }
      ].slice(args.offset, args.offset + args.limit)
    })),
    'batches.undo': vi.fn(() => ({ batchId: 7, removed: 3, restored: 0 })),
    'jobs.cancel': vi.fn(() => job('cancelled')),
    ...extra
  }
  const wb = createTestController(handlers, 'en-US', files)
  return { wb, files, handlers }
}

async function toPreview(
  wb: ReturnType<typeof setup>['wb'],
  files: ReturnType<typeof fakeUploads>
): Promise<void> {
  await wb.boot()
  wb.imports.importFile(new File(['a'], 'zendesk-tickets.csv'))
  expect(wb.imports.wizard.get()).toMatchObject({ step: 'uploading', upload: { sent: 5, total: 10 } })
  files.finish('u-1')
  await settle()
  await settle()
}

describe('ImportController', () => {
  it('uploads, inspects, imports and reports, following the job through its events', async () => {
    const { wb, files, handlers } = setup()
    await toPreview(wb, files)
    expect(wb.tabs.get().activeId).toBe('import')
    expect(handlers['import.inspect']).toHaveBeenCalledWith({ source: { uploadId: 'u-1' } })
    expect(wb.imports.wizard.get().step).toBe('preview')

    wb.imports.edit({ type: 'dateOrder', order: 'dmy' })
    await wb.imports.start()
    expect(handlers['import.start']).toHaveBeenCalledTimes(1)
    expect(wb.imports.wizard.get().job?.jobId).toBe('job-1')

    wb.fake.emit({ type: 'job.updated', job: job('running', { done: 1024, message: 'Importing: 2 rows' }) })
    expect(wb.imports.wizard.get().job).toMatchObject({
      done: 1024,
      total: 2048,
      message: 'Importing: 2 rows'
    })
    wb.fake.emit({ type: 'job.updated', job: job('succeeded', { done: 2048 }) })
    await settle()
    const state = wb.imports.wizard.get()
    expect(state.step).toBe('result')
    expect(state.result?.inserted).toBe(3)
    expect(handlers['import.result']).toHaveBeenCalledWith({ jobId: 'job-1' })
    const en = createI18n('en')
    const lines = wb.log.get().output.map((l) => en.text(l.text))
    expect(lines).toContain('Import started: zendesk-tickets.csv')
    expect(lines).toContain(
      'Imported zendesk-tickets.csv (batch #7): 3 new, 0 updated, 0 unchanged, 1 rejected'
    )
    expect(wb.session.get().dataVersion).toBeGreaterThan(0)
  })

  it('saves the mapping first when asked to remember it', async () => {
    const { wb, files, handlers } = setup()
    await toPreview(wb, files)
    wb.imports.edit({ type: 'dateOrder', order: 'dmy' })
    wb.imports.setRemember({ enabled: true, name: 'Zendesk weekly' })
    await wb.imports.start()
    expect(handlers['import.saveMapping']).toHaveBeenCalledWith(
      expect.objectContaining({ name: 'Zendesk weekly', headers: ticketPreview().headers })
    )
    expect(handlers['import.start']).toHaveBeenCalledTimes(1)
  })

  it('cancels a running import and says the workspace is unchanged', async () => {
    const { wb, files, handlers } = setup()
    await toPreview(wb, files)
    wb.imports.edit({ type: 'dateOrder', order: 'dmy' })
    await wb.imports.start()
    await wb.imports.cancel()
    expect(handlers['jobs.cancel']).toHaveBeenCalledWith({ id: 'job-1' })
    expect(wb.imports.wizard.get().step).toBe('cancelled')
    const en = createI18n('en')
    expect(wb.log.get().output.map((l) => en.text(l.text))).toContain(
      'Import of zendesk-tickets.csv cancelled; the workspace is unchanged'
    )
  })

  it('cancels an upload back to the first step', async () => {
    const { wb, files } = setup()
    await wb.boot()
    wb.imports.importFile(new File(['a'], 'big.csv'))
    await wb.imports.cancel()
    await settle()
    expect(files.aborted).toBe(true)
    expect(wb.imports.wizard.get().step).toBe('choose')
  })

  it('shows a refused upload in the wizard and in Problems, without a notification', async () => {
    const { wb, files } = setup()
    await wb.boot()
    wb.imports.importFile(new File(['a'], 'big.csv'))
    files.fail(new ApiError('payload_too_large', 'too large', { limit: 1024 }))
    await settle()
    expect(wb.imports.wizard.get()).toMatchObject({
      step: 'failed',
      failedAt: 'upload',
      error: { code: 'payload_too_large' }
    })
    expect(wb.log.get().problems).toHaveLength(1)
    expect(wb.notifications.get()).toEqual([])
  })

  it('shows a failed import job inline and lists the rejects its error carries in Problems', async () => {
    const { wb, files } = setup()
    await toPreview(wb, files)
    wb.imports.edit({ type: 'dateOrder', order: 'dmy' })
    await wb.imports.start()
    const error = {
      code: 'import_rejected' as const,
      message: 'zendesk-tickets.csv was not imported',
      details: {
        file: 'zendesk-tickets.csv',
        rejected: 2,
        total: 4,
        threshold: 0.05,
        rejects: [
          { line: 3, reason: 'bad date' },
          { line: 4, reason: 'no text' }
        ]
      }
    }
    wb.fake.emit({ type: 'job.updated', job: job('failed', { error }) })
    expect(wb.imports.wizard.get()).toMatchObject({ step: 'failed', failedAt: 'import' })
    const en = createI18n('en')
    const problems = wb.log.get().problems.map((p) => en.text(p.text))
    expect(problems[0]).toContain('2 of 4 rows failed validation')
    expect(problems).toContain('zendesk-tickets.csv, line 3: bad date')
    expect(problems).toContain('zendesk-tickets.csv, line 4: no text')
    // The wizard is in view, so no toast repeats what it shows.
    expect(wb.notifications.get()).toEqual([])
  })

  it('refuses a file while there is no workspace', async () => {
    const { wb } = setup({ 'workspace.info': () => null })
    await wb.boot()
    wb.imports.importFile(new File(['a'], 'a.csv'))
    expect(wb.imports.wizard.get().step).toBe('choose')
    expect(wb.notifications.get()[0]?.text).toEqual({ key: 'import.noWorkspace' })
  })

  it('refuses a second file while an import runs', async () => {
    const { wb, files, handlers } = setup()
    await toPreview(wb, files)
    wb.imports.edit({ type: 'dateOrder', order: 'dmy' })
    await wb.imports.start()
    wb.imports.importFile(new File(['b'], 'other.csv'))
    expect(wb.imports.wizard.get().step).toBe('importing')
    expect(wb.imports.wizard.get().file?.name).toBe('zendesk-tickets.csv')
    expect(wb.notifications.get().at(-1)?.text).toEqual({ key: 'import.busy' })
    expect(handlers['import.inspect']).toHaveBeenCalledTimes(1)
  })

  it('lists every reject in Problems with file and line', async () => {
    const { wb } = setup()
    await wb.boot()
    await wb.imports.showRejectsInProblems(7, 'zendesk-tickets.csv')
    const en = createI18n('en')
    expect(wb.log.get().problems.map((p) => en.text(p.text))).toEqual([
      'zendesk-tickets.csv, line 5: missing required field createdAt',
      'zendesk-tickets.csv, line 9: score 11 is outside 1–5',
      'zendesk-tickets.csv, line 12: unreadable date'
    ])
    expect(wb.preferences.get().preferences.layout.panelVisible).toBe(true)
    expect(wb.panelView.get()).toBe('problems')
  })

  it('undoes a batch after asking, and says what was removed', async () => {
    const { wb, handlers } = setup()
    await wb.boot()
    const undo = wb.imports.undo({ id: 7, sourceName: 'zendesk-tickets.csv', inserted: 3, updated: 0 })
    const dialog = wb.dialog.get()
    expect(dialog?.title).toBe('batches.undo.title')
    expect(dialog?.params).toMatchObject({ file: 'zendesk-tickets.csv', inserted: '3', updated: '0' })
    dialog?.resolve('undo')
    await expect(undo).resolves.toEqual({ batchId: 7, removed: 3, restored: 0 })
    expect(handlers['batches.undo']).toHaveBeenCalledWith({ batchId: 7 })
    const en = createI18n('en')
    expect(wb.log.get().output.map((l) => en.text(l.text))).toContain(
      'Import batch #7 (zendesk-tickets.csv) undone: 3 rows removed, 0 restored'
    )
  })

  it('does nothing when the undo is not confirmed', async () => {
    const { wb, handlers } = setup()
    await wb.boot()
    const undo = wb.imports.undo({ id: 7, sourceName: 'a.csv', inserted: 1, updated: 0 })
    wb.dialog.get()?.resolve('cancel')
    await expect(undo).resolves.toBeNull()
    expect(handlers['batches.undo']).not.toHaveBeenCalled()
  })

  it('loads the batches newest first, and quietly says when the backend lacks them', async () => {
    const batch = (id: number, startedAt: number) => ({
      ...ticketResult(),
      id,
      startedAt,
      status: 'committed'
    })
    const { wb } = setup({ 'batches.list': () => [batch(1, 10), batch(3, 30), batch(2, 20)] })
    await wb.boot()
    await wb.imports.refreshBatches()
    expect(wb.imports.batches.get().list?.map((b) => b.id)).toEqual([3, 2, 1])

    const old = setup({
      'batches.list': () => {
        throw new ApiError('not_supported', 'not yet')
      }
    })
    await old.wb.boot()
    await old.wb.imports.refreshBatches()
    expect(old.wb.imports.batches.get().error?.code).toBe('not_supported')
    expect(old.wb.log.get().problems).toEqual([])
  })
})

describe('import helpers', () => {
  it('names files at paths of any platform and knows which table a kind fills', () => {
    expect(fileNameOf('C:\\Users\\me\\工单.csv')).toBe('工单.csv')
    expect(fileNameOf('/home/me/a.xlsx')).toBe('a.xlsx')
    expect(tableOfKind('experiment_arm_summaries')).toBe('experiments')
    expect(tableOfKind('survey_responses')).toBe('survey_responses')
  })
})
