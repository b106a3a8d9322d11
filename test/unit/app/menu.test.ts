import { describe, expect, it } from 'vitest'
import { isCommandId } from '@shared/commands'
import type { CommandId } from '@shared/commands'
import { CATALOG } from '@shared/i18n/catalog'
import { dialogMessages } from '@shared/i18n/messages/dialogs'
import { menuMessages } from '@shared/i18n/messages/menu'
import type { MenuItemTemplate } from '../../../src/main/app/electron-ports'
import type { MenuState } from '../../../src/main/app/menu'
import { MENU_ACCELERATORS, buildMenuTemplate, installMenu } from '../../../src/main/app/menu'
import { FakeMenu, flattenMenu } from './fake-electron'

const base: MenuState = { language: 'en', theme: 'dark', platform: 'linux', isPackaged: true }

function build(state: Partial<MenuState> = {}): { items: MenuItemTemplate[]; ran: CommandId[] } {
  const ran: CommandId[] = []
  const template = buildMenuTemplate({ ...base, ...state }, { runCommand: (id) => ran.push(id) })
  return { items: flattenMenu(template), ran }
}

const byId = (items: MenuItemTemplate[], id: string): MenuItemTemplate => {
  const item = items.find((i) => i.id === id)
  if (!item) throw new Error(`no menu item ${id}`)
  return item
}

describe('native menu', () => {
  it('has File, Edit, View and Help (and app and Window menus on macOS)', () => {
    const linux = buildMenuTemplate(base, { runCommand: () => undefined })
    expect(linux.map((m) => m.label)).toEqual(['File', 'Edit', 'View', 'Help'])
    const mac = buildMenuTemplate({ ...base, platform: 'darwin' }, { runCommand: () => undefined })
    expect(mac.map((m) => m.label)).toEqual(['Loopbench', 'File', 'Edit', 'View', 'Window', 'Help'])
  })

  it('maps every command item to an existing shared command id, and runs it on click', () => {
    const { items, ran } = build()
    const commands = items.filter((i) => i.id !== undefined)
    expect(commands.length).toBeGreaterThan(10)
    for (const item of commands) {
      expect(isCommandId(item.id!)).toBe(true)
      item.click?.()
    }
    expect(ran).toEqual(commands.map((i) => i.id))
  })

  it('offers the workspace, view, theme, language and help commands', () => {
    const ids = build().items.map((i) => i.id)
    for (const id of [
      'workspace.new',
      'workspace.open',
      'workspace.openDemo',
      'workspace.close',
      'workbench.showCommands',
      'workbench.toggleSideBar',
      'workbench.togglePanel',
      'experiments.show',
      'experiments.openSampleSize',
      'theme.dark',
      'theme.light',
      'theme.highContrast',
      'language.en',
      'language.zhCN',
      'workbench.openWelcome',
      'help.about'
    ]) {
      expect(ids).toContain(id)
    }
  })

  it('uses standard roles for quitting and editing', () => {
    const roles = build().items.map((i) => i.role)
    for (const role of ['quit', 'undo', 'redo', 'cut', 'copy', 'paste', 'selectAll'])
      expect(roles).toContain(role)
  })

  it('shows the renderer keybindings without registering them twice', () => {
    const { items } = build()
    expect(byId(items, 'workbench.showCommands')).toMatchObject({
      accelerator: 'CmdOrCtrl+Shift+P',
      registerAccelerator: false
    })
    expect(byId(items, 'workbench.toggleSideBar').accelerator).toBe('CmdOrCtrl+B')
    expect(byId(items, 'workbench.togglePanel').accelerator).toBe('CmdOrCtrl+J')
    for (const item of items.filter((i) => i.accelerator && i.id)) {
      expect(item.registerAccelerator).toBe(false)
      expect(MENU_ACCELERATORS[item.id as CommandId]).toBe(item.accelerator)
    }
  })

  it('checks the theme and language in effect', () => {
    const { items } = build({ theme: 'high-contrast', language: 'zh-CN' })
    expect(byId(items, 'theme.highContrast')).toMatchObject({ type: 'radio', checked: true })
    expect(byId(items, 'theme.dark').checked).toBe(false)
    expect(byId(items, 'language.zhCN').checked).toBe(true)
    expect(byId(items, 'language.en').checked).toBe(false)
  })

  it('offers developer tools only when not packaged', () => {
    expect(build({ isPackaged: true }).items.some((i) => i.role === 'toggleDevTools')).toBe(false)
    expect(build({ isPackaged: false }).items.some((i) => i.role === 'toggleDevTools')).toBe(true)
  })

  it('labels every item in English and in Simplified Chinese', () => {
    const en = build({ language: 'en' }).items.filter((i) => i.type !== 'separator')
    const zh = build({ language: 'zh-CN' }).items.filter((i) => i.type !== 'separator')
    expect(zh).toHaveLength(en.length)
    for (const [index, item] of en.entries()) {
      expect(item.label, JSON.stringify(item.id ?? item.role)).toBeTruthy()
      expect(zh[index]!.label).toBeTruthy()
    }
    const zhLabels = zh.map((i) => i.label)
    expect(zhLabels).toEqual(
      expect.arrayContaining(['文件', '编辑', '视图', '帮助', '新建工作区…', '命令面板…'])
    )
  })

  it('has a Chinese message for every English menu message', () => {
    const keys = Object.keys(menuMessages.en)
    expect(Object.keys(menuMessages['zh-CN']).sort()).toEqual(keys.sort())
    for (const key of keys) {
      expect(CATALOG['zh-CN'][key as keyof (typeof CATALOG)['zh-CN']]).toBeTruthy()
    }
  })

  it('keeps its messages in the catalog: no other namespace overrides a menu or native-dialog key', () => {
    for (const messages of [menuMessages, dialogMessages]) {
      for (const language of ['en', 'zh-CN'] as const) {
        for (const [key, text] of Object.entries(messages[language])) {
          expect((CATALOG[language] as Record<string, string>)[key], key).toBe(text)
        }
      }
    }
  })

  it('installs the template through the Menu port', () => {
    const menu = new FakeMenu()
    installMenu(menu, base, { runCommand: () => undefined })
    expect(menu.current?.map((m) => m.label)).toEqual(['File', 'Edit', 'View', 'Help'])
  })
})
