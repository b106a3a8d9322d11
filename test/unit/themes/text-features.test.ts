import { describe, expect, it } from 'vitest'
import { cleanTicketText } from '../../../src/main/core/themes/text/clean-ticket'
import { fitTfidf, hstackRows, transformTfidf } from '../../../src/main/core/themes/text/tfidf'
import {
  fitTicketFeatures,
  transformTicketFeatures
} from '../../../src/main/core/themes/text/ticket-features'
import { forEachCharGram, textRuns, wordTerms } from '../../../src/main/core/themes/text/tokens'
import { segmentChinese } from '../../../src/main/core/themes/text/segment-chinese'
import type { CsrMatrix } from '../../../src/main/core/themes/linalg/matrix'

describe('cleaning a ticket for the themes', () => {
  it('keeps what the customer wrote and drops the help desk’s furniture', () => {
    const text = cleanTicketText(
      'Card',
      'Hi team,\nMy card has not arrived yet, see https://bank.example/track?id=1 or mail me at jo@example.com.\n' +
        'My number is [REDACTED] and {{name}}.\n\nSent from my iPhone\n\nOn Mon, 3 Jan 2026 at 10:00, Support <help@bank.example> wrote:\n> We are sorry to hear that'
    )
    expect(text).toContain('my card has not arrived yet')
    for (const gone of [
      'hi team',
      'https',
      'bank.example',
      'jo@',
      'redacted',
      '{{',
      'iphone',
      'sorry to hear',
      'wrote'
    ])
      expect(text).not.toContain(gone)
    // The subject said something the description does not.
    expect(text.startsWith('card\n')).toBe(true)
  })

  it('drops a subject that only repeats the description’s first words', () => {
    expect(
      cleanTicketText('I need to activate my card, how is', 'I need to activate my card, how is that done?')
    ).toBe('i need to activate my card, how is that done?')
    // Copied from the words after a greeting the cleaning does not know.
    expect(
      cleanTicketText(
        "I've been a loyal customer for",
        "To whom it may concern,\nI've been a loyal customer for years. My top-up never arrived."
      )
    ).toBe("to whom it may concern,\ni've been a loyal customer for years. my top-up never arrived.")
    expect(cleanTicketText('商家不回复我的消息', '竹篮客服,\n商家不回复我的消息,已经三天了。')).toBe(
      '竹篮客服,\n商家不回复我的消息,已经三天了。'
    )
    expect(cleanTicketText('', '  ')).toBe('')
    // A transcript's subject names who chatted or called, not what about.
    for (const subject of [
      'Chat with Ana Lima',
      'Call from +44 20 7946 0958',
      'Voicemail from Jo',
      '与王芳的在线会话',
      '来电：李敏'
    ])
      expect(cleanTicketText(subject, 'My refund never arrived')).toBe('my refund never arrived')
    // A subject that only starts like one says what about, and stays.
    expect(
      cleanTicketText('Chat with seller is broken, offline for a week, please fix it now', 'Any news?')
    ).toBe('chat with seller is broken, offline for a week, please fix it now\nany news?')
    expect(cleanTicketText(null, 'Refund')).toBe('refund')
  })

  it('normalises full-width text and Chinese greetings, signatures and quotes', () => {
    const text = cleanTicketText(
      null,
      '您好，ＡＰＰ里的退款还没到账！！\n订单号：＊＊＊＊\n\n发自我的iPhone\n\n在 2026年1月3日，客服 写道：\n> 已为您处理'
    )
    expect(text).toBe('app里的退款还没到账!!\n订单号:')
  })
})

describe('terms and character n-grams', () => {
  it('splits mixed-language text into CJK runs and Latin words', () => {
    const runs = textRuns('退款refund还没到, card isn’t here')
    expect(runs.cjk.map((r) => r.join(''))).toEqual(['退款', '还没到'])
    expect(runs.latin).toEqual(['refund', 'card', 'isnt', 'here'])
  })

  it('stems content words, pairs neighbours, and stands CJK bigrams in for words', () => {
    expect(wordTerms(textRuns('my cards have not arrived yet'))).toEqual([
      'card',
      'not',
      'card not',
      'arriv',
      'not arriv',
      'yet',
      'arriv yet'
    ])
    expect(wordTerms(textRuns('洗发水的味道'))).toEqual(['洗发', '发水', '水的', '的味', '味道'])
    expect(wordTerms(textRuns('的'))).toEqual([])
    // With a segmenter, Chinese words and their neighbours' pairs, stop words left out.
    expect(wordTerms(textRuns('洗发水的味道不好'), segmentChinese)).toEqual([
      '洗发水',
      '味道不好',
      '洗发水 味道不好'
    ])
  })

  it('hashes every n-gram once: padded Latin words (2–4) and CJK runs (1–2)', () => {
    const hashes: number[] = []
    forEachCharGram(textRuns('card 退款到'), { latin: [2, 4], cjk: [1, 2] }, (h) => hashes.push(h))
    // " card ": 5 bigrams + 4 trigrams + 3 four-grams; 退款到: 3 unigrams + 2 bigrams.
    expect(hashes).toHaveLength(12 + 5)
    const again: number[] = []
    forEachCharGram(textRuns('card 退款到'), { latin: [2, 4], cjk: [1, 2] }, (h) => again.push(h))
    expect(again).toEqual(hashes)
    // The same characters in another text hash the same: "ca" of "card" and of "cat".
    const cat: number[] = []
    forEachCharGram(textRuns('cat'), { latin: [2, 2], cjk: [1, 2] }, (h) => cat.push(h))
    expect(hashes).toContain(cat[1])
  })
})

function row(m: CsrMatrix, r: number): Map<number, number> {
  const out = new Map<number, number>()
  for (let i = m.indptr[r]!; i < m.indptr[r + 1]!; i++) out.set(m.indices[i]!, m.data[i]!)
  return out
}

describe('TF-IDF', () => {
  const docs = [
    ['card', 'card', 'lost'],
    ['card', 'arrived'],
    ['refund', 'lost'],
    ['refund', 'card', 'lost', 'once']
  ]

  it('is scikit-learn’s sublinear TF-IDF with smooth IDF and L2 rows', () => {
    const { model, matrix } = fitTfidf(docs, { minDf: 2, maxDfShare: 1 })
    // "arrived" and "once" occur once: dropped.
    expect([...model.columns.keys()]).toEqual(['card', 'lost', 'refund'])
    const n = docs.length
    const idf = (df: number): number => Math.log((1 + n) / (1 + df)) + 1
    const raw = [(1 + Math.log(2)) * idf(3), idf(3)]
    const norm = Math.hypot(...raw)
    const first = row(matrix, 0)
    expect(first.get(model.columns.get('card')!)).toBeCloseTo(raw[0]! / norm, 6)
    expect(first.get(model.columns.get('lost')!)).toBeCloseTo(raw[1]! / norm, 6)
    expect(row(matrix, 1).get(model.columns.get('card')!)).toBeCloseTo(1, 6)
    for (let r = 0; r < n; r++) {
      const values = [...row(matrix, r).values()]
      expect(Math.hypot(...values)).toBeCloseTo(1, 6)
    }
  })

  it('transforms new documents in the fitted space, ignoring unknown terms, and leaves empty rows empty', () => {
    const { model } = fitTfidf(docs, { minDf: 2, maxDfShare: 1 })
    const m = transformTfidf(model, [['refund', 'unknown'], []])
    expect(row(m, 0)).toEqual(new Map([[model.columns.get('refund')!, 1]]))
    expect(row(m, 1).size).toBe(0)
  })

  it('puts two spaces side by side with their weights, rows normalised again', () => {
    const a: CsrMatrix = {
      rows: 2,
      cols: 2,
      indptr: Int32Array.from([0, 1, 1]),
      indices: Int32Array.from([1]),
      data: Float32Array.from([1])
    }
    const b: CsrMatrix = {
      rows: 2,
      cols: 3,
      indptr: Int32Array.from([0, 1, 2]),
      indices: Int32Array.from([0, 2]),
      data: Float32Array.from([1, 1])
    }
    const m = hstackRows(a, b, 1, 2)
    expect(m.cols).toBe(5)
    expect(row(m, 0).get(1)).toBeCloseTo(1 / Math.sqrt(5), 6)
    expect(row(m, 0).get(2)).toBeCloseTo(2 / Math.sqrt(5), 6)
    expect(row(m, 1)).toEqual(new Map([[4, 1]]))
  })

  it('gives tickets that arrive later the rows they would have had in the fit', () => {
    const texts = ['card not arrived', 'card arrived late', 'refund not arrived', 'refund late']
    const { model, features } = fitTicketFeatures(texts)
    const again = transformTicketFeatures(model, texts)
    expect(again.words).toEqual(features.words)
    expect(again.chars).toEqual(features.chars)
  })
})
