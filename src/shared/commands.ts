/**
 * Command ids that more than one part of the product refers to: the renderer's command registry
 * implements them; the palette, keybindings, in-app menus and the desktop's native menu invoke
 * them by id. The renderer may register further commands of its own.
 */
export const COMMAND_IDS = [
  'workbench.showCommands',
  'workbench.quickOpen',
  'workbench.openWelcome',
  'workbench.openSettings',
  'workbench.toggleSideBar',
  'workbench.togglePanel',
  'workbench.showProblems',
  'workbench.showOutput',
  'editor.close',
  'editor.closeAll',
  'editor.next',
  'editor.previous',
  'editor.moveLeft',
  'editor.moveRight',
  'theme.select',
  'theme.dark',
  'theme.light',
  'theme.highContrast',
  'language.select',
  'language.en',
  'language.zhCN',
  'workspace.new',
  'workspace.open',
  'workspace.openDemo',
  'workspace.close',
  'import.open',
  'sql.open',
  'metrics.open',
  'experiments.show',
  'experiments.openSampleSize',
  'help.about'
] as const

export type CommandId = (typeof COMMAND_IDS)[number]

/** True if `id` is a shared command id. */
export function isCommandId(id: string): id is CommandId {
  return (COMMAND_IDS as readonly string[]).includes(id)
}
