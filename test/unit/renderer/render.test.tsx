import { renderToString } from 'react-dom/server'
import { describe, expect, it } from 'vitest'
import { registerWorkbenchCommands } from '../../../src/renderer/src/commands/workbench-commands'
import { Workbench } from '../../../src/renderer/src/workbench'
import { createTestController, demoHandlers, failWith } from './test-controller'

/** Renders the whole workbench to HTML, as the first paint would show it. */
async function render(language: 'en' | 'zh-CN', theme: 'dark' | 'light' | 'high-contrast'): Promise<string> {
  const handlers = demoHandlers()
  const wb = createTestController({
    ...handlers,
    'preferences.get': () => ({
      theme,
      language,
      layout: {
        sideBarWidth: 300,
        panelHeight: 200,
        sideBarVisible: true,
        panelVisible: true,
        activeView: 'explorer'
      }
    })
  })
  registerWorkbenchCommands(wb)
  await wb.boot()
  return renderToString(<Workbench wb={wb} />)
}

describe('the workbench renders', () => {
  it('in English with the workspace, its tables and counts', async () => {
    const html = await render('en', 'dark')
    expect(html).toContain('data-testid="workbench"')
    expect(html).toContain('data-ready="true"')
    expect(html).toContain('Explorer')
    expect(html).toContain('25,950')
    expect(html).toContain('Welcome')
    expect(html).toContain('Local only')
    expect(html).toContain('role="tablist"')
    expect(html).toContain('aria-selected="true"')
  })

  it('in Chinese', async () => {
    const html = await render('zh-CN', 'light')
    expect(html).toContain('资源管理器')
    expect(html).toContain('工单')
    expect(html).toContain('欢迎')
    expect(html).toContain('仅限本机')
    expect(html).not.toContain('Explorer')
  })

  it('without a workspace on the desktop, offering to open one', async () => {
    const noWorkspace = failWith({ code: 'no_workspace', message: 'none' })
    const wb = createTestController({
      ...demoHandlers('electron'),
      'workspace.info': () => null,
      'data.tables': noWorkspace,
      'settings.get': noWorkspace
    })
    registerWorkbenchCommands(wb)
    await wb.boot()
    const html = renderToString(<Workbench wb={wb} />)
    expect(html).toContain('data-ready="true"')
    expect(html).toContain('No workspace is open')
    expect(html).toContain('New to Loopbench?')
    expect(html).toContain('Offline workspace')
    expect(html.replace(/<[^>]+>/g, ' ')).not.toMatch(/undefined|NaN|\{\w+\}/)
  })

  it('without "undefined", "NaN" or unfilled placeholders on screen', async () => {
    for (const language of ['en', 'zh-CN'] as const) {
      const html = await render(language, 'high-contrast')
      const text = html.replace(/<[^>]+>/g, ' ')
      expect(text).not.toMatch(/undefined|NaN|\{\w+\}|\[object Object\]/)
    }
  })
})
