/**
 * Fuzzy matching for the command palette and Quick Open, in the spirit of VS Code's: the query's
 * characters must appear in order; matches at word starts, contiguous runs and the very start score
 * higher. Works on Chinese text too (every CJK character is its own word start).
 */

export interface FuzzyMatch {
  score: number
  /** Indexes of the matched characters in the target, for highlighting. */
  positions: number[]
}

const isWordStart = (text: string, index: number): boolean => {
  if (index === 0) return true
  const prev = text[index - 1] ?? ''
  const ch = text[index] ?? ''
  if (/[\s\-_./:>·(（]/.test(prev)) return true
  if (/[a-z]/.test(prev) && /[A-Z]/.test(ch)) return true
  return /[\u3400-\u9fff]/.test(ch)
}

/** Scores `target` against `query`; null when the query's characters do not all appear in order. */
export function fuzzyMatch(query: string, target: string): FuzzyMatch | null {
  const q = query.replace(/\s+/g, '').toLowerCase()
  if (q.length === 0) return { score: 0, positions: [] }
  const lower = target.toLowerCase()
  // Contiguous substring matches are what people expect first; score them directly.
  const substring = lower.indexOf(q)
  if (substring >= 0) {
    const positions = Array.from({ length: q.length }, (_, i) => substring + i)
    const bonus = substring === 0 ? 40 : isWordStart(target, substring) ? 25 : 5
    return { score: 100 + q.length * 10 + bonus - Math.min(substring, 20), positions }
  }
  const positions: number[] = []
  let score = 0
  let ti = 0
  let previous = -2
  for (const ch of q) {
    // Prefer the next word start holding this character; else the next occurrence.
    let found = -1
    for (let i = ti; i < lower.length; i += 1) {
      if (lower[i] === ch && isWordStart(target, i)) {
        found = i
        break
      }
    }
    const next = lower.indexOf(ch, ti)
    if (next < 0) return null
    if (found < 0 || (next === previous + 1 && found !== next)) found = next
    score += 1
    if (found === previous + 1) score += 5
    if (isWordStart(target, found)) score += 8
    positions.push(found)
    previous = found
    ti = found + 1
  }
  return { score: score - Math.min(positions[0] ?? 0, 10), positions }
}

/** A candidate with the texts it can be found by; the first text is the one shown. */
export interface FuzzyCandidate<T> {
  item: T
  /** Shown label first, then alternatives (the English title in a Chinese UI, an id…). */
  texts: readonly string[]
}

export interface FuzzyResult<T> {
  item: T
  score: number
  /** Positions within the shown label, empty when an alternative text matched. */
  labelPositions: number[]
}

/** Filters and sorts candidates by their best-matching text; stable for equal scores. */
export function fuzzyFilter<T>(query: string, candidates: readonly FuzzyCandidate<T>[]): FuzzyResult<T>[] {
  const results: Array<FuzzyResult<T> & { order: number }> = []
  candidates.forEach((candidate, order) => {
    let best: FuzzyResult<T> | null = null
    candidate.texts.forEach((text, index) => {
      const match = fuzzyMatch(query, text)
      if (!match) return
      // An alternative text counts slightly less than the shown label.
      const score = match.score - (index === 0 ? 0 : 1)
      if (!best || score > best.score) {
        best = { item: candidate.item, score, labelPositions: index === 0 ? match.positions : [] }
      }
    })
    if (best) results.push({ ...(best as FuzzyResult<T>), order })
  })
  results.sort((a, b) => b.score - a.score || a.order - b.order)
  return results.map(({ item, score, labelPositions }) => ({ item, score, labelPositions }))
}
