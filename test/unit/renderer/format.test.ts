import { describe, expect, it } from 'vitest'
import { MISSING_VALUE, createFormatter } from '../../../src/renderer/src/i18n/format'
import { intlLocale } from '../../../src/renderer/src/i18n/locale'

const en = createFormatter('en-US')
const zh = createFormatter('zh-CN')
const gb = createFormatter('en-GB')

describe('number formatting', () => {
  it('groups thousands by locale', () => {
    expect(en.integer(1234567)).toBe('1,234,567')
    expect(zh.integer(1234567)).toBe('1,234,567')
    expect(createFormatter('de-DE').integer(1234567)).toBe('1.234.567')
  })

  it('limits decimals', () => {
    expect(en.number(3.14159)).toBe('3.14')
    expect(en.number(2)).toBe('2')
    expect(en.percent(0.0512)).toBe('5.1%')
    expect(zh.percent(0.05, 0)).toBe('5%')
  })

  it('formats byte sizes with binary multiples', () => {
    expect(en.bytes(512)).toBe('512 bytes')
    expect(en.bytes(25_481_216)).toBe('24.3 MB')
    expect(en.bytes(1536)).toBe('1.5 kB')
  })

  it('never shows NaN, null or undefined', () => {
    for (const f of [en, zh]) {
      for (const value of [NaN, Infinity, null, undefined]) {
        expect(f.integer(value)).toBe(MISSING_VALUE)
        expect(f.number(value)).toBe(MISSING_VALUE)
        expect(f.percent(value)).toBe(MISSING_VALUE)
        expect(f.bytes(value)).toBe(MISSING_VALUE)
        expect(f.date(value)).toBe(MISSING_VALUE)
        expect(f.dateTime(value)).toBe(MISSING_VALUE)
      }
      expect(f.monthName(13)).toBe(MISSING_VALUE)
    }
  })
})

describe('date formatting', () => {
  const instant = Date.UTC(2026, 4, 10, 22, 30) // 10 May 2026 22:30 UTC

  it('shows datetimes in the given time zone', () => {
    expect(en.dateTime(instant, 'UTC')).toBe('May 10, 2026, 22:30')
    // Shanghai is UTC+8: already the 11th.
    expect(en.dateTime(instant, 'Asia/Shanghai')).toBe('May 11, 2026, 06:30')
    expect(zh.dateTime(instant, 'Asia/Shanghai')).toBe('2026年5月11日 06:30')
  })

  it('falls back to UTC for an unknown time zone instead of failing', () => {
    expect(en.dateTime(instant, 'Mars/Olympus')).toBe('May 10, 2026, 22:30')
  })

  it('formats calendar dates and months per language', () => {
    expect(gb.calendarDate(2026, 5, 10)).toBe('10 May 2026')
    expect(zh.calendarDate(2026, 5, 10)).toBe('2026年5月10日')
    expect(en.monthName(4)).toBe('April')
    expect(zh.monthName(4)).toBe('四月')
    expect(en.monthYear(2026, 4)).toBe('April 2026')
    expect(zh.monthYear(2026, 4)).toBe('2026年4月')
  })
})

describe('intlLocale', () => {
  it('follows the system’s English variant and uses mainland Chinese', () => {
    expect(intlLocale('en', 'en-GB')).toBe('en-GB')
    expect(intlLocale('en', 'de-DE')).toBe('en-US')
    expect(intlLocale('en', undefined)).toBe('en-US')
    expect(intlLocale('zh-CN', 'en-US')).toBe('zh-CN')
  })
})
