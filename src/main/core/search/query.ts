import type { SearchQueryBuilder } from './search-types'
import { CJK_SPLIT, normalizeForSearch, runBigrams, runCharacters } from './cjk'

/** Curly and CJK quotation marks that people type for a phrase, besides `"` (and `＂`, via NFKC). */
const PHRASE_QUOTES = /[\u201C\u201D\u201E\u201F\u2033\u301D\u301E\u301F]/g
/** What FTS5's unicode61 tokenizer keeps as token characters (its default categories L* N* Co). */
const TOKEN_CHAR = /[\p{L}\p{N}\p{Co}]/u
/** More terms than anyone types; a pasted paragraph is cut here rather than sent whole. */
const MAX_TERMS = 64

/** An FTS5 string literal: the text in double quotes, inner quotes doubled. Nothing in it is syntax. */
function ftsString(text: string): string {
  return `"${text.replace(/"/g, '""')}"`
}

/**
 * The term for a CJK run typed outside quotes: two or more characters must occur as typed, which
 * in the bigram index is the phrase of the run's bigrams; one character is a prefix query, since
 * each character of an indexed run starts a bigram or is the run's last character.
 */
function cjkTerm(run: string): string {
  const chars = runCharacters(run)
  return chars.length === 1 ? `${ftsString(run)} *` : ftsString(runBigrams(chars).join(' '))
}

/** Terms of unquoted text: every word and every CJK run on its own, all required. */
function looseTerms(text: string): string[] {
  const terms: string[] = []
  text.split(CJK_SPLIT).forEach((segment, i) => {
    if (i % 2 === 1) {
      terms.push(cjkTerm(segment))
      return
    }
    for (const word of segment.split(/\s+/)) {
      // A word is quoted whole so that FTS5 tokenizes it as it tokenized the text ("e-mail" is
      // the phrase "e mail"); pieces with no token character ("-", "*", "^") mean nothing.
      if (TOKEN_CHAR.test(word)) terms.push(ftsString(word))
    }
  })
  return terms
}

/**
 * A quoted phrase: the token sequence the indexer would produce for it, as one FTS5 phrase.
 * A CJK run followed by more of the phrase ends there in a matching text too, so its last
 * character (indexed at the end of every run) is part of the phrase; a run at the end of the
 * phrase may continue in the text, so it contributes only its bigrams, or, for a single
 * character, a prefix.
 */
function phraseTerm(text: string): string | null {
  const segments = text.split(CJK_SPLIT)
  const parts: string[] = []
  let prefix = false
  let lastWithTokens = -1
  segments.forEach((segment, i) => {
    if (i % 2 === 1 || TOKEN_CHAR.test(segment)) lastWithTokens = i
  })
  segments.forEach((segment, i) => {
    if (i > lastWithTokens) return
    if (i % 2 === 0) {
      if (TOKEN_CHAR.test(segment)) parts.push(segment.trim())
      return
    }
    const chars = runCharacters(segment)
    const isLast = i === lastWithTokens
    if (chars.length === 1) {
      parts.push(segment)
      prefix = isLast
    } else {
      parts.push(...runBigrams(chars))
      if (!isLast) parts.push(chars[chars.length - 1]!)
    }
  })
  if (parts.length === 0) return null
  return prefix ? `${ftsString(parts.join(' '))} *` : ftsString(parts.join(' '))
}

/**
 * The FTS5 MATCH expression for what a user typed, or null when it has nothing to search for.
 * Every word, every CJK run and every quoted phrase must match (AND); English words match their
 * porter stem ("refunds" finds "refund"); nothing the user types is FTS5 syntax: operators
 * (AND, OR, NOT, NEAR), `*`, `^`, `-`, `:` and parentheses are text, and an unmatched quote is
 * ignored.
 */
export const buildMatchExpression: SearchQueryBuilder = (query) => {
  // FTS5 reads a NUL in a string literal as its end ("unterminated string"); the index's
  // tokenizer treats it as a separator, so a space means the same.
  const text = normalizeForSearch(query).replace(PHRASE_QUOTES, '"').replace(/\0/g, ' ')
  const pieces = text.split('"')
  // Pieces at odd indexes were inside quotes; with an odd number of quotes the last one opened
  // nothing, so the text after it counts as unquoted.
  const balanced = pieces.length % 2 === 1
  const terms: string[] = []
  pieces.forEach((piece, i) => {
    const quoted = i % 2 === 1 && (balanced || i < pieces.length - 1)
    if (!quoted) {
      terms.push(...looseTerms(piece))
      return
    }
    const phrase = phraseTerm(piece)
    if (phrase) terms.push(phrase)
  })
  const unique = [...new Set(terms)].slice(0, MAX_TERMS)
  return unique.length > 0 ? unique.join(' AND ') : null
}
