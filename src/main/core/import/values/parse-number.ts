import { cleanCell } from './normalize-text'
import { failed, parsed, quote, type Parsed } from './parse-result'

/** A parsed number: the value as written (12% → 12) and whether it carried a percent sign. */
export interface ParsedNumber {
  value: number
  percent: boolean
}

// Longest first so that `HK$` is stripped before `$`.
const CURRENCY =
  /^(?:HK\$|S\$|US\$|NT\$|NZ\$|A\$|C\$|RMB|CNY|USD|EUR|GBP|SGD|HKD|JPY|MYR|AUD|NZD|CAD|RM|[$¥€£₩₹元])/i
const CURRENCY_SUFFIX = /(?:HK\$|S\$|US\$|RMB|CNY|USD|EUR|GBP|SGD|HKD|JPY|MYR|AUD|NZD|CAD|[$¥€£₩₹元])$/i
const PLAIN = /^\d+(?:\.\d+)?(?:e[+-]?\d+)?$|^\.\d+$/i

function stripCurrency(text: string): string {
  return text.replace(CURRENCY, '').replace(CURRENCY_SUFFIX, '').trim()
}

/** Digits grouped by `sep` in threes (1,234,567), the first group 1–3 digits. */
function isGrouped(integerPart: string, sep: string): boolean {
  const groups = integerPart.split(sep)
  if (groups.length < 2) return false
  if (!/^\d{1,3}$/.test(groups[0]!)) return false
  return groups.slice(1).every((g) => /^\d{3}$/.test(g))
}

/** The digits of a number body with its separators resolved, or null when they are inconsistent. */
function resolveSeparators(body: string): string | null {
  if (PLAIN.test(body)) return body
  if (!/^[\d.,' ]+$/.test(body)) return null
  const lastDot = body.lastIndexOf('.')
  const lastComma = body.lastIndexOf(',')
  const hasSpace = body.includes(' ')
  const hasApostrophe = body.includes("'")
  const thousandsCandidates = [hasSpace ? ' ' : null, hasApostrophe ? "'" : null].filter(
    (s): s is string => s !== null
  )
  if (thousandsCandidates.length > 1) return null

  let decimal: string | null = null
  let thousands: string | null = thousandsCandidates[0] ?? null
  if (lastDot >= 0 && lastComma >= 0) {
    decimal = lastDot > lastComma ? '.' : ','
    const other = decimal === '.' ? ',' : '.'
    if (thousands !== null) return null
    thousands = other
  } else if (lastComma >= 0) {
    const commas = body.split(',').length - 1
    const after = body.slice(lastComma + 1)
    const before = body.slice(0, lastComma)
    if (thousands !== null) {
      // 1 234,5: a space or apostrophe groups, so the comma is the decimal mark.
      if (commas > 1) return null
      decimal = ','
    } else if (commas > 1) thousands = ','
    else if (/^\d{3}$/.test(after) && /^[1-9]\d{0,2}$/.test(before)) thousands = ','
    else decimal = ','
  } else if (lastDot >= 0) {
    const dots = body.split('.').length - 1
    if (dots > 1) {
      if (thousands !== null) return null
      thousands = '.'
    } else decimal = '.'
  }

  let integerPart = body
  let fraction = ''
  if (decimal !== null) {
    const at = body.lastIndexOf(decimal)
    integerPart = body.slice(0, at)
    fraction = body.slice(at + 1)
    if (!/^\d+$/.test(fraction)) return null
    if (integerPart === '') integerPart = '0'
  }
  if (thousands !== null && integerPart.includes(thousands)) {
    if (!isGrouped(integerPart, thousands)) return null
    integerPart = integerPart.split(thousands).join('')
  }
  if (!/^\d+$/.test(integerPart)) return null
  return fraction === '' ? integerPart : `${integerPart}.${fraction}`
}

/**
 * A number cell → its value. Reads thousands separators (`1,234.50`, `1.234,50`, `1 234,5`,
 * `1'234.50`), a decimal comma when unambiguous (`12,5`; a lone comma before exactly three digits,
 * as in `1,234`, is read as a thousands separator), percent signs (`12%`, flagged, value kept as
 * written), currency symbols and codes (¥ $ € £ S$ HK$ RM RMB USD …), full-width digits, a leading minus
 * or plus, and accounting negatives in parentheses (`(1,200)`).
 */
export function parseNumber(raw: string): Parsed<ParsedNumber> {
  // Swiss grouping is written with U+2019 as well as the ASCII apostrophe.
  let text = cleanCell(raw).replace(/\u2019/g, "'")
  if (text === '') return failed('empty number')
  let negative = false
  let percent = false
  const paren = /^\((.*)\)$/.exec(text)
  if (paren) {
    negative = true
    text = paren[1]!.trim()
  }
  if (text.endsWith('%')) {
    percent = true
    text = text.slice(0, -1).trim()
  }
  text = stripCurrency(text)
  const sign = /^([+\-\u2212])\s*/.exec(text)
  if (sign) {
    if (sign[1] !== '+') negative = !negative
    text = stripCurrency(text.slice(sign[0].length))
  }
  if (!percent && text.endsWith('%')) {
    percent = true
    text = text.slice(0, -1).trim()
  }
  const digits = resolveSeparators(text)
  if (digits === null) return failed(`not a number: ${quote(raw)}`)
  const value = Number(digits)
  if (!Number.isFinite(value)) return failed(`not a number: ${quote(raw)}`)
  return parsed({ value: negative && value !== 0 ? -value : value, percent })
}

/** A whole-number cell (counts, NPS scores) → its value; rejects fractions and percents. */
export function parseInteger(raw: string): Parsed<number> {
  const result = parseNumber(raw)
  if (!result.ok) return result
  if (result.value.percent) return failed(`not a whole number: ${quote(raw)} (a percentage)`)
  if (!Number.isSafeInteger(result.value.value)) return failed(`not a whole number: ${quote(raw)}`)
  return parsed(result.value.value)
}
