import { describe, expect, it } from 'vitest'
import {
  MAX_PERIODS,
  periodContaining,
  timePeriods,
  zonedDayStart
} from '../../../src/main/core/metrics/time-periods'

const day = (text: string) => {
  const [year, month, d] = text.split('-').map(Number) as [number, number, number]
  return { year, month, day: d }
}
const iso = (ms: number) => new Date(ms).toISOString()

describe('zoned day starts', () => {
  it('is local midnight, across offsets and daylight-saving changes', () => {
    expect(iso(zonedDayStart(day('2026-07-01'), 'UTC'))).toBe('2026-07-01T00:00:00.000Z')
    expect(iso(zonedDayStart(day('2026-07-01'), 'Asia/Shanghai'))).toBe('2026-06-30T16:00:00.000Z')
    expect(iso(zonedDayStart(day('2026-07-01'), 'Asia/Kathmandu'))).toBe('2026-06-30T18:15:00.000Z')
    // New York: 8 March 2026 starts in EST (−5), 9 March in EDT (−4).
    expect(iso(zonedDayStart(day('2026-03-08'), 'America/New_York'))).toBe('2026-03-08T05:00:00.000Z')
    expect(iso(zonedDayStart(day('2026-03-09'), 'America/New_York'))).toBe('2026-03-09T04:00:00.000Z')
  })

  it('is the first instant of the day when daylight saving skips midnight', () => {
    // São Paulo, 4 November 2018: clocks went from 00:00 (−3) straight to 01:00 (−2).
    expect(iso(zonedDayStart(day('2018-11-04'), 'America/Sao_Paulo'))).toBe('2018-11-04T03:00:00.000Z')
    expect(iso(zonedDayStart(day('2018-11-03'), 'America/Sao_Paulo'))).toBe('2018-11-03T03:00:00.000Z')
  })
})

describe('periods', () => {
  it('names months and cuts the first and last to the range', () => {
    const months = timePeriods('month', day('2026-01-15'), day('2026-03-02'), 'UTC', 1)
    expect(months.map((p) => [p.key, p.from, p.to])).toEqual([
      ['2026-01', '2026-01-15', '2026-01-31'],
      ['2026-02', '2026-02-01', '2026-02-28'],
      ['2026-03', '2026-03-01', '2026-03-02']
    ])
    expect(iso(months[1]!.start)).toBe('2026-02-01T00:00:00.000Z')
    expect(months[1]!.end).toBe(months[2]!.start)
  })

  it('uses ISO weeks: Monday first, the week-year of the Thursday', () => {
    // 1 January 2026 is a Thursday: its week began on 29 December 2025 and is 2026-W01.
    expect(periodContaining(day('2026-01-01'), 'week', 'UTC', 1)).toMatchObject({
      key: '2026-W01',
      from: '2025-12-29',
      to: '2026-01-04'
    })
    // 1 January 2027 is a Friday: it still belongs to 2026's last week, W53.
    expect(periodContaining(day('2027-01-01'), 'week', 'UTC', 1).key).toBe('2026-W53')
    expect(periodContaining(day('2021-01-03'), 'week', 'UTC', 1).key).toBe('2020-W53')
    expect(periodContaining(day('2024-12-30'), 'week', 'UTC', 1).key).toBe('2025-W01')
  })

  it('names calendar quarters, and fiscal quarters after the year they end in', () => {
    expect(periodContaining(day('2026-08-20'), 'quarter', 'UTC', 1)).toMatchObject({
      key: '2026-Q3',
      from: '2026-07-01',
      to: '2026-09-30'
    })
    // A fiscal year from April: April 2026 – March 2027 is FY2027.
    expect(periodContaining(day('2026-08-20'), 'quarter', 'UTC', 4)).toMatchObject({
      key: 'FY2027-Q2',
      from: '2026-07-01',
      to: '2026-09-30'
    })
    // From February: quarters are Feb–Apr, May–Jul, …; January 2027 ends FY2027.
    expect(periodContaining(day('2027-01-10'), 'quarter', 'UTC', 2)).toMatchObject({
      key: 'FY2027-Q4',
      from: '2026-11-01',
      to: '2027-01-31'
    })
    const quarters = timePeriods('quarter', day('2026-01-01'), day('2026-12-31'), 'UTC', 10)
    expect(quarters.map((q) => q.key)).toEqual(['FY2026-Q2', 'FY2026-Q3', 'FY2026-Q4', 'FY2027-Q1'])
  })

  it('stops at the limit with a message that says what to do', () => {
    expect(() => timePeriods('week', day('2000-01-01'), day('2026-01-01'), 'UTC', 1)).toThrow(
      new RegExp(`More than ${MAX_PERIODS} weeks.*narrow the dates`)
    )
  })
})
