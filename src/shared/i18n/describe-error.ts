import type { ApiErrorData } from '../api/errors'
import { UNREACHABLE_REASON } from '../api/errors'
import type { LanguageId } from '../domain/preferences'
import type { MessageKey } from './catalog'
import type { MessageParams } from './translate'
import { translate } from './translate'
import { isMessageKey } from './message-key'

/**
 * API errors as a person reads them, in every host: the renderer's notifications and Problems,
 * the desktop's native message boxes, and later the CLI in Chinese.
 */

/** A failed call as a person reads it. */
export interface ErrorDescription {
  /** The translated sentence: what happened and what to do. */
  message: string
  /** Facts on lines of their own (the file concerned, a backup). */
  details: string[]
  /** The backend's own English message, for the Output log and tooltips. */
  technical: string
}

type Details = Record<string, unknown>

const str = (details: Details, name: string): string | undefined => {
  const value = details[name]
  return typeof value === 'string' && value.length > 0 ? value : undefined
}
const num = (details: Details, name: string): number | undefined => {
  const value = details[name]
  return typeof value === 'number' && Number.isFinite(value) ? value : undefined
}

/** The label of a field named in a validation issue (`patch.timeZone` → "Time zone"). */
function fieldLabel(language: LanguageId, path: string): string {
  const name = path.split('.').pop() ?? path
  const key = `settings.field.${name}`
  return isMessageKey(key) ? translate(language, key) : path || '—'
}

function invalidInput(language: LanguageId, details: Details): [MessageKey, MessageParams?] {
  const table = str(details, 'table')
  const column = str(details, 'column')
  if (table && column) {
    const tableKey = `table.${table}`
    return [
      'error.invalid_input.column',
      { table: isMessageKey(tableKey) ? translate(language, tableKey) : table, column }
    ]
  }
  const issues = Array.isArray(details.issues) ? (details.issues as unknown[]) : []
  const first = issues[0] as { path?: unknown; message?: unknown } | undefined
  if (first && typeof first.path === 'string' && typeof first.message === 'string') {
    return ['error.invalid_input', { field: fieldLabel(language, first.path), reason: first.message }]
  }
  return ['error.invalid_input.generic']
}

function messageFor(
  language: LanguageId,
  error: ApiErrorData,
  details: Details
): [MessageKey, MessageParams?] {
  switch (error.code) {
    case 'invalid_input':
      return invalidInput(language, details)
    case 'workspace_not_found':
      return [details.reason === 'folder' ? 'error.workspace_not_found.folder' : 'error.workspace_not_found']
    case 'workspace_too_new': {
      const workspaceVersion = num(details, 'workspaceVersion')
      const supportedVersion = num(details, 'supportedVersion')
      return workspaceVersion !== undefined && supportedVersion !== undefined
        ? ['error.workspace_too_new', { workspaceVersion, supportedVersion }]
        : ['error.workspace_too_new.generic']
    }
    case 'workspace_incompatible_history': {
      const atVersion = num(details, 'atVersion')
      return atVersion !== undefined
        ? ['error.workspace_incompatible_history', { atVersion }]
        : ['error.workspace_incompatible_history.generic']
    }
    case 'workspace_migration_failed': {
      const target = num(details, 'target')
      const reached = num(details, 'reached')
      if (target === undefined || reached === undefined) return ['error.workspace_migration_failed.generic']
      return [
        str(details, 'backup')
          ? 'error.workspace_migration_failed.backup'
          : 'error.workspace_migration_failed',
        { target, reached }
      ]
    }
    case 'job_failed':
      // Job kinds have translated titles; unknown kinds get the generic sentence.
      return details.kind === 'demo.build'
        ? ['error.job_failed.named', { title: translate(language, 'job.demo.build') }]
        : ['error.job_failed']
    case 'import_unreadable': {
      const file = str(details, 'file')
      const reason = str(details, 'reason')
      if (!file || !reason) return ['error.import_unreadable.generic']
      const line = num(details, 'line')
      const where = line === undefined ? '' : translate(language, 'error.detail.line', { line })
      return ['error.import_unreadable', { file, reason, where }]
    }
    case 'import_rejected': {
      const file = str(details, 'file')
      const rejected = num(details, 'rejected')
      const total = num(details, 'total')
      const threshold = num(details, 'threshold')
      if (!file || rejected === undefined || total === undefined || threshold === undefined) {
        return ['error.import_rejected.generic']
      }
      const percent = new Intl.NumberFormat(language, { style: 'percent', maximumFractionDigits: 1 }).format(
        threshold
      )
      return ['error.import_rejected', { file, rejected, total, threshold: percent }]
    }
    case 'internal':
      return [details.reason === UNREACHABLE_REASON ? 'error.internal.unreachable' : 'error.internal']
    default:
      return [`error.${error.code}`]
  }
}

/** Translates an API error into a message, with the facts from its details. */
export function describeError(language: LanguageId, error: ApiErrorData): ErrorDescription {
  const details: Details = error.details ?? {}
  const [key, params] = messageFor(language, error, details)
  const lines: string[] = []
  const path = str(details, 'path')
  if (path) lines.push(translate(language, 'error.detail.path', { path }))
  const backup = str(details, 'backup')
  if (backup) lines.push(translate(language, 'error.detail.backup', { backup }))
  return { message: translate(language, key, params), details: lines, technical: error.message }
}

/** Turns anything thrown into error data: API errors keep their code, the rest become `internal`. */
export function toErrorData(error: unknown): ApiErrorData {
  if (typeof error === 'object' && error !== null) {
    const e = error as { code?: unknown; message?: unknown; details?: unknown; name?: unknown }
    if (e.name === 'ApiError' && typeof e.code === 'string' && typeof e.message === 'string') {
      return {
        code: e.code as ApiErrorData['code'],
        message: e.message,
        ...(typeof e.details === 'object' && e.details !== null ? { details: e.details as Details } : {})
      }
    }
  }
  const message = error instanceof Error ? error.message : String(error)
  return { code: 'internal', message }
}
