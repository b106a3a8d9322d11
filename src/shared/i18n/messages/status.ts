import { defineMessages } from '../define'

/** The status bar. */
export const statusMessages = defineMessages(
  {
    'status.loading': 'Loading…',
    'status.noWorkspace': 'No workspace',
    'status.noWorkspaceTooltip': 'No workspace is open — show the Explorer',
    'status.workspaceTooltip': '{path} — show the Explorer',
    'status.countsTooltip': 'Open the tickets table',
    'status.tickets.one': '{count} ticket',
    'status.tickets.other': '{count} tickets',
    'status.responses.one': '{count} response',
    'status.responses.other': '{count} responses',
    'status.problemsTooltip': 'Problems this session',
    'status.jobTooltip': 'Background task — click to cancel it or show the Output',
    'status.privacyWeb': 'Local only · {host}',
    'status.privacyWebTooltip':
      'This page is served by Loopbench on this computer and only reachable from it. Nothing is sent anywhere else.',
    'status.privacyDesktop': 'Offline workspace',
    'status.privacyDesktopTooltip':
      'Loopbench works offline; your data stays in the workspace file on this computer.',
    'status.disconnected': 'Reconnecting…',
    'status.disconnectedTooltip':
      'The connection to the Loopbench server was lost. Loopbench keeps trying to reconnect.',
    'status.languageTooltip': 'Display language',
    'status.themeTooltip': 'Color theme'
  },
  {
    'status.loading': '正在加载…',
    'status.noWorkspace': '未打开工作区',
    'status.noWorkspaceTooltip': '尚未打开工作区——显示资源管理器',
    'status.workspaceTooltip': '{path}——显示资源管理器',
    'status.countsTooltip': '打开工单表',
    'status.tickets.one': '{count} 条工单',
    'status.tickets.other': '{count} 条工单',
    'status.responses.one': '{count} 份问卷回复',
    'status.responses.other': '{count} 份问卷回复',
    'status.problemsTooltip': '本次会话中的问题',
    'status.jobTooltip': '后台任务——点击可取消或查看输出',
    'status.privacyWeb': '仅限本机 · {host}',
    'status.privacyWebTooltip':
      '此页面由这台电脑上的 Loopbench 提供，只能从本机访问，不会向其他任何地方发送数据。',
    'status.privacyDesktop': '离线工作区',
    'status.privacyDesktopTooltip': 'Loopbench 离线运行，数据只保存在这台电脑上的工作区文件中。',
    'status.disconnected': '正在重新连接…',
    'status.disconnectedTooltip': '与 Loopbench 服务的连接已断开，正在尝试重新连接。',
    'status.languageTooltip': '显示语言',
    'status.themeTooltip': '颜色主题'
  }
)
