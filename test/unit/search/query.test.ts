import { describe, expect, it } from 'vitest'
import { buildMatchExpression } from '../../../src/main/core/search/query'

describe('buildMatchExpression', () => {
  it('requires every English word, each quoted so FTS5 stems it and parses nothing in it', () => {
    expect(buildMatchExpression('refund')).toBe('"refund"')
    expect(buildMatchExpression('parcel  tracking')).toBe('"parcel" AND "tracking"')
    expect(buildMatchExpression('Refunds')).toBe('"refunds"')
  })

  it.each([
    ['退', '"退" *'],
    ['退款', '"退款"'],
    ['优惠券', '"优惠 惠券"'],
    ['退款没到', '"退款 款没 没到"'],
    ['物流没更新', '"物流 流没 没更 更新"'],
    ['已经签收了', '"已经 经签 签收 收了"'],
    ['包裹显示已签收', '"包裹 裹显 显示 示已 已签 签收"']
  ])(
    'turns the Chinese query %s into the phrase of its bigrams (one character: a prefix)',
    (query, expected) => {
      expect(buildMatchExpression(query)).toBe(expected)
    }
  )

  it('splits mixed text into its runs and words, all required', () => {
    expect(buildMatchExpression('退款 refund')).toBe('"退款" AND "refund"')
    expect(buildMatchExpression('退款refund')).toBe('"退款" AND "refund"')
    expect(buildMatchExpression('Android 闪退')).toBe('"android" AND "闪退"')
  })

  it('keeps quoted phrases as phrases, in English, Chinese and mixed', () => {
    expect(buildMatchExpression('"still not here"')).toBe('"still not here"')
    expect(buildMatchExpression('"退款没到"')).toBe('"退款 款没 没到"')
    expect(buildMatchExpression('“退款没到” refund')).toBe('"退款 款没 没到" AND "refund"')
    // A run followed by more of the phrase ends there in the text too: its last character counts.
    expect(buildMatchExpression('"退款 refund"')).toBe('"退款 款 refund"')
    expect(buildMatchExpression('"refund 退"')).toBe('"refund 退" *')
  })

  it('normalises full-width input as the index does', () => {
    expect(buildMatchExpression('ＲＥＦＵＮＤ')).toBe('"refund"')
    expect(buildMatchExpression('＂still here＂')).toBe('"still here"')
  })

  it.each([
    ['a quote', 'refund"', '"refund"'],
    ['an unbalanced phrase', '"refund delayed', '"refund" AND "delayed"'],
    ['a star', 'refund*', '"refund*"'],
    ['a minus', '-refund', '"-refund"'],
    ['operators', 'refund AND NOT parcel OR x', '"refund" AND "and" AND "not" AND "parcel" AND "or" AND "x"'],
    ['NEAR', 'NEAR(refund parcel)', '"near(refund" AND "parcel)"'],
    ['a caret', '^refund', '"^refund"'],
    ['a column filter', 'tokens:refund', '"tokens:refund"'],
    ['a doubled quote', 'a""b', '"a" AND "b"'],
    ['braces', '{tokens}: refund', '"{tokens}:" AND "refund"']
  ])('treats %s as text, never as FTS5 syntax', (_, query, expected) => {
    expect(buildMatchExpression(query)).toBe(expected)
  })

  it.each(['', '   ', '!!!', '"', '""', '* - ^', '（）。，', '"*"'])(
    'has nothing to search for in %j',
    (query) => {
      expect(buildMatchExpression(query)).toBeNull()
    }
  )

  it('does not repeat a term', () => {
    expect(buildMatchExpression('refund refund')).toBe('"refund"')
  })
})
