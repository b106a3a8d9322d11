import { cleanCell } from './normalize-text'

/** What a whole column of dates says about day/month order. */
export type InferredDateOrder = 'dmy' | 'mdy' | 'ymd' | 'ambiguous'

const DAY_MONTH = /^(\d{1,2})[/.-](\d{1,2})[/.-](\d{2}|\d{4})(?!\d)/
const YEAR_FIRST = /^\d{4}[/.-]\d{1,2}[/.-]\d{1,2}(?!\d)/

/**
 * The order a column's all-numeric dates follow, decided from the whole column: any first part
 * above 12 means day-first, any second part above 12 means month-first; when every value has both
 * parts at most 12 (05/03/2026 …) the order cannot be known and the user is asked. A column
 * whose numeric dates are all year-first (or that has none) gives 'ymd': no value depends on the
 * order. A column that contradicts itself (13/01 and 01/13) is 'ambiguous' too.
 */
export function inferDateOrder(values: Iterable<string>): InferredDateOrder {
  let dayFirst = false
  let monthFirst = false
  let undecided = false
  for (const raw of values) {
    const text = cleanCell(raw)
    if (text === '' || YEAR_FIRST.test(text)) continue
    const m = DAY_MONTH.exec(text)
    if (!m) continue
    const a = Number(m[1])
    const b = Number(m[2])
    if (a > 12 && b <= 12) dayFirst = true
    else if (b > 12 && a <= 12) monthFirst = true
    else if (a !== b) undecided = true
  }
  if (dayFirst && monthFirst) return 'ambiguous'
  if (dayFirst) return 'dmy'
  if (monthFirst) return 'mdy'
  return undecided ? 'ambiguous' : 'ymd'
}
