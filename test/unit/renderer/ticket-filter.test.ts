import { describe, expect, it } from 'vitest'
import {
  EMPTY_FILTER,
  filterKey,
  isFilterActive,
  isRangeInverted,
  parseDay,
  ticketFilterRequest,
  timeZoneOffsetMs,
  zonedStartOfDay
} from '../../../src/renderer/src/editors/table/ticket-filter'

describe('ticket filter → data.page request', () => {
  it('sends nothing when nothing filters', () => {
    expect(ticketFilterRequest(EMPTY_FILTER, 'UTC')).toBeUndefined()
    expect(ticketFilterRequest({ ...EMPTY_FILTER, search: '   ' }, 'UTC')).toBeUndefined()
    expect(isFilterActive(EMPTY_FILTER)).toBe(false)
    expect(filterKey(undefined)).toBe('')
  })

  it('trims and collapses the search, keeping Chinese as typed', () => {
    expect(ticketFilterRequest({ ...EMPTY_FILTER, search: '  退款   refund ' }, 'UTC')).toEqual({
      search: '退款 refund'
    })
  })

  it('turns calendar days into the first and last instant of those days in the workspace zone', () => {
    const shanghai = ticketFilterRequest(
      { ...EMPTY_FILTER, from: '2026-03-01', to: '2026-03-31' },
      'Asia/Shanghai'
    )
    // "To" is inclusive for the user, so the request's exclusive end is the next day's start.
    expect(shanghai).toEqual({
      from: Date.UTC(2026, 1, 28, 16),
      to: Date.UTC(2026, 2, 31, 16)
    })
    const utc = ticketFilterRequest({ ...EMPTY_FILTER, to: '2026-03-05' }, 'UTC')
    expect(utc).toEqual({ to: Date.UTC(2026, 2, 6) })
  })

  it('follows daylight saving time', () => {
    // New York moves to UTC−4 on 8 March 2026.
    expect(zonedStartOfDay(2026, 3, 7, 'America/New_York')).toBe(Date.UTC(2026, 2, 7, 5))
    expect(zonedStartOfDay(2026, 3, 9, 'America/New_York')).toBe(Date.UTC(2026, 2, 9, 4))
    expect(timeZoneOffsetMs(Date.UTC(2026, 0, 1), 'Asia/Shanghai')).toBe(8 * 3600_000)
  })

  it('sorts and de-duplicates channels and statuses, so the same choice is the same request', () => {
    const a = ticketFilterRequest(
      { ...EMPTY_FILTER, channels: ['phone', 'email', 'phone'], statuses: ['open'] },
      'UTC'
    )
    const b = ticketFilterRequest(
      { ...EMPTY_FILTER, channels: ['email', 'phone'], statuses: ['open'] },
      'UTC'
    )
    expect(a).toEqual({ channels: ['email', 'phone'], statuses: ['open'] })
    expect(filterKey(a)).toBe(filterKey(b))
  })

  it('sends themes as sorted, unique ids, so that the same choice is the same request', () => {
    const a = ticketFilterRequest({ ...EMPTY_FILTER, themes: ['12', '3', '12'] }, 'UTC')
    const b = ticketFilterRequest({ ...EMPTY_FILTER, themes: ['3', '12'] }, 'UTC')
    expect(a).toEqual({ themes: [3, 12] })
    expect(filterKey(a)).toBe(filterKey(b))
    expect(isFilterActive({ ...EMPTY_FILTER, themes: ['3'] })).toBe(true)
    // Anything that is not a theme id is left out rather than sent.
    expect(ticketFilterRequest({ ...EMPTY_FILTER, themes: ['', 'x', '0', '2.5'] }, 'UTC')).toBeUndefined()
  })

  it('combines themes with the other filters', () => {
    expect(
      ticketFilterRequest({ ...EMPTY_FILTER, search: 'refund', channels: ['email'], themes: ['7'] }, 'UTC')
    ).toEqual({ search: 'refund', channels: ['email'], themes: [7] })
  })

  it('sends "no value" as null, after the named values', () => {
    expect(ticketFilterRequest({ ...EMPTY_FILTER, channels: ['', 'phone'] }, 'UTC')).toEqual({
      channels: ['phone', null]
    })
  })

  it('makes an inverted range match nothing rather than swapping it silently', () => {
    const draft = { ...EMPTY_FILTER, from: '2026-04-02', to: '2026-04-01' }
    expect(isRangeInverted(draft)).toBe(true)
    const request = ticketFilterRequest(draft, 'UTC')
    expect(request?.to).toBe(request?.from)
  })

  it('accepts only real calendar days', () => {
    expect(parseDay('2026-02-29')).toBeNull()
    expect(parseDay('2028-02-29')).toEqual({ year: 2028, month: 2, day: 29 })
    expect(parseDay('2026/02/01')).toBeNull()
    expect(ticketFilterRequest({ ...EMPTY_FILTER, from: 'garbage' }, 'UTC')).toBeUndefined()
  })
})
