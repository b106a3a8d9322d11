import { describe, expect, it } from 'vitest'
import { parseTags } from '../../../../src/main/core/import/values/parse-tags'

describe('parseTags', () => {
  it('splits Zendesk-style space-separated tags', () => {
    expect(parseTags('refund wallet sg')).toEqual(['refund', 'wallet', 'sg'])
    expect(parseTags('  membership   billing double_charge ')).toEqual([
      'membership',
      'billing',
      'double_charge'
    ])
  })

  it('splits comma, semicolon, bar and Chinese separators, keeping spaces inside tags', () => {
    expect(parseTags('late delivery, refund')).toEqual(['late delivery', 'refund'])
    expect(parseTags('app; bug;crash')).toEqual(['app', 'bug', 'crash'])
    expect(parseTags('a|b')).toEqual(['a', 'b'])
    expect(parseTags('退款，支付、物流；优惠券')).toEqual(['退款', '支付', '物流', '优惠券'])
  })

  it('drops empties and duplicates, keeping the first order', () => {
    expect(parseTags('vip, , vip,refund,')).toEqual(['vip', 'refund'])
    expect(parseTags('')).toEqual([])
  })
})
