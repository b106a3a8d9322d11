import { defineMessages } from '../define'

/** The Welcome page. */
export const welcomeMessages = defineMessages(
  {
    'welcome.tagline':
      'Turn support tickets, survey responses and A/B tests into the complaint themes, honest numbers and quarterly priority list your team plans with — offline, on your own computer.',
    'welcome.start': 'Start',
    'welcome.new': 'New workspace…',
    'welcome.open': 'Open workspace…',
    'welcome.openDemo': 'Open demo workspace',
    'welcome.opening': 'Opening the workspace…',
    'welcome.singleWorkspace':
      'This window serves one workspace ({name}). To work on another, run `loopbench serve --workspace FILE`.',
    'welcome.recent': 'Recent',
    'welcome.noRecent': 'Workspaces you open will be listed here.',
    'welcome.current': 'open now',
    'welcome.forget': 'Remove from the list',
    'welcome.forgetNamed': 'Remove {name} from the recent list',
    'welcome.currentCounts': '{tickets} tickets · {responses} survey responses · {experiments} experiments',
    'welcome.browseTickets': 'Browse tickets',
    'welcome.tryDemo': 'New to Loopbench?',
    'welcome.tryDemo.description':
      'The demo workspace holds a year of realistic tickets, survey responses and A/B tests to explore.',
    'welcome.analysisSettings': 'Analysis settings',
    'welcome.whatYouCanDo': 'What you can do',
    'welcome.soon': 'coming soon',
    'welcome.step.import': 'Import',
    'welcome.step.import.description':
      'Bring in ticket, survey and A/B-test exports — CSV, Excel or JSON, from Zendesk, Qualtrics and others.',
    'welcome.step.explore': 'Explore',
    'welcome.step.explore.description': 'Browse every table, fast even at a million rows.',
    'welcome.step.measure': 'Measure',
    'welcome.step.measure.description':
      'CSAT and NPS by month, channel and segment, with confidence intervals.',
    'welcome.step.experiments': 'Experiments',
    'welcome.step.experiments.description':
      'Lift, significance and a clear ship-or-not decision for every A/B test.',
    'welcome.step.themes': 'Themes',
    'welcome.step.themes.description':
      'Group complaints into themes, in English and Chinese, entirely offline.',
    'welcome.step.priorities': 'Priorities',
    'welcome.step.priorities.description':
      'A quarterly feature-priority list, with a scoring formula you can read and adjust.',
    'welcome.privacy': 'Everything stays on this computer: Loopbench sends nothing over the network.'
  },
  {
    'welcome.tagline':
      '把客服工单、问卷回复和 A/B 测试数据，变成团队规划所需的投诉主题、可信的指标和季度优先级清单——全程离线，数据只在你自己的电脑上。',
    'welcome.start': '开始',
    'welcome.new': '新建工作区…',
    'welcome.open': '打开工作区…',
    'welcome.openDemo': '打开演示工作区',
    'welcome.opening': '正在打开工作区…',
    'welcome.singleWorkspace':
      '此窗口只提供一个工作区（{name}）。如需使用其他工作区，请运行 `loopbench serve --workspace FILE`。',
    'welcome.recent': '最近打开',
    'welcome.noRecent': '打开过的工作区会显示在这里。',
    'welcome.current': '当前已打开',
    'welcome.forget': '从列表中移除',
    'welcome.forgetNamed': '从最近列表中移除 {name}',
    'welcome.currentCounts': '{tickets} 条工单 · {responses} 份问卷回复 · {experiments} 个实验',
    'welcome.browseTickets': '浏览工单',
    'welcome.tryDemo': '第一次使用 Loopbench？',
    'welcome.tryDemo.description': '演示工作区包含一整年的真实风格工单、问卷回复和 A/B 测试，可以随意探索。',
    'welcome.analysisSettings': '分析设置',
    'welcome.whatYouCanDo': '你可以做什么',
    'welcome.soon': '即将推出',
    'welcome.step.import': '导入',
    'welcome.step.import.description':
      '导入工单、问卷和 A/B 测试的导出文件，支持 CSV、Excel、JSON，兼容 Zendesk、Qualtrics 等。',
    'welcome.step.explore': '浏览',
    'welcome.step.explore.description': '浏览每一张数据表，百万行也依然流畅。',
    'welcome.step.measure': '度量',
    'welcome.step.measure.description': '按月份、渠道和客群查看满意度与净推荐值，并附置信区间。',
    'welcome.step.experiments': '实验',
    'welcome.step.experiments.description': '为每个 A/B 测试给出提升幅度、显著性和明确的上线结论。',
    'welcome.step.themes': '主题',
    'welcome.step.themes.description': '将投诉归纳为主题，中英文皆可，完全离线。',
    'welcome.step.priorities': '优先级',
    'welcome.step.priorities.description': '每季度的功能优先级清单，评分公式清晰可见、可以调整。',
    'welcome.privacy': '所有数据都留在这台电脑上：Loopbench 不会通过网络发送任何内容。'
  }
)
