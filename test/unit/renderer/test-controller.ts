import type { WorkbenchClient } from '../../../src/shared/api/client'
import type { AppInfo, MethodName } from '../../../src/shared/api/contract'
import type { ApiErrorData } from '../../../src/shared/api/errors'
import { ApiError } from '../../../src/shared/api/errors'
import type { WorkbenchEvent, WorkbenchEventListener } from '../../../src/shared/api/events'
import { DEFAULT_PREFERENCES } from '../../../src/shared/domain/preferences'
import type { UserPreferences, UserPreferencesPatch } from '../../../src/shared/domain/preferences'
import type { WorkspaceInfo } from '../../../src/shared/domain/workspace'
import { defaultAnalysisSettings } from '../../../src/shared/domain/settings'
import { WorkbenchController } from '../../../src/renderer/src/state/workbench-controller'
import type { ImportFiles } from '../../../src/renderer/src/api/import-files'

export const TEST_WORKSPACE: WorkspaceInfo = {
  path: '/data/demo.loopbench',
  name: 'demo',
  schemaVersion: 1,
  createdAt: Date.UTC(2026, 0, 5),
  sizeBytes: 25_000_000,
  isDemo: true,
  counts: {
    tickets: 25950,
    surveyResponses: 6579,
    customers: 3000,
    experiments: 5,
    importBatches: 5,
    themes: 0,
    priorityItems: 0
  },
  backupsWritten: []
}

export const appInfo = (host: 'web' | 'electron'): AppInfo => ({
  name: 'Loopbench',
  version: '0.1.0',
  host,
  capabilities: {
    switchWorkspace: host === 'electron',
    nativeDialogs: host === 'electron',
    upload: host === 'web'
  },
  platform: 'linux',
  schemaVersion: 1
})

type Handler = (args: never) => unknown

/** A client answering from a table of handlers; a handler may throw an ApiError or return error data. */
export function fakeClient(handlers: Partial<Record<MethodName, Handler>>): WorkbenchClient & {
  calls: Array<{ method: MethodName; args: unknown }>
  emit(event: WorkbenchEvent): void
} {
  const listeners = new Set<WorkbenchEventListener>()
  const calls: Array<{ method: MethodName; args: unknown }> = []
  return {
    calls,
    async call(method, args) {
      calls.push({ method, args })
      const handler = handlers[method]
      if (!handler) throw new ApiError('unknown_method', `no fake for ${method}`)
      const value = await (handler as (a: unknown) => unknown)(args)
      return value as never
    },
    subscribe(listener) {
      listeners.add(listener)
      return () => listeners.delete(listener)
    },
    emit(event) {
      for (const l of listeners) l(event)
    }
  }
}

/** Handlers of a web host serving the demo workspace. */
export function demoHandlers(host: 'web' | 'electron' = 'web'): Partial<Record<MethodName, Handler>> {
  let preferences: UserPreferences = DEFAULT_PREFERENCES
  return {
    'app.info': () => appInfo(host),
    'preferences.get': () => preferences,
    'preferences.update': (args: { patch: UserPreferencesPatch }) => {
      const { layout, ...rest } = args.patch
      preferences = { ...preferences, ...rest, layout: { ...preferences.layout, ...layout } }
      return preferences
    },
    'workspace.info': () => TEST_WORKSPACE,
    'workspace.recent': () => [{ path: TEST_WORKSPACE.path, name: 'demo', openedAt: 1 }],
    'data.tables': () => [
      { table: 'tickets', rows: 25950 },
      { table: 'survey_responses', rows: 6579 },
      { table: 'customers', rows: 3000 },
      { table: 'experiments', rows: 5 },
      { table: 'import_batches', rows: 5 }
    ],
    'settings.get': () => defaultAnalysisSettings('UTC'),
    'jobs.list': () => []
  }
}

export const failWith = (error: ApiErrorData) => (): never => {
  throw ApiError.fromData(error)
}

/** A controller over a fake client, with timers the test drives. */
export function createTestController(
  handlers: Partial<Record<MethodName, Handler>> = demoHandlers(),
  language = 'en-US',
  importFiles?: ImportFiles
): WorkbenchController & { fake: ReturnType<typeof fakeClient>; runTimers(): void } {
  const client = fakeClient(handlers)
  const timers = new Set<() => void>()
  const wb = new WorkbenchController(client, {
    platform: 'other',
    systemLanguage: language,
    systemTheme: 'dark',
    now: () => Date.UTC(2026, 4, 10, 12),
    setTimer: (fn) => {
      timers.add(fn)
      return fn
    },
    clearTimer: (handle) => timers.delete(handle as () => void),
    ...(importFiles ? { importFiles } : {})
  })
  return Object.assign(wb, {
    fake: client,
    runTimers: () => {
      const pending = [...timers]
      timers.clear()
      pending.forEach((fn) => fn())
    }
  })
}
