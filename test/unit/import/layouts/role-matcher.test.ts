import { describe, expect, it } from 'vitest'
import { columnEvidence } from '../../../../src/main/core/import/layouts/column-evidence'
import { matchRoles } from '../../../../src/main/core/import/layouts/role-matcher'

const column = (index: number, header: string, values: string[], description: string | null = null) =>
  columnEvidence(index, header, description, values)

describe('matchRoles', () => {
  it('maps Chinese ticket headers', () => {
    const columns = [
      column(0, '工单编号', ['GD1', 'GD2', 'GD3']),
      column(1, '创建日期', ['2026年3月5日', '2026年3月6日', '2026年3月7日']),
      column(2, '咨询渠道', ['电话', '微信', 'App']),
      column(3, '工单状态', ['已解决', '处理中', '已关闭']),
      column(4, '紧急程度', ['高', '中', '低']),
      column(5, '主题', ['退款', '物流', '优惠券']),
      column(6, '工单内容', [
        '退款一直没有到账，请帮忙查一下。',
        '快递三天没有更新物流信息。',
        '优惠券结账时无法使用。'
      ]),
      column(7, '会员编号', ['M001', 'M002', 'M003']),
      column(8, '评分', ['5', '3', '1']),
      column(9, '关闭时间', ['2026/03/06 10:00', '', '2026/03/08 09:30']),
      column(10, '首次回复时间', ['2026/03/05 10:00', '2026/03/06 11:00', '2026/03/07 08:00'])
    ]
    expect(matchRoles('tickets', columns).map((m) => [m.index, m.role])).toEqual([
      [0, 'externalId'],
      [1, 'createdAt'],
      [2, 'channel'],
      [3, 'status'],
      [4, 'priority'],
      [5, 'subject'],
      [6, 'text'],
      [7, 'customerId'],
      [8, 'rating'],
      [9, 'resolvedAt'],
      [10, 'firstResponseAt']
    ])
  })

  it('maps Chinese experiment headers, telling an exposure flag from an exposure arm by the values', () => {
    const flag = [
      column(0, '用户ID', ['u1', 'u2', 'u3']),
      column(1, '分组', ['A', 'B', 'A']),
      column(2, '曝光', ['1', '0', '1'])
    ]
    expect(matchRoles('experiment_units', flag).map((m) => m.role)).toEqual([
      'unitId',
      'assignedArm',
      'binaryMetric'
    ])
    const arm = [
      column(0, '用户ID', ['u1', 'u2', 'u3']),
      column(1, '分组', ['A', 'B', 'A']),
      column(2, '曝光', ['A', 'A', 'B'])
    ]
    expect(matchRoles('experiment_units', arm).map((m) => m.role)).toEqual([
      'unitId',
      'assignedArm',
      'exposedArm'
    ])
  })

  it('uses Qualtrics question texts when the header is only an id', () => {
    const q1 = column(0, 'Q1', ['9', '10', '3'], 'How likely are you to recommend us to a friend?')
    const q2 = column(1, 'Q2', ['4', '5', '2'], '您对本次服务的满意程度？')
    const q3 = column(
      2,
      'Q1_NPS_GROUP',
      ['3', '3', '1'],
      'How likely are you to recommend us to a friend? - Group'
    )
    expect(matchRoles('survey_responses', [q1, q2, q3]).map((m) => [m.index, m.role])).toEqual([
      [0, 'npsScore'],
      [1, 'csatScore']
    ])
  })

  it('keeps roles already taken by a preset and gives several columns to multiple roles', () => {
    const columns = [
      column(0, 'retention_1', ['1', '0', '1']),
      column(1, 'retention_7', ['0', '0', '1']),
      column(2, 'user_id', ['1', '2', '3'])
    ]
    expect(matchRoles('experiment_units', columns, new Set(['unitId'])).map((m) => m.role)).toEqual([
      'binaryMetric',
      'binaryMetric'
    ])
  })

  it('finds unlabelled 0/1 columns of an experiment as binary metrics from their values alone', () => {
    const columns = [
      column(0, 'user_id', ['1', '2', '3']),
      column(1, 'group', ['a', 'b', 'a']),
      column(2, 'did_buy_v2', ['0', '1', '1'])
    ]
    expect(matchRoles('experiment_units', columns).map((m) => m.role)).toEqual([
      'unitId',
      'assignedArm',
      'binaryMetric'
    ])
  })

  it('leaves columns nothing names unmapped', () => {
    const columns = [
      column(0, 'label', ['card_arrival', 'top_up', 'card_arrival']),
      column(1, 'foo', ['x', 'y', 'z'])
    ]
    expect(matchRoles('tickets', columns)).toEqual([])
  })
})
