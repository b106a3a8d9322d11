/**
 * A header reduced to a comparable form: Unicode NFKC (full-width letters, digits and brackets
 * folded), camelCase split (`ResponseId` → `response id`), lower case, punctuation and runs of
 * whitespace collapsed to one space, and no space next to Chinese characters (`客户 ID` → `客户id`).
 * `#` and `%` are kept. A header that is all punctuation keeps its trimmed NFKC form.
 */
export function normalizeHeader(header: string): string {
  const nfkc = header
    .normalize('NFKC')
    .replace(/^\ufeff/, '')
    .trim()
  const split = nfkc.replace(/([a-z])([A-Z])/g, '$1 $2').replace(/([A-Z]+)([A-Z][a-z])/g, '$1 $2')
  const folded = split
    .toLowerCase()
    .replace(/[^\p{L}\p{N}#%]+/gu, ' ')
    .replace(/\s*(\p{Script=Han})\s*/gu, '$1')
    .trim()
  return folded === '' ? nfkc : folded
}

/** Whether a header reads like a survey question rather than a field name. */
export function looksLikeQuestion(header: string): boolean {
  const text = header.normalize('NFKC').trim()
  return (
    /[?？]/.test(text) || text.split(/\s+/).length >= 6 || (/\p{Script=Han}/u.test(text) && text.length >= 10)
  )
}
