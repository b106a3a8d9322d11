import { describe, expect, it } from 'vitest'
import { registerWorkbenchCommands } from '../../../src/renderer/src/commands/workbench-commands'
import { createI18n } from '../../../src/renderer/src/i18n/i18n'
import { appInfo, createTestController, demoHandlers, failWith, TEST_WORKSPACE } from './test-controller'

describe('WorkbenchController', () => {
  it('loads everything the first screen needs in one parallel round trip', async () => {
    const wb = createTestController()
    await wb.boot()
    const methods = wb.fake.calls.map((c) => c.method).sort()
    expect(methods).toEqual(
      [
        'app.info',
        'data.tables',
        'jobs.list',
        'preferences.get',
        'settings.get',
        'workspace.info',
        'workspace.recent'
      ].sort()
    )
    const session = wb.session.get()
    expect(session.phase).toBe('ready')
    expect(session.workspace?.name).toBe('demo')
    expect(session.tables).toHaveLength(5)
    expect(wb.log.get().problems).toEqual([])
    expect(wb.tabs.get().activeId).toBe('welcome')
  })

  it('starts without a workspace quietly (no problems for no_workspace)', async () => {
    const noWorkspace = failWith({ code: 'no_workspace', message: 'none' })
    const wb = createTestController({
      ...demoHandlers(),
      'workspace.info': () => null,
      'data.tables': noWorkspace,
      'settings.get': noWorkspace
    })
    await wb.boot()
    expect(wb.session.get().workspace).toBeNull()
    expect(wb.log.get().problems).toEqual([])
    expect(wb.notifications.get()).toEqual([])
  })

  it('reports a failed call in Problems, Output and a notification, and rethrows', async () => {
    const wb = createTestController({
      ...demoHandlers(),
      'settings.update': failWith({
        code: 'invalid_input',
        message: 'Invalid',
        details: { issues: [{ path: 'patch.significanceLevel', message: 'Too big' }] }
      })
    })
    await expect(wb.call('settings.update', { patch: { significanceLevel: 0.9 } })).rejects.toMatchObject({
      code: 'invalid_input'
    })
    const [problem] = wb.log.get().problems
    expect(problem?.source).toBe('settings.update')
    const en = createI18n('en')
    const zh = createI18n('zh-CN')
    expect(problem && en.text(problem.text)).toBe(
      'The request was not accepted: Significance level (α) — Too big.'
    )
    expect(problem && zh.text(problem.text)).toContain('显著性水平')
    expect(wb.notifications.get()).toHaveLength(1)
    expect(wb.log.get().output.at(-1)?.severity).toBe('error')
  })

  it('shows the same error once when it repeats', async () => {
    const wb = createTestController({
      ...demoHandlers(),
      'jobs.list': failWith({ code: 'internal', message: 'x' })
    })
    await wb.call('jobs.list', {}).catch(() => undefined)
    await wb.call('jobs.list', {}).catch(() => undefined)
    expect(wb.notifications.get()).toHaveLength(1)
    expect(wb.log.get().problems).toHaveLength(2)
  })

  it('saves layout changes once, after the drag ends', async () => {
    const wb = createTestController()
    await wb.boot()
    wb.fake.calls.length = 0
    wb.setLayout({ sideBarWidth: 300 }, { persist: 'no' })
    wb.setLayout({ sideBarWidth: 320 }, { persist: 'no' })
    wb.setLayout({ sideBarWidth: 360 })
    wb.setLayout({ panelVisible: true })
    expect(wb.fake.calls).toEqual([])
    expect(wb.preferences.get().preferences.layout.sideBarWidth).toBe(360)
    wb.runTimers()
    expect(wb.fake.calls).toEqual([
      { method: 'preferences.update', args: { patch: { layout: { sideBarWidth: 360, panelVisible: true } } } }
    ])
  })

  it('keeps layout values inside the schema bounds', () => {
    const wb = createTestController()
    wb.setLayout({ sideBarWidth: 5, panelHeight: 10_000 }, { persist: 'no' })
    const layout = wb.preferences.get().preferences.layout
    expect(layout.sideBarWidth).toBe(160)
    expect(layout.panelHeight).toBe(900)
  })

  it('follows the system language and theme until the user chooses', async () => {
    const wb = createTestController(demoHandlers(), 'zh-CN')
    await wb.boot()
    expect(wb.language()).toBe('zh-CN')
    expect(wb.theme()).toBe('dark')
    await wb.setLanguage('en')
    await wb.setTheme('high-contrast')
    expect(wb.language()).toBe('en')
    expect(wb.theme()).toBe('high-contrast')
    expect(wb.fake.calls.filter((c) => c.method === 'preferences.update')).toHaveLength(2)
  })

  it('explains instead of failing when the host serves one workspace', async () => {
    const wb = createTestController()
    await wb.boot()
    await wb.openWorkspace()
    await wb.newWorkspace()
    await wb.openDemo()
    expect(
      wb.fake.calls.some((c) => c.method.startsWith('workspace.open') || c.method === 'workspace.pickPath')
    ).toBe(false)
    expect(wb.welcomeNotice.get()).toEqual({ key: 'welcome.singleWorkspace', params: { name: 'demo' } })
    expect(createI18n('en').text(wb.welcomeNotice.get() ?? { key: 'dialog.ok' })).toBe(
      'This window serves one workspace (demo). To work on another, run `loopbench serve --workspace FILE`.'
    )
    expect(wb.log.get().problems).toEqual([])
  })

  it('opens a workspace through the native dialog on the desktop', async () => {
    const wb = createTestController({
      ...demoHandlers('electron'),
      'workspace.pickPath': () => '/data/q3.loopbench',
      'workspace.open': () => ({ ...TEST_WORKSPACE, path: '/data/q3.loopbench', name: 'q3' })
    })
    await wb.boot()
    const epoch = wb.session.get().workspaceEpoch
    await wb.openWorkspace()
    expect(wb.fake.calls.find((c) => c.method === 'workspace.pickPath')?.args).toEqual({ mode: 'open' })
    expect(wb.fake.calls.find((c) => c.method === 'workspace.open')?.args).toEqual({
      path: '/data/q3.loopbench'
    })
    expect(wb.session.get().workspace?.name).toBe('q3')
    expect(wb.session.get().workspaceEpoch).toBe(epoch + 1)
  })

  it('does nothing when the native dialog is cancelled', async () => {
    const wb = createTestController({ ...demoHandlers('electron'), 'workspace.pickPath': () => null })
    await wb.boot()
    await wb.newWorkspace()
    expect(wb.fake.calls.some((c) => c.method === 'workspace.create')).toBe(false)
    expect(wb.session.get().switching).toBe(false)
  })

  it('asks before closing an editor with unsaved changes', async () => {
    const wb = createTestController()
    wb.openEditor({ kind: 'settings' })
    wb.setEditorDirty('settings', true)
    let saved = false
    wb.registerEditorHooks('settings', {
      save: async () => {
        saved = true
        return true
      }
    })
    const cancelled = wb.closeEditor('settings')
    wb.dialog.get()?.resolve('cancel')
    expect(await cancelled).toBe(false)
    expect(wb.isOpen({ kind: 'settings' })).toBe(true)

    const closing = wb.closeEditor('settings')
    expect(wb.dialog.get()?.title).toBe('dialog.unsaved.title')
    wb.dialog.get()?.resolve('save')
    expect(await closing).toBe(true)
    expect(saved).toBe(true)
    expect(wb.isOpen({ kind: 'settings' })).toBe(false)
  })

  it('runs commands the native menu sends', async () => {
    const wb = createTestController()
    registerWorkbenchCommands(wb)
    await wb.boot()
    wb.fake.emit({ type: 'command.run', command: 'workbench.togglePanel' })
    await Promise.resolve()
    expect(wb.preferences.get().preferences.layout.panelVisible).toBe(true)
  })

  it('logs jobs as they start and finish, and reports failures', async () => {
    const wb = createTestController()
    await wb.boot()
    const job = {
      id: 'j1',
      kind: 'demo.build' as const,
      title: 'Building the demo workspace',
      state: 'running' as const,
      done: 1,
      total: 4,
      message: '',
      startedAt: 1,
      finishedAt: null,
      error: null
    }
    wb.fake.emit({ type: 'job.updated', job })
    wb.fake.emit({ type: 'job.updated', job: { ...job, done: 2 } })
    wb.fake.emit({
      type: 'job.updated',
      job: {
        ...job,
        state: 'failed',
        error: { code: 'job_failed', message: 'disk full', details: { kind: 'demo.build' } }
      }
    })
    const en = createI18n('en')
    const lines = wb.log.get().output.map((l) => en.text(l.text))
    expect(lines).toContain('Started: Building the demo workspace')
    expect(en.text(wb.log.get().problems[0]?.text ?? { key: 'dialog.ok' })).toBe(
      'The background task “Building the demo workspace” failed.'
    )
    expect(createI18n('zh-CN').text(wb.log.get().output[1]?.text ?? { key: 'dialog.ok' })).toBe(
      '已开始：正在生成演示工作区'
    )
  })

  it('knows which host it runs in', async () => {
    const wb = createTestController({ ...demoHandlers(), 'app.info': () => appInfo('electron') })
    await wb.boot()
    expect(wb.context().canSwitchWorkspace).toBe(true)
  })
})
