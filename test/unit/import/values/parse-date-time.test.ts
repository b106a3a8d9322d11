import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { parseDateTime } from '../../../../src/main/core/import/values/parse-date-time'

const utc = (iso: string): number => Date.parse(iso)

/** The wall time an instant shows in a zone, formatted by Intl independently of the parser. */
function intlWall(epochMs: number, timeZone: string): string {
  const parts = new Intl.DateTimeFormat('en-CA', {
    timeZone,
    hourCycle: 'h23',
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    hour: '2-digit',
    minute: '2-digit',
    second: '2-digit'
  }).formatToParts(new Date(epochMs))
  const get = (t: string): string => parts.find((p) => p.type === t)!.value
  return `${get('year')}-${get('month')}-${get('day')} ${get('hour')}:${get('minute')}:${get('second')}`
}

function ok(raw: string, options: Parameters<typeof parseDateTime>[1] = {}): number {
  const result = parseDateTime(raw, options)
  if (!result.ok) throw new Error(`expected '${raw}' to parse, got: ${result.reason}`)
  return result.value
}

function reason(raw: string, options: Parameters<typeof parseDateTime>[1] = {}): string {
  const result = parseDateTime(raw, options)
  if (result.ok)
    throw new Error(`expected '${raw}' to be rejected, got ${new Date(result.value).toISOString()}`)
  return result.reason
}

describe('parseDateTime: formats', () => {
  it.each([
    ['2026-03-05', '2026-03-05T00:00:00Z'],
    ['2026-03-05T14:22:31Z', '2026-03-05T14:22:31Z'],
    ['2026-03-05T14:22:31.250Z', '2026-03-05T14:22:31.250Z'],
    ['2026-03-05T14:22:31+08:00', '2026-03-05T06:22:31Z'],
    ['2026-03-05T14:22:31+0800', '2026-03-05T06:22:31Z'],
    ['2026-03-05T14:22:31-05:00', '2026-03-05T19:22:31Z'],
    ['2026-03-05 14:22:31 UTC', '2026-03-05T14:22:31Z'],
    ['2026-03-05 14:22:31 +0800', '2026-03-05T06:22:31Z'],
    ['2026-03-05 14:22', '2026-03-05T14:22:00Z'],
    ['2017-01-21 22:11:48.556739', '2017-01-21T22:11:48.556Z'],
    ['2026/03/05 14:22', '2026-03-05T14:22:00Z'],
    ['2026/3/5', '2026-03-05T00:00:00Z'],
    ['2026.03.05', '2026-03-05T00:00:00Z'],
    ['2026/03/05 2:22:31 PM GMT+8', '2026-03-05T06:22:31Z'],
    ['2026年3月5日', '2026-03-05T00:00:00Z'],
    ['2026年03月05日 14:22', '2026-03-05T14:22:00Z'],
    ['2026年3月5日 下午2:22', '2026-03-05T14:22:00Z'],
    ['2026年3月5日上午9:05', '2026-03-05T09:05:00Z'],
    ['2026年3月5日 晚上11点', '2026-03-05T23:00:00Z'],
    ['2026年3月5日 14时22分31秒', '2026-03-05T14:22:31Z'],
    ['２０２６年３月５日', '2026-03-05T00:00:00Z'],
    ['Mar 5, 2026 2:22 PM', '2026-03-05T14:22:00Z'],
    ['March 5, 2026', '2026-03-05T00:00:00Z'],
    ['Thursday, March 5, 2026 at 9:00 AM', '2026-03-05T09:00:00Z'],
    ['5 March 2026', '2026-03-05T00:00:00Z'],
    ['5 Mar 2026 14:22', '2026-03-05T14:22:00Z'],
    ['05-Mar-2026', '2026-03-05T00:00:00Z'],
    ['05/Mar/26 2:22 PM', '2026-03-05T14:22:00Z'],
    ['12/Mar/26 12:05 AM', '2026-03-12T00:05:00Z'],
    ['Thu, 05 Mar 2026 14:22:31 GMT', '2026-03-05T14:22:31Z'],
    ['Sept 30, 2025', '2025-09-30T00:00:00Z'],
    ['20260305', '2026-03-05T00:00:00Z'],
    ['  2026-03-05  ', '2026-03-05T00:00:00Z']
  ])('%s', (raw, iso) => {
    expect(ok(raw)).toBe(utc(iso))
  })

  it('reads numeric dates in the order given', () => {
    expect(ok('05/03/2026', { order: 'dmy' })).toBe(utc('2026-03-05T00:00:00Z'))
    expect(ok('05/03/2026', { order: 'mdy' })).toBe(utc('2026-05-03T00:00:00Z'))
    expect(ok('5.3.26', { order: 'dmy' })).toBe(utc('2026-03-05T00:00:00Z'))
    expect(ok('3/5/2026 14:22', { order: 'mdy' })).toBe(utc('2026-03-05T14:22:00Z'))
    expect(ok('03/15/2026 09:02:11 AM', { order: 'mdy' })).toBe(utc('2026-03-15T09:02:11Z'))
    expect(ok('05-03-2026', { order: 'dmy' })).toBe(utc('2026-03-05T00:00:00Z'))
  })

  it('decides unambiguous numeric dates without an order and asks for the rest', () => {
    expect(ok('25/03/2026')).toBe(utc('2026-03-25T00:00:00Z'))
    expect(ok('03/25/2026')).toBe(utc('2026-03-25T00:00:00Z'))
    expect(ok('07/07/2026')).toBe(utc('2026-07-07T00:00:00Z'))
    expect(reason('05/03/2026')).toBe("ambiguous date '05/03/2026': choose day-first or month-first")
  })

  it('reads two-digit years with the POSIX pivot', () => {
    expect(ok('01/Jan/69')).toBe(utc('2069-01-01T00:00:00Z'))
    expect(ok('01/Jan/70')).toBe(utc('1970-01-01T00:00:00Z'))
  })
})

describe('parseDateTime: rejections and their reasons', () => {
  it.each([
    ['31/02/2026', { order: 'dmy' as const }, "not a date: '31/02/2026'"],
    ['2026-02-29', {}, "not a date: '2026-02-29'"],
    ['2026-13-01', {}, "not a date: '2026-13-01'"],
    ['2026-04-31 10:00', {}, "not a date: '2026-04-31 10:00'"],
    ['2026-03-05 24:00', {}, "not a valid time of day: '2026-03-05 24:00'"],
    ['2026-03-05 13:22 PM', {}, "not a valid time of day: '2026-03-05 13:22 PM'"],
    ['2026-03-05 10:61', {}, "not a valid time of day: '2026-03-05 10:61'"],
    ['2026-03-05T10:00:00+25:00', {}, "not a valid UTC offset: '2026-03-05T10:00:00+25:00'"],
    ['yesterday', {}, "not a date: 'yesterday'"],
    ['n/a', {}, "not a date: 'n/a'"],
    ['45000', {}, "not a date: '45000' (a plain number)"],
    ['', {}, 'empty date'],
    ['2026-03-05', { timeZone: 'Mars/Olympus_Mons' }, "unknown time zone 'Mars/Olympus_Mons'"]
  ])('%s', (raw, options, expected) => {
    expect(reason(raw, options)).toBe(expected)
  })

  it('accepts 29 February in leap years only', () => {
    expect(ok('2024-02-29')).toBe(utc('2024-02-29T00:00:00Z'))
    expect(ok('2000-02-29')).toBe(utc('2000-02-29T00:00:00Z'))
    expect(reason('1900-02-29')).toBe("not a date: '1900-02-29'")
  })
})

describe('parseDateTime: time zones', () => {
  it('reads wall-clock values in the zone given and leaves values with an offset alone', () => {
    expect(ok('2026-03-05 14:22', { timeZone: 'Asia/Shanghai' })).toBe(utc('2026-03-05T06:22:00Z'))
    expect(ok('2026年3月5日 下午2:22', { timeZone: 'Asia/Shanghai' })).toBe(utc('2026-03-05T06:22:00Z'))
    expect(ok('2026-03-05 14:22', { timeZone: 'Asia/Kolkata' })).toBe(utc('2026-03-05T08:52:00Z'))
    expect(ok('2026-03-05T14:22:00Z', { timeZone: 'Asia/Shanghai' })).toBe(utc('2026-03-05T14:22:00Z'))
    expect(ok('2026/03/05 2:22:31 PM GMT+8', { timeZone: 'America/New_York' })).toBe(
      utc('2026-03-05T06:22:31Z')
    )
  })

  // Europe/Berlin: 2026-03-29 02:00 CET → 03:00 CEST; 2026-10-25 03:00 CEST → 02:00 CET.
  // America/New_York: 2026-03-08 02:00 EST → 03:00 EDT; 2026-11-01 02:00 EDT → 01:00 EST.
  it.each([
    ['Europe/Berlin', '2026-03-29 01:59:59'],
    ['Europe/Berlin', '2026-03-29 03:00:00'],
    ['Europe/Berlin', '2026-10-25 01:59:59'],
    ['Europe/Berlin', '2026-10-25 03:00:00'],
    ['America/New_York', '2026-03-08 01:59:59'],
    ['America/New_York', '2026-03-08 03:00:00'],
    ['America/New_York', '2026-11-01 00:59:59'],
    ['America/New_York', '2026-11-01 02:00:00'],
    ['Australia/Sydney', '2026-04-05 01:30:00'],
    ['Australia/Sydney', '2026-10-04 03:30:00'],
    ['Asia/Shanghai', '2026-07-01 12:00:00']
  ])('%s %s next to a transition shows the same wall time in Intl', (timeZone, wall) => {
    expect(intlWall(ok(wall, { timeZone }), timeZone)).toBe(wall)
  })

  it('reads a wall time that occurs twice (clocks go back) as the earlier instant', () => {
    // 02:30 happens at 00:30Z (CEST, +2) and again at 01:30Z (CET, +1).
    expect(ok('2026-10-25 02:30', { timeZone: 'Europe/Berlin' })).toBe(utc('2026-10-25T00:30:00Z'))
    // 01:30 happens at 05:30Z (EDT, −4) and again at 06:30Z (EST, −5).
    expect(ok('2026-11-01 01:30', { timeZone: 'America/New_York' })).toBe(utc('2026-11-01T05:30:00Z'))
  })

  it('moves a wall time skipped when clocks go forward by the size of the gap', () => {
    const berlin = ok('2026-03-29 02:30', { timeZone: 'Europe/Berlin' })
    expect(berlin).toBe(utc('2026-03-29T01:30:00Z'))
    expect(intlWall(berlin, 'Europe/Berlin')).toBe('2026-03-29 03:30:00')
    const newYork = ok('2026-03-08 02:30', { timeZone: 'America/New_York' })
    expect(newYork).toBe(utc('2026-03-08T07:30:00Z'))
    expect(intlWall(newYork, 'America/New_York')).toBe('2026-03-08 03:30:00')
  })

  it('round-trips any instant formatted as wall time in a zone (property, checked against Intl)', () => {
    const zones = [
      'Europe/Berlin',
      'America/New_York',
      'Asia/Shanghai',
      'Australia/Sydney',
      'America/Sao_Paulo',
      'UTC'
    ]
    fc.assert(
      fc.property(
        fc.integer({ min: Date.UTC(1975, 0, 1) / 1000, max: Date.UTC(2090, 0, 1) / 1000 }),
        fc.constantFrom(...zones),
        (seconds, timeZone) => {
          const instant = seconds * 1000
          const wall = intlWall(instant, timeZone)
          const back = ok(wall, { timeZone })
          // The same wall time; the same instant unless the wall time occurs twice (then the earlier).
          expect(intlWall(back, timeZone)).toBe(wall)
          expect(back === instant || (back < instant && instant - back <= 3_600_000)).toBe(true)
        }
      ),
      { numRuns: 400 }
    )
  })

  it('round-trips ISO strings with offsets and numeric dates in both orders (property)', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: Date.UTC(1950, 0, 1), max: Date.UTC(2100, 0, 1) }),
        fc.integer({ min: -12 * 4, max: 14 * 4 }),
        (instant, quarterHours) => {
          const offsetMin = quarterHours * 15
          const local = new Date(instant + offsetMin * 60_000)
          const sign = offsetMin < 0 ? '-' : '+'
          const abs = Math.abs(offsetMin)
          const pad = (n: number, w = 2): string => String(n).padStart(w, '0')
          const iso = `${local.toISOString().slice(0, 23)}${sign}${pad(Math.floor(abs / 60))}:${pad(abs % 60)}`
          expect(ok(iso)).toBe(instant)
          const d = pad(local.getUTCDate())
          const m = pad(local.getUTCMonth() + 1)
          const y = local.getUTCFullYear()
          const midnight = Date.UTC(y, local.getUTCMonth(), local.getUTCDate())
          expect(ok(`${d}/${m}/${y}`, { order: 'dmy' })).toBe(midnight)
          expect(ok(`${m}/${d}/${y}`, { order: 'mdy' })).toBe(midnight)
        }
      ),
      { numRuns: 300 }
    )
  })
})

describe('parseDateTime: epochs and Excel serials', () => {
  it('reads Unix seconds and milliseconds only when the column is declared to hold them', () => {
    expect(ok('1772720551', { epoch: 'seconds' })).toBe(1_772_720_551_000)
    expect(ok('1772720551123', { epoch: 'milliseconds' })).toBe(1_772_720_551_123)
    expect(reason('1772720551.5', { epoch: 'seconds' })).toBe("not a Unix time: '1772720551.5'")
    expect(reason('1772720551')).toBe("not a date: '1772720551' (a plain number)")
  })

  it.each([
    ['1', '1900-01-01T00:00:00Z'],
    ['59', '1900-02-28T00:00:00Z'],
    ['61', '1900-03-01T00:00:00Z'],
    ['25569', '1970-01-01T00:00:00Z'],
    ['45000', '2023-03-15T00:00:00Z'],
    ['46086.598969907', '2026-03-05T14:22:31Z'],
    ['2958465', '9999-12-31T00:00:00Z']
  ])('Excel serial %s (1900 date system)', (raw, iso) => {
    expect(ok(raw, { allowSerial: true })).toBe(utc(iso))
  })

  it('rejects the 1900-02-29 Excel invented and serials out of range', () => {
    expect(reason('60', { allowSerial: true })).toBe("not an Excel date serial: '60'")
    expect(reason('0', { allowSerial: true })).toBe("not an Excel date serial: '0'")
    expect(reason('2958466', { allowSerial: true })).toBe("not an Excel date serial: '2958466'")
  })

  it('reads serial wall times in the zone given', () => {
    expect(ok('45000.25', { allowSerial: true, timeZone: 'Asia/Shanghai' })).toBe(utc('2023-03-14T22:00:00Z'))
  })
})
