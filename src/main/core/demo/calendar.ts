/** Calendar arithmetic for the demo, all in UTC (the demo's analysis time zone). */

export const MINUTE_MS = 60_000
export const HOUR_MS = 3_600_000
export const DAY_MS = 86_400_000

const MONTHS_EN = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec']

/** Midnight UTC of a `YYYY-MM-DD` date, in epoch ms. */
export function dayStart(date: string): number {
  const ms = Date.parse(`${date}T00:00:00.000Z`)
  if (Number.isNaN(ms)) throw new Error(`Not a date: ${date}`)
  return ms
}

/** The quarter key (`2026-Q3`) of a point in time, in UTC. */
export function quarterOf(ms: number): string {
  const d = new Date(ms)
  return `${d.getUTCFullYear()}-Q${Math.floor(d.getUTCMonth() / 3) + 1}`
}

/** Start (inclusive) and end (exclusive) of a quarter key, in epoch ms. */
export function quarterRange(key: string): { start: number; end: number } {
  const match = /^(\d{4})-Q([1-4])$/.exec(key)
  if (!match) throw new Error(`Not a quarter: ${key}`)
  const year = Number(match[1])
  const q = Number(match[2])
  return { start: Date.UTC(year, (q - 1) * 3, 1), end: Date.UTC(year, q * 3, 1) }
}

/** A short date as a customer would write it: `3 Aug`, `Aug 3` or `8月3日`. */
export function formatShortDate(ms: number, language: 'en' | 'zh', style: 'day-month' | 'month-day'): string {
  const d = new Date(ms)
  const month = d.getUTCMonth()
  const day = d.getUTCDate()
  if (language === 'zh') return `${month + 1}月${day}日`
  return style === 'day-month' ? `${day} ${MONTHS_EN[month]}` : `${MONTHS_EN[month]} ${day}`
}

/** `yymmdd` of a point in time, for order numbers. */
export function compactDate(ms: number): string {
  const d = new Date(ms)
  const pad = (n: number): string => String(n).padStart(2, '0')
  return `${pad(d.getUTCFullYear() % 100)}${pad(d.getUTCMonth() + 1)}${pad(d.getUTCDate())}`
}
