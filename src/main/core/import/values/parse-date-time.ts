import type { DateOrder } from '@shared/domain/import'
import { excelSerialToWallTime, MAX_EXCEL_SERIAL } from './excel-serial'
import { MONTH_NAME_PATTERN, monthFromName } from './month-names'
import { cleanCell } from './normalize-text'
import { failed, parsed, quote, type Parsed } from './parse-result'
import { isValidTimeZone, wallTimeAsUtc, zonedWallTimeToEpoch, type WallTime } from '../../time/time-zone'

/** How a date cell is read. */
export interface DateTimeOptions {
  /** How all-numeric dates such as 05/03/2026 are read; null decides only unambiguous values. */
  order?: DateOrder | null
  /** IANA zone for wall-clock values without an offset (default UTC). */
  timeZone?: string
  /** Read bare numbers as Excel serial dates (1900 date system). */
  allowSerial?: boolean
  /** Read bare integers as Unix time, when the whole column is known to hold epochs. */
  epoch?: 'seconds' | 'milliseconds' | null
}

interface TimeOfDay {
  hour: number
  minute: number
  second: number
  millisecond: number
}

const TIME = String.raw`(\d{1,2})[:：](\d{2})(?:[:：](\d{2})(?:[.,](\d{1,9}))?)?\s*(am|pm|a\.m\.|p\.m\.)?`
const OFFSET = String.raw`(z|(?:utc|gmt)?\s*[+-]\d{1,2}(?::?\d{2})?|utc|gmt)`
const WEEKDAY = String.raw`(?:(?:mon|tue|wed|thu|fri|sat|sun)[a-z]*\.?,?\s+)?`

const ISO = new RegExp(String.raw`^(\d{4})-(\d{1,2})-(\d{1,2})(?:(?:t|\s+)${TIME})?\s*${OFFSET}?$`, 'i')
const YEAR_FIRST = new RegExp(
  String.raw`^(\d{4})[/.](\d{1,2})[/.](\d{1,2})\.?(?:(?:t|\s+)${TIME})?\s*${OFFSET}?$`,
  'i'
)
const NUMERIC_DMY = new RegExp(
  String.raw`^(\d{1,2})[/.-](\d{1,2})[/.-](\d{4}|\d{2})(?:,?\s+${TIME})?\s*${OFFSET}?$`,
  'i'
)
const DAY_MONTHNAME = new RegExp(
  String.raw`^${WEEKDAY}(\d{1,2})(?:st|nd|rd|th)?[\s/-]+(${MONTH_NAME_PATTERN})\.?,?[\s/-]+(\d{4}|\d{2})(?:,?\s+(?:at\s+)?${TIME})?\s*${OFFSET}?$`,
  'i'
)
const MONTHNAME_DAY = new RegExp(
  String.raw`^${WEEKDAY}(${MONTH_NAME_PATTERN})\.?\s+(\d{1,2})(?:st|nd|rd|th)?,?\s+(\d{4})(?:,?\s+(?:at\s+)?${TIME})?\s*${OFFSET}?$`,
  'i'
)
const CHINESE = new RegExp(
  String.raw`^(\d{4})\s*年\s*(\d{1,2})\s*月\s*(\d{1,2})\s*[日号]?(?:\s*(凌晨|早上|上午|中午|下午|晚上)?\s*(\d{1,2})\s*(?:[:：时點点]\s*(\d{1,2})?\s*分?)?\s*(?:[:：]?\s*(\d{1,2})\s*秒?)?)?\s*${OFFSET}?$`,
  'i'
)
const BARE_NUMBER = /^[+-]?\d+(?:\.\d+)?$/

/** Days in a month of the proleptic Gregorian calendar. */
export function daysInMonth(year: number, month: number): number {
  if (month === 2) return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0 ? 29 : 28
  return [4, 6, 9, 11].includes(month) ? 30 : 31
}

/** A two-digit year: 00–69 → 2000s, 70–99 → 1900s (the POSIX strptime `%y` pivot). */
function fullYear(text: string): number {
  const n = Number(text)
  if (text.length > 2) return n
  return n < 70 ? 2000 + n : 1900 + n
}

function readTime(
  h: string | undefined,
  m: string | undefined,
  s: string | undefined,
  frac: string | undefined,
  meridiem: string | undefined
): TimeOfDay | null {
  if (h === undefined) return { hour: 0, minute: 0, second: 0, millisecond: 0 }
  let hour = Number(h)
  const minute = m === undefined ? 0 : Number(m)
  const second = s === undefined ? 0 : Number(s)
  const millisecond = frac === undefined ? 0 : Math.floor(Number(`0.${frac}`) * 1000 + 1e-6)
  if (meridiem) {
    if (hour < 1 || hour > 12) return null
    const pm = meridiem.toLowerCase().startsWith('p')
    if (pm && hour < 12) hour += 12
    if (!pm && hour === 12) hour = 0
  }
  if (hour > 23 || minute > 59 || second > 59) return null
  return { hour, minute, second, millisecond }
}

/** Offset text (Z, +08:00, +0800, GMT+8, UTC) → minutes east of UTC, or undefined when malformed. */
function readOffset(text: string): number | undefined {
  const t = text.toLowerCase().replace(/\s+/g, '')
  if (t === 'z' || t === 'utc' || t === 'gmt') return 0
  const m = /^(?:utc|gmt)?([+-])(\d{1,2})(?::?(\d{2}))?$/.exec(t)
  if (!m) return undefined
  const hours = Number(m[2])
  const minutes = m[3] === undefined ? 0 : Number(m[3])
  if (hours > 14 || minutes > 59) return undefined
  return (m[1] === '-' ? -1 : 1) * (hours * 60 + minutes)
}

function finish(
  raw: string,
  year: number,
  month: number,
  day: number,
  time: TimeOfDay | null,
  offsetText: string | undefined,
  timeZone: string
): Parsed<number> {
  if (month < 1 || month > 12 || day < 1 || day > daysInMonth(year, month)) {
    return failed(`not a date: ${quote(raw)}`)
  }
  if (time === null) return failed(`not a valid time of day: ${quote(raw)}`)
  const wall: WallTime = { year, month, day, ...time }
  if (offsetText !== undefined) {
    const minutes = readOffset(offsetText)
    if (minutes === undefined) return failed(`not a valid UTC offset: ${quote(raw)}`)
    return parsed(wallTimeAsUtc(wall) - minutes * 60_000)
  }
  return parsed(zonedWallTimeToEpoch(wall, timeZone))
}

function chineseHour(period: string | undefined, hour: number): number | null {
  if (period === undefined) return hour
  if (hour > 12) return period === '下午' || period === '晚上' ? hour : null
  if (period === '下午' || period === '晚上') return hour === 12 ? 12 : hour + 12
  if (period === '中午') return hour < 11 ? hour + 12 : hour
  return hour === 12 ? 0 : hour
}

/**
 * A date or date-time cell → milliseconds since the Unix epoch (UTC). Reads ISO 8601 (with or
 * without time and offset), `2026/03/05 14:22`, `05/03/2026` (day- or month-first per `order`),
 * `2026年3月5日 下午2:22`, `Mar 5, 2026 2:22 PM`, `5 March 2026`, Jira's `05/Mar/26 2:22 PM`,
 * Google Forms' `2026/03/05 2:22:31 PM GMT+8`, and, when enabled, Unix epochs and Excel serials.
 * Wall-clock values without an offset are read in `timeZone`.
 */
export function parseDateTime(raw: string, options: DateTimeOptions = {}): Parsed<number> {
  const timeZone = options.timeZone ?? 'UTC'
  if (!isValidTimeZone(timeZone)) return failed(`unknown time zone ${quote(timeZone)}`)
  const text = cleanCell(raw)
  if (text === '') return failed('empty date')

  if (BARE_NUMBER.test(text)) {
    const n = Number(text)
    if (options.epoch) {
      if (!Number.isInteger(n)) return failed(`not a Unix time: ${quote(raw)}`)
      return parsed(options.epoch === 'seconds' ? n * 1000 : n)
    }
    if (options.allowSerial) {
      const wall = n <= MAX_EXCEL_SERIAL ? excelSerialToWallTime(n) : null
      if (wall === null) return failed(`not an Excel date serial: ${quote(raw)}`)
      return parsed(zonedWallTimeToEpoch(wall, timeZone))
    }
    // A compact ISO date (20260305) is the one bare number read as a date without being told.
    const compact = /^(\d{4})(\d{2})(\d{2})$/.exec(text)
    if (compact) {
      return finish(
        raw,
        Number(compact[1]),
        Number(compact[2]),
        Number(compact[3]),
        readTime(undefined, undefined, undefined, undefined, undefined),
        undefined,
        timeZone
      )
    }
    return failed(`not a date: ${quote(raw)} (a plain number)`)
  }

  let m = ISO.exec(text) ?? YEAR_FIRST.exec(text)
  if (m) {
    return finish(
      raw,
      Number(m[1]),
      Number(m[2]),
      Number(m[3]),
      readTime(m[4], m[5], m[6], m[7], m[8]),
      m[9],
      timeZone
    )
  }

  m = CHINESE.exec(text)
  if (m) {
    const hour = m[5] === undefined ? undefined : chineseHour(m[4], Number(m[5]))
    if (hour === null) return failed(`not a valid time of day: ${quote(raw)}`)
    const time = readTime(
      hour === undefined ? undefined : String(hour),
      m[6] ?? '0',
      m[7],
      undefined,
      undefined
    )
    return finish(raw, Number(m[1]), Number(m[2]), Number(m[3]), time, m[8], timeZone)
  }

  m = DAY_MONTHNAME.exec(text)
  if (m) {
    const month = monthFromName(m[2]!) ?? 0
    return finish(
      raw,
      fullYear(m[3]!),
      month,
      Number(m[1]),
      readTime(m[4], m[5], m[6], m[7], m[8]),
      m[9],
      timeZone
    )
  }

  m = MONTHNAME_DAY.exec(text)
  if (m) {
    const month = monthFromName(m[1]!) ?? 0
    return finish(
      raw,
      Number(m[3]),
      month,
      Number(m[2]),
      readTime(m[4], m[5], m[6], m[7], m[8]),
      m[9],
      timeZone
    )
  }

  m = NUMERIC_DMY.exec(text)
  if (m) {
    const a = Number(m[1])
    const b = Number(m[2])
    let order = options.order ?? null
    if (order === null || order === 'ymd') {
      if (a > 12 && b <= 12) order = 'dmy'
      else if (b > 12 && a <= 12) order = 'mdy'
      else if (a === b) order = 'dmy'
      else if (a <= 12 && b <= 12) {
        return failed(`ambiguous date ${quote(raw)}: choose day-first or month-first`)
      } else return failed(`not a date: ${quote(raw)}`)
    }
    const day = order === 'dmy' ? a : b
    const month = order === 'dmy' ? b : a
    return finish(raw, fullYear(m[3]!), month, day, readTime(m[4], m[5], m[6], m[7], m[8]), m[9], timeZone)
  }

  return failed(`not a date: ${quote(raw)}`)
}
