/**
 * Locale-aware formatting for everything the workbench shows. Every formatter turns a missing or
 * non-finite value into an em dash, so that "NaN", "null" or "undefined" never reach the screen.
 */

export const MISSING_VALUE = '—'

export interface Formatter {
  readonly locale: string
  /** An integer count with grouping (20,431 / 20,431). */
  integer(value: number | null | undefined): string
  /** A real number with up to `maxFractionDigits` decimals (and at least `minFractionDigits`). */
  number(value: number | null | undefined, maxFractionDigits?: number, minFractionDigits?: number): string
  /** A ratio as a percentage (0.05 → 5%), with up to `maxFractionDigits` (at least `minFractionDigits`) decimals. */
  percent(value: number | null | undefined, maxFractionDigits?: number, minFractionDigits?: number): string
  /**
   * A number with exactly `fractionDigits` decimals and its sign (+15.7, −13.0, 0.0); the minus
   * is the typographic one (U+2212), so that signed columns line up.
   */
  signed(value: number | null | undefined, fractionDigits?: number): string
  /** A byte size with binary multiples (1.4 MB). */
  bytes(value: number | null | undefined): string
  /** A calendar date (10 May 2026). */
  date(epochMs: number | null | undefined, timeZone?: string): string
  /** A date and time, compact enough for a table cell. */
  dateTime(epochMs: number | null | undefined, timeZone?: string): string
  /** A time of day with seconds, for logs. */
  time(epochMs: number | null | undefined): string
  /** The long name of a month (1–12). */
  monthName(month: number): string
  /** A month of a year (April 2026 / 2026年4月). */
  monthYear(year: number, month: number): string
  /** A calendar date given by its parts (10 May 2026), independent of time zones. */
  calendarDate(year: number, month: number, day: number): string
  /** A list joined the way the language joins lists. */
  list(items: readonly string[]): string
}

const isNumber = (value: number | null | undefined): value is number =>
  typeof value === 'number' && Number.isFinite(value)

/** Creates the formatters of a locale; `Intl` objects are cached because tables call them per cell. */
export function createFormatter(locale: string): Formatter {
  const cache = new Map<string, Intl.NumberFormat | Intl.DateTimeFormat>()
  const numberFormat = (key: string, options: Intl.NumberFormatOptions): Intl.NumberFormat => {
    let f = cache.get(key) as Intl.NumberFormat | undefined
    if (!f) {
      f = new Intl.NumberFormat(locale, options)
      cache.set(key, f)
    }
    return f
  }
  const dateFormat = (key: string, options: Intl.DateTimeFormatOptions): Intl.DateTimeFormat | null => {
    let f = cache.get(key) as Intl.DateTimeFormat | undefined
    if (!f) {
      try {
        f = new Intl.DateTimeFormat(locale, options)
      } catch {
        // An unknown time zone must not blank a table; the caller falls back to UTC.
        return null
      }
      cache.set(key, f)
    }
    return f
  }
  const formatDate = (
    epochMs: number | null | undefined,
    key: string,
    options: Intl.DateTimeFormatOptions,
    timeZone: string | undefined
  ): string => {
    if (!isNumber(epochMs)) return MISSING_VALUE
    const zoned = timeZone ? { ...options, timeZone } : options
    const f =
      dateFormat(`${key}|${timeZone ?? ''}`, zoned) ??
      dateFormat(`${key}|UTC`, { ...options, timeZone: 'UTC' })
    const date = new Date(epochMs)
    return f && !Number.isNaN(date.getTime()) ? f.format(date) : MISSING_VALUE
  }

  return {
    locale,
    integer: (value) =>
      isNumber(value) ? numberFormat('int', { maximumFractionDigits: 0 }).format(value) : MISSING_VALUE,
    number: (value, maxFractionDigits = 2, minFractionDigits = 0) =>
      isNumber(value)
        ? numberFormat(`num${maxFractionDigits}-${minFractionDigits}`, {
            maximumFractionDigits: maxFractionDigits,
            minimumFractionDigits: Math.min(minFractionDigits, maxFractionDigits)
          }).format(value)
        : MISSING_VALUE,
    percent: (value, maxFractionDigits = 1, minFractionDigits = 0) =>
      isNumber(value)
        ? numberFormat(`pct${maxFractionDigits}-${minFractionDigits}`, {
            style: 'percent',
            maximumFractionDigits: maxFractionDigits,
            minimumFractionDigits: Math.min(minFractionDigits, maxFractionDigits)
          }).format(value)
        : MISSING_VALUE,
    signed: (value, fractionDigits = 1) =>
      isNumber(value)
        ? numberFormat(`signed${fractionDigits}`, {
            signDisplay: 'exceptZero',
            minimumFractionDigits: fractionDigits,
            maximumFractionDigits: fractionDigits
          })
            .format(value)
            .replace('-', '\u2212')
        : MISSING_VALUE,
    bytes: (value) => {
      if (!isNumber(value) || value < 0) return MISSING_VALUE
      const units = ['byte', 'kilobyte', 'megabyte', 'gigabyte', 'terabyte'] as const
      let unit = 0
      let scaled = value
      while (scaled >= 1024 && unit < units.length - 1) {
        scaled /= 1024
        unit += 1
      }
      const u = units[unit] ?? 'byte'
      return numberFormat(`bytes-${u}`, {
        style: 'unit',
        unit: u,
        // "512 bytes" rather than "512 byte"; the multiples read best short ("1.5 kB").
        unitDisplay: unit === 0 ? 'long' : 'short',
        maximumFractionDigits: unit === 0 ? 0 : 1
      }).format(scaled)
    },
    date: (epochMs, timeZone) => formatDate(epochMs, 'date', { dateStyle: 'medium' }, timeZone),
    dateTime: (epochMs, timeZone) =>
      formatDate(
        epochMs,
        'datetime',
        {
          year: 'numeric',
          month: 'short',
          day: 'numeric',
          hour: '2-digit',
          minute: '2-digit',
          hourCycle: 'h23'
        },
        timeZone
      ),
    time: (epochMs) =>
      formatDate(
        epochMs,
        'time',
        { hour: '2-digit', minute: '2-digit', second: '2-digit', hourCycle: 'h23' },
        undefined
      ),
    monthName: (month) => {
      if (!Number.isInteger(month) || month < 1 || month > 12) return MISSING_VALUE
      const f = dateFormat('month', { month: 'long', timeZone: 'UTC' })
      return f ? f.format(Date.UTC(2024, month - 1, 15)) : MISSING_VALUE
    },
    monthYear: (year, month) => {
      if (!Number.isInteger(year) || !Number.isInteger(month) || month < 1 || month > 12) return MISSING_VALUE
      const f = dateFormat('monthYear', { year: 'numeric', month: 'long', timeZone: 'UTC' })
      return f ? f.format(Date.UTC(year, month - 1, 15)) : MISSING_VALUE
    },
    calendarDate: (year, month, day) => {
      if (![year, month, day].every(Number.isInteger)) return MISSING_VALUE
      const f = dateFormat('calendarDate', { dateStyle: 'long', timeZone: 'UTC' })
      return f ? f.format(Date.UTC(year, month - 1, day)) : MISSING_VALUE
    },
    list: (items) => {
      try {
        return new Intl.ListFormat(locale, { style: 'long', type: 'conjunction' }).format(items)
      } catch {
        return items.join(', ')
      }
    }
  }
}
