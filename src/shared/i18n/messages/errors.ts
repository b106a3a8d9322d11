import { defineMessages } from '../define'

/**
 * One message per API error code, filled from the error's details. File paths are shown on a
 * line of their own (see the renderer's error mapping), so these sentences stay short.
 */
export const errorMessages = defineMessages(
  {
    'error.invalid_input': 'The request was not accepted: {field} — {reason}.',
    'error.invalid_input.generic': 'The request was not accepted because one of its values is not valid.',
    'error.invalid_input.column': 'The table “{table}” has no column “{column}”.',
    'error.unknown_method':
      'This window asked the backend for something it does not know. Reload the window; if that does not help, reinstall Loopbench.',
    'error.not_found': 'The item could not be found. It may have been removed or finished already.',
    'error.not_supported': 'This is not available here.',
    'error.forbidden': 'Loopbench refused this request.',
    'error.unauthorized':
      'This window is no longer signed in. Open the address that `loopbench serve` printed, with its token.',
    'error.no_workspace': 'No workspace is open. Open or create one from the Welcome page.',
    'error.workspace_not_found':
      'There is no workspace at this path. Check the path, or create a new workspace there.',
    'error.workspace_not_found.folder': 'The folder for this workspace does not exist.',
    'error.workspace_exists':
      'A file already exists at this path. Open it, or choose another name for the new workspace.',
    'error.workspace_not_a_file': 'This path is a folder, not a workspace file.',
    'error.workspace_not_a_workspace': 'This file is not a Loopbench workspace. It was left unchanged.',
    'error.workspace_corrupt':
      'This workspace is damaged and cannot be opened. It was left unchanged; restore it from a backup.',
    'error.workspace_too_new':
      'This workspace was written by a newer version of Loopbench (schema {workspaceVersion}; this version reads up to {supportedVersion}). Update Loopbench to open it. It was left unchanged.',
    'error.workspace_too_new.generic':
      'This workspace was written by a newer version of Loopbench. Update Loopbench to open it. It was left unchanged.',
    'error.workspace_incompatible_history':
      'This workspace has a schema history this version does not recognise (from version {atVersion}). It was left unchanged.',
    'error.workspace_incompatible_history.generic':
      'This workspace has a schema history this version does not recognise. It was left unchanged.',
    'error.workspace_not_writable':
      'Loopbench cannot write to this workspace. Check its permissions, or copy it somewhere writable.',
    'error.workspace_busy': 'This workspace is locked by another program. Close it there and try again.',
    'error.workspace_migration_failed':
      'Upgrading this workspace to schema {target} failed; it stays at schema {reached}.',
    'error.workspace_migration_failed.backup':
      'Upgrading this workspace to schema {target} failed; it stays at schema {reached}. A backup from before the upgrade was kept.',
    'error.workspace_migration_failed.generic': 'Upgrading this workspace failed; it was left as it was.',
    'error.job_failed': 'A background task failed.',
    'error.import_unreadable': '{file} cannot be read{where}: {reason}. Nothing was imported.',
    'error.import_unreadable.generic': 'The file cannot be read. Nothing was imported.',
    'error.import_rejected':
      '{file} was not imported: {rejected} of {total} rows failed validation, more than the {threshold} allowed. Fix the rows listed in Problems, or raise the limit in Settings.',
    'error.import_rejected.generic': 'The file was not imported: too many rows failed validation.',
    'error.detail.line': ', line {line}',
    'error.job_failed.named': 'The background task “{title}” failed.',
    'error.cancelled': 'The task was cancelled.',
    'error.payload_too_large': 'The request is too large for Loopbench to accept.',
    'error.internal': 'Something went wrong inside Loopbench. The Output panel has the details.',
    'error.internal.unreachable':
      'The Loopbench server is not answering. Check that `loopbench serve` is still running.',
    'error.detail.path': 'File: {path}',
    'error.detail.backup': 'Backup: {backup}',
    'error.unexpected': 'Something unexpected happened: {message}',
    'error.editorCrashed': 'This editor ran into a problem and could not be shown.',
    'error.editorCrashed.retry': 'Try again',
    'error.bootFailed': 'Loopbench could not start the workbench.'
  },
  {
    'error.invalid_input': '请求未被接受：{field}（{reason}）。',
    'error.invalid_input.generic': '请求未被接受：其中有值无效。',
    'error.invalid_input.column': '表“{table}”中没有“{column}”这一列。',
    'error.unknown_method':
      '当前窗口向后端请求了它不认识的操作。请重新加载窗口；如仍无效，请重新安装 Loopbench。',
    'error.not_found': '找不到该项目，它可能已被删除或已经结束。',
    'error.not_supported': '此处不支持该操作。',
    'error.forbidden': 'Loopbench 拒绝了此请求。',
    'error.unauthorized': '当前窗口已失去登录状态。请打开 `loopbench serve` 输出的带令牌的地址。',
    'error.no_workspace': '尚未打开工作区。请在欢迎页打开或新建一个工作区。',
    'error.workspace_not_found': '该路径下没有工作区。请检查路径，或在此处新建工作区。',
    'error.workspace_not_found.folder': '该工作区所在的文件夹不存在。',
    'error.workspace_exists': '该路径下已有文件。请直接打开它，或为新工作区另取一个名称。',
    'error.workspace_not_a_file': '该路径是文件夹，而不是工作区文件。',
    'error.workspace_not_a_workspace': '该文件不是 Loopbench 工作区，文件未被改动。',
    'error.workspace_corrupt': '该工作区已损坏，无法打开。文件未被改动，请从备份恢复。',
    'error.workspace_too_new':
      '该工作区由更新版本的 Loopbench 创建（架构版本 {workspaceVersion}，当前版本最高支持 {supportedVersion}）。请升级 Loopbench 后再打开。文件未被改动。',
    'error.workspace_too_new.generic':
      '该工作区由更新版本的 Loopbench 创建。请升级 Loopbench 后再打开。文件未被改动。',
    'error.workspace_incompatible_history':
      '该工作区的架构历史无法识别（自版本 {atVersion} 起）。文件未被改动。',
    'error.workspace_incompatible_history.generic': '该工作区的架构历史无法识别。文件未被改动。',
    'error.workspace_not_writable': 'Loopbench 无法写入该工作区。请检查文件权限，或将其复制到可写的位置。',
    'error.workspace_busy': '该工作区正被其他程序占用。请先在那里关闭它，然后重试。',
    'error.workspace_migration_failed': '将该工作区升级到架构版本 {target} 失败，目前仍为版本 {reached}。',
    'error.workspace_migration_failed.backup':
      '将该工作区升级到架构版本 {target} 失败，目前仍为版本 {reached}。升级前的备份已保留。',
    'error.workspace_migration_failed.generic': '工作区升级失败，文件保持原样。',
    'error.job_failed': '后台任务失败。',
    'error.import_unreadable': '无法读取 {file}{where}：{reason}。未导入任何数据。',
    'error.import_unreadable.generic': '无法读取该文件，未导入任何数据。',
    'error.import_rejected':
      '{file} 未导入：{total} 行中有 {rejected} 行未通过校验，超过允许的 {threshold}。请修正“问题”面板中列出的行，或在设置中提高上限。',
    'error.import_rejected.generic': '该文件未导入：未通过校验的行过多。',
    'error.detail.line': '（第 {line} 行）',
    'error.job_failed.named': '后台任务“{title}”失败。',
    'error.cancelled': '任务已取消。',
    'error.payload_too_large': '请求过大，Loopbench 无法接收。',
    'error.internal': 'Loopbench 内部出现问题，详情请查看“输出”面板。',
    'error.internal.unreachable': 'Loopbench 服务没有响应。请确认 `loopbench serve` 仍在运行。',
    'error.detail.path': '文件：{path}',
    'error.detail.backup': '备份：{backup}',
    'error.unexpected': '发生了意外错误：{message}',
    'error.editorCrashed': '此编辑器出现问题，无法显示。',
    'error.editorCrashed.retry': '重试',
    'error.bootFailed': 'Loopbench 无法启动工作台。'
  }
)
