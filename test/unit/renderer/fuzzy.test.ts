import { describe, expect, it } from 'vitest'
import { fuzzyFilter, fuzzyMatch } from '../../../src/renderer/src/commands/fuzzy'

describe('fuzzyMatch', () => {
  it('matches characters in order and reports their positions', () => {
    expect(fuzzyMatch('tgp', 'Toggle Panel')?.positions).toEqual([0, 2, 7])
    expect(fuzzyMatch('panel', 'View: Toggle Panel')?.positions).toEqual([13, 14, 15, 16, 17])
    expect(fuzzyMatch('xyz', 'Toggle Panel')).toBeNull()
  })

  it('is case-insensitive and ignores spaces in the query', () => {
    expect(fuzzyMatch('TOGGLE pan', 'Toggle Panel')).not.toBeNull()
  })

  it('ranks prefixes and word starts above scattered matches', () => {
    const prefix = fuzzyMatch('the', 'Theme: Dark')?.score ?? 0
    const inside = fuzzyMatch('the', 'Open the Settings')?.score ?? 0
    const scattered = fuzzyMatch('the', 'Toggle Hidden Editors')?.score ?? 0
    expect(prefix).toBeGreaterThan(inside)
    expect(inside).toBeGreaterThan(scattered)
  })

  it('matches Chinese text', () => {
    expect(fuzzyMatch('主题', '主题: 深色')?.positions).toEqual([0, 1])
    expect(fuzzyMatch('切面', '视图: 切换面板')).not.toBeNull()
  })

  it('matches everything with an empty query', () => {
    expect(fuzzyMatch('', 'anything')).toEqual({ score: 0, positions: [] })
  })
})

describe('fuzzyFilter', () => {
  const candidates = [
    { item: 'dark', texts: ['主题: 深色', 'Theme: Dark'] },
    { item: 'panel', texts: ['视图: 切换面板', 'View: Toggle Panel'] },
    { item: 'settings', texts: ['首选项: 打开设置', 'Preferences: Open Settings'] }
  ]

  it('finds Chinese titles by their English words', () => {
    const results = fuzzyFilter('toggle panel', candidates)
    expect(results.map((r) => r.item)).toEqual(['panel'])
    // Matched on the English alternative: nothing to highlight in the Chinese label.
    expect(results[0]?.labelPositions).toEqual([])
  })

  it('finds Chinese titles by Chinese and highlights them', () => {
    const results = fuzzyFilter('设置', candidates)
    expect(results.map((r) => r.item)).toEqual(['settings'])
    expect(results[0]?.labelPositions).toEqual([7, 8])
  })

  it('keeps the original order when the query is empty', () => {
    expect(fuzzyFilter('', candidates).map((r) => r.item)).toEqual(['dark', 'panel', 'settings'])
  })

  it('sorts by score', () => {
    const results = fuzzyFilter('dark', [
      { item: 'scattered', texts: ['Do a Random Kick'] },
      { item: 'exact', texts: ['Dark'] }
    ])
    expect(results.map((r) => r.item)).toEqual(['exact', 'scattered'])
  })
})
