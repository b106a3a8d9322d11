import { defineMessages } from '../define'

/** Titles of the native application menus (desktop). Owned by the Electron host. */
export const menuMessages = defineMessages(
  {
    'menu.file': 'File',
    'menu.edit': 'Edit',
    'menu.view': 'View',
    'menu.help': 'Help'
  },
  {
    'menu.file': '文件',
    'menu.edit': '编辑',
    'menu.view': '视图',
    'menu.help': '帮助'
  }
)
