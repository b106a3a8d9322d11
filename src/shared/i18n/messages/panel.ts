import { defineMessages } from '../define'

/** The bottom panel: Problems and Output. */
export const panelMessages = defineMessages(
  {
    'panel.problems': 'Problems',
    'panel.output': 'Output',
    'panel.close': 'Close panel',
    'panel.noProblems': 'No problems have been detected in this session.',
    'panel.noOutput': 'Nothing has been logged yet.',
    'panel.severity.error': 'Error',
    'panel.severity.warning': 'Warning',
    'panel.level.info': 'info',
    'panel.level.warning': 'warn',
    'panel.level.error': 'error'
  },
  {
    'panel.problems': '问题',
    'panel.output': '输出',
    'panel.close': '关闭面板',
    'panel.noProblems': '本次会话中尚未发现问题。',
    'panel.noOutput': '暂无日志。',
    'panel.severity.error': '错误',
    'panel.severity.warning': '警告',
    'panel.level.info': '信息',
    'panel.level.warning': '警告',
    'panel.level.error': '错误'
  }
)
