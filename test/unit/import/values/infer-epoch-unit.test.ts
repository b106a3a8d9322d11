import { describe, expect, it } from 'vitest'
import { inferEpochUnit } from '../../../../src/main/core/import/values/infer-epoch-unit'

describe('inferEpochUnit', () => {
  it('recognises columns of Unix seconds or milliseconds', () => {
    expect(inferEpochUnit(['1772720551', '1772721000', '', '1772730000'])).toBe('seconds')
    expect(inferEpochUnit(['1772720551123', '1772721000000', '1772730000999'])).toBe('milliseconds')
  })

  it('refuses anything less clear', () => {
    expect(inferEpochUnit(['1772720551', '1772721000'])).toBeNull()
    expect(inferEpochUnit(['1772720551', '1772721000123', '1772730000'])).toBeNull()
    expect(inferEpochUnit(['851104', '804228', '661590'])).toBeNull()
    expect(inferEpochUnit(['13812345678', '13912345678', '15012345678'])).toBeNull()
    expect(inferEpochUnit(['1772720551', '1772721000', 'soon'])).toBeNull()
  })
})
