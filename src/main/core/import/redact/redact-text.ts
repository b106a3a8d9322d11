import type { RedactionCounts } from '@shared/domain/import'
import { isResidentId } from './china-resident-id'
import { isCardNumber } from './luhn'

/** The typed placeholders that replace personal data. */
export const REDACTION_PLACEHOLDERS: Readonly<Record<keyof RedactionCounts, string>> = {
  email: '[email]',
  phone: '[phone]',
  idNumber: '[id-number]',
  card: '[card]'
}

/** A text with its personal data replaced, and how many of each kind were replaced. */
export interface RedactionResult {
  text: string
  counts: RedactionCounts
}

type Span = [start: number, end: number]

interface Detector {
  kind: keyof RedactionCounts
  /** The spans of personal data in a text (in which full-width ASCII is folded). */
  find: (shadow: string) => Span[]
}

const EMAIL =
  /(?<![A-Za-z0-9._%+-])[A-Za-z0-9](?:[A-Za-z0-9._%+-]{0,62}[A-Za-z0-9_%+-])?@(?:[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?\.)+[A-Za-z]{2,24}(?![A-Za-z])/g
// 18 characters, optionally spaced 6-8-4: region, birth date, sequence and check character.
const RESIDENT_ID =
  /(?<![0-9A-Za-z_])[1-9]\d{5} ?(?:18|19|20)\d{2}(?:0[1-9]|1[0-2])(?:0[1-9]|[12]\d|3[01]) ?\d{3}[\dXx](?![0-9A-Za-z_])/g
// A run of digit groups separated by single spaces or dashes; card numbers are looked for inside.
const DIGIT_RUN = /(?<![0-9A-Za-z_.,])\d+(?:[ -]\d+)*/g
const CHINA_MOBILE =
  /(?<![0-9A-Za-z_+\-/.#@])(?:(?:\+|00)86[ -]?)?1[3-9]\d(?:[ -]?\d{4}){2}(?![0-9A-Za-z_]|[.,]\d)/g
// + and a country code (E.164 codes do not start with 0), then groups, some in brackets; the
// number is the longest run of leading groups that has 8–15 digits.
const INTERNATIONAL = /(?<![0-9A-Za-z_+])\+[1-9]\d{0,3}(?:[ .-]?(?:\(\d{1,5}\)|\d{1,5}))*/g
const INTERNATIONAL_GROUP = /^\+[1-9]\d{0,3}|[ .-]?(?:\(\d{1,5}\)|\d{1,5})/g
const CHINA_LANDLINE = /(?<![0-9A-Za-z_+\-/.#:])\(?0\d{2,3}\)?[ -]\d{7,8}(?![0-9A-Za-z_-]|[.,]\d)/g
const US_LOCAL = /(?<![0-9A-Za-z_+\-/.#])\(\d{3}\) ?\d{3}[-. ]\d{4}(?![0-9A-Za-z_]|[.,]\d)/g

// A number right after one of these labels is an order, tracking, invoice or ticket number.
const NUMBER_LABEL =
  /(?:订单号?|订单编号|单号|运单号?|物流单号|快递单号|发票号?|工单号?|流水号|交易号|编号|order|tracking|invoice|ref(?:erence)?|ticket|case|awb|sku)(?:\s*(?:no\.?|number|id|#))?\s*[:：#]?\s*$/i

const digitsOf = (text: string): string => text.replace(/\D/g, '')
const labelled = (shadow: string, start: number): boolean =>
  NUMBER_LABEL.test(shadow.slice(Math.max(0, start - 24), start))

/** Whether a grouped card number is grouped as cards are printed: fours, or Amex/Diners 4-6-5 and 4-6-4. */
function cardGroupingOk(match: string): boolean {
  const separators = new Set(match.replace(/\d/g, ''))
  if (separators.size === 0) return true
  if (separators.size > 1) return false
  const sizes = match.split(/[ -]/).map((g) => g.length)
  const shape = sizes.join('-')
  if (shape === '4-6-5' || shape === '4-6-4') return true
  const last = sizes[sizes.length - 1]!
  return sizes.slice(0, -1).every((s) => s === 4) && last >= 1 && last <= 4
}

/**
 * Spans of a pattern whose matches pass `accept`. A rejected match does not hide a real one that
 * starts inside it: the search resumes one character after the rejected match's start.
 */
function regexFinder(pattern: RegExp, accept: (match: string, shadow: string, start: number) => boolean) {
  return (shadow: string): Span[] => {
    const spans: Span[] = []
    const re = new RegExp(pattern.source, pattern.flags)
    let m: RegExpExecArray | null
    while ((m = re.exec(shadow)) !== null) {
      if (accept(m[0], shadow, m.index)) spans.push([m.index, m.index + m[0].length])
      else re.lastIndex = m.index + 1
    }
    return spans
  }
}

/**
 * Card numbers inside runs of digit groups: the longest window of whole groups, from the left,
 * that is grouped like a card, has a scheme prefix and length and passes Luhn — so that a card
 * written next to other numbers ("14:22 4111 1111 1111 1111 2026") is still found.
 */
function findCards(shadow: string): Span[] {
  const spans: Span[] = []
  for (const run of shadow.matchAll(DIGIT_RUN)) {
    const text = run[0]
    const runStart = run.index
    const after = shadow.slice(runStart + text.length, runStart + text.length + 2)
    const endOk = !/^[A-Za-z_]|^[.,]\d/.test(after)
    const groups: Span[] = []
    for (const g of text.matchAll(/\d+/g)) groups.push([g.index, g.index + g[0].length])
    let i = 0
    while (i < groups.length) {
      let found = -1
      for (let j = groups.length - 1; j >= i; j--) {
        const window = text.slice(groups[i]![0], groups[j]![1])
        const digits = digitsOf(window)
        if (digits.length > 19 || digits.length < 13) continue
        if (j === groups.length - 1 && !endOk) continue
        const start = runStart + groups[i]![0]
        if (cardGroupingOk(window) && isCardNumber(digits) && !labelled(shadow, start)) {
          spans.push([start, runStart + groups[j]![1]])
          found = j
          break
        }
      }
      i = found >= 0 ? found + 1 : i + 1
    }
  }
  return spans
}

/**
 * International numbers: `+`, a country code and groups. A candidate that runs on into other
 * numbers ("+44 20 7946 0958 2026-03-05") is cut back, group by group, to the longest start
 * with 8–15 digits (E.164 allows 15; fewer than 8 is an amount or a code) that is not a date.
 */
function findInternational(shadow: string): Span[] {
  const spans: Span[] = []
  for (const m of shadow.matchAll(INTERNATIONAL)) {
    const groups = m[0].match(INTERNATIONAL_GROUP) ?? []
    for (let n = groups.length; n >= 2; n--) {
      const text = groups.slice(0, n).join('')
      const next = shadow.slice(m.index + text.length, m.index + text.length + 2)
      const digits = digitsOf(text).length
      if (digits < 8 || digits > 15 || /^[0-9A-Za-z_]|^[.,]\d/.test(next)) continue
      if (/^\+\d{4}-\d{2}-\d{2}$/.test(text) || labelled(shadow, m.index)) break
      spans.push([m.index, m.index + text.length])
      break
    }
  }
  return spans
}

const notLabelled = (_m: string, shadow: string, start: number): boolean => !labelled(shadow, start)

const DETECTORS: readonly Detector[] = [
  { kind: 'email', find: regexFinder(EMAIL, () => true) },
  { kind: 'idNumber', find: regexFinder(RESIDENT_ID, (m) => isResidentId(m.replace(/ /g, ''))) },
  { kind: 'card', find: findCards },
  { kind: 'phone', find: regexFinder(CHINA_MOBILE, notLabelled) },
  { kind: 'phone', find: findInternational },
  { kind: 'phone', find: regexFinder(CHINA_LANDLINE, notLabelled) },
  { kind: 'phone', find: regexFinder(US_LOCAL, notLabelled) }
]

/** Full-width ASCII folded one-for-one, so that matches found in it are offsets into the original. */
function shadowOf(text: string): string {
  return text.replace(/[\uff01-\uff5e]/g, (c) => String.fromCharCode(c.charCodeAt(0) - 0xfee0))
}

/**
 * Personal data in a text replaced by typed placeholders — `[email]`, `[phone]` (international
 * `+…` numbers, mainland-China mobiles with or without +86, Chinese landlines, US local numbers),
 * `[id-number]` (Chinese resident ID numbers with a valid birth date and MOD 11-2 check
 * character), `[card]` (13–19 digit card numbers with a scheme prefix and a valid Luhn digit) —
 * with counts. Dates, times, amounts, versions and numbers labelled as order, tracking, invoice or
 * ticket numbers are left alone. Running it again on its output changes nothing.
 */
export function redactText(text: string): RedactionResult {
  const counts: RedactionCounts = { email: 0, phone: 0, idNumber: 0, card: 0 }
  let current = text
  // Repeat until nothing is found: a placeholder can expose a neighbour that the data it replaced
  // hid (two phone numbers written without a space). Each round removes digits or an @ and adds
  // none, so this ends, and a second call finds nothing.
  let changed = true
  while (changed) {
    changed = false
    for (const detector of DETECTORS) {
      const spans = detector.find(shadowOf(current))
      if (spans.length === 0) continue
      let out = ''
      let last = 0
      for (const [start, end] of spans) {
        out += current.slice(last, start) + REDACTION_PLACEHOLDERS[detector.kind]
        last = end
      }
      current = out + current.slice(last)
      counts[detector.kind] += spans.length
      changed = true
    }
  }
  return { text: current, counts }
}
