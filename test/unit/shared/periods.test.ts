import { describe, expect, it } from 'vitest'
import { calendarQuarter, fiscalYearAndQuarter, zonedYearMonth } from '../../../src/shared/domain/periods'

describe('calendarQuarter', () => {
  it('labels calendar quarters', () => {
    expect(calendarQuarter(2026, 1)).toEqual({ year: 2026, quarter: 1, label: '2026-Q1' })
    expect(calendarQuarter(2026, 3)).toEqual({ year: 2026, quarter: 1, label: '2026-Q1' })
    expect(calendarQuarter(2026, 4)).toEqual({ year: 2026, quarter: 2, label: '2026-Q2' })
    expect(calendarQuarter(2026, 8)).toEqual({ year: 2026, quarter: 3, label: '2026-Q3' })
    expect(calendarQuarter(2026, 12)).toEqual({ year: 2026, quarter: 4, label: '2026-Q4' })
  })

  it('rejects months outside 1–12', () => {
    expect(() => calendarQuarter(2026, 0)).toThrow(RangeError)
    expect(() => calendarQuarter(2026, 13)).toThrow(RangeError)
    expect(() => calendarQuarter(2026, 2.5)).toThrow(RangeError)
  })
})

describe('fiscalYearAndQuarter', () => {
  it('names a fiscal year starting in April for the calendar year in which it ends', () => {
    expect(fiscalYearAndQuarter(2026, 5, 4)).toEqual({ fiscalYear: 2027, quarter: 1, label: 'FY2027-Q1' })
    expect(fiscalYearAndQuarter(2026, 4, 4)).toEqual({ fiscalYear: 2027, quarter: 1, label: 'FY2027-Q1' })
    expect(fiscalYearAndQuarter(2026, 3, 4)).toEqual({ fiscalYear: 2026, quarter: 4, label: 'FY2026-Q4' })
    expect(fiscalYearAndQuarter(2026, 12, 4)).toEqual({ fiscalYear: 2027, quarter: 3, label: 'FY2027-Q3' })
    expect(fiscalYearAndQuarter(2027, 1, 4)).toEqual({ fiscalYear: 2027, quarter: 4, label: 'FY2027-Q4' })
  })

  it('handles an October start', () => {
    expect(fiscalYearAndQuarter(2026, 10, 10)).toEqual({ fiscalYear: 2027, quarter: 1, label: 'FY2027-Q1' })
    expect(fiscalYearAndQuarter(2026, 9, 10)).toEqual({ fiscalYear: 2026, quarter: 4, label: 'FY2026-Q4' })
    expect(fiscalYearAndQuarter(2027, 1, 10)).toEqual({ fiscalYear: 2027, quarter: 2, label: 'FY2027-Q2' })
  })

  it('uses calendar quarters when the fiscal year starts in January', () => {
    expect(fiscalYearAndQuarter(2026, 8, 1)).toEqual({ fiscalYear: 2026, quarter: 3, label: '2026-Q3' })
    expect(fiscalYearAndQuarter(2026, 1, 1)).toEqual({ fiscalYear: 2026, quarter: 1, label: '2026-Q1' })
  })

  it('puts every month of a fiscal year in the same year, three months per quarter', () => {
    for (let start = 2; start <= 12; start += 1) {
      const quarters: number[] = []
      for (let i = 0; i < 12; i += 1) {
        const month = ((start - 1 + i) % 12) + 1
        const year = month >= start ? 2026 : 2027
        const period = fiscalYearAndQuarter(year, month, start)
        expect(period.fiscalYear).toBe(2027)
        quarters.push(period.quarter)
      }
      expect(quarters).toEqual([1, 1, 1, 2, 2, 2, 3, 3, 3, 4, 4, 4])
    }
  })

  it('rejects an invalid start month', () => {
    expect(() => fiscalYearAndQuarter(2026, 5, 0)).toThrow(RangeError)
    expect(() => fiscalYearAndQuarter(2026, 5, 13)).toThrow(RangeError)
  })
})

describe('zonedYearMonth', () => {
  it('reads the calendar date in a time zone', () => {
    // 2026-03-31T20:00Z is already 1 April in Shanghai (UTC+8) but still 31 March in UTC.
    const instant = Date.UTC(2026, 2, 31, 20, 0)
    expect(zonedYearMonth(instant, 'UTC')).toEqual({ year: 2026, month: 3, day: 31 })
    expect(zonedYearMonth(instant, 'Asia/Shanghai')).toEqual({ year: 2026, month: 4, day: 1 })
  })
})
