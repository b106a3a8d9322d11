import { normalizeHeader } from './normalize-header'

/** A header spec from a data file: a header compared after normalisation, or `/pattern/`. */
export type HeaderMatcher = (normalizedHeader: string) => boolean

const cache = new Map<string, HeaderMatcher>()

/**
 * The matcher of a header spec. Plain text matches a header equal to it once both are normalised
 * ({@link normalizeHeader}); `/…/` is a case-insensitive regular expression tested against the
 * normalised header (lower case, punctuation turned into single spaces).
 */
export function headerMatcher(spec: string): HeaderMatcher {
  let matcher = cache.get(spec)
  if (matcher) return matcher
  const pattern = /^\/(.+)\/[a-z]*$/s.exec(spec)
  if (pattern) {
    const re = new RegExp(pattern[1]!, 'iu')
    matcher = (h) => re.test(h)
  } else {
    const wanted = normalizeHeader(spec)
    matcher = (h) => h === wanted
  }
  cache.set(spec, matcher)
  return matcher
}

/** Whether a spec is a pattern rather than a plain header. */
export function isPatternSpec(spec: string): boolean {
  return /^\/(.+)\/[a-z]*$/s.test(spec)
}
