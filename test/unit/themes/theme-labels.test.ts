import { describe, expect, it } from 'vitest'
import { labelClauses, labelThemes } from '../../../src/main/core/themes/theme-labels'
import { segmentChinese } from '../../../src/main/core/themes/text/segment-chinese'
import { CHINESE_STOP_WORDS, ENGLISH_STOP_WORDS } from '../../../src/main/core/themes/text/stop-words'
import { seededRandom } from '../../../src/main/core/themes/random'

const THEMES = [
  {
    phrases: ['my card has not arrived', 'card still not arrived', 'the card never arrived, please help'],
    filler: ['ordered two weeks ago', 'i am worried', 'what should i do']
  },
  {
    phrases: [
      'refund for the duplicate charge',
      'i was charged twice, i need a refund for the duplicate charge'
    ],
    filler: ['yesterday', 'at the shop', 'on my statement']
  },
  {
    phrases: ['退款一直没有到账', '申请退款后一直没有到账', '退款没有到账怎么办'],
    filler: ['已经一周了', '客服不回复', '很着急']
  },
  {
    phrases: ['洗发水味道太难闻', '这款洗发水味道很怪', '洗发水味道刺鼻'],
    filler: ['用了两次', '头发很干', '不会再买']
  }
]

function corpus(): { texts: string[]; labels: Int32Array } {
  const random = seededRandom(5)
  const texts: string[] = []
  const labels: number[] = []
  THEMES.forEach((theme, t) => {
    for (let i = 0; i < 40; i++) {
      const phrase = theme.phrases[random.int(theme.phrases.length)]!
      const filler = theme.filler[random.int(theme.filler.length)]!
      texts.push(random.next() < 0.5 ? `${phrase}, ${filler}` : `${filler}, ${phrase}`)
      labels.push(t)
    }
  })
  return { texts, labels: Int32Array.from(labels) }
}

describe('theme labels', () => {
  it('segments Chinese into whole words and breaks clauses at punctuation', () => {
    const clauses = labelClauses('洗发水味道不好，card not arrived!', segmentChinese)
    expect(clauses.map((c) => c.map((t) => t.text))).toEqual([
      ['洗发水', '味道不好'],
      ['card', 'not', 'arrived']
    ])
  })

  it('names each theme with a 2–4 word phrase found verbatim in its tickets, never cutting a Chinese word', () => {
    const { texts, labels } = corpus()
    const named = labelThemes(texts, labels, THEMES.length, segmentChinese)
    expect(named).toHaveLength(4)
    named.forEach((theme, t) => {
      const own = texts.filter((_, i) => labels[i] === t)
      const containing = own.filter((text) => text.includes(theme.label)).length
      expect(containing / own.length, theme.label).toBeGreaterThanOrEqual(0.05)
      expect(theme.labelCoverage).toBeCloseTo(containing / own.length, 6)
      // Two to four whole words with no stop word at either end.
      const words = labelClauses(theme.label, segmentChinese)[0]!.map((w) => w.text)
      expect(words.length, theme.label).toBeGreaterThanOrEqual(2)
      expect(words.length, theme.label).toBeLessThanOrEqual(4)
      for (const end of [words[0]!, words.at(-1)!]) {
        expect(ENGLISH_STOP_WORDS.has(end) || CHINESE_STOP_WORDS.has(end), `${theme.label}: ${end}`).toBe(
          false
        )
      }
      // A Chinese label is a run of the words its tickets were segmented into.
      if (/\p{Script=Han}/u.test(theme.label)) {
        const segmented = own.map((text) => segmentChinese(text.replace(/[^\p{Script=Han}]+/gu, '')))
        expect(
          segmented.some((ws) => ws.join('|').includes(words.join('|'))),
          theme.label
        ).toBe(true)
      }
      expect(theme.terms.length).toBeGreaterThan(0)
    })
    expect(named[0]!.label).toContain('arrived')
    expect(named[1]!.label).toContain('duplicate charge')
    expect(named[2]!.label).toContain('到账')
    expect(named[3]!.label).toContain('洗发水')
    expect(named[0]!.terms).toContain('card')
  })

  it('is the same for the same tickets, and gives an empty theme an empty label', () => {
    const { texts, labels } = corpus()
    expect(labelThemes(texts, labels, 5, segmentChinese)).toEqual(
      labelThemes(texts, labels, 5, segmentChinese)
    )
    expect(labelThemes(texts, labels, 5, segmentChinese)[4]).toEqual({
      label: '',
      terms: [],
      labelCoverage: 0
    })
  })
})
