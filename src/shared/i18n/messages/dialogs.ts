import { defineMessages } from '../define'

/** Native dialogs of the desktop app (file pickers, start-up messages). Owned by the Electron host. */
export const dialogMessages = defineMessages(
  {
    'nativeDialog.openWorkspace.title': 'Open Workspace',
    'nativeDialog.createWorkspace.title': 'New Workspace',
    'nativeDialog.createWorkspace.button': 'Create',
    'nativeDialog.createWorkspace.defaultName': 'Feedback.loopbench',
    'nativeDialog.filter.workspace': 'Loopbench workspaces',
    'nativeDialog.filter.sqlite': 'SQLite databases',
    'nativeDialog.importFile.title': 'Import File',
    'nativeDialog.importFile.button': 'Import',
    'nativeDialog.filter.importable': 'Exports (CSV, TSV, Excel, JSON, NDJSON)',
    'nativeDialog.filter.all': 'All files',
    'nativeDialog.ok': 'OK',
    'nativeDialog.reopenFailed.title': 'Could not reopen the workspace',
    'nativeDialog.reopenFailed.message': 'Loopbench could not reopen “{name}”.',
    'nativeDialog.reopenFailed.detail':
      '{reason}\n\n{path}\n\nThe file was not changed. Open another workspace, create one or open the demo from the Welcome page.',
    'nativeDialog.demoFailed.title': 'Could not open the demo workspace',
    'nativeDialog.demoFailed.message': 'Loopbench could not open the demo workspace.',
    'nativeDialog.demoFailed.detail': '{reason}\n\nYou can try again from the Welcome page.'
  },
  {
    'nativeDialog.openWorkspace.title': '打开工作区',
    'nativeDialog.createWorkspace.title': '新建工作区',
    'nativeDialog.createWorkspace.button': '创建',
    'nativeDialog.createWorkspace.defaultName': '反馈.loopbench',
    'nativeDialog.filter.workspace': 'Loopbench 工作区',
    'nativeDialog.filter.sqlite': 'SQLite 数据库',
    'nativeDialog.importFile.title': '导入文件',
    'nativeDialog.importFile.button': '导入',
    'nativeDialog.filter.importable': '导出文件（CSV、TSV、Excel、JSON、NDJSON）',
    'nativeDialog.filter.all': '所有文件',
    'nativeDialog.ok': '确定',
    'nativeDialog.reopenFailed.title': '无法重新打开工作区',
    'nativeDialog.reopenFailed.message': 'Loopbench 无法重新打开“{name}”。',
    'nativeDialog.reopenFailed.detail':
      '{reason}\n\n{path}\n\n文件未被修改。可以在欢迎页打开其他工作区、新建工作区或打开演示工作区。',
    'nativeDialog.demoFailed.title': '无法打开演示工作区',
    'nativeDialog.demoFailed.message': 'Loopbench 无法打开演示工作区。',
    'nativeDialog.demoFailed.detail': '{reason}\n\n可以在欢迎页重试。'
  }
)
