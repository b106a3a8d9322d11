import { describe, expect, it } from 'vitest'
import { inferDateOrder } from '../../../../src/main/core/import/values/infer-date-order'

describe('inferDateOrder', () => {
  it('is day-first when any first part is above 12', () => {
    expect(inferDateOrder(['05/03/2026', '11/04/2026', '25/03/2026 14:22'])).toBe('dmy')
    expect(inferDateOrder(['1.2.2026', '31.12.2025'])).toBe('dmy')
  })

  it('is month-first when any second part is above 12', () => {
    expect(inferDateOrder(['03/05/2026 02:22 PM', '03/15/2026 09:02:11 AM'])).toBe('mdy')
  })

  it('is ambiguous when every value has both parts at most 12, or the column contradicts itself', () => {
    expect(inferDateOrder(['05/03/2026', '01/02/2026', '12/11/2025'])).toBe('ambiguous')
    expect(inferDateOrder(['13/01/2026', '01/13/2026'])).toBe('ambiguous')
  })

  it('decides from the whole column, not the first value', () => {
    const column = [...Array.from({ length: 500 }, () => '04/05/2026'), '04/30/2026']
    expect(inferDateOrder(column)).toBe('mdy')
  })

  it('is ymd when no value depends on the order', () => {
    expect(inferDateOrder(['2026-03-05', '2026/03/05 14:22', '2026年3月5日', 'Mar 5, 2026'])).toBe('ymd')
    expect(inferDateOrder(['', '  '])).toBe('ymd')
    expect(inferDateOrder(['07/07/2026', '2026-01-01'])).toBe('ymd')
  })
})
