import { defineMessages } from '../define'

/** The tickets table's filter bar and full-text search. */
export const filterMessages = defineMessages(
  {
    'filter.bar': 'Filter tickets',
    'filter.search': 'Search tickets',
    'filter.searchPlaceholder': 'Search ticket text — English or 中文',
    'filter.clearSearch': 'Clear the search',
    'filter.created': 'Created',
    'filter.from': 'From',
    'filter.to': 'To',
    'filter.channel': 'Channel',
    'filter.status': 'Status',
    'filter.theme': 'Theme',
    'filter.any': 'Any',
    'filter.selected': '{count} selected',
    'filter.noValue': '(empty)',
    'filter.valueCount': '{count} tickets',
    'filter.clear': 'Clear filters',
    'filter.count': '{shown} of {total} tickets',
    'filter.indexing': 'Search is still indexing — results may be incomplete.',
    'filter.indexingProgress': 'Search is still indexing ({percent}) — results may be incomplete.',
    'filter.noMatches': 'No tickets match these filters.',
    'filter.invalidRange': '“From” is after “To”.',
    'filter.unavailable': 'Filters are not available in this version yet.'
  },
  {
    'filter.bar': '筛选工单',
    'filter.search': '搜索工单',
    'filter.searchPlaceholder': '搜索工单内容——中英文皆可',
    'filter.clearSearch': '清除搜索',
    'filter.created': '创建时间',
    'filter.from': '从',
    'filter.to': '到',
    'filter.channel': '渠道',
    'filter.status': '状态',
    'filter.theme': '主题',
    'filter.any': '全部',
    'filter.selected': '已选 {count} 项',
    'filter.noValue': '（空）',
    'filter.valueCount': '{count} 条工单',
    'filter.clear': '清除筛选',
    'filter.count': '{shown} / {total} 条工单',
    'filter.indexing': '全文搜索索引仍在建立中——结果可能不完整。',
    'filter.indexingProgress': '全文搜索索引仍在建立中（{percent}）——结果可能不完整。',
    'filter.noMatches': '没有符合筛选条件的工单。',
    'filter.invalidRange': '开始日期晚于结束日期。',
    'filter.unavailable': '此版本尚不支持筛选。'
  }
)
