import { describe, expect, it } from 'vitest'
import { isValidTimeZone, offsetAt, wallTimeAt } from '../../../src/main/core/time/time-zone'

describe('time-zone offsets from Intl', () => {
  it('knows valid IANA zones and refuses others', () => {
    expect(isValidTimeZone('Asia/Shanghai')).toBe(true)
    expect(isValidTimeZone('Europe/Berlin')).toBe(true)
    expect(isValidTimeZone('Mars/Olympus_Mons')).toBe(false)
  })

  it('gives offsets on both sides of DST transitions', () => {
    const hour = 3_600_000
    expect(offsetAt(Date.parse('2026-03-29T00:59:59Z'), 'Europe/Berlin')).toBe(hour)
    expect(offsetAt(Date.parse('2026-03-29T01:00:00Z'), 'Europe/Berlin')).toBe(2 * hour)
    expect(offsetAt(Date.parse('2026-11-01T05:59:59Z'), 'America/New_York')).toBe(-4 * hour)
    expect(offsetAt(Date.parse('2026-11-01T06:00:00Z'), 'America/New_York')).toBe(-5 * hour)
    expect(offsetAt(Date.parse('2026-07-01T00:00:00Z'), 'Asia/Kathmandu')).toBe(5.75 * hour)
  })

  it('gives the same offset inside an hour however often it is asked (cache)', () => {
    const t = Date.parse('2026-10-25T00:30:00Z')
    expect(offsetAt(t, 'Europe/Berlin')).toBe(2 * 3_600_000)
    expect(offsetAt(t + 1_800_000, 'Europe/Berlin')).toBe(3_600_000)
    expect(offsetAt(t, 'Europe/Berlin')).toBe(2 * 3_600_000)
  })

  it('gives the wall time at an instant, milliseconds included', () => {
    expect(wallTimeAt(Date.parse('2026-03-05T06:22:31.250Z'), 'Asia/Shanghai')).toEqual({
      year: 2026,
      month: 3,
      day: 5,
      hour: 14,
      minute: 22,
      second: 31,
      millisecond: 250
    })
  })
})
