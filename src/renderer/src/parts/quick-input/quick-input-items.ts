import { BROWSABLE_TABLES } from '@shared/domain/data-browser'
import { translate } from '@shared/i18n/translate'
import type { CommandContext, CommandRegistry } from '../../commands/command-registry'
import { formatKeybinding } from '../../commands/keybinding'
import { TABLE_META } from '../../data/table-meta'
import { EDITORS } from '../../editors/editor-registry'
import type { I18n } from '../../i18n/i18n'
import { createI18n } from '../../i18n/i18n'
import type { PickItem } from '../../state/quick-input-model'
import type { SessionState, WorkbenchController } from '../../state/workbench-controller'
import type { TabState } from '../../state/tab-model'

/** A row of the quick input together with what choosing it does. */
export interface QuickItem extends PickItem {
  accept(): void
}

/** The palette's command rows: "Category: Title", findable by their English title in any language. */
export function commandItems(
  registry: CommandRegistry,
  context: CommandContext,
  i18n: I18n,
  run: (id: string) => void
): QuickItem[] {
  const english = i18n.language === 'en' ? null : createI18n('en')
  const label = (
    t: I18n['t'],
    title: Parameters<I18n['t']>[0],
    category?: Parameters<I18n['t']>[0]
  ): string => (category ? `${t(category)}: ${t(title)}` : t(title))
  return registry
    .available(context)
    .map((command) => {
      const binding = command.resolvedKeybindings[0]
      return {
        id: command.id,
        label: label(i18n.t, command.title, command.category),
        alternates: [...(english ? [label(english.t, command.title, command.category)] : []), command.id],
        ...(command.icon ? { icon: command.icon } : {}),
        ...(binding ? { keybinding: formatKeybinding(binding, registry.platform) } : {}),
        accept: () => run(command.id)
      }
    })
    .sort((a, b) => a.label.localeCompare(b.label, i18n.fmt.locale))
}

/** Quick Open's rows: open editors, places to go (Welcome, Settings, tables) and recent workspaces. */
export function quickOpenItems(
  wb: WorkbenchController,
  session: SessionState,
  tabs: TabState,
  i18n: I18n
): QuickItem[] {
  const { t, fmt } = i18n
  const en = (key: Parameters<I18n['t']>[0]): string => translate('en', key)
  const items: QuickItem[] = []
  for (const tab of tabs.tabs) {
    const editor = EDITORS[tab.input.kind]
    items.push({
      id: `editor:${tab.id}`,
      label: editor.title(i18n, tab.input),
      description: tab.id === tabs.activeId ? t('quickOpen.active') : t('quickOpen.openEditor'),
      icon: editor.icon(tab.input),
      group: t('quickOpen.group.editors'),
      alternates: [editor.title(createI18n('en'), tab.input)],
      accept: () => wb.dispatchTabs({ type: 'activate', id: tab.id })
    })
  }
  const open = new Set(tabs.tabs.map((tab) => tab.id))
  const goTo: QuickItem[] = []
  if (!open.has('welcome')) {
    goTo.push({
      id: 'goto:welcome',
      label: t('editor.welcome.title'),
      icon: 'home',
      alternates: [en('editor.welcome.title')],
      accept: () => wb.openEditor({ kind: 'welcome' })
    })
  }
  if (!open.has('settings')) {
    goTo.push({
      id: 'goto:settings',
      label: t('editor.settings.title'),
      icon: 'settings-gear',
      alternates: [en('editor.settings.title')],
      accept: () => wb.openEditor({ kind: 'settings' })
    })
  }
  if (session.workspace) {
    if (!open.has('import')) {
      goTo.push({
        id: 'goto:import',
        label: t('command.importFile'),
        icon: 'cloud-upload',
        alternates: [en('command.importFile'), 'import'],
        accept: () => wb.imports.open()
      })
    }
    if (!open.has('sql')) {
      goTo.push({
        id: 'goto:sql',
        label: t('editor.sql.title'),
        icon: 'terminal',
        alternates: [en('editor.sql.title'), 'sql'],
        accept: () => wb.openEditor({ kind: 'sql' })
      })
    }
    for (const table of BROWSABLE_TABLES) {
      if (open.has(`table:${table}`)) continue
      const rows = session.tables?.find((s) => s.table === table)?.rows
      goTo.push({
        id: `goto:table:${table}`,
        label: t(TABLE_META[table].title),
        description:
          rows === undefined ? t('quickOpen.table') : t('table.rowCount', { rows: fmt.integer(rows) }),
        icon: TABLE_META[table].icon,
        alternates: [en(TABLE_META[table].title), table],
        accept: () => wb.openTable(table)
      })
    }
  }
  goTo.forEach((item, index) =>
    items.push(index === 0 ? { ...item, group: t('quickOpen.group.goTo') } : item)
  )
  const recent = session.recent.filter((r) => r.path !== session.workspace?.path)
  recent.slice(0, 8).forEach((r, index) => {
    items.push({
      id: `recent:${r.path}`,
      label: r.name,
      description: r.path,
      icon: 'database',
      alternates: [r.path],
      ...(index === 0 ? { group: t('quickOpen.group.recent') } : {}),
      accept: () => void wb.openRecent(r.path)
    })
  })
  return items
}
