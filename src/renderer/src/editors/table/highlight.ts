/** A matched stretch of text, as [start, end) code-unit offsets. */
export type Range = readonly [number, number]

/** A piece of text to draw, marked when it matched the search. */
export interface TextPart {
  text: string
  match: boolean
}

const CJK = /[\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\uac00-\ud7af]/u
/** Characters with no search meaning: FTS operators, quotes and punctuation around words. */
const NOISE = /["'“”‘’()*^:+]/g
const OPERATORS = new Set(['AND', 'OR', 'NOT', 'NEAR'])

/**
 * The words of a search as the index treats them: split at white space, without quotes, FTS
 * operators or excluded (`-word`) terms; at most 20, longest first so that longer matches win.
 */
export function searchTerms(query: string): string[] {
  const terms = new Set<string>()
  for (const raw of query.split(/\s+/)) {
    if (!raw || raw.startsWith('-') || OPERATORS.has(raw)) continue
    const term = raw.replace(NOISE, '').trim()
    if (term) terms.add(term.toLocaleLowerCase())
  }
  return [...terms].sort((a, b) => b.length - a.length).slice(0, 20)
}

/** Every start offset of `needle` in `haystack`. */
function occurrences(haystack: string, needle: string): number[] {
  const found: number[] = []
  if (!needle) return found
  let at = haystack.indexOf(needle)
  while (at >= 0) {
    found.push(at)
    at = haystack.indexOf(needle, at + needle.length)
  }
  return found
}

const isWordChar = (ch: string | undefined): boolean =>
  ch !== undefined && /[\p{L}\p{N}_]/u.test(ch) && !CJK.test(ch)

/**
 * Where the search terms occur in a text. Chinese (and other CJK) terms match anywhere, as the
 * bigram index does; when a longer Chinese term does not occur whole, its two-character pieces
 * are marked, which is what the index matched. Latin terms match at the start of a word, case
 * and width aside, as the word index matches them (a prefix: "refund" marks "refunded").
 */
export function highlightRanges(text: string, terms: readonly string[]): Range[] {
  if (!text || terms.length === 0) return []
  const lower = text.toLocaleLowerCase()
  // Lower-casing can change lengths in rare scripts; then offsets would not line up.
  if (lower.length !== text.length) return []
  const ranges: Array<[number, number]> = []
  for (const term of terms) {
    if (CJK.test(term)) {
      const whole = occurrences(lower, term)
      if (whole.length > 0 || term.length <= 2) {
        for (const at of whole) ranges.push([at, at + term.length])
        continue
      }
      for (let i = 0; i + 2 <= term.length; i += 1) {
        const bigram = term.slice(i, i + 2)
        if (!CJK.test(bigram)) continue
        for (const at of occurrences(lower, bigram)) ranges.push([at, at + 2])
      }
    } else {
      for (const at of occurrences(lower, term)) {
        if (!isWordChar(lower[at - 1])) ranges.push([at, at + term.length])
      }
    }
  }
  return mergeRanges(ranges)
}

/** Sorted, non-overlapping ranges covering the same characters. */
export function mergeRanges(ranges: ReadonlyArray<readonly [number, number]>): Range[] {
  const sorted = [...ranges].sort((a, b) => a[0] - b[0] || a[1] - b[1])
  const merged: Array<[number, number]> = []
  for (const [start, end] of sorted) {
    const lastRange = merged[merged.length - 1]
    if (lastRange && start <= lastRange[1]) lastRange[1] = Math.max(lastRange[1], end)
    else merged.push([start, end])
  }
  return merged
}

/** The text cut into plain and matched parts, in order. */
export function splitByRanges(text: string, ranges: readonly Range[]): TextPart[] {
  const parts: TextPart[] = []
  let at = 0
  for (const [start, end] of ranges) {
    if (start > at) parts.push({ text: text.slice(at, start), match: false })
    parts.push({ text: text.slice(start, end), match: true })
    at = end
  }
  if (at < text.length) parts.push({ text: text.slice(at), match: false })
  return parts
}
