import { stemmer } from 'stemmer'
import { cjkWidthAt } from '../../search/cjk'
import { CHINESE_STOP_WORDS, ENGLISH_STOP_WORDS } from './stop-words'

/**
 * A cleaned text cut into the runs the analysers treat differently: CJK runs (written without
 * spaces) and everything else. Mixed-language tickets ("退款refund还没到") give both kinds.
 */
export interface TextRuns {
  /** Runs of CJK characters, each as its characters (code points). */
  cjk: string[][]
  /** Latin-script words, lower case, apostrophes removed ("can't" → "cant"). */
  latin: string[]
}

/** A Latin-script word with its apostrophes ("can't"); global, for matchAll. */
export const LATIN_WORD = /[\p{L}\p{N}]+(?:['’][\p{L}]+)*/gu

/** The CJK runs and the Latin words of a cleaned text. */
export function textRuns(text: string): TextRuns {
  const cjk: string[][] = []
  const latin: string[] = []
  let i = 0
  let plainStart = 0
  const flushPlain = (end: number): void => {
    if (end <= plainStart) return
    for (const m of text.slice(plainStart, end).matchAll(LATIN_WORD)) latin.push(m[0].replace(/['’]/gu, ''))
  }
  while (i < text.length) {
    const width = cjkWidthAt(text, i)
    if (width === 0) {
      i++
      continue
    }
    flushPlain(i)
    const run: string[] = []
    for (let w = cjkWidthAt(text, i); w > 0; w = cjkWidthAt(text, i)) {
      run.push(text.slice(i, i + w))
      i += w
    }
    cjk.push(run)
    plainStart = i
  }
  flushPlain(text.length)
  return { cjk, latin }
}

const stems = new Map<string, string>()

/** A Latin word's stem (Porter), remembered: tickets repeat the same few thousand words. */
export function stem(word: string): string {
  let s = stems.get(word)
  if (s === undefined) {
    s = /^\p{N}+$/u.test(word) ? word : stemmer(word)
    if (stems.size < 200_000) stems.set(word, s)
  }
  return s
}

/** Whether a Latin word carries meaning: not a stop word, not a lone letter, not a bare number. */
export function isContentWord(word: string): boolean {
  return word.length > 1 && !ENGLISH_STOP_WORDS.has(word) && !/^\p{N}+$/u.test(word)
}

/** Whether a Chinese word (one segment) carries meaning. */
export function isContentChineseWord(word: string): boolean {
  return !CHINESE_STOP_WORDS.has(word)
}

/**
 * The word terms of a text: Latin content words stemmed, with the bigrams of neighbouring
 * content words ("card arriv", "arriv yet"); CJK runs as overlapping character bigrams, which
 * stand in for words without a dictionary (a two-character word is the commonest Chinese word).
 */
export function wordTerms(runs: TextRuns, segment?: (run: string) => string[]): string[] {
  const terms: string[] = []
  let previous: string | null = null
  for (const word of runs.latin) {
    // Stop words are dropped before pairing, as scikit-learn does: "card has not arrived" pairs
    // "card not".
    if (!isContentWord(word)) continue
    const s = stem(word)
    terms.push(s)
    if (previous !== null) terms.push(`${previous} ${s}`)
    previous = s
  }
  for (const run of runs.cjk) {
    if (segment) {
      let before: string | null = null
      for (const word of segment(run.join(''))) {
        if (CHINESE_STOP_WORDS.has(word)) continue
        terms.push(word)
        if (before !== null) terms.push(`${before} ${word}`)
        before = word
      }
      continue
    }
    if (run.length === 1) {
      if (!CHINESE_STOP_WORDS.has(run[0]!)) terms.push(run[0]!)
      continue
    }
    for (let i = 0; i + 1 < run.length; i++) terms.push(run[i]! + run[i + 1]!)
  }
  return terms
}

/** Character n-gram lengths: Latin words padded with spaces (2–4), CJK runs (1–2). */
export interface CharGramSpec {
  latin: readonly [number, number]
  cjk: readonly [number, number]
}

export const DEFAULT_CHAR_GRAMS: CharGramSpec = { latin: [2, 4], cjk: [1, 2] }

/**
 * Calls `emit` with a 32-bit hash of every character n-gram of a text (FNV-1a over the
 * n-gram's code units, seeded by its kind): Latin words padded with a space on each side, as
 * scikit-learn's `char_wb` analyser does, and CJK runs as they are. No strings are built.
 */
export function forEachCharGram(runs: TextRuns, spec: CharGramSpec, emit: (hash: number) => void): void {
  const codes: number[] = []
  for (const word of runs.latin) {
    codes.length = 0
    codes.push(32)
    for (let i = 0; i < word.length; i++) codes.push(word.charCodeAt(i))
    codes.push(32)
    hashGrams(codes, spec.latin[0], spec.latin[1], 0x811c9dc5, emit)
  }
  for (const run of runs.cjk) {
    codes.length = 0
    for (const ch of run) codes.push(ch.codePointAt(0)!)
    hashGrams(codes, spec.cjk[0], spec.cjk[1], 0x9dc5811c, emit)
  }
}

function hashGrams(
  codes: readonly number[],
  min: number,
  max: number,
  seed: number,
  emit: (hash: number) => void
): void {
  for (let start = 0; start < codes.length; start++) {
    let h = seed
    for (let len = 1; len <= max && start + len <= codes.length; len++) {
      h = Math.imul(h ^ codes[start + len - 1]!, 0x01000193) >>> 0
      // Mix the length in, so "ab" and the first two characters of "abc" stay apart after the loop.
      if (len >= min) emit(Math.imul(h ^ len, 0x01000193) >>> 0)
    }
  }
}
