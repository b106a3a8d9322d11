import type { Typo } from './demo-data'
import type { DemoManifest } from './manifest'
import type { Rng } from './rng'

const CJK = /[\u4e00-\u9fff]/
/** An English word long enough to mistype, not glued to digits (order numbers, versions). */
const WORD = /(?<![A-Za-z0-9$])[A-Za-z]{4,}(?![A-Za-z0-9])/g

/**
 * Adds one or two typing mistakes of the kind real tickets have. English: a known misspelling
 * when the text has a word for it, else a swapped, dropped or doubled letter. Chinese: a common
 * wrong-character substitution (登陆 for 登录, 定单 for 订单…) when one applies, else a missing
 * character. Returns the new text and what was changed.
 */
export function addTypos(
  rng: Rng,
  text: string,
  language: 'en' | 'zh',
  spec: DemoManifest['text']['typos']
): { text: string; typos: Typo[] } {
  const typos: Typo[] = []
  const count = rng.int(1, spec.maxPerTicket)
  let current = text
  for (let i = 0; i < count; i++) {
    const free = (index: number, length: number): boolean => !touches(current, index, length, typos)
    const result =
      language === 'en' ? englishTypo(rng, current, spec, free) : chineseTypo(rng, current, spec, free)
    if (!result) break
    current = result.text
    typos.push(result.typo)
  }
  return { text: current, typos }
}

/** Whether a span is next to or inside an earlier typo (a second typo must not undo or hide it). */
function touches(text: string, index: number, length: number, typos: readonly Typo[]): boolean {
  for (const { to } of typos) {
    for (let at = text.indexOf(to); at >= 0; at = text.indexOf(to, at + 1)) {
      if (index <= at + to.length && at <= index + length) return true
    }
  }
  return false
}

type Free = (index: number, length: number) => boolean

function englishTypo(
  rng: Rng,
  text: string,
  spec: DemoManifest['text']['typos'],
  free: Free
): { text: string; typo: Typo } | undefined {
  const words = [...text.matchAll(WORD)].filter((w) => free(w.index, w[0].length))
  if (words.length === 0) return undefined
  const known = words.filter((w) => spec.enMisspellings.some(([right]) => right === w[0].toLowerCase()))
  if (known.length > 0 && rng.chance(0.5)) {
    const word = rng.pick(known)
    const wrong = spec.enMisspellings.find(([right]) => right === word[0].toLowerCase())?.[1] ?? word[0]
    const to = word[0][0] === word[0][0]?.toUpperCase() ? wrong[0]?.toUpperCase() + wrong.slice(1) : wrong
    return splice(text, word.index, word[0], to)
  }
  const word = rng.pick(words)
  const from = word[0]
  for (let attempt = 0; attempt < 4; attempt++) {
    const to = mangle(rng, from)
    if (to !== from) return splice(text, word.index, from, to)
  }
  return undefined
}

/** A swapped, dropped or doubled letter inside a word (never its first letter). */
function mangle(rng: Rng, word: string): string {
  const i = rng.int(1, word.length - 2)
  switch (rng.int(0, 2)) {
    case 0:
      return word.slice(0, i) + word[i + 1] + word[i] + word.slice(i + 2)
    case 1:
      return word.slice(0, i) + word.slice(i + 1)
    default:
      return word.slice(0, i) + word[i] + word.slice(i)
  }
}

function chineseTypo(
  rng: Rng,
  text: string,
  spec: DemoManifest['text']['typos'],
  free: Free
): { text: string; typo: Typo } | undefined {
  const positionsOf = (right: string): number[] => {
    const positions: number[] = []
    for (let at = text.indexOf(right); at >= 0; at = text.indexOf(right, at + 1)) {
      if (free(at, right.length)) positions.push(at)
    }
    return positions
  }
  const applicable = spec.zhConfusions.filter(([right]) => positionsOf(right).length > 0)
  if (applicable.length > 0 && rng.chance(0.75)) {
    const [right, wrong] = rng.pick(applicable)
    const at = rng.pick(positionsOf(right))
    const fromWindow = text.slice(Math.max(0, at - 1), at + right.length + 1)
    const next = text.slice(0, at) + wrong + text.slice(at + right.length)
    const toWindow = next.slice(Math.max(0, at - 1), at + wrong.length + 1)
    return { text: next, typo: { from: fromWindow, to: toWindow } }
  }
  // A missing character: drop one CJK character that has CJK neighbours on both sides.
  const candidates: number[] = []
  for (let i = 1; i < text.length - 1; i++) {
    const cjk = CJK.test(text[i] ?? '') && CJK.test(text[i - 1] ?? '') && CJK.test(text[i + 1] ?? '')
    if (cjk && free(i - 1, 3)) candidates.push(i)
  }
  if (candidates.length < 4) return undefined
  const at = rng.pick(candidates)
  return {
    text: text.slice(0, at) + text.slice(at + 1),
    typo: { from: text.slice(at - 1, at + 2), to: (text[at - 1] ?? '') + (text[at + 1] ?? '') }
  }
}

function splice(text: string, index: number, from: string, to: string): { text: string; typo: Typo } {
  return { text: text.slice(0, index) + to + text.slice(index + from.length), typo: { from, to } }
}
