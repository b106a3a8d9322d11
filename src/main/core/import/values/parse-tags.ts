import { cleanCell } from './normalize-text'

const LIST_SEPARATORS = /[,;|，；、]/

/**
 * A tags cell → its tags, in order, without duplicates. Lists separated by commas, semicolons or
 * bars (also 、，；) keep spaces inside a tag ("late delivery; refund"); otherwise tags are
 * separated by spaces, as Zendesk writes them ("billing refund vip").
 */
export function parseTags(raw: string): string[] {
  const text = cleanCell(raw)
  if (text === '') return []
  const parts = LIST_SEPARATORS.test(text) ? text.split(LIST_SEPARATORS) : text.split(/\s+/)
  const seen = new Set<string>()
  const tags: string[] = []
  for (const part of parts) {
    const tag = part.trim()
    if (tag === '' || seen.has(tag)) continue
    seen.add(tag)
    tags.push(tag)
  }
  return tags
}
