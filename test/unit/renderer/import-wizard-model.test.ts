import { describe, expect, it } from 'vitest'
import type { WizardAction, WizardState } from '../../../src/renderer/src/editors/import/import-wizard-model'
import {
  INITIAL_WIZARD,
  baseName,
  effectiveRead,
  inspectRequest,
  parseRejectThreshold,
  percentText,
  progressShare,
  rowsRead,
  startBlockers,
  startRequest,
  wizardReducer
} from '../../../src/renderer/src/editors/import/import-wizard-model'
import { surveyPreview, ticketPreview, ticketResult } from './import-fixtures'

const run = (actions: WizardAction[], from: WizardState = INITIAL_WIZARD): WizardState =>
  actions.reduce(wizardReducer, from)

const chosen: WizardAction = {
  type: 'fileChosen',
  file: { name: 'zendesk-tickets.csv', size: 2048 },
  defaults: { redact: true, rejectThreshold: 0.05 },
  uploading: true
}

/** The wizard with the ticket preview on screen. */
function inPreview(): WizardState {
  return run([
    chosen,
    { type: 'sourceReady', source: { uploadId: 'u1' } },
    { type: 'inspected', preview: ticketPreview() }
  ])
}

describe('the import wizard reducer', () => {
  it('walks choose → uploading → inspecting → preview with the settings as defaults', () => {
    let state = run([chosen])
    expect(state.step).toBe('uploading')
    expect(state.redact).toBe(true)
    expect(state.rejectThresholdPercent).toBe('5')
    expect(state.remember.name).toBe('zendesk-tickets')
    state = run([{ type: 'uploadProgress', sent: 1024, total: 2048 }], state)
    expect(state.upload).toEqual({ sent: 1024, total: 2048 })
    state = run([{ type: 'sourceReady', source: { uploadId: 'u1' } }], state)
    expect(state.step).toBe('inspecting')
    state = run([{ type: 'inspected', preview: ticketPreview() }], state)
    expect(state.step).toBe('preview')
    expect(state.mapping?.columns).toHaveLength(7)
  })

  it('goes straight to inspecting for a path (desktop)', () => {
    const state = run([{ ...chosen, uploading: false } as WizardAction])
    expect(state.step).toBe('inspecting')
    expect(state.upload).toBeNull()
  })

  it('starts a new token with every file, so late answers can be told apart', () => {
    const first = run([chosen])
    const second = run([chosen], first)
    expect(second.token).toBe(first.token + 1)
    expect(run([{ type: 'reset' }], second).token).toBe(second.token + 1)
  })

  it('keeps the preview on screen while re-reading with other settings', () => {
    const state = run([{ type: 'reinspect', read: { encoding: 'gb18030' } }], inPreview())
    expect(state.reinspecting).toBe(true)
    expect(state.step).toBe('preview')
    expect(state.read).toEqual({ encoding: 'gb18030' })
    expect(startBlockers(state)).toContainEqual({ type: 'busy' })
    const again = run([{ type: 'reinspect', kind: 'customers', read: { headerRows: 2 } }], state)
    expect(again.read).toEqual({ encoding: 'gb18030', headerRows: 2 })
    expect(again.kind).toBe('customers')
    expect(inspectRequest(again)).toEqual({
      source: { uploadId: 'u1' },
      read: { encoding: 'gb18030', headerRows: 2 },
      kind: 'customers'
    })
  })

  it('asks for nothing more than the source on first inspection', () => {
    const state = run([chosen, { type: 'sourceReady', source: { path: '/data/a.csv' } }])
    expect(inspectRequest(state)).toEqual({ source: { path: '/data/a.csv' } })
  })

  it('blocks the start until the date order is answered, and builds the request then', () => {
    let state = inPreview()
    expect(startBlockers(state)).toEqual([{ type: 'dateOrder' }])
    expect(startRequest(state)).toBeNull()
    state = run([{ type: 'edit', edit: { type: 'dateOrder', order: 'dmy' } }], state)
    expect(startBlockers(state)).toEqual([])
    const request = startRequest(state)
    expect(request?.source).toEqual({ uploadId: 'u1' })
    expect(request?.read).toEqual({ format: 'csv', encoding: 'utf-8', delimiter: ',', headerRows: 1 })
    expect(request?.mapping.dateOrder).toBe('dmy')
    expect(request?.mapping.columns).toHaveLength(7)
    expect(request?.options).toEqual({ redact: true, rejectThreshold: 0.05 })
  })

  it('blocks the start while a required role is missing, and says which', () => {
    const state = run(
      [
        { type: 'edit', edit: { type: 'dateOrder', order: 'mdy' } },
        { type: 'edit', edit: { type: 'role', index: 5, role: null } }
      ],
      inPreview()
    )
    expect(startBlockers(state)).toEqual([{ type: 'required', roles: ['text'] }])
  })

  it('checks the reject threshold and the name of a mapping to remember', () => {
    const base = run([{ type: 'edit', edit: { type: 'dateOrder', order: 'dmy' } }], inPreview())
    expect(startBlockers(run([{ type: 'rejectThreshold', value: '150' }], base))).toEqual([
      { type: 'threshold' }
    ])
    expect(startBlockers(run([{ type: 'remember', enabled: true, name: ' ' }], base))).toEqual([
      { type: 'mappingName' }
    ])
    const ok = run(
      [
        { type: 'rejectThreshold', value: '2,5 %' },
        { type: 'redact', value: false }
      ],
      base
    )
    expect(startRequest(ok)?.options).toEqual({ redact: false, rejectThreshold: 0.025 })
  })

  it('does not offer to remember a mapping that was already saved for these headers', () => {
    const state = run([
      chosen,
      { type: 'remember', enabled: true },
      { type: 'sourceReady', source: { uploadId: 'u1' } },
      { type: 'inspected', preview: { ...ticketPreview(), savedMappingId: 3 } }
    ])
    expect(state.remember.enabled).toBe(false)
  })

  it('names the experiment after the file when the file has no experiment column', () => {
    const preview = {
      ...surveyPreview(),
      detected: { kind: 'experiment_units' as const, preset: null, confidence: 0.8 },
      mapping: {
        ...surveyPreview().mapping,
        kind: 'experiment_units' as const,
        columns: [
          { index: 0, header: 'user_id', role: 'unitId' },
          { index: 1, header: 'group', role: 'assignedArm' }
        ]
      }
    }
    const state = run([
      { ...chosen, file: { name: 'ab_data.csv', size: 10 } },
      { type: 'sourceReady', source: { uploadId: 'u2' } },
      { type: 'inspected', preview }
    ])
    expect(state.mapping?.experiment).toBe('ab_data')
    const cleared = run([{ type: 'edit', edit: { type: 'experiment', value: '  ' } }], state)
    expect(startBlockers(cleared)).toEqual([{ type: 'experiment' }])
  })

  it('follows the job to its result, and records an undo', () => {
    let state = run([{ type: 'edit', edit: { type: 'dateOrder', order: 'dmy' } }], inPreview())
    state = run(
      [
        { type: 'starting', now: 1000 },
        { type: 'jobStarted', jobId: 'j1' }
      ],
      state
    )
    expect(state.step).toBe('importing')
    expect(state.job).toMatchObject({ jobId: 'j1', startedAt: 1000 })
    state = run([{ type: 'progress', done: 512, total: 2048, message: 'Importing: 2 rows' }], state)
    expect(progressShare(state.job ?? { done: 0, total: 0 })).toBe(0.25)
    state = run([{ type: 'succeeded', result: ticketResult() }], state)
    expect(state.step).toBe('result')
    expect(state.job).toBeNull()
    state = run(
      [{ type: 'undoStarted' }, { type: 'undone', result: { batchId: 7, removed: 3, restored: 0 } }],
      state
    )
    expect(state.undo).toEqual({ state: 'done', result: { batchId: 7, removed: 3, restored: 0 } })
  })

  it('goes back to the preview after a cancel or a refused import', () => {
    const importing = run(
      [
        { type: 'edit', edit: { type: 'dateOrder', order: 'dmy' } },
        { type: 'starting', now: 0 }
      ],
      inPreview()
    )
    const cancelled = run([{ type: 'cancelling' }, { type: 'cancelled' }], importing)
    expect(cancelled.step).toBe('cancelled')
    expect(run([{ type: 'backToPreview' }], cancelled).step).toBe('preview')
    const failed = run(
      [{ type: 'failed', error: { code: 'import_rejected', message: 'too many' }, at: 'import' }],
      importing
    )
    expect(failed).toMatchObject({ step: 'failed', failedAt: 'import' })
    const back = run([{ type: 'backToPreview' }], failed)
    expect(back.step).toBe('preview')
    expect(back.error).toBeNull()
    // Without a preview there is nothing to go back to.
    const early = run([
      chosen,
      { type: 'failed', error: { code: 'payload_too_large', message: 'big' }, at: 'upload' }
    ])
    expect(run([{ type: 'backToPreview' }], early).step).toBe('failed')
  })

  it('ignores progress that arrives outside the importing step', () => {
    const state = inPreview()
    expect(run([{ type: 'progress', done: 1, total: 2, message: '' }], state)).toBe(state)
  })
})

describe('wizard helpers', () => {
  it('parses the reject threshold in percent, with comma or full-width decimals', () => {
    expect(parseRejectThreshold('5')).toBe(0.05)
    expect(parseRejectThreshold('0')).toBe(0)
    expect(parseRejectThreshold('100%')).toBe(1)
    expect(parseRejectThreshold('2，5')).toBeCloseTo(0.025)
    expect(parseRejectThreshold('')).toBeNull()
    expect(parseRejectThreshold('-1')).toBeNull()
    expect(parseRejectThreshold('abc')).toBeNull()
    expect(percentText(0.025)).toBe('2.5')
  })

  it('reads the rows count from the job message', () => {
    expect(rowsRead({ counts: { rows: 12000 } })).toBe(12000)
    expect(rowsRead({ counts: { bytes: 5 } })).toBeNull()
    expect(rowsRead({})).toBeNull()
  })

  it('names files without their extension', () => {
    expect(baseName('C:\\exports\\ab_data.csv')).toBe('ab_data')
    expect(baseName('.hidden')).toBe('.hidden')
    expect(baseName('工单 2026.xlsx')).toBe('工单 2026')
  })

  it('imports with exactly the settings the preview was read with', () => {
    const xlsx = ticketPreview({
      read: {
        format: 'xlsx',
        encoding: 'utf-8',
        encodingSource: 'not_applicable',
        delimiter: null,
        sheets: ['Tickets', 'Notes'],
        sheet: 'Notes',
        headerRows: 2
      }
    })
    expect(effectiveRead(xlsx)).toEqual({ format: 'xlsx', sheet: 'Notes', headerRows: 2 })
  })
})
