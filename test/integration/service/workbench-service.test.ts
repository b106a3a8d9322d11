import { mkdirSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { dispatch } from '@shared/api/dispatch'
import type { WorkbenchEvent } from '@shared/api/events'
import type { Workbench, WorkbenchOptions } from '../../../src/main/core/composition-root'
import { createWorkbench } from '../../../src/main/core/composition-root'
import { LATEST_SCHEMA_VERSION } from '../../../src/main/core/store/migrations/index'
import { makeTempDir } from '../../helpers/temp-dir'
import { snapshotFile } from '../../helpers/file-snapshot'

let dir: string
let cleanup: () => void
const open: Workbench[] = []

beforeEach(() => ({ dir, cleanup } = makeTempDir()))
afterEach(() => {
  for (const w of open.splice(0)) w.dispose()
  cleanup()
})

async function start(overrides: Partial<WorkbenchOptions> = {}): Promise<Workbench> {
  const workbench = await createWorkbench({
    host: {
      kind: 'electron',
      capabilities: { switchWorkspace: true, nativeDialogs: false, upload: false },
      platform: 'test'
    },
    appVersion: '1.0.0',
    configDir: join(dir, 'config'),
    ...overrides
  })
  open.push(workbench)
  return workbench
}

const call = (w: Workbench, method: string, args: unknown = {}) => dispatch(w.handlers, method, args)

describe('settings', () => {
  it('need a workspace', async () => {
    const w = await start()
    expect(await call(w, 'settings.get')).toMatchObject({ ok: false, error: { code: 'no_workspace' } })
  })

  it('keep defaults, accept valid patches, refuse invalid ones and leave the stored value', async () => {
    const w = await start({ workspacePath: join(dir, 'w.loopbench'), createIfMissing: true })
    const initial = await call(w, 'settings.get')
    expect(initial).toMatchObject({
      ok: true,
      value: {
        significanceLevel: 0.05,
        minPracticalLift: 0.05,
        minPracticalLiftKind: 'relative',
        csatSatisfiedThreshold: 4,
        csatScaleMax: 5,
        fiscalYearStartMonth: 1
      }
    })
    const events: WorkbenchEvent[] = []
    w.subscribe((e) => events.push(e))
    expect(
      await call(w, 'settings.update', { patch: { fiscalYearStartMonth: 4, timeZone: 'Asia/Shanghai' } })
    ).toMatchObject({
      ok: true,
      value: { fiscalYearStartMonth: 4, timeZone: 'Asia/Shanghai' }
    })
    expect(events.at(-1)).toMatchObject({ type: 'settings.changed', settings: { fiscalYearStartMonth: 4 } })
    for (const patch of [
      { significanceLevel: 0 },
      { significanceLevel: 0.9 },
      { timeZone: 'Mars/Olympus' },
      { fiscalYearStartMonth: 13 },
      { csatSatisfiedThreshold: 6 },
      { bogus: 1 }
    ]) {
      const result = await call(w, 'settings.update', { patch })
      expect(result.ok, JSON.stringify(patch)).toBe(false)
      if (!result.ok) expect(result.error.code).toBe('invalid_input')
    }
    expect(await call(w, 'settings.get')).toMatchObject({
      ok: true,
      value: {
        significanceLevel: 0.05,
        fiscalYearStartMonth: 4,
        timeZone: 'Asia/Shanghai',
        csatSatisfiedThreshold: 4
      }
    })
  })
})

describe('preferences', () => {
  it('persist per user across restarts and reject invalid layouts', async () => {
    const first = await start()
    expect(
      await call(first, 'preferences.update', {
        patch: { theme: 'light', language: 'zh-CN', layout: { sideBarWidth: 333 } }
      })
    ).toMatchObject({ ok: true })
    expect((await call(first, 'preferences.update', { patch: { layout: { sideBarWidth: 5 } } })).ok).toBe(
      false
    )
    first.dispose()
    const second = await start()
    expect(await call(second, 'preferences.get')).toMatchObject({
      ok: true,
      value: { theme: 'light', language: 'zh-CN', layout: { sideBarWidth: 333, panelHeight: 220 } }
    })
  })

  it('fall back to defaults when the preferences file is damaged', async () => {
    mkdirSync(join(dir, 'config'))
    writeFileSync(
      join(dir, 'config', 'preferences.json'),
      '{"preferences": {"theme": "neon", "layout": {"sideBarWidth": "wide", "panelHeight": 300}}}'
    )
    const w = await start()
    expect(await call(w, 'preferences.get')).toMatchObject({
      ok: true,
      value: { theme: null, layout: { sideBarWidth: 280, panelHeight: 300 } }
    })
  })
})

describe('workspaces', () => {
  it('a failed open keeps the current workspace open and unchanged', async () => {
    const w = await start({ workspacePath: join(dir, 'a.loopbench'), createIfMissing: true })
    const bad = join(dir, 'notes.loopbench')
    writeFileSync(bad, 'not a database at all, just notes')
    const before = snapshotFile(bad)
    const result = await call(w, 'workspace.open', { path: bad })
    expect(result).toMatchObject({ ok: false, error: { code: 'workspace_not_a_workspace' } })
    expect(snapshotFile(bad)).toEqual(before)
    expect(await call(w, 'workspace.info')).toMatchObject({ ok: true, value: { name: 'a' } })
  })

  it('creates, switches, lists recent workspaces most recent first, and closes', async () => {
    const w = await start()
    const events: WorkbenchEvent[] = []
    w.subscribe((e) => events.push(e))
    expect(await call(w, 'workspace.create', { path: join(dir, 'one.loopbench') })).toMatchObject({
      ok: true,
      value: { name: 'one', schemaVersion: LATEST_SCHEMA_VERSION }
    })
    expect(await call(w, 'workspace.create', { path: join(dir, 'two.loopbench') })).toMatchObject({
      ok: true,
      value: { name: 'two' }
    })
    expect(await call(w, 'workspace.open', { path: join(dir, 'one.loopbench') })).toMatchObject({ ok: true })
    const recent = await call(w, 'workspace.recent')
    expect(recent.ok && (recent.value as Array<{ name: string }>).map((r) => r.name)).toEqual(['one', 'two'])
    expect(await call(w, 'workspace.close')).toEqual({ ok: true, value: null })
    expect(
      events
        .filter((e) => e.type === 'workspace.changed')
        .map((e) => (e.type === 'workspace.changed' ? (e.workspace?.name ?? null) : 'x'))
    ).toEqual(['one', 'two', 'one', null])
  })

  it('the web host cannot switch, and the desktop-only dialog is refused elsewhere', async () => {
    const w = await start({
      host: {
        kind: 'web',
        capabilities: { switchWorkspace: false, nativeDialogs: false, upload: true },
        platform: 'test'
      },
      workspacePath: join(dir, 'a.loopbench'),
      createIfMissing: true
    })
    expect(await call(w, 'workspace.create', { path: join(dir, 'b.loopbench') })).toMatchObject({
      ok: false,
      error: { code: 'not_supported' }
    })
    expect(await call(w, 'workspace.close')).toMatchObject({ ok: false, error: { code: 'not_supported' } })
    expect(await call(w, 'workspace.pickPath', { mode: 'open' })).toMatchObject({
      ok: false,
      error: { code: 'not_supported' }
    })
  })
})

describe('the data browser', () => {
  it('pages tables and refuses unknown sort columns', async () => {
    const w = await start({ workspacePath: join(dir, 'a.loopbench'), createIfMissing: true })
    const tables = await call(w, 'data.tables')
    expect(tables).toMatchObject({ ok: true })
    expect(tables.ok && (tables.value as Array<{ table: string }>).map((t) => t.table)).toEqual([
      'tickets',
      'survey_responses',
      'customers',
      'experiments',
      'import_batches'
    ])
    expect(
      await call(w, 'data.page', {
        table: 'tickets',
        offset: 0,
        limit: 10,
        sort: { column: 'createdAt', direction: 'desc' }
      })
    ).toMatchObject({ ok: true, value: { total: 0, rows: [] } })
    expect(
      await call(w, 'data.page', {
        table: 'tickets',
        offset: 0,
        limit: 10,
        sort: { column: 'text; DROP TABLE tickets', direction: 'asc' }
      })
    ).toMatchObject({ ok: false, error: { code: 'invalid_input' } })
    expect(await call(w, 'data.page', { table: 'tickets', offset: 0, limit: 5000 })).toMatchObject({
      ok: false,
      error: { code: 'invalid_input' }
    })
  })
})

describe('dispatch', () => {
  it('turns an unexpected exception into an internal error instead of crashing', async () => {
    const w = await start()
    const handlers = {
      ...w.handlers,
      'app.info': () => {
        throw new TypeError('boom')
      }
    }
    const seen: string[] = []
    const result = await dispatch(handlers, 'app.info', {}, (m) => seen.push(m))
    expect(result).toMatchObject({
      ok: false,
      error: { code: 'internal', message: expect.stringContaining('boom') }
    })
    expect(seen).toEqual(['app.info'])
  })

  it('rejects unknown keys, wrong types and prototype tricks', async () => {
    const w = await start()
    for (const args of [{ extra: 1 }, 'string', 42, [1, 2], JSON.parse('{"__proto__": {"x": 1}}')]) {
      const result = await call(w, 'app.info', args)
      if (typeof args === 'object' && !Array.isArray(args) && Object.keys(args).length === 0) continue
      expect(result.ok, JSON.stringify(args)).toBe(false)
    }
    expect(await call(w, 'constructor')).toMatchObject({ ok: false, error: { code: 'unknown_method' } })
    expect(await call(w, '__proto__')).toMatchObject({ ok: false, error: { code: 'unknown_method' } })
  })
})
