import type { TimeGrouping } from '@shared/domain/metrics'
import { fiscalYearAndQuarter } from '@shared/domain/periods'
import { wallTimeAt, zonedWallTimeToEpoch } from '../time/time-zone'

/** A calendar day. */
export interface Day {
  year: number
  month: number
  day: number
}

/** One period of a time grouping, cut to the range asked for. */
export interface TimePeriod {
  /** `2026-W27`, `2026-07`, `2026-Q3` or `FY2027-Q2`. */
  key: string
  /** First instant (inclusive) and end (exclusive), epoch ms. */
  start: number
  end: number
  /** First and last day covered, `YYYY-MM-DD`. */
  from: string
  to: string
}

const DAY_MS = 86_400_000
/** More periods than this is not a chart anyone can read; the caller narrows the range instead. */
export const MAX_PERIODS = 1000

const pad = (n: number, width = 2): string => String(n).padStart(width, '0')

export const formatDay = (d: Day): string => `${pad(d.year, 4)}-${pad(d.month)}-${pad(d.day)}`

export function parseDay(text: string): Day {
  const [year, month, day] = text.split('-').map(Number) as [number, number, number]
  return { year, month, day }
}

/** The day `days` after `d` (negative: before). */
export function addDays(d: Day, days: number): Day {
  const t = new Date(Date.UTC(d.year, d.month - 1, d.day) + days * DAY_MS)
  return { year: t.getUTCFullYear(), month: t.getUTCMonth() + 1, day: t.getUTCDate() }
}

const compareDays = (a: Day, b: Day): number =>
  Date.UTC(a.year, a.month - 1, a.day) - Date.UTC(b.year, b.month - 1, b.day)

/**
 * The first instant of a local day in a time zone: local midnight, or — where a daylight-saving
 * change skips midnight — the first instant that exists that day.
 */
export const zonedDayStart = (d: Day, timeZone: string): number =>
  zonedWallTimeToEpoch({ ...d, hour: 0, minute: 0, second: 0, millisecond: 0 }, timeZone)

/** The local day of an instant. */
export function zonedDay(epochMs: number, timeZone: string): Day {
  const { year, month, day } = wallTimeAt(epochMs, timeZone)
  return { year, month, day }
}

/** ISO 8601 week: Monday first; the week-year is that of the week's Thursday. */
function isoWeekKey(monday: Day): string {
  const thursday = addDays(monday, 3)
  const jan4 = { year: thursday.year, month: 1, day: 4 }
  const jan4Weekday = (new Date(Date.UTC(jan4.year, 0, 4)).getUTCDay() + 6) % 7
  const week1Monday = addDays(jan4, -jan4Weekday)
  const week = Math.floor(compareDays(monday, week1Monday) / (7 * DAY_MS)) + 1
  return `${thursday.year}-W${pad(week)}`
}

/** The first day of the period holding `d`, and the first day of the next one, with its key. */
function periodAround(
  d: Day,
  by: TimeGrouping,
  fiscalYearStartMonth: number
): { first: Day; next: Day; key: string } {
  if (by === 'week') {
    const weekday = (new Date(Date.UTC(d.year, d.month - 1, d.day)).getUTCDay() + 6) % 7
    const first = addDays(d, -weekday)
    return { first, next: addDays(first, 7), key: isoWeekKey(first) }
  }
  if (by === 'month') {
    const first = { year: d.year, month: d.month, day: 1 }
    const next = d.month === 12 ? { year: d.year + 1, month: 1, day: 1 } : { ...first, month: d.month + 1 }
    return { first, next, key: `${pad(d.year, 4)}-${pad(d.month)}` }
  }
  // Quarters start in the fiscal start month and every three months after it.
  const monthsIn = (d.month - fiscalYearStartMonth + 12) % 3
  const firstMonthIndex = d.year * 12 + (d.month - 1) - monthsIn
  const first = { year: Math.floor(firstMonthIndex / 12), month: (firstMonthIndex % 12) + 1, day: 1 }
  const nextIndex = firstMonthIndex + 3
  const next = { year: Math.floor(nextIndex / 12), month: (nextIndex % 12) + 1, day: 1 }
  return { first, next, key: fiscalYearAndQuarter(d.year, d.month, fiscalYearStartMonth).label }
}

/**
 * The periods of a grouping that overlap the days `from`..`to` (inclusive) in a time zone, each
 * cut to that range. Throws a RangeError when there would be more than {@link MAX_PERIODS}.
 */
export function timePeriods(
  by: TimeGrouping,
  from: Day,
  to: Day,
  timeZone: string,
  fiscalYearStartMonth: number
): TimePeriod[] {
  const periods: TimePeriod[] = []
  const end = addDays(to, 1)
  let cursor = from
  while (compareDays(cursor, end) < 0) {
    if (periods.length >= MAX_PERIODS) {
      throw new RangeError(
        `More than ${MAX_PERIODS} ${by}s between ${formatDay(from)} and ${formatDay(to)}; narrow the dates or group by a longer period`
      )
    }
    const { next, key } = periodAround(cursor, by, fiscalYearStartMonth)
    const stop = compareDays(next, end) < 0 ? next : end
    periods.push({
      key,
      start: zonedDayStart(cursor, timeZone),
      end: zonedDayStart(stop, timeZone),
      from: formatDay(cursor),
      to: formatDay(addDays(stop, -1))
    })
    cursor = stop
  }
  return periods
}

/** The whole period of a grouping that holds a day. */
export function periodContaining(
  d: Day,
  by: TimeGrouping,
  timeZone: string,
  fiscalYearStartMonth: number
): TimePeriod {
  const { first, next, key } = periodAround(d, by, fiscalYearStartMonth)
  return {
    key,
    start: zonedDayStart(first, timeZone),
    end: zonedDayStart(next, timeZone),
    from: formatDay(first),
    to: formatDay(addDays(next, -1))
  }
}

/**
 * The quarter a label names in a calendar: `2026-Q3` with a January start, `FY2027-Q2` with a
 * fiscal year (named for the calendar year it ends in). Null for a label of the other calendar
 * or not a quarter at all.
 */
export function quarterPeriod(
  label: string,
  timeZone: string,
  fiscalYearStartMonth: number
): TimePeriod | null {
  const match = /^(FY)?(\d{4})-Q([1-4])$/.exec(label)
  if (!match || (match[1] === 'FY') !== (fiscalYearStartMonth !== 1)) return null
  const year = Number(match[2])
  const quarter = Number(match[3])
  // A fiscal year starts in its start month of the calendar year before the one it is named for.
  const firstMonthIndex =
    (fiscalYearStartMonth === 1 ? year : year - 1) * 12 + (fiscalYearStartMonth - 1) + (quarter - 1) * 3
  const first = { year: Math.floor(firstMonthIndex / 12), month: (firstMonthIndex % 12) + 1, day: 1 }
  const period = periodContaining(first, 'quarter', timeZone, fiscalYearStartMonth)
  return period.key === label ? period : null
}

/** The quarter before a quarter. */
export function previousQuarter(
  period: TimePeriod,
  timeZone: string,
  fiscalYearStartMonth: number
): TimePeriod {
  return periodContaining(addDays(parseDay(period.from), -1), 'quarter', timeZone, fiscalYearStartMonth)
}
