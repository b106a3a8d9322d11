import { ApiError } from '@shared/api/errors'
import type { ThemeSuggestion, ThemeSuggestions } from '@shared/domain/priorities'
import { CJK_SPLIT, normalizeForSearch, runBigrams, runCharacters } from '../search/cjk'
import { isSearchComplete } from '../search/search-state'
import { itemOfTheme, setPriorityItemThemes } from '../store/repositories/priority-items'
import { prepared } from '../store/repositories/statements'
import type { Db } from '../store/sqlite'
import { CHINESE_STOP_WORDS, ENGLISH_STOP_WORDS } from '../themes/text/stop-words'

/**
 * Which themes an item is about, from its title: the themes in which the title's words are
 * much commoner than in the tickets as a whole. A planner writes "SMS verification codes not
 * arriving" as an item; the themes whose tickets say "sms", "verification", "code" (or
 * 短信 验证 验证码 when the title says it in Chinese too) far more often than other tickets do
 * are the ones to group under it.
 *
 * The words are looked up in the search index (so "codes" finds "code", and Chinese is matched
 * by character pairs as the search matches it). For a word w, q is the share of a theme's
 * tickets that contain w and p its share of all tickets with a theme; where q > p the theme
 * earns q · ln(q / p) — the word's contribution to the relative entropy of the theme against
 * the whole — and a theme's affinity is the sum over the title's words. Only a title is read:
 * descriptions tend to say what to build ("add a second SMS provider"), not what customers
 * wrote.
 */

/** Affinity below which a theme is not suggested at all: a word or two in passing. */
export const MIN_AFFINITY = 2
/** When items are linked in bulk, a theme joins its best item only with this share of the item's best affinity. */
export const RELATIVE_AFFINITY = 0.25
/** More words than a title has; a pasted paragraph is cut here. */
const MAX_TERMS = 48
/** Suggestions returned for one item. */
const DEFAULT_LIMIT = 12
/** Words shown with a suggestion (the ones that earned it most). */
const SHOWN_WORDS = 3

const TOKEN = /[\p{L}\p{N}]+/gu
/**
 * Negations carry meaning inside a ticket ("not arriving"), which is why the themes keep them,
 * but in a title they say nothing about which theme it is.
 */
const NEGATIONS: ReadonlySet<string> = new Set(['not', 'no', 'never', 'cannot', 'nor', 'without'])

const isTitleWord = (word: string): boolean =>
  word.length >= 3 && !ENGLISH_STOP_WORDS.has(word) && !NEGATIONS.has(word) && !/^\p{N}+$/u.test(word)

/**
 * The title's search terms: Latin words of three or more letters that are not stop words or
 * negations, and
 * the character pairs of each CJK run (a pair that is a Chinese stop word is left out).
 */
export function titleTerms(title: string): string[] {
  const terms: string[] = []
  normalizeForSearch(title)
    .split(CJK_SPLIT)
    .forEach((segment, i) => {
      if (i % 2 === 1) {
        const chars = runCharacters(segment)
        for (const pair of runBigrams(chars)) if (!CHINESE_STOP_WORDS.has(pair)) terms.push(pair)
        return
      }
      for (const word of segment.toLowerCase().match(TOKEN) ?? []) {
        if (isTitleWord(word)) terms.push(word)
      }
    })
  return [...new Set(terms)].slice(0, MAX_TERMS)
}

interface ThemeRow {
  id: number
  label: string
  size: number
}

/** Themes that can be grouped into items (not the "other" bucket, not excluded or merged away), with their sizes. */
function candidateThemes(db: Db): Map<number, ThemeRow> {
  const rows = prepared(
    db,
    `SELECT t.id AS id, COALESCE(t.user_label, t.label) AS label, COUNT(*) AS size
       FROM ticket_themes tt JOIN themes t ON t.id = tt.theme_id
      WHERE t.kind <> 'other' AND t.status = 'active'
      GROUP BY t.id`
  ).all() as ThemeRow[]
  return new Map(rows.map((r) => [r.id, r]))
}

interface Affinity {
  score: number
  /** Each word's contribution. */
  words: Map<string, number>
}

/** Every theme's affinity to a title (themes with none are absent). */
function affinities(db: Db, title: string, themes: Map<number, ThemeRow>): Map<number, Affinity> {
  const total = (prepared(db, 'SELECT COUNT(*) AS n FROM ticket_themes').get() as { n: number }).n
  const out = new Map<number, Affinity>()
  if (total === 0) return out
  const perTheme = prepared(
    db,
    `SELECT tt.theme_id AS themeId, COUNT(*) AS n
       FROM ticket_search JOIN ticket_themes tt ON tt.ticket_id = ticket_search.rowid
      WHERE ticket_search MATCH ?
      GROUP BY tt.theme_id`
  )
  for (const term of titleTerms(title)) {
    const counts = perTheme.all(`"${term.replace(/"/g, '""')}"`) as Array<{ themeId: number; n: number }>
    const p = counts.reduce((sum, c) => sum + c.n, 0) / total
    if (p === 0) continue
    for (const { themeId, n } of counts) {
      const theme = themes.get(themeId)
      if (!theme) continue
      const q = n / theme.size
      if (q <= p) continue
      const gain = q * Math.log(q / p)
      const a = out.get(themeId) ?? { score: 0, words: new Map<string, number>() }
      a.score += gain
      a.words.set(term, gain)
      out.set(themeId, a)
    }
  }
  return out
}

/**
 * The parts of the title that earned a theme its affinity, as a person reads them: Latin words,
 * and for Chinese the longest stretches whose character pairs all count ("收不到短信验证码", not
 * "收不", "不到", …), those that count most first.
 */
export function shownWords(title: string, gains: ReadonlyMap<string, number>): string[] {
  const parts = new Map<string, number>()
  const add = (text: string, gain: number): void => {
    parts.set(text, Math.max(parts.get(text) ?? 0, gain))
  }
  normalizeForSearch(title)
    .split(CJK_SPLIT)
    .forEach((segment, i) => {
      if (i % 2 === 0) {
        for (const word of segment.toLowerCase().match(TOKEN) ?? []) {
          const gain = gains.get(word)
          if (gain !== undefined) add(word, gain)
        }
        return
      }
      const chars = runCharacters(segment)
      let start = -1
      let sum = 0
      for (let j = 0; j <= chars.length - 1; j++) {
        const gain = j < chars.length - 1 ? gains.get(chars[j]! + chars[j + 1]!) : undefined
        if (gain !== undefined) {
          if (start < 0) start = j
          sum += gain
        } else if (start >= 0) {
          add(chars.slice(start, j + 1).join(''), sum)
          start = -1
          sum = 0
        }
      }
    })
  return [...parts]
    .sort((x, y) => y[1] - x[1] || (x[0] < y[0] ? -1 : 1))
    .slice(0, SHOWN_WORDS)
    .map(([w]) => w)
}

function suggestion(title: string, theme: ThemeRow, a: Affinity, itemRow: string | null): ThemeSuggestion {
  return {
    themeId: theme.id,
    label: theme.label,
    tickets: theme.size,
    affinity: Math.round(a.score * 100) / 100,
    words: shownWords(title, a.words),
    itemRow
  }
}

const byAffinity = (a: ThemeSuggestion, b: ThemeSuggestion): number =>
  b.affinity - a.affinity || a.themeId - b.themeId

/**
 * Themes to group under an item, best first: those with affinity ≥ MIN_AFFINITY that are not
 * in it yet (a theme in another item says which; adding it moves it). `ready` is false while
 * the search index is still being built: the words cannot be counted until it is.
 */
export function suggestThemesForItem(db: Db, itemId: number, limit = DEFAULT_LIMIT): ThemeSuggestions {
  const item = prepared(db, 'SELECT title FROM priority_items WHERE id = ?').get(itemId) as
    { title: string } | undefined
  if (!item) throw new ApiError('not_found', `There is no priority item ${itemId}.`)
  if (!isSearchComplete(db)) return { ready: false, suggestions: [] }
  const themes = candidateThemes(db)
  const own = new Set(
    (
      prepared(db, 'SELECT theme_id AS id FROM priority_item_themes WHERE item_id = ?').all(itemId) as Array<{
        id: number
      }>
    ).map((r) => r.id)
  )
  const suggestions: ThemeSuggestion[] = []
  for (const [themeId, a] of affinities(db, item.title, themes)) {
    if (own.has(themeId) || a.score < MIN_AFFINITY) continue
    const owner = itemOfTheme(db, themeId)
    suggestions.push(suggestion(item.title, themes.get(themeId)!, a, owner === null ? null : `item-${owner}`))
  }
  return { ready: true, suggestions: suggestions.sort(byAffinity).slice(0, limit) }
}

export interface LinkedSuggestions {
  /** Items that received themes. */
  items: number
  /** Themes linked. */
  themes: number
}

/**
 * Groups themes under the items that have none yet, as a planner would after the first themes
 * run: every theme in no item goes to the item it has most affinity with, when that affinity is
 * at least MIN_AFFINITY and at least RELATIVE_AFFINITY of the best any theme has with that item.
 * Items the user already gave themes are left as they are. One transaction.
 */
export function linkSuggestedThemes(db: Db): LinkedSuggestions {
  if (!isSearchComplete(db))
    throw new ApiError(
      'workspace_busy',
      'The search index is still being built; link themes when it is done.'
    )
  const items = prepared(
    db,
    `SELECT id, title FROM priority_items i
      WHERE NOT EXISTS (SELECT 1 FROM priority_item_themes pit WHERE pit.item_id = i.id)
      ORDER BY id`
  ).all() as Array<{ id: number; title: string }>
  const themes = candidateThemes(db)
  const taken = new Set(
    (prepared(db, 'SELECT theme_id AS id FROM priority_item_themes').all() as Array<{ id: number }>).map(
      (r) => r.id
    )
  )
  const best = new Map<number, { itemId: number; score: number }>()
  const itemBest = new Map<number, number>()
  for (const item of items) {
    let top = 0
    for (const [themeId, a] of affinities(db, item.title, themes)) {
      top = Math.max(top, a.score)
      if (taken.has(themeId)) continue
      const current = best.get(themeId)
      if (!current || a.score > current.score) best.set(themeId, { itemId: item.id, score: a.score })
    }
    itemBest.set(item.id, top)
  }
  const chosen = new Map<number, number[]>()
  for (const [themeId, { itemId, score }] of [...best].sort((a, b) => a[0] - b[0])) {
    if (score < MIN_AFFINITY || score < RELATIVE_AFFINITY * (itemBest.get(itemId) ?? 0)) continue
    chosen.set(itemId, [...(chosen.get(itemId) ?? []), themeId])
  }
  db.transaction(() => {
    for (const [itemId, themeIds] of chosen) setPriorityItemThemes(db, itemId, themeIds)
  })()
  return { items: chosen.size, themes: [...chosen.values()].reduce((n, ids) => n + ids.length, 0) }
}
