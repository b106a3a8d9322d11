import { describe, expect, it, vi } from 'vitest'
import { COMMAND_IDS } from '../../../src/shared/commands'
import { CATALOG } from '../../../src/shared/i18n/catalog'
import type { CommandContext } from '../../../src/renderer/src/commands/command-registry'
import { CommandRegistry } from '../../../src/renderer/src/commands/command-registry'
import { workbenchCommands } from '../../../src/renderer/src/commands/workbench-commands'
import { createTestController } from './test-controller'

const context = (over: Partial<CommandContext> = {}): CommandContext => ({
  hasWorkspace: true,
  canSwitchWorkspace: true,
  editorCount: 2,
  activeEditorKind: 'welcome',
  activeEditorDirty: false,
  panelVisible: false,
  sideBarVisible: true,
  quickInputOpen: false,
  inTextInput: false,
  ...over
})
const key = (
  k: string,
  mods: { ctrl?: boolean; meta?: boolean; shift?: boolean; alt?: boolean } = {},
  code?: string
) => ({
  key: k,
  ...(code ? { code } : {}),
  ctrlKey: mods.ctrl ?? false,
  metaKey: mods.meta ?? false,
  shiftKey: mods.shift ?? false,
  altKey: mods.alt ?? false
})

describe('CommandRegistry', () => {
  it('refuses duplicate ids', () => {
    const registry = new CommandRegistry('other')
    registry.register({ id: 'a', title: 'command.save', run: () => undefined })
    expect(() => registry.register({ id: 'a', title: 'command.save', run: () => undefined })).toThrow(
      /already/
    )
  })

  it('unregisters', () => {
    const registry = new CommandRegistry('other')
    const dispose = registry.register({ id: 'a', title: 'command.save', run: () => undefined })
    dispose()
    expect(registry.has('a')).toBe(false)
  })

  it('finds commands by key press, honouring when clauses', () => {
    const registry = new CommandRegistry('other')
    registry.register({
      id: 'close',
      title: 'command.closeEditor',
      keybindings: ['CtrlCmd+W'],
      when: (c) => c.editorCount > 0,
      run: () => undefined
    })
    expect(registry.findByKey(key('w', { ctrl: true }, 'KeyW'), context())?.id).toBe('close')
    expect(registry.findByKey(key('w', { ctrl: true }, 'KeyW'), context({ editorCount: 0 }))).toBeUndefined()
    expect(registry.findByKey(key('w', { meta: true }, 'KeyW'), context())).toBeUndefined()
  })

  it('uses Cmd on macOS', () => {
    const registry = new CommandRegistry('mac')
    registry.register({
      id: 'p',
      title: 'command.showCommands',
      keybindings: ['CtrlCmd+Shift+P'],
      run: () => undefined
    })
    expect(registry.findByKey(key('p', { meta: true, shift: true }, 'KeyP'), context())?.id).toBe('p')
    expect(registry.findByKey(key('p', { ctrl: true, shift: true }, 'KeyP'), context())).toBeUndefined()
  })

  it('runs only available commands', async () => {
    const registry = new CommandRegistry('other')
    const run = vi.fn()
    registry.register({ id: 'x', title: 'command.save', when: (c) => c.activeEditorDirty, run })
    expect(await registry.run('x', context())).toBe(false)
    expect(await registry.run('x', context({ activeEditorDirty: true }))).toBe(true)
    expect(await registry.run('missing', context())).toBe(false)
    expect(run).toHaveBeenCalledTimes(1)
  })
})

describe('the workbench commands', () => {
  const wb = createTestController()
  const commands = workbenchCommands(wb)

  it('implement every shared command id', () => {
    const ids = new Set(commands.map((c) => c.id))
    for (const id of COMMAND_IDS) expect(ids.has(id), id).toBe(true)
  })

  it('have unique ids', () => {
    expect(new Set(commands.map((c) => c.id)).size).toBe(commands.length)
  })

  it('have titles and categories in the catalog', () => {
    for (const command of commands) {
      expect(CATALOG.en).toHaveProperty(command.title)
      if (command.category) expect(CATALOG.en).toHaveProperty(command.category)
    }
  })

  it('have keybindings that parse and do not collide', () => {
    for (const platform of ['mac', 'other'] as const) {
      const registry = new CommandRegistry(platform)
      for (const command of commands) registry.register(command)
      const seen = new Map<string, string>()
      for (const command of registry.all()) {
        for (const binding of command.resolvedKeybindings) {
          const text = JSON.stringify(binding)
          expect(seen.get(text), `${command.id} and ${seen.get(text)} share a keybinding`).toBeUndefined()
          seen.set(text, command.id)
        }
      }
    }
  })

  it('bind the shortcuts people expect', () => {
    const byId = new Map(commands.map((c) => [c.id, c.keybindings ?? []]))
    expect(byId.get('workbench.showCommands')).toEqual(['CtrlCmd+Shift+P', 'F1'])
    expect(byId.get('workbench.quickOpen')).toEqual(['CtrlCmd+P'])
    expect(byId.get('workbench.togglePanel')).toEqual(['CtrlCmd+J'])
    expect(byId.get('editor.close')).toEqual(['CtrlCmd+W', 'Ctrl+F4'])
    expect(byId.get('editor.next')).toEqual(['Ctrl+PageDown', 'Ctrl+Tab'])
    expect(byId.get('editor.previous')).toEqual(['Ctrl+PageUp', 'Ctrl+Shift+Tab'])
    expect(byId.get('editor.moveLeft')).toEqual(['Ctrl+Shift+PageUp'])
    expect(byId.get('editor.moveRight')).toEqual(['Ctrl+Shift+PageDown'])
  })
})
