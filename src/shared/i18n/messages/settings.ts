import { defineMessages } from '../define'

/** The settings editor: analysis settings of the workspace and the user's appearance preferences. */
export const settingsMessages = defineMessages(
  {
    'settings.appearance': 'Appearance',
    'settings.analysis': 'Analysis',
    'settings.scope.user': 'You, on this computer',
    'settings.scope.workspace': 'This workspace',
    'settings.noWorkspace':
      'Open a workspace to edit its analysis settings. They are kept in the workspace file, so every computer that opens it computes the same numbers.',
    'settings.loading': 'Loading the analysis settings…',
    'settings.save': 'Save',
    'settings.revert': 'Revert',
    'settings.saving': 'Saving…',
    'settings.saved': 'Saved',
    'settings.savedIn': 'Kept in {name}',
    'settings.unsaved': 'Unsaved changes',
    'settings.field.theme': 'Color theme',
    'settings.field.language': 'Display language',
    'settings.field.significanceLevel': 'Significance level (α)',
    'settings.field.minPracticalLift': 'Minimum practical lift',
    'settings.field.minPracticalLiftKind': 'How lift is measured',
    'settings.field.experimentPower': 'Power for planning experiments',
    'settings.field.csatSatisfiedThreshold': 'CSAT: satisfied from',
    'settings.field.csatScaleMax': 'CSAT scale maximum',
    'settings.field.metricsMinSampleSize': 'Minimum responses for a comparison',
    'settings.field.fiscalYearStartMonth': 'Fiscal year starts in',
    'settings.field.timeZone': 'Time zone',
    'settings.description.theme':
      'Dark, Light or High Contrast. Follow system matches your operating system.',
    'settings.description.language': 'The language of the interface, numbers and dates.',
    'settings.description.significanceLevel':
      'The chance of a false alarm you accept in each significance test. 0.05 is the usual choice.',
    'settings.description.experimentPower':
      'The chance a test detects a lift as large as the minimum practical lift. Sample sizes, and the units an inconclusive test still needs, are computed for it.',
    'settings.description.minPracticalLift':
      'An experiment result must reach at least this difference to count as worth acting on (compared with ≥).',
    'settings.description.csatSatisfiedThreshold':
      'A score at or above this counts as satisfied when computing CSAT (4 of 5 is the usual definition).',
    'settings.description.csatScaleMax': 'The highest score of your CSAT survey — 5 for a 1–5 scale.',
    'settings.description.metricsMinSampleSize':
      'A period or segment with fewer CSAT or NPS responses than this is marked “too few responses”, and no change is called significant.',
    'settings.description.fiscalYearStartMonth':
      'Fiscal quarters in reports follow this month. A fiscal year is named for the calendar year in which it ends.',
    'settings.description.timeZone':
      'Timestamps are assigned to days, weeks, months and quarters in this time zone, and shown in it.',
    'settings.liftKind.relative': 'Relative (% of the control)',
    'settings.liftKind.absolute': 'Absolute (percentage points)',
    'settings.unit.points': 'pp',
    'settings.csatOf': 'of {max}',
    'settings.fiscalPreview':
      'With the fiscal year starting in {month}, {date} falls in {label}; {fiscalYear} runs from {from} to {to}.',
    'settings.fiscalPreview.calendar': 'Fiscal years are calendar years: {date} falls in {label}.',
    'settings.error.number': 'Enter a number, such as 0.05.',
    'settings.error.significanceLevel': 'Enter a value above 0 and at most 0.5 — 0.05 is the usual choice.',
    'settings.error.minPracticalLift': 'Enter a value from 0 to 1000.',
    'settings.error.minPracticalLiftKind': 'Choose relative or absolute.',
    'settings.error.experimentPower': 'Enter a percentage from 50 to 99.9 — 80% is the usual choice.',
    'settings.error.csatSatisfiedThreshold':
      'Enter a score above 0 and no higher than the top of the scale ({max}).',
    'settings.error.csatScaleMax': 'Enter a whole number from 2 to 100.',
    'settings.error.metricsMinSampleSize': 'Enter a whole number from 2 to 100,000.',
    'settings.error.fiscalYearStartMonth': 'Choose a month.',
    'settings.error.timeZone':
      'This is not a time zone Loopbench knows. Pick one from the list, such as Europe/Berlin or Asia/Shanghai.',
    'settings.error.importRedactByDefault': 'Choose whether imports redact personal data.',
    'settings.error.importRejectThreshold': 'Enter a share from 0 to 100%.',
    'settings.field.importRedactByDefault': 'Redact personal data at import',
    'settings.description.importRedactByDefault':
      'E-mail addresses, phone numbers, ID numbers and card numbers are replaced by placeholders before anything is stored. Each import can still turn it off.',
    'settings.importRedactByDefault.check': 'Redact by default',
    'settings.field.importRejectThreshold': 'Refuse an import above this share of rejected rows',
    'settings.description.importRejectThreshold':
      'Rows that fail validation are listed with their line and reason; when more than this share of a file fails, nothing of it is imported.'
  },
  {
    'settings.appearance': '外观',
    'settings.analysis': '分析',
    'settings.scope.user': '仅对你在这台电脑上生效',
    'settings.scope.workspace': '此工作区',
    'settings.noWorkspace':
      '请先打开工作区再编辑分析设置。这些设置保存在工作区文件中，因此任何电脑打开它都会算出相同的结果。',
    'settings.loading': '正在加载分析设置…',
    'settings.save': '保存',
    'settings.revert': '还原',
    'settings.saving': '正在保存…',
    'settings.saved': '已保存',
    'settings.savedIn': '保存在 {name} 中',
    'settings.unsaved': '有未保存的更改',
    'settings.field.theme': '颜色主题',
    'settings.field.language': '显示语言',
    'settings.field.significanceLevel': '显著性水平 (α)',
    'settings.field.minPracticalLift': '最小实际提升',
    'settings.field.minPracticalLiftKind': '提升的计算方式',
    'settings.field.experimentPower': '实验规划的检验功效',
    'settings.field.csatSatisfiedThreshold': '满意度：满意分数线',
    'settings.field.csatScaleMax': '满意度量表最高分',
    'settings.field.metricsMinSampleSize': '比较所需的最少回复数',
    'settings.field.fiscalYearStartMonth': '财年起始月份',
    'settings.field.timeZone': '时区',
    'settings.description.theme': '深色、浅色或高对比度。选择“跟随系统”则与操作系统保持一致。',
    'settings.description.language': '界面、数字和日期所使用的语言。',
    'settings.description.significanceLevel': '每次显著性检验中可以接受的误报概率，通常取 0.05。',
    'settings.description.experimentPower':
      '检验能够发现达到最小实际提升的差异的概率。样本量，以及不显著的实验还需要的单位数，都按此计算。',
    'settings.description.minPracticalLift':
      '实验结果的差异至少达到该值，才被视为值得采取行动（按 ≥ 比较）。',
    'settings.description.csatSatisfiedThreshold':
      '计算满意度时，评分达到或高于该值即视为满意（5 分制通常取 4 分）。',
    'settings.description.csatScaleMax': '满意度问卷的最高分——1–5 分制填 5。',
    'settings.description.metricsMinSampleSize':
      '满意度或 NPS 回复少于此数的时段或分组标记为“回复太少”，其变化不判定为显著。',
    'settings.description.fiscalYearStartMonth': '报告中的财季按此月份划分。财年以其结束时所在的自然年命名。',
    'settings.description.timeZone': '时间戳按此时区归入日、周、月和季度，并按此时区显示。',
    'settings.liftKind.relative': '相对提升（占对照组的百分比）',
    'settings.liftKind.absolute': '绝对提升（百分点）',
    'settings.unit.points': '个百分点',
    'settings.csatOf': '满分 {max}',
    'settings.fiscalPreview': '财年从{month}开始时，{date}属于 {label}；{fiscalYear} 财年为{from}至{to}。',
    'settings.fiscalPreview.calendar': '财年与自然年相同：{date}属于 {label}。',
    'settings.error.number': '请输入数字，例如 0.05。',
    'settings.error.significanceLevel': '请输入大于 0 且不超过 0.5 的值，通常取 0.05。',
    'settings.error.minPracticalLift': '请输入 0 到 1000 之间的值。',
    'settings.error.minPracticalLiftKind': '请选择相对提升或绝对提升。',
    'settings.error.experimentPower': '请输入 50 到 99.9 之间的百分比——通常取 80%。',
    'settings.error.csatSatisfiedThreshold': '请输入大于 0 且不超过量表最高分（{max}）的分数。',
    'settings.error.csatScaleMax': '请输入 2 到 100 之间的整数。',
    'settings.error.metricsMinSampleSize': '请输入 2 到 100,000 之间的整数。',
    'settings.error.fiscalYearStartMonth': '请选择一个月份。',
    'settings.error.timeZone':
      'Loopbench 无法识别该时区。请从列表中选择，例如 Asia/Shanghai 或 Europe/Berlin。',
    'settings.error.importRedactByDefault': '请选择导入时是否脱敏个人信息。',
    'settings.error.importRejectThreshold': '请输入 0 到 100% 之间的比例。',
    'settings.field.importRedactByDefault': '导入时脱敏个人信息',
    'settings.description.importRedactByDefault':
      '电子邮箱、电话号码、身份证号和银行卡号在写入工作区之前替换为占位符。单次导入仍可关闭。',
    'settings.importRedactByDefault.check': '默认脱敏',
    'settings.field.importRejectThreshold': '拒收行超过此比例时拒绝整个导入',
    'settings.description.importRejectThreshold':
      '未通过校验的行会列出行号和原因；若一个文件中超过此比例的行未通过，则整个文件都不会导入。'
  }
)
