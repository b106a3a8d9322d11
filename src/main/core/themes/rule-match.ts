import { normalizeForSearch } from '../search/cjk'

/**
 * A keyword rule as the user typed it: every word and every "quoted phrase" must occur in the
 * ticket (subject or text), compared in the search's normal form (NFKC, lower case), so
 * `refund "not received"` matches "Refund NOT received yet" and ＲＥＦＵＮＤ alike. Chinese text
 * has no spaces: a run of Chinese characters must occur as typed.
 */
export interface ThemeRule {
  terms: string[]
}

/** The terms of a rule; an empty rule has none and matches nothing. */
export function parseRule(rule: string): ThemeRule {
  const terms: string[] = []
  const text = normalizeForSearch(rule).replace(/[\u201C\u201D\u201E\u201F\u301D\u301E\u301F]/g, '"')
  const phrase = /"([^"]*)"|(\S+)/gu
  for (const m of text.matchAll(phrase)) {
    const term = (m[1] ?? m[2] ?? '').trim().replace(/\s+/g, ' ')
    if (term && term !== '"') terms.push(term)
  }
  return { terms }
}

/** Whether a ticket's normalised text (normalizeForSearch of subject + text) matches a rule. */
export function matchesRule(rule: ThemeRule, normalizedText: string): boolean {
  if (rule.terms.length === 0) return false
  const text = normalizedText.replace(/\s+/g, ' ')
  return rule.terms.every((t) => text.includes(t))
}

/** A ticket's text as rules read it. */
export const ruleText = (subject: string | null, text: string): string =>
  normalizeForSearch(subject ? `${subject}\n${text}` : text)
