import Database from 'better-sqlite3'
import fc from 'fast-check'
import { afterAll, describe, expect, it } from 'vitest'
import { buildMatchExpression } from '../../../src/main/core/search/query'
import { tokenizeForIndex } from '../../../src/main/core/search/tokenize'

/** An FTS5 table made as migration 2 makes `ticket_search`. */
const db = new Database(':memory:')
db.exec(
  "CREATE VIRTUAL TABLE ticket_search USING fts5(tokens, content = '', contentless_delete = 1, tokenize = 'porter unicode61 remove_diacritics 2')"
)
const insert = db.prepare('INSERT INTO ticket_search (rowid, tokens) VALUES (?, ?)')
const search = db.prepare('SELECT rowid FROM ticket_search WHERE ticket_search MATCH ?').pluck()
afterAll(() => db.close())

/** Characters people type, FTS5's syntax characters and words among them. */
const typed = fc.oneof(
  fc.constantFrom(
    '"',
    '*',
    '-',
    '^',
    '(',
    ')',
    ':',
    '+',
    '{',
    '}',
    ',',
    ' ',
    '“',
    '”',
    '＂',
    'AND',
    'OR',
    'NOT',
    'NEAR(',
    'NEAR/2'
  ),
  fc.constantFrom('退', '款', '到', '账', '物', '流', 'コ', 'ー', '환', '𠀀', 'ａ', 'Ｂ', '１'),
  fc.string({ unit: 'grapheme', maxLength: 4 }),
  fc.constantFrom('refund', 'Refunds', 'parcel', 'e-mail', "don't", 'tokens')
)
const query = fc.array(typed, { maxLength: 12 }).map((parts) => parts.join(''))

const cjk = fc.constantFrom(...'退款到账物流没收已经签显示订单号码客服优惠券コーヒー환불𠀀'.match(/./gu)!)
const other = fc.constantFrom(' ', ',', '。', '！', 'a', 'refund', ' parcel ', '1', '\n', '"')

describe('match expressions', () => {
  it('never fail to parse, whatever is typed', () => {
    fc.assert(
      fc.property(query, (q) => {
        const match = buildMatchExpression(q)
        if (match !== null) expect(() => search.all(match)).not.toThrow()
      }),
      { numRuns: 2000 }
    )
  })

  it('find a text by any run of CJK characters that occurs in it', () => {
    let rowid = 0
    fc.assert(
      fc.property(
        fc.array(fc.oneof(cjk, other), { minLength: 1, maxLength: 40 }),
        fc.nat(),
        fc.nat(),
        (parts, a, b) => {
          const text = parts.join('')
          const chars = [...text]
          const start = a % chars.length
          let end = start
          // The longest stretch of CJK characters from `start`, cut at a random length.
          while (
            end < chars.length &&
            /\p{Script=Han}|\p{Script=Katakana}|\p{Script=Hangul}|ー/u.test(chars[end]!)
          )
            end++
          fc.pre(end > start)
          const needle = chars.slice(start, start + 1 + (b % (end - start))).join('')
          rowid++
          insert.run(rowid, tokenizeForIndex(text))
          expect(search.all(buildMatchExpression(needle)!)).toContain(rowid)
          expect(search.all(buildMatchExpression(`"${needle}"`)!)).toContain(rowid)
        }
      ),
      { numRuns: 1000 }
    )
  })
})
