import { describe, expect, it } from 'vitest'
import { TablePageCache } from '../../../src/renderer/src/editors/table/table-page-cache'
import {
  columnWidth,
  gutterWidth,
  isNumericColumn
} from '../../../src/renderer/src/editors/table/column-layout'

const page = (n: number, size = 10) => Array.from({ length: size }, (_, i) => [n * size + i])

describe('TablePageCache', () => {
  it('finds rows by absolute index', () => {
    const cache = new TablePageCache(10, 5)
    cache.store(2, page(2))
    expect(cache.row(25)).toEqual([25])
    expect(cache.row(5)).toBeUndefined()
  })

  it('lists the pages a range needs, skipping loaded and loading ones', () => {
    const cache = new TablePageCache(10, 5)
    cache.store(0, page(0))
    cache.markLoading(1)
    expect(cache.missingPages(0, 35, 1_000_000)).toEqual([2, 3])
    // Never past the last row.
    expect(cache.missingPages(0, 35, 21)).toEqual([2])
    expect(cache.missingPages(0, 10, 0)).toEqual([])
  })

  it('keeps memory bounded at a million rows, evicting the least recently used', () => {
    const cache = new TablePageCache(200, 3)
    for (let p = 0; p < 5000; p += 1) cache.store(p, page(p, 200))
    expect(cache.size).toBe(3)
    expect(cache.row(999_999)).toEqual([999_999])
    cache.touch([4997])
    cache.store(5000, page(5000, 200))
    expect(cache.row(4997 * 200)).toBeDefined()
    expect(cache.row(4998 * 200)).toBeUndefined()
  })

  it('retries a failed page', () => {
    const cache = new TablePageCache(10, 5)
    cache.markLoading(0)
    cache.failed(0)
    expect(cache.missingPages(0, 5, 100)).toEqual([0])
  })
})

describe('column layout', () => {
  it('gives free text room and keeps numbers narrow and right-aligned', () => {
    expect(columnWidth({ id: 'text', type: 'text' })).toBeGreaterThan(
      columnWidth({ id: 'channel', type: 'text' })
    )
    expect(isNumericColumn({ id: 'revenue', type: 'number' })).toBe(true)
    expect(isNumericColumn({ id: 'createdAt', type: 'datetime' })).toBe(false)
  })

  it('widens the row-number gutter for a million rows', () => {
    expect(gutterWidth(1_000_000)).toBeGreaterThan(gutterWidth(100))
  })
})
