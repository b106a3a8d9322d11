import { describe, expect, it } from 'vitest'
import { experimentNameFromFile } from '../../../../src/main/core/import/layouts/experiment-name'

describe('experimentNameFromFile', () => {
  it.each([
    ['ab_data.csv', 'ab_data'],
    ['/work/shared/data/ab_data.csv', 'ab_data'],
    ['C:\\Users\\me\\Downloads\\首页改版.xlsx', '首页改版'],
    ['checkout.2026-03.ndjson.gz', 'checkout.2026-03'],
    ['results.tsv', 'results'],
    ['README', 'README']
  ])('%s → %s', (file, name) => {
    expect(experimentNameFromFile(file)).toBe(name)
  })

  it('gives nothing without a usable name', () => {
    expect(experimentNameFromFile(undefined)).toBeNull()
    expect(experimentNameFromFile('.csv')).toBeNull()
  })
})
