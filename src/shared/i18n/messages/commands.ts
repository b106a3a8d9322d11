import { defineMessages } from '../define'

/** Titles of commands, as the command palette, menus and tooltips show them. */
export const commandMessages = defineMessages(
  {
    'command.showCommands': 'Show All Commands',
    'command.quickOpen': 'Go to…'
  },
  {
    'command.showCommands': '显示所有命令',
    'command.quickOpen': '转到…'
  }
)
