import type { Random } from './random'
import { seededRandom } from './random'
import { cjkWidthAt } from '../search/cjk'
import type { ChineseSegmenter } from './text/segment-chinese'
import { CHINESE_STOP_WORDS, ENGLISH_STOP_WORDS } from './text/stop-words'
import { LATIN_WORD } from './text/tokens'

/** A word of a ticket as a label may quote it: its surface form and whether it is Chinese. */
interface LabelToken {
  text: string
  cjk: boolean
}

/** What a theme is called and what stands for it. */
export interface ThemeLabel {
  /** The best 2–4 word phrase, as it occurs in the tickets; a key term when no phrase qualifies. */
  label: string
  /** Up to eight words that set the theme apart, best first. */
  terms: string[]
  /** Share of the theme's (sampled) tickets that contain the label verbatim. */
  labelCoverage: number
}

export interface LabelOptions {
  /** A label must occur in at least this share of a theme's tickets (default 0.05). */
  minCoverage?: number
  /** Tickets read per theme (a seeded sample of larger themes; default 200). */
  samplePerTheme?: number
  seed?: number
}

/** Punctuation and line ends break phrases: a label never spans two clauses. */
const CLAUSE_BREAK = /[\n.,;:!?()[\]{}"“”‘’、。，；：！？（）【】《》…]+/u

/**
 * A text cut into clauses of label tokens: Latin words in lower case, Chinese runs segmented into
 * whole words, so a phrase built from them never cuts a Chinese word.
 */
export function labelClauses(text: string, segment: ChineseSegmenter): LabelToken[][] {
  const clauses: LabelToken[][] = []
  for (const part of text.split(CLAUSE_BREAK)) {
    const tokens: LabelToken[] = []
    let i = 0
    let plain = 0
    const flush = (end: number): void => {
      for (const m of part.slice(plain, end).matchAll(LATIN_WORD)) tokens.push({ text: m[0], cjk: false })
    }
    while (i < part.length) {
      if (cjkWidthAt(part, i) === 0) {
        i++
        continue
      }
      flush(i)
      const start = i
      while (i < part.length && cjkWidthAt(part, i) > 0) i += cjkWidthAt(part, i)
      for (const word of segment(part.slice(start, i))) tokens.push({ text: word, cjk: true })
      plain = i
    }
    flush(part.length)
    if (tokens.length > 0) clauses.push(tokens)
  }
  return clauses
}

const isStop = (t: LabelToken): boolean =>
  t.cjk ? CHINESE_STOP_WORDS.has(t.text) : ENGLISH_STOP_WORDS.has(t.text) || /^\p{N}+$/u.test(t.text)

/** Tokens as text: Latin words apart, Chinese words together. */
function render(tokens: readonly LabelToken[]): string {
  let out = ''
  tokens.forEach((t, i) => {
    const previous = tokens[i - 1]
    out += previous && !previous.cjk && !t.cjk ? ` ${t.text}` : t.text
  })
  return out
}

/** The distinct phrases (2–4 tokens, no stop word at either end) and content words of a ticket. */
function candidates(clauses: readonly LabelToken[][]): { phrases: Set<string>; words: Set<string> } {
  const phrases = new Set<string>()
  const words = new Set<string>()
  for (const clause of clauses) {
    for (let start = 0; start < clause.length; start++) {
      const first = clause[start]!
      if (isStop(first)) continue
      if (first.cjk ? first.text.length >= 2 : first.text.length >= 3) words.add(first.text)
      for (let len = 2; len <= 4 && start + len <= clause.length; len++) {
        const last = clause[start + len - 1]!
        if (isStop(last)) continue
        phrases.add(render(clause.slice(start, start + len)))
      }
    }
  }
  return { phrases, words }
}

/** Up to `size` indexes of `items`, a seeded sample when there are more. */
function sample(items: readonly number[], size: number, random: Random): number[] {
  if (items.length <= size) return [...items]
  const pool = [...items]
  for (let i = 0; i < size; i++) {
    const j = i + random.int(pool.length - i)
    const tmp = pool[i]!
    pool[i] = pool[j]!
    pool[j] = tmp
  }
  return pool.slice(0, size).sort((a, b) => a - b)
}

/**
 * Labels for themes by class-based TF-IDF (Grootendorst 2022): a candidate's weight in a theme is
 * its share of the theme's tickets × ln(1 + average theme size / its tickets in all themes). The
 * label is the best phrase of 2–4 words found verbatim in at least `minCoverage` of the theme's
 * tickets; a longer phrase wins over a shorter one it contains when it covers at least 80% as many
 * tickets ("card not arrived" over "card not"). Key terms are the best single words.
 */
export function labelThemes(
  texts: readonly string[],
  labels: Int32Array,
  count: number,
  segment: ChineseSegmenter,
  options: LabelOptions = {}
): ThemeLabel[] {
  const minCoverage = options.minCoverage ?? 0.05
  const random = seededRandom(options.seed ?? 1)
  const members: number[][] = Array.from({ length: count }, () => [])
  labels.forEach((l, i) => {
    if (l >= 0 && l < count) members[l]!.push(i)
  })
  const perTheme = members.map((m) => sample(m, options.samplePerTheme ?? 200, random))
  // Ticket counts per candidate, per theme and overall.
  const phraseCounts = perTheme.map(() => new Map<string, number>())
  const wordCounts = perTheme.map(() => new Map<string, number>())
  const phraseTotal = new Map<string, number>()
  const wordTotal = new Map<string, number>()
  perTheme.forEach((rows, theme) => {
    for (const row of rows) {
      const { phrases, words } = candidates(labelClauses(texts[row]!, segment))
      for (const p of phrases) {
        phraseCounts[theme]!.set(p, (phraseCounts[theme]!.get(p) ?? 0) + 1)
        phraseTotal.set(p, (phraseTotal.get(p) ?? 0) + 1)
      }
      for (const w of words) {
        wordCounts[theme]!.set(w, (wordCounts[theme]!.get(w) ?? 0) + 1)
        wordTotal.set(w, (wordTotal.get(w) ?? 0) + 1)
      }
    }
  })
  const sampled = perTheme.reduce((n, rows) => n + rows.length, 0)
  const average = count > 0 ? sampled / count : 0
  const weight = (inTheme: number, size: number, total: number): number =>
    (inTheme / size) * Math.log(1 + average / total)

  return perTheme.map((rows, theme) => {
    const size = Math.max(1, rows.length)
    const words = [...wordCounts[theme]!]
      .map(([w, c]) => ({ w, c, score: weight(c, size, wordTotal.get(w)!) }))
      .filter((x) => x.c >= 2 || rows.length < 20)
      .sort((a, b) => b.score - a.score || b.c - a.c || (a.w < b.w ? -1 : 1))
    const terms = words.slice(0, 8).map((x) => x.w)
    const phrases = [...phraseCounts[theme]!]
      .filter(
        ([, c]) => c >= Math.max(2, Math.ceil(minCoverage * rows.length)) || (rows.length < 20 && c >= 1)
      )
      .map(([p, c]) => ({ p, c, score: weight(c, size, phraseTotal.get(p)!) }))
      .sort((a, b) => b.score - a.score || b.c - a.c || (a.p < b.p ? -1 : 1))
    let best = phrases[0]
    if (best) {
      // Prefer the longest phrase that contains the best one and covers nearly as many tickets.
      for (const other of phrases) {
        if (other.p.length > best.p.length && other.p.includes(best.p) && other.c >= 0.8 * best.c)
          best = other
      }
    }
    const label = best?.p ?? terms[0] ?? ''
    const coverage = best ? best.c / size : terms[0] ? wordCounts[theme]!.get(terms[0])! / size : 0
    return { label, terms, labelCoverage: coverage }
  })
}
