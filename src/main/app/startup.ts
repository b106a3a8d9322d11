import { basename, extname } from 'node:path'
import type { WorkbenchHandlers } from '@shared/api/contract'
import type { ApiErrorData, ApiResult } from '@shared/api/errors'
import { ApiError } from '@shared/api/errors'
import type { LanguageId } from '@shared/domain/preferences'
import { translate } from '@shared/i18n/translate'
import { describeError as describeApiError } from '@shared/i18n/describe-error'
import type { DialogPort, WindowHandle } from './electron-ports'

/** What happened when the app tried to open a workspace at start-up. */
export type StartupOutcome =
  | { kind: 'reopened'; path: string }
  | { kind: 'demo'; path: string }
  /** The most recent workspace did not open; the Welcome page shows and the file is untouched. */
  | { kind: 'reopen-failed'; path: string; name: string; error: ApiErrorData }
  | { kind: 'demo-failed'; error: ApiErrorData }

/** Runs one backend call and turns a failure into the error envelope the API would send. */
async function attempt<T>(run: () => Promise<T> | T): Promise<ApiResult<T>> {
  try {
    return { ok: true, value: await run() }
  } catch (error) {
    if (error instanceof ApiError) return { ok: false, error: error.toData() }
    return {
      ok: false,
      error: { code: 'internal', message: error instanceof Error ? error.message : String(error) }
    }
  }
}

/**
 * The first start (no recent workspace) opens the demo workspace, building it first; later starts
 * reopen the most recent workspace. Failures come back as outcomes, never as exceptions, and a
 * workspace that does not open is left exactly as it is.
 */
export async function openAtStartup(handlers: WorkbenchHandlers): Promise<StartupOutcome> {
  const recent = await attempt(() => handlers['workspace.recent']({}))
  const latest = recent.ok ? recent.value[0] : undefined
  if (!latest) {
    const demo = await attempt(() => handlers['workspace.openDemo']({}))
    return demo.ok ? { kind: 'demo', path: demo.value.path } : { kind: 'demo-failed', error: demo.error }
  }
  const opened = await attempt(() => handlers['workspace.open']({ path: latest.path }))
  if (opened.ok) return { kind: 'reopened', path: latest.path }
  const name = latest.name || basename(latest.path, extname(latest.path))
  return { kind: 'reopen-failed', path: latest.path, name, error: opened.error }
}

/**
 * The reason to show for an error in a native message box: the shared translated description,
 * its facts, and the backend's own (English) message as the technical detail.
 */
export function describeError(language: LanguageId, error: ApiErrorData): string {
  const description = describeApiError(language, error)
  const lines = [description.message, ...description.details]
  if (description.technical && description.technical !== description.message)
    lines.push(description.technical)
  return lines.join('\n')
}

/**
 * Tells the user, with a native message box, why start-up did not open a workspace. A cancelled
 * demo build needs no message: the user asked for it.
 */
export async function reportStartupOutcome(
  dialog: DialogPort,
  window: WindowHandle | null,
  language: LanguageId,
  outcome: StartupOutcome
): Promise<boolean> {
  const t = (key: Parameters<typeof translate>[1], params?: Record<string, string>): string =>
    translate(language, key, params)
  if (outcome.kind === 'reopen-failed') {
    await dialog.showMessageBox(window, {
      type: 'warning',
      title: t('nativeDialog.reopenFailed.title'),
      message: t('nativeDialog.reopenFailed.message', { name: outcome.name }),
      detail: t('nativeDialog.reopenFailed.detail', {
        reason: describeError(language, outcome.error),
        path: outcome.path
      }),
      buttons: [t('nativeDialog.ok')]
    })
    return true
  }
  if (outcome.kind === 'demo-failed' && outcome.error.code !== 'cancelled') {
    await dialog.showMessageBox(window, {
      type: 'error',
      title: t('nativeDialog.demoFailed.title'),
      message: t('nativeDialog.demoFailed.message'),
      detail: t('nativeDialog.demoFailed.detail', { reason: describeError(language, outcome.error) }),
      buttons: [t('nativeDialog.ok')]
    })
    return true
  }
  return false
}
