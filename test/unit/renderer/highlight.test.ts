import { describe, expect, it } from 'vitest'
import {
  highlightRanges,
  mergeRanges,
  searchTerms,
  splitByRanges
} from '../../../src/renderer/src/editors/table/highlight'

const marked = (text: string, query: string): string[] =>
  splitByRanges(text, highlightRanges(text, searchTerms(query)))
    .filter((p) => p.match)
    .map((p) => p.text)

describe('search highlighting', () => {
  it('splits a query into terms without quotes, operators or excluded words', () => {
    expect(searchTerms('"late delivery" OR 退款 -spam')).toEqual(['delivery', 'late', '退款'])
    expect(searchTerms('  ')).toEqual([])
  })

  it('marks English words at word starts, whatever their case', () => {
    expect(marked('Refund please — I was refunded twice? No: prefund.', 'refund')).toEqual([
      'Refund',
      'refund'
    ])
    expect(marked('Late delivery, LATE again', 'late')).toEqual(['Late', 'LATE'])
  })

  it('marks Chinese terms anywhere in the text, with no word boundaries', () => {
    expect(marked('申请退款三天了还没退款到账', '退款')).toEqual(['退款', '退款'])
    expect(marked('物流太慢', '物流')).toEqual(['物流'])
  })

  it('marks the two-character pieces of a longer Chinese term that does not occur whole', () => {
    // The bigram index matches 退款 and 款慢 in "退款处理太慢" for the query 退款慢.
    expect(marked('退款处理太慢', '退款慢')).toEqual(['退款'])
    expect(marked('退款很慢，款慢', '退款慢')).toEqual(['退款', '款慢'])
  })

  it('marks mixed Chinese and English queries, and nothing for no terms', () => {
    expect(marked('App 闪退 after update', 'app 闪退')).toEqual(['App', '闪退'])
    expect(highlightRanges('anything', [])).toEqual([])
    expect(highlightRanges('', ['x'])).toEqual([])
  })

  it('merges overlapping matches into one', () => {
    expect(
      mergeRanges([
        [4, 8],
        [0, 2],
        [1, 3],
        [8, 9]
      ])
    ).toEqual([
      [0, 3],
      [4, 9]
    ])
    expect(marked('refunding', 'refund refundi')).toEqual(['refundi'])
  })

  it('cuts text into plain and marked parts that add up to the text', () => {
    const parts = splitByRanges('abcdef', [
      [1, 2],
      [4, 6]
    ])
    expect(parts).toEqual([
      { text: 'a', match: false },
      { text: 'b', match: true },
      { text: 'cd', match: false },
      { text: 'ef', match: true }
    ])
    expect(parts.map((p) => p.text).join('')).toBe('abcdef')
  })
})
