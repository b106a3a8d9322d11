import type { CommandId } from '@shared/commands'
import type { LanguageId, ThemeId } from '@shared/domain/preferences'
import type { MessageKey } from '@shared/i18n/catalog'
import { translate } from '@shared/i18n/translate'
import { PRODUCT_NAME } from '@shared/product'
import type { MenuItemTemplate, MenuPort, MenuRole } from './electron-ports'

/**
 * Shortcuts of menu items whose keybinding the renderer owns. The menu shows them but does not
 * register them (`registerAccelerator: false`), so a key press runs the command once, through the
 * renderer's keybinding service, exactly as the palette does.
 */
export const MENU_ACCELERATORS: Readonly<Partial<Record<CommandId, string>>> = {
  'workbench.showCommands': 'CmdOrCtrl+Shift+P',
  'workbench.toggleSideBar': 'CmdOrCtrl+B',
  'workbench.togglePanel': 'CmdOrCtrl+J'
}

/** What the menu shows. */
export interface MenuState {
  language: LanguageId
  /** The theme in effect (the radio item that is checked). */
  theme: ThemeId
  platform: NodeJS.Platform
  isPackaged: boolean
}

/** What the menu's items do. */
export interface MenuActions {
  /** Asks the renderer to run a shared command (sends `command.run`). */
  runCommand(command: CommandId): void
}

const THEME_ITEMS: ReadonlyArray<{ theme: ThemeId; command: CommandId; label: MessageKey }> = [
  { theme: 'dark', command: 'theme.dark', label: 'menu.view.theme.dark' },
  { theme: 'light', command: 'theme.light', label: 'menu.view.theme.light' },
  { theme: 'high-contrast', command: 'theme.highContrast', label: 'menu.view.theme.highContrast' }
]

const LANGUAGE_ITEMS: ReadonlyArray<{ language: LanguageId; command: CommandId; label: MessageKey }> = [
  { language: 'en', command: 'language.en', label: 'menu.view.language.en' },
  { language: 'zh-CN', command: 'language.zhCN', label: 'menu.view.language.zhCN' }
]

const SEPARATOR: MenuItemTemplate = { type: 'separator' }

/**
 * The native application menu: File, Edit, View and Help (and the app and Window menus on
 * macOS). Items that belong to the workbench invoke shared commands in the renderer; editing,
 * quitting and window management use Electron's standard roles.
 */
export function buildMenuTemplate(state: MenuState, actions: MenuActions): MenuItemTemplate[] {
  const t = (key: MessageKey): string => translate(state.language, key)
  const isMac = state.platform === 'darwin'
  const command = (
    id: CommandId,
    label: MessageKey,
    extra: Partial<MenuItemTemplate> = {}
  ): MenuItemTemplate => {
    const accelerator = MENU_ACCELERATORS[id]
    return {
      id,
      label: t(label),
      ...(accelerator ? { accelerator, registerAccelerator: false } : {}),
      click: () => actions.runCommand(id),
      ...extra
    }
  }
  const role = (name: MenuRole, label: MessageKey): MenuItemTemplate => ({ role: name, label: t(label) })

  const appMenu: MenuItemTemplate = {
    label: PRODUCT_NAME,
    submenu: [
      command('help.about', 'menu.help.about'),
      SEPARATOR,
      role('services', 'menu.app.services'),
      SEPARATOR,
      role('hide', 'menu.app.hide'),
      role('hideOthers', 'menu.app.hideOthers'),
      role('unhide', 'menu.app.showAll'),
      SEPARATOR,
      role('quit', 'menu.app.quit')
    ]
  }

  const fileMenu: MenuItemTemplate = {
    label: t('menu.file'),
    submenu: [
      command('workspace.new', 'menu.file.newWorkspace'),
      command('workspace.open', 'menu.file.openWorkspace'),
      command('workspace.openDemo', 'menu.file.openDemo'),
      SEPARATOR,
      command('import.open', 'menu.file.importFile'),
      SEPARATOR,
      command('workspace.close', 'menu.file.closeWorkspace'),
      ...(isMac ? [] : [SEPARATOR, role('quit', 'menu.file.quit')])
    ]
  }

  const editMenu: MenuItemTemplate = {
    label: t('menu.edit'),
    submenu: [
      role('undo', 'menu.edit.undo'),
      role('redo', 'menu.edit.redo'),
      SEPARATOR,
      role('cut', 'menu.edit.cut'),
      role('copy', 'menu.edit.copy'),
      role('paste', 'menu.edit.paste'),
      role('selectAll', 'menu.edit.selectAll')
    ]
  }

  const viewMenu: MenuItemTemplate = {
    label: t('menu.view'),
    submenu: [
      command('workbench.showCommands', 'menu.view.commandPalette'),
      SEPARATOR,
      command('workbench.toggleSideBar', 'menu.view.toggleSideBar'),
      command('workbench.togglePanel', 'menu.view.togglePanel'),
      command('sql.open', 'menu.view.sqlConsole'),
      command('metrics.open', 'menu.view.metrics'),
      command('experiments.show', 'menu.view.experiments'),
      command('experiments.openSampleSize', 'menu.view.sampleSize'),
      SEPARATOR,
      {
        label: t('menu.view.theme'),
        submenu: THEME_ITEMS.map((item) =>
          command(item.command, item.label, { type: 'radio', checked: state.theme === item.theme })
        )
      },
      {
        label: t('menu.view.language'),
        submenu: LANGUAGE_ITEMS.map((item) =>
          command(item.command, item.label, { type: 'radio', checked: state.language === item.language })
        )
      },
      SEPARATOR,
      role('togglefullscreen', 'menu.view.toggleFullScreen'),
      ...(state.isPackaged ? [] : [role('toggleDevTools', 'menu.view.toggleDevTools')])
    ]
  }

  const windowMenu: MenuItemTemplate = {
    label: t('menu.window'),
    role: 'windowMenu',
    submenu: [
      role('minimize', 'menu.window.minimize'),
      role('zoom', 'menu.window.zoom'),
      SEPARATOR,
      role('front', 'menu.window.front')
    ]
  }

  const helpMenu: MenuItemTemplate = {
    label: t('menu.help'),
    submenu: [
      command('workbench.openWelcome', 'menu.help.welcome'),
      ...(isMac ? [] : [SEPARATOR, command('help.about', 'menu.help.about')])
    ]
  }

  return isMac
    ? [appMenu, fileMenu, editMenu, viewMenu, windowMenu, helpMenu]
    : [fileMenu, editMenu, viewMenu, helpMenu]
}

/** Builds and installs the application menu (called again whenever language or theme change). */
export function installMenu(menu: MenuPort, state: MenuState, actions: MenuActions): void {
  menu.setApplicationMenu(buildMenuTemplate(state, actions))
}
