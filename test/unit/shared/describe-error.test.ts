import { describe, expect, it } from 'vitest'
import type { ApiErrorCode, ApiErrorData } from '../../../src/shared/api/errors'
import { API_ERROR_CODES, ApiError } from '../../../src/shared/api/errors'
import { LANGUAGE_IDS } from '../../../src/shared/domain/preferences'
import { describeError, toErrorData } from '@shared/i18n/describe-error'

/** Details as the backend sends them for each code (see src/main). */
const SAMPLE_DETAILS: Readonly<Record<ApiErrorCode, Record<string, unknown> | undefined>> = {
  invalid_input: {
    method: 'settings.update',
    issues: [{ path: 'patch.significanceLevel', message: 'Too big' }]
  },
  unknown_method: undefined,
  not_found: { id: 'job-1' },
  not_supported: undefined,
  forbidden: undefined,
  unauthorized: undefined,
  no_workspace: undefined,
  workspace_not_found: { path: '/data/q3.loopbench' },
  workspace_exists: { path: '/data/q3.loopbench' },
  workspace_not_a_file: { path: '/data' },
  workspace_not_a_workspace: { path: '/data/notes.sqlite', reason: 'foreign_database' },
  workspace_corrupt: { path: '/data/q3.loopbench', detail: 'malformed' },
  workspace_too_new: { path: '/data/q3.loopbench', workspaceVersion: 9, supportedVersion: 1 },
  workspace_incompatible_history: { path: '/data/q3.loopbench', atVersion: 2 },
  workspace_not_writable: { path: '/data/q3.loopbench', reason: 'read_only_file' },
  workspace_busy: { path: '/data/q3.loopbench' },
  workspace_migration_failed: { path: '/data/q3.loopbench', reached: 1, target: 2, backup: '/data/q3.bak' },
  job_failed: { kind: 'demo.build' },
  import_unreadable: { file: 'tickets.csv', line: 17, reason: 'a quoted field is never closed' },
  import_rejected: { file: 'tickets.csv', rejected: 120, total: 1000, threshold: 0.05 },
  cancelled: { kind: 'demo.build' },
  payload_too_large: undefined,
  internal: { method: 'data.page' }
}

const error = (code: ApiErrorCode, details = SAMPLE_DETAILS[code]): ApiErrorData => ({
  code,
  message: `backend says ${code}`,
  ...(details ? { details } : {})
})

describe('describeError', () => {
  for (const language of LANGUAGE_IDS) {
    it(`gives a readable ${language} message for every error code, with and without details`, () => {
      for (const code of API_ERROR_CODES) {
        for (const e of [error(code), error(code, undefined)]) {
          const { message, details, technical } = describeError(language, e)
          const all = [message, ...details].join('\n')
          expect(message.length, code).toBeGreaterThan(language === 'en' ? 12 : 5)
          expect(all, code).not.toMatch(/\{\w+\}|undefined|NaN|null|\[object/)
          expect(technical).toBe(e.message)
          if (language === 'zh-CN') expect(message, code).toMatch(/[\u4e00-\u9fff]/)
        }
      }
    })
  }

  it('fills versions and shows the file on its own line', () => {
    const en = describeError('en', error('workspace_too_new'))
    expect(en.message).toContain('schema 9')
    expect(en.message).toContain('up to 1')
    expect(en.details).toEqual(['File: /data/q3.loopbench'])
    const zh = describeError('zh-CN', error('workspace_too_new'))
    expect(zh.message).toContain('9')
    expect(zh.details).toEqual(['文件：/data/q3.loopbench'])
  })

  it('names the invalid field of a validation error by its label', () => {
    expect(describeError('en', error('invalid_input')).message).toBe(
      'The request was not accepted: Significance level (α) — Too big.'
    )
    expect(describeError('zh-CN', error('invalid_input')).message).toContain('显著性水平 (α)')
  })

  it('explains an unknown table column', () => {
    const e = error('invalid_input', { table: 'tickets', column: 'nope' })
    expect(describeError('en', e).message).toBe('The table “Tickets” has no column “nope”.')
  })

  it('mentions the backup of a failed migration', () => {
    const d = describeError('en', error('workspace_migration_failed'))
    expect(d.message).toContain('A backup')
    expect(d.details).toContain('Backup: /data/q3.bak')
  })

  it('says when the web host does not answer', () => {
    const e: ApiErrorData = { code: 'internal', message: 'fetch failed', details: { reason: 'unreachable' } }
    expect(describeError('en', e).message).toMatch(/not answering/)
  })

  it('differs between the languages', () => {
    for (const code of API_ERROR_CODES) {
      expect(describeError('en', error(code)).message).not.toBe(describeError('zh-CN', error(code)).message)
    }
  })
})

describe('toErrorData', () => {
  it('keeps API errors and wraps anything else as internal', () => {
    expect(toErrorData(new ApiError('no_workspace', 'none'))).toEqual({
      code: 'no_workspace',
      message: 'none'
    })
    expect(toErrorData(new Error('boom'))).toEqual({ code: 'internal', message: 'boom' })
    expect(toErrorData('text')).toEqual({ code: 'internal', message: 'text' })
  })
})
