import { describe, expect, it } from 'vitest'
import { tokenizeForIndex, tokenizeTicket } from '../../../src/main/core/search/tokenize'

/** The tokens FTS5's unicode61 would see: the tokeniser's output split on white space. */
const tokens = (text: string): string[] => tokenizeForIndex(text).split(/\s+/).filter(Boolean)

describe('tokenizeForIndex', () => {
  it.each([
    ['退', ['退']],
    ['退款', ['退款', '款']],
    ['退款了', ['退款', '款了', '了']],
    ['退款没到', ['退款', '款没', '没到', '到']],
    ['退款还没到', ['退款', '款还', '还没', '没到', '到']],
    ['退款还没到账', ['退款', '款还', '还没', '没到', '到账', '账']]
  ])('turns the CJK run %s into overlapping bigrams and its last character', (text, expected) => {
    expect(tokens(text)).toEqual(expected)
  })

  it('leaves English to FTS5 and separates it from CJK runs, also without spaces', () => {
    expect(tokens('退款 refund 还没到')).toEqual(['退款', '款', 'refund', '还没', '没到', '到'])
    expect(tokens('iPhone手机闪退了')).toEqual(['iphone', '手机', '机闪', '闪退', '退了', '了'])
    expect(tokenizeForIndex('Refunds, please!')).toBe('refunds, please!')
  })

  it('ends a run at punctuation, so no bigram spans two sentences', () => {
    expect(tokens('没到。退款')).toEqual(['没到', '到', '。', '退款', '款'])
  })

  it('normalises full-width forms (NFKC) and case', () => {
    expect(tokens('ＲＥＦＵＮＤ　１２３')).toEqual(['refund', '123'])
    expect(tokens('ｶﾀｶﾅ')).toEqual(['カタ', 'タカ', 'カナ', 'ナ'])
    expect(tokens('退款！')).toEqual(['退款', '款', '!'])
  })

  it('covers Japanese and Korean runs, with the prolonged sound mark inside a katakana run', () => {
    expect(tokens('コーヒー')).toEqual(['コー', 'ーヒ', 'ヒー', 'ー'])
    expect(tokens('ありがとう')).toEqual(['あり', 'りが', 'がと', 'とう', 'う'])
    expect(tokens('환불')).toEqual(['환불', '불'])
  })

  it('keeps characters outside the Basic Multilingual Plane whole', () => {
    expect(tokens('𠀀𠀁字')).toEqual(['𠀀𠀁', '𠀁字', '字'])
  })

  it('returns text without CJK as it was, normalised', () => {
    expect(tokenizeForIndex('Where is my parcel? Order BB123')).toBe('where is my parcel? order bb123')
    expect(tokenizeForIndex('')).toBe('')
  })
})

describe('tokenizeTicket', () => {
  it('puts subject and text on separate lines so a run cannot span both', () => {
    expect(tokenizeTicket('退款', '没到').split(/\s+/).filter(Boolean)).toEqual(['退款', '款', '没到', '到'])
    expect(tokenizeTicket(null, '没到')).toBe(tokenizeForIndex('没到'))
  })
})
