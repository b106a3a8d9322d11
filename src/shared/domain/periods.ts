/**
 * Calendar and fiscal periods. A fiscal year is named for the calendar year in which it ends: with
 * a fiscal year starting in April, April 2026 – March 2027 is FY2027. A start month of 1 means the
 * fiscal year is the calendar year, and periods are labelled as calendar quarters (`2026-Q3`).
 */

export type QuarterNumber = 1 | 2 | 3 | 4

/** A calendar quarter, e.g. `{ year: 2026, quarter: 3, label: '2026-Q3' }`. */
export interface CalendarQuarter {
  year: number
  quarter: QuarterNumber
  label: string
}

/** A fiscal quarter, e.g. `{ fiscalYear: 2027, quarter: 1, label: 'FY2027-Q1' }`. */
export interface FiscalQuarter {
  fiscalYear: number
  quarter: QuarterNumber
  label: string
}

/** A year and month (1–12) as seen in one time zone. */
export interface ZonedYearMonth {
  year: number
  month: number
  day: number
}

function assertMonth(month: number, name: string): void {
  if (!Number.isInteger(month) || month < 1 || month > 12) {
    throw new RangeError(`${name} must be an integer from 1 to 12, got ${month}`)
  }
}

function assertYear(year: number): void {
  if (!Number.isInteger(year)) throw new RangeError(`year must be an integer, got ${year}`)
}

const toQuarter = (zeroBasedMonthIndex: number): QuarterNumber =>
  (Math.floor(zeroBasedMonthIndex / 3) + 1) as QuarterNumber

/** The calendar quarter of a month (1–12). */
export function calendarQuarter(year: number, month: number): CalendarQuarter {
  assertYear(year)
  assertMonth(month, 'month')
  const quarter = toQuarter(month - 1)
  return { year, quarter, label: `${year}-Q${quarter}` }
}

/**
 * The fiscal year and quarter of a month (1–12) for a fiscal year starting in
 * `fiscalYearStartMonth`; with a January start this is the calendar quarter.
 */
export function fiscalYearAndQuarter(
  year: number,
  month: number,
  fiscalYearStartMonth: number
): FiscalQuarter {
  assertYear(year)
  assertMonth(month, 'month')
  assertMonth(fiscalYearStartMonth, 'fiscalYearStartMonth')
  if (fiscalYearStartMonth === 1) {
    const { quarter, label } = calendarQuarter(year, month)
    return { fiscalYear: year, quarter, label }
  }
  const monthsIntoYear = (month - fiscalYearStartMonth + 12) % 12
  const quarter = toQuarter(monthsIntoYear)
  // Months from the start month onwards belong to the fiscal year that ends next calendar year.
  const fiscalYear = month >= fiscalYearStartMonth ? year + 1 : year
  return { fiscalYear, quarter, label: `FY${fiscalYear}-Q${quarter}` }
}

/** The calendar year, month (1–12) and day of an instant in an IANA time zone. */
export function zonedYearMonth(epochMs: number, timeZone: string): ZonedYearMonth {
  const parts = new Intl.DateTimeFormat('en-US', {
    timeZone,
    year: 'numeric',
    month: 'numeric',
    day: 'numeric',
    calendar: 'gregory',
    numberingSystem: 'latn'
  }).formatToParts(new Date(epochMs))
  const part = (type: Intl.DateTimeFormatPartTypes): number =>
    Number(parts.find((p) => p.type === type)?.value ?? NaN)
  return { year: part('year'), month: part('month'), day: part('day') }
}
