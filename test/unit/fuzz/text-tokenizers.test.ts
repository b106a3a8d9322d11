import Database from 'better-sqlite3'
import fc from 'fast-check'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { normalizeForSearch } from '../../../src/main/core/search/cjk'
import { buildMatchExpression } from '../../../src/main/core/search/query'
import { tokenizeForIndex, tokenizeTicket } from '../../../src/main/core/search/tokenize'
import { cleanTicketText } from '../../../src/main/core/themes/text/clean-ticket'
import { segmentChinese } from '../../../src/main/core/themes/text/segment-chinese'
import {
  forEachCharGram,
  DEFAULT_CHAR_GRAMS,
  textRuns,
  wordTerms
} from '../../../src/main/core/themes/text/tokens'
import { shownWords, titleTerms } from '../../../src/main/core/priorities/theme-suggestions'
import { fuzzParams, fuzzTimeout } from '../../helpers/fuzz-runs'

/**
 * Any text a user can paste — every Unicode plane, lone surrogates, CJK, emoji sequences,
 * right-to-left scripts, control characters, FTS5 syntax — through the search tokenizer and
 * query builder, the themes' text pipeline and the priority list's title terms: nothing throws,
 * the same input gives the same output, and what goes to SQLite is a valid FTS5 expression.
 */

const RUNS = 1000
const MS_PER_CASE = 10

/** Pieces that are hard for tokenizers, mixed with random text. */
const TRICKY = [
  '退款还没到账',
  '𠀀𠀁', // Han extension B, outside the BMP
  '客服',
  '字',
  'ｒｅｆｕｎｄ', // full-width
  'ﬁ', // ligature, NFKC expands it
  '👩‍👩‍👧', // ZWJ emoji sequence
  '🇩🇪',
  'مرحبا',
  'שלום',
  '\u202e', // right-to-left override
  '\u0000',
  '\u001f',
  '\ud800', // lone high surrogate
  '\udc00', // lone low surrogate
  '"',
  '“',
  '”',
  '「',
  '*',
  '^',
  '-',
  ':',
  '(',
  ')',
  'AND',
  'OR',
  'NOT',
  'NEAR',
  'NEAR(a b, 2)',
  'e-mail',
  "can't",
  'Ⅻ',
  'é',
  'e\u0301',
  ' ',
  '\n',
  '\t'
]

/** Random text of every kind: graphemes, raw code points (surrogates too), and the pieces above. */
const anyText = fc.oneof(
  fc.string({ unit: 'grapheme', maxLength: 40 }),
  fc.string({ unit: 'binary', maxLength: 40 }),
  fc.string({ unit: fc.constantFrom(...TRICKY), maxLength: 12 }),
  fc
    .array(
      fc.oneof(
        fc.constantFrom(...TRICKY),
        fc.string({ unit: 'grapheme-ascii', maxLength: 6 }),
        fc.string({ unit: 'binary', maxLength: 3 })
      ),
      { maxLength: 12 }
    )
    .map((parts) => parts.join(''))
)

/**
 * Text whose letters SQLite's unicode61 knows too: it classifies characters by Unicode 6.1, so a
 * letter added later (U+1CF2, say) is a letter to the query builder and a separator to FTS5, and
 * a query of nothing else finds nothing. Random text checks that such queries are valid; this
 * checks that they find what they should.
 */
const knownText = fc
  .array(
    fc.oneof(
      fc.constantFrom(...TRICKY),
      fc.string({ unit: 'grapheme-ascii', maxLength: 8 }),
      fc.string({
        unit: fc.integer({ min: 0x4e00, max: 0x9fa5 }).map((c) => String.fromCharCode(c)),
        maxLength: 4
      })
    ),
    { maxLength: 12 }
  )
  .map((parts) => parts.join(''))

let db: Database.Database
let search: Database.Statement
let insert: Database.Statement
beforeAll(() => {
  db = new Database(':memory:')
  db.exec("CREATE VIRTUAL TABLE t USING fts5(tokens, tokenize='porter unicode61 remove_diacritics 2')")
  search = db.prepare('SELECT rowid FROM t WHERE t MATCH ?')
  insert = db.prepare('INSERT INTO t (rowid, tokens) VALUES (?, ?)')
})
afterAll(() => db.close())

describe('search tokenizer and query builder', () => {
  it(
    'the query is null or a valid FTS5 expression, built the same way every time',
    () => {
      fc.assert(
        fc.property(anyText, (query) => {
          const expression = buildMatchExpression(query)
          expect(buildMatchExpression(query)).toBe(expression)
          if (expression === null) return
          expect(expression.trim()).not.toBe('')
          expect(() => search.all(expression)).not.toThrow()
        }),
        fuzzParams(0x70c001, RUNS)
      )
    },
    fuzzTimeout(MS_PER_CASE, RUNS)
  )

  it(
    'a ticket is found by a search for its own text',
    () => {
      fc.assert(
        fc.property(knownText, knownText, (subject, text) => {
          const indexed = tokenizeTicket(subject, text)
          expect(tokenizeTicket(subject, text)).toBe(indexed)
          expect(tokenizeForIndex(text)).toBe(tokenizeForIndex(text))
          const expression = buildMatchExpression(text)
          if (expression === null) return
          db.exec('DELETE FROM t')
          insert.run(1, indexed)
          insert.run(2, tokenizeForIndex(text))
          const found = (search.all(expression) as Array<{ rowid: number }>).map((r) => r.rowid)
          expect(found).toContain(2)
          expect(found).toContain(1)
        }),
        fuzzParams(0x70c002, RUNS)
      )
    },
    fuzzTimeout(MS_PER_CASE, RUNS)
  )
})

describe('themes text pipeline', () => {
  it(
    'cleaning, runs, word terms and character grams: no throw, deterministic, well-formed',
    () => {
      fc.assert(
        fc.property(fc.option(anyText), anyText, (subject, description) => {
          const cleaned = cleanTicketText(subject, description)
          expect(typeof cleaned).toBe('string')
          expect(cleanTicketText(subject, description)).toBe(cleaned)
          const runs = textRuns(cleaned)
          expect(textRuns(cleaned)).toEqual(runs)
          for (const run of runs.cjk) {
            expect(run.length).toBeGreaterThan(0)
            for (const char of run) expect([...char]).toHaveLength(1)
          }
          for (const word of runs.latin) expect(word).toMatch(/^[\p{L}\p{N}]+$/u)
          const terms = wordTerms(runs)
          expect(wordTerms(runs)).toEqual(terms)
          for (const term of terms) expect(term.length).toBeGreaterThan(0)
          const hashes: number[] = []
          forEachCharGram(runs, DEFAULT_CHAR_GRAMS, (h) => hashes.push(h))
          for (const h of hashes) expect(Number.isInteger(h)).toBe(true)
        }),
        fuzzParams(0x70c003, RUNS)
      )
    },
    fuzzTimeout(MS_PER_CASE, RUNS)
  )

  it(
    'Chinese segmentation: the words put back together are the run, and no word is empty',
    () => {
      fc.assert(
        fc.property(anyText, (text) => {
          for (const run of textRuns(normalizeForSearch(text)).cjk) {
            const joined = run.join('')
            const words = segmentChinese(joined)
            expect(words.join('')).toBe(joined)
            for (const word of words) expect(word.length).toBeGreaterThan(0)
            expect(wordTerms({ cjk: [run], latin: [] }, segmentChinese)).toEqual(
              wordTerms({ cjk: [run], latin: [] }, segmentChinese)
            )
          }
        }),
        fuzzParams(0x70c004, RUNS)
      )
    },
    fuzzTimeout(MS_PER_CASE, RUNS)
  )
})

describe('priority titles', () => {
  it(
    'title terms are non-empty words of the title that FTS5 accepts quoted; shown words come from the title',
    () => {
      fc.assert(
        fc.property(
          anyText,
          fc.infiniteStream(fc.double({ min: 0, max: 10, noNaN: true })),
          (title, gains) => {
            const terms = titleTerms(title)
            expect(titleTerms(title)).toEqual(terms)
            expect(terms.length).toBeLessThanOrEqual(48)
            const normal = normalizeForSearch(title)
            for (const term of terms) {
              expect(term.length).toBeGreaterThan(0)
              expect(term).not.toMatch(/\s/u)
              expect(normal).toContain(term)
              expect(() => search.all(`"${term.replace(/"/g, '""')}"`)).not.toThrow()
            }
            const gainOf = new Map(terms.map((t) => [t, gains.next().value as number]))
            const shown = shownWords(title, gainOf)
            expect(shownWords(title, gainOf)).toEqual(shown)
            expect(shown.length).toBeLessThanOrEqual(3)
            expect(new Set(shown).size).toBe(shown.length)
            for (const word of shown) {
              expect(word.length).toBeGreaterThan(0)
              expect(normal).toContain(word)
            }
          }
        ),
        fuzzParams(0x70c005, RUNS)
      )
    },
    fuzzTimeout(MS_PER_CASE, RUNS)
  )
})
