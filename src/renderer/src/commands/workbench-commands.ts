import type { CommandId } from '@shared/commands'
import type { LanguageId, ThemeId } from '@shared/domain/preferences'
import type { WorkbenchController } from '../state/workbench-controller'
import type { Command } from './command-registry'
import { showLanguagePicker, showThemePicker } from './pickers'
import {
  exportTaxonomy,
  importTaxonomy,
  promptCreateFromRule,
  promptQuarter,
  promptRun
} from '../editors/themes/theme-actions'
import { COMMAND_PREFIX } from '../state/quick-input-model'

/** A command whose id is one of the shared ids, or one of the renderer's own. */
type WorkbenchCommand = Command & {
  id:
    | CommandId
    | `${'workbench' | 'editor' | 'theme' | 'language' | 'workspace' | 'panel' | 'help' | 'import' | 'sql' | 'metrics' | 'experiments' | 'themes' | 'priorities' | 'report'}.${string}`
}

const hasEditors = (min: number) => (c: { editorCount: number }) => c.editorCount >= min

/** Every command of the workbench: the shared ids and the renderer's own. */
export function workbenchCommands(wb: WorkbenchController): WorkbenchCommand[] {
  const setTheme = (theme: ThemeId | null) => () => wb.setTheme(theme)
  const setLanguage = (language: LanguageId | null) => () => wb.setLanguage(language)
  const toggleView = (view: 'problems' | 'output') => () => {
    const { panelVisible } = wb.preferences.get().preferences.layout
    if (panelVisible && wb.panelView.get() === view) wb.setLayout({ panelVisible: false })
    else wb.showPanel(view)
  }
  return [
    {
      id: 'workbench.showCommands',
      title: 'command.showCommands',
      icon: 'terminal',
      keybindings: ['CtrlCmd+Shift+P', 'F1'],
      run: () => wb.showPalette(COMMAND_PREFIX)
    },
    {
      id: 'workbench.quickOpen',
      title: 'command.quickOpen',
      icon: 'go-to-file',
      keybindings: ['CtrlCmd+P'],
      run: () => wb.showPalette('')
    },
    {
      id: 'workbench.openWelcome',
      title: 'command.openWelcome',
      category: 'category.help',
      icon: 'home',
      run: () => wb.openEditor({ kind: 'welcome' })
    },
    {
      id: 'workbench.openSettings',
      title: 'command.openSettings',
      category: 'category.preferences',
      icon: 'settings-gear',
      keybindings: ['CtrlCmd+,'],
      run: () => wb.openEditor({ kind: 'settings' })
    },
    {
      id: 'workbench.showExplorer',
      title: 'command.showExplorer',
      category: 'category.view',
      icon: 'files',
      keybindings: ['CtrlCmd+Shift+E'],
      run: () => wb.setLayout({ activeView: 'explorer', sideBarVisible: true })
    },
    {
      id: 'workbench.toggleSideBar',
      title: 'command.toggleSideBar',
      category: 'category.view',
      icon: 'layout-sidebar-left',
      keybindings: ['CtrlCmd+B'],
      run: () => wb.setLayout({ sideBarVisible: !wb.preferences.get().preferences.layout.sideBarVisible })
    },
    {
      id: 'workbench.togglePanel',
      title: 'command.togglePanel',
      category: 'category.view',
      icon: 'layout-panel',
      keybindings: ['CtrlCmd+J'],
      run: () => wb.setLayout({ panelVisible: !wb.preferences.get().preferences.layout.panelVisible })
    },
    {
      id: 'workbench.showProblems',
      title: 'command.showProblems',
      category: 'category.view',
      icon: 'warning',
      keybindings: ['CtrlCmd+Shift+M'],
      run: toggleView('problems')
    },
    {
      id: 'workbench.showOutput',
      title: 'command.showOutput',
      category: 'category.view',
      icon: 'output',
      keybindings: ['CtrlCmd+Shift+U'],
      run: toggleView('output')
    },
    {
      id: 'panel.clearProblems',
      title: 'command.clearProblems',
      category: 'category.view',
      icon: 'clear-all',
      run: () => wb.clearProblems()
    },
    {
      id: 'panel.clearOutput',
      title: 'command.clearOutput',
      category: 'category.view',
      icon: 'clear-all',
      run: () => wb.clearOutput()
    },
    {
      id: 'editor.close',
      title: 'command.closeEditor',
      category: 'category.view',
      icon: 'close',
      keybindings: ['CtrlCmd+W', 'Ctrl+F4'],
      when: hasEditors(1),
      run: () => wb.closeActiveEditor()
    },
    {
      id: 'editor.closeAll',
      title: 'command.closeAllEditors',
      category: 'category.view',
      icon: 'close-all',
      when: hasEditors(1),
      run: () => wb.closeAllEditors()
    },
    {
      id: 'editor.closeOthers',
      title: 'command.closeOtherEditors',
      category: 'category.view',
      when: hasEditors(2),
      run: () => wb.closeOtherEditors()
    },
    {
      id: 'editor.next',
      title: 'command.nextEditor',
      category: 'category.view',
      keybindings: ['Ctrl+PageDown', 'Ctrl+Tab'],
      when: hasEditors(2),
      run: () => wb.dispatchTabs({ type: 'next' })
    },
    {
      id: 'editor.previous',
      title: 'command.previousEditor',
      category: 'category.view',
      keybindings: ['Ctrl+PageUp', 'Ctrl+Shift+Tab'],
      when: hasEditors(2),
      run: () => wb.dispatchTabs({ type: 'previous' })
    },
    {
      id: 'editor.moveLeft',
      title: 'command.moveEditorLeft',
      category: 'category.view',
      keybindings: ['Ctrl+Shift+PageUp'],
      when: hasEditors(2),
      run: () => wb.dispatchTabs({ type: 'moveActive', delta: -1 })
    },
    {
      id: 'editor.moveRight',
      title: 'command.moveEditorRight',
      category: 'category.view',
      keybindings: ['Ctrl+Shift+PageDown'],
      when: hasEditors(2),
      run: () => wb.dispatchTabs({ type: 'moveActive', delta: 1 })
    },
    {
      id: 'editor.save',
      title: 'command.save',
      category: 'category.file',
      icon: 'save',
      keybindings: ['CtrlCmd+S'],
      // Always available, so that Ctrl+S never opens the browser's "Save page" dialog.
      run: () => wb.saveActiveEditor()
    },
    {
      id: 'theme.select',
      title: 'command.selectTheme',
      category: 'category.preferences',
      icon: 'color-mode',
      run: () => showThemePicker(wb)
    },
    { id: 'theme.dark', title: 'command.themeDark', category: 'category.theme', run: setTheme('dark') },
    { id: 'theme.light', title: 'command.themeLight', category: 'category.theme', run: setTheme('light') },
    {
      id: 'theme.highContrast',
      title: 'command.themeHighContrast',
      category: 'category.theme',
      run: setTheme('high-contrast')
    },
    {
      id: 'theme.followSystem',
      title: 'command.themeSystem',
      category: 'category.theme',
      run: setTheme(null)
    },
    {
      id: 'language.select',
      title: 'command.selectLanguage',
      category: 'category.preferences',
      icon: 'globe',
      run: () => showLanguagePicker(wb)
    },
    { id: 'language.en', title: 'command.languageEn', category: 'category.language', run: setLanguage('en') },
    {
      id: 'language.zhCN',
      title: 'command.languageZhCN',
      category: 'category.language',
      run: setLanguage('zh-CN')
    },
    {
      id: 'language.followSystem',
      title: 'command.languageSystem',
      category: 'category.language',
      run: setLanguage(null)
    },
    {
      id: 'workspace.new',
      title: 'command.newWorkspace',
      category: 'category.workspace',
      icon: 'new-file',
      run: () => wb.newWorkspace()
    },
    {
      id: 'workspace.open',
      title: 'command.openWorkspace',
      category: 'category.workspace',
      icon: 'folder-opened',
      run: () => wb.openWorkspace()
    },
    {
      id: 'workspace.openDemo',
      title: 'command.openDemo',
      category: 'category.workspace',
      icon: 'beaker',
      run: () => wb.openDemo()
    },
    {
      id: 'workspace.close',
      title: 'command.closeWorkspace',
      category: 'category.workspace',
      icon: 'close',
      when: (c) => c.hasWorkspace,
      run: () => wb.closeWorkspace()
    },
    {
      id: 'workspace.refresh',
      title: 'command.refreshWorkspace',
      category: 'category.workspace',
      icon: 'refresh',
      when: (c) => c.hasWorkspace,
      run: () => wb.refreshWorkspace()
    },
    {
      id: 'import.open',
      title: 'command.importFile',
      category: 'category.data',
      icon: 'cloud-upload',
      when: (c) => c.hasWorkspace,
      run: () => wb.imports.open()
    },
    {
      id: 'sql.open',
      title: 'command.openSqlConsole',
      category: 'category.data',
      icon: 'terminal',
      when: (c) => c.hasWorkspace,
      run: () => wb.openEditor({ kind: 'sql' })
    },
    {
      id: 'metrics.open',
      title: 'command.openMetrics',
      category: 'category.data',
      icon: 'graph-line',
      when: (c) => c.hasWorkspace,
      run: () => wb.openEditor({ kind: 'metrics' })
    },
    {
      id: 'priorities.open',
      title: 'command.priorities.open',
      category: 'category.priorities',
      icon: 'list-ordered',
      when: (c) => c.hasWorkspace,
      run: () => wb.openEditor({ kind: 'priorities' })
    },
    {
      id: 'report.open',
      title: 'command.report.open',
      category: 'category.priorities',
      icon: 'file-pdf',
      when: (c) => c.hasWorkspace,
      run: () => wb.openEditor({ kind: 'report' })
    },
    {
      id: 'experiments.show',
      title: 'command.showExperiments',
      category: 'category.experiments',
      icon: 'beaker',
      keybindings: ['CtrlCmd+Shift+X'],
      run: () => wb.setLayout({ activeView: 'experiments', sideBarVisible: true })
    },
    {
      id: 'experiments.openSampleSize',
      title: 'command.openSampleSize',
      category: 'category.experiments',
      icon: 'symbol-numeric',
      run: () => wb.openEditor({ kind: 'sampleSize' })
    },
    {
      id: 'themes.show',
      title: 'command.themes.show',
      category: 'category.themes',
      icon: 'tag',
      run: () => wb.setLayout({ activeView: 'themes', sideBarVisible: true })
    },
    {
      id: 'themes.run',
      title: 'command.themes.run',
      category: 'category.themes',
      icon: 'run-all',
      when: (c) => c.hasWorkspace,
      run: () => promptRun(wb)
    },
    {
      id: 'themes.createFromRule',
      title: 'command.themes.createFromRule',
      category: 'category.themes',
      icon: 'add',
      when: (c) => c.hasWorkspace,
      run: () => promptCreateFromRule(wb)
    },
    {
      id: 'themes.selectQuarter',
      title: 'command.themes.selectQuarter',
      category: 'category.themes',
      icon: 'calendar',
      when: (c) => c.hasWorkspace,
      run: () => promptQuarter(wb)
    },
    {
      id: 'themes.exportTaxonomy',
      title: 'command.themes.exportTaxonomy',
      category: 'category.themes',
      icon: 'desktop-download',
      when: (c) => c.hasWorkspace,
      run: () => exportTaxonomy(wb)
    },
    {
      id: 'themes.importTaxonomy',
      title: 'command.themes.importTaxonomy',
      category: 'category.themes',
      icon: 'folder-opened',
      when: (c) => c.hasWorkspace,
      run: () => importTaxonomy(wb)
    },
    {
      id: 'help.about',
      title: 'command.about',
      category: 'category.help',
      icon: 'info',
      run: async () => {
        const app = wb.session.get().app
        await wb.ask({
          title: 'about.title',
          message: 'about.message',
          params: {
            version: app?.version ?? '—',
            host: { key: app?.host === 'electron' ? 'about.host.desktop' : 'about.host.web' },
            schema: app?.schemaVersion ?? '—'
          },
          buttons: [{ id: 'ok', label: 'dialog.ok', primary: true }]
        })
      }
    }
  ]
}

/** Registers the workbench's commands; returns a function that removes them. */
export function registerWorkbenchCommands(wb: WorkbenchController): () => void {
  const disposers = workbenchCommands(wb).map((command) => wb.commands.register(command))
  return () => disposers.forEach((dispose) => dispose())
}
