import { describe, expect, it } from 'vitest'
import {
  appendTickets,
  changeDirection,
  excludesZero,
  groupThemes,
  impactTone,
  sparklineShape,
  taxonomyFileName,
  themeName
} from '../../../src/renderer/src/editors/themes/theme-model'
import { theme } from './theme-fixtures'

describe('the side bar ranks themes', () => {
  it('pinned first, then by volume, the other bucket last whatever its size; excluded apart', () => {
    const groups = groupThemes([
      theme({ id: 1, size: 50 }),
      theme({ id: 2, size: 900, kind: 'other' }),
      theme({ id: 3, size: 200 }),
      theme({ id: 4, size: 10, pinned: true }),
      theme({ id: 5, size: 300, status: 'excluded' }),
      theme({ id: 6, size: 80, status: 'excluded' }),
      theme({ id: 7, size: 500, status: 'merged' }),
      theme({ id: 8, size: 200 })
    ])
    // Equal sizes keep the backend's order (by id), so that the list and `themes.list` agree.
    expect(groups.ranked.map((t) => t.id)).toEqual([4, 3, 8, 1, 2])
    expect(groups.excluded.map((t) => t.id)).toEqual([5, 6])
  })

  it('leaves merged themes out (they live on in their target) and copes with none', () => {
    expect(groupThemes([theme({ id: 1, status: 'merged' })])).toEqual({ ranked: [], excluded: [] })
    expect(groupThemes([])).toEqual({ ranked: [], excluded: [] })
  })

  it('names a theme by its label, else its generated label, never blank', () => {
    expect(themeName(theme({ id: 1, label: 'Refunds' }))).toBe('Refunds')
    expect(themeName(theme({ id: 2, label: '  ', generatedLabel: 'late refund' }))).toBe('late refund')
    expect(themeName(theme({ id: 3, label: '', generatedLabel: '' }))).toBe('#3')
  })
})

describe('quarter-over-quarter change', () => {
  it('reads up, down and flat from the change', () => {
    expect(changeDirection({ previousQuarter: 40, currentQuarter: 50, change: 0.25 })).toBe('up')
    expect(changeDirection({ previousQuarter: 50, currentQuarter: 40, change: -0.2 })).toBe('down')
    expect(changeDirection({ previousQuarter: 50, currentQuarter: 50, change: 0 })).toBe('flat')
  })

  it('is "new" when the previous quarter had none, and nothing when neither had any', () => {
    expect(changeDirection({ previousQuarter: 0, currentQuarter: 12, change: null })).toBe('new')
    expect(changeDirection({ previousQuarter: 0, currentQuarter: 0, change: null })).toBe('none')
    expect(changeDirection({ previousQuarter: 5, currentQuarter: 3, change: Number.NaN })).toBe('none')
  })
})

describe('satisfaction impact', () => {
  it('is negative when the complaint drags satisfaction down, unknown without a source', () => {
    expect(impactTone('surveys', -0.05)).toBe('negative')
    expect(impactTone('ticket_ratings', 0.02)).toBe('positive')
    expect(impactTone('surveys', 0)).toBe('neutral')
    expect(impactTone('surveys', null)).toBe('neutral')
    expect(impactTone('surveys', Number.NaN)).toBe('neutral')
    expect(impactTone('unknown', -0.05)).toBe('unknown')
  })

  it('calls a difference clear only when its interval stays on one side of zero', () => {
    expect(excludesZero([-0.09, -0.03])).toBe(true)
    expect(excludesZero([0.01, 0.2])).toBe(true)
    expect(excludesZero([-0.09, 0.03])).toBe(false)
    expect(excludesZero(null)).toBe(false)
    expect(excludesZero([Number.NaN, -1])).toBe(false)
  })
})

describe('the sparkline', () => {
  it('spreads the months across the box, zero at the bottom and the top month at the top', () => {
    const shape = sparklineShape([0, 5, 10], 56, 16, 1.5)
    expect(shape?.line).toBe('1.5,14.5 28,8 54.5,1.5')
    expect(shape?.area).toBe('1.5,14.5 1.5,14.5 28,8 54.5,1.5 54.5,14.5')
    expect(shape?.max).toBe(10)
  })

  it('draws a flat line for no tickets or one month, and nothing for no months', () => {
    expect(sparklineShape([0, 0, 0], 56, 16)?.line).toBe('1.5,14.5 28,14.5 54.5,14.5')
    expect(sparklineShape([7], 56, 16)?.line).toBe('1.5,1.5 54.5,1.5')
    expect(sparklineShape([], 56, 16)).toBeNull()
    expect(sparklineShape([1, 2], 2, 2)).toBeNull()
  })

  it('never writes NaN, whatever the values', () => {
    const shape = sparklineShape([Number.NaN, -3, Number.POSITIVE_INFINITY, 4], 56, 16)
    expect(shape?.line).not.toMatch(/NaN|Infinity/)
    expect(shape?.area).not.toMatch(/NaN|Infinity/)
  })
})

describe('helpers', () => {
  it('names the taxonomy file after the day', () => {
    expect(taxonomyFileName(new Date(2026, 4, 9, 14, 2))).toBe('loopbench-taxonomy-2026-05-09.json')
  })

  it('adds a page of tickets without repeating those shown', () => {
    const shown = [{ id: 1 }, { id: 2 }]
    expect(appendTickets(shown, [{ id: 2 }, { id: 3 }]).map((t) => t.id)).toEqual([1, 2, 3])
  })
})
