import { describe, expect, it } from 'vitest'
import { createCellParsers } from '../../../../src/main/core/import/values/cell-parsers'

describe('createCellParsers', () => {
  it('reads dates in the configured order and zone', () => {
    const parsers = createCellParsers({ dateOrder: 'dmy', timeZone: 'Asia/Shanghai' })
    expect(parsers.dateTime('05/03/2026 14:22')).toEqual({
      ok: true,
      value: Date.parse('2026-03-05T06:22:00Z')
    })
    const us = createCellParsers({ dateOrder: 'mdy', timeZone: 'UTC' })
    expect(us.dateTime('05/03/2026')).toEqual({ ok: true, value: Date.parse('2026-05-03T00:00:00Z') })
  })

  it('reads Excel serials only when the file holds them', () => {
    expect(
      createCellParsers({ dateOrder: null, timeZone: 'UTC', allowSerial: true }).dateTime('45000').ok
    ).toBe(true)
    expect(createCellParsers({ dateOrder: null, timeZone: 'UTC' }).dateTime('45000').ok).toBe(false)
  })

  it('gives yes/no as 1/0 and passes the other parsers through', () => {
    const parsers = createCellParsers({ dateOrder: null, timeZone: 'UTC' })
    expect(parsers.binary('是')).toEqual({ ok: true, value: 1 })
    expect(parsers.binary('no')).toEqual({ ok: true, value: 0 })
    expect(parsers.binary('maybe').ok).toBe(false)
    expect(parsers.number('12%')).toEqual({ ok: true, value: { value: 12, percent: true } })
    expect(parsers.integer('1,024')).toEqual({ ok: true, value: 1024 })
    expect(parsers.tags('a b')).toEqual(['a', 'b'])
  })
})
