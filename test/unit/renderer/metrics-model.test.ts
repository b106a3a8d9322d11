import { describe, expect, it } from 'vitest'
import type { ChangeTest, MetricsGroup } from '../../../src/shared/domain/metrics'
import {
  axisRange,
  changePeriod,
  chartFileName,
  commentsRequest,
  effectiveSegment,
  isRangeInverted,
  nextSort,
  npsBand,
  rangeArgs,
  segmentChoices,
  segmentRows,
  selectionKey
} from '../../../src/renderer/src/editors/metrics/metrics-model'
import { categoryBands, trendPoints } from '../../../src/renderer/src/editors/metrics/metrics-charts'

const test = (diff: number | null, pAdjusted: number | null): ChangeTest => ({
  diff,
  se: null,
  z: null,
  p: pAdjusted,
  pAdjusted,
  pAdjustedBH: pAdjusted,
  significant: pAdjusted !== null && pAdjusted <= 0.05,
  reason: pAdjusted === null ? 'too_few_responses' : null
})

/** A group with the numbers that matter for sorting. */
function group(
  key: string | null,
  csatN: number,
  npsValue: number | null,
  npsChange: number | null
): MetricsGroup {
  return {
    key,
    csat: {
      n: csatN,
      satisfied: Math.round(csatN * 0.7),
      value: csatN ? 0.7 : null,
      ci95: csatN ? [0.65, 0.75] : null,
      mean: 4,
      reason: csatN ? null : 'no_responses'
    },
    nps: {
      n: 10,
      value: npsValue,
      se: 1,
      ci95: npsValue === null ? null : [npsValue - 5, npsValue + 5],
      ci95Clipped: npsValue === null ? null : [npsValue - 5, npsValue + 5],
      promoters: 0.4,
      passives: 0.3,
      detractors: 0.3,
      counts: { promoters: 4, passives: 3, detractors: 3 },
      reason: null
    },
    change: { against: null, csat: test(0.01, 0.5), nps: test(npsChange, npsChange === null ? null : 0.01) }
  }
}

const GROUPS = [
  group('Basic', 4618, 11.7, -13.1),
  group('Plus', 1596, 21.9, 8.2),
  group('Premier', 462, 35, null),
  group(null, 12, null, null)
]
const label = (key: string | null): string => key ?? 'Not set'
const keys = (groups: MetricsGroup[]): Array<string | null> => groups.map((g) => g.key)

describe('segment table rows', () => {
  it('keep the report order without a sort', () => {
    expect(keys(segmentRows(GROUPS, '', null, label, 'en-US'))).toEqual(['Basic', 'Plus', 'Premier', null])
  })

  it('sort numbers either way with missing values last', () => {
    const desc = segmentRows(GROUPS, '', { column: 'nps-value', direction: 'descending' }, label, 'en-US')
    expect(keys(desc)).toEqual(['Premier', 'Plus', 'Basic', null])
    const asc = segmentRows(GROUPS, '', { column: 'nps-value', direction: 'ascending' }, label, 'en-US')
    expect(keys(asc)).toEqual(['Basic', 'Plus', 'Premier', null])
    const change = segmentRows(GROUPS, '', { column: 'nps-change', direction: 'ascending' }, label, 'en-US')
    expect(keys(change)).toEqual(['Basic', 'Plus', 'Premier', null])
    const n = segmentRows(GROUPS, '', { column: 'csat-n', direction: 'ascending' }, label, 'en-US')
    expect(keys(n)).toEqual([null, 'Premier', 'Plus', 'Basic'])
  })

  it('sort names with "Not set" last', () => {
    const desc = segmentRows(GROUPS, '', { column: 'group', direction: 'descending' }, label, 'en-US')
    expect(keys(desc)).toEqual(['Premier', 'Plus', 'Basic', null])
    const asc = segmentRows(GROUPS, '', { column: 'group', direction: 'ascending' }, label, 'en-US')
    expect(keys(asc)).toEqual(['Basic', 'Plus', 'Premier', null])
  })

  it('filter by the shown label, ignoring case and width', () => {
    expect(keys(segmentRows(GROUPS, 'pl', null, label, 'en-US'))).toEqual(['Plus'])
    expect(keys(segmentRows(GROUPS, ' PREM ', null, label, 'en-US'))).toEqual(['Premier'])
    expect(keys(segmentRows(GROUPS, 'not s', null, label, 'en-US'))).toEqual([null])
    expect(keys(segmentRows(GROUPS, 'ＢＡＳＩＣ', null, label, 'en-US'))).toEqual(['Basic'])
    expect(segmentRows(GROUPS, 'xyz', null, label, 'en-US')).toEqual([])
  })

  it('toggle the direction on a second click; numbers start largest first, names and p A→Z', () => {
    expect(nextSort(null, 'nps-value')).toEqual({ column: 'nps-value', direction: 'descending' })
    expect(nextSort({ column: 'nps-value', direction: 'descending' }, 'nps-value')).toEqual({
      column: 'nps-value',
      direction: 'ascending'
    })
    expect(nextSort(null, 'group').direction).toBe('ascending')
    expect(nextSort(null, 'csat-p').direction).toBe('ascending')
  })
})

describe('dashboard choices', () => {
  const groupings = ['week', 'month', 'quarter', 'channel', 'language', 'tier']

  it('offer channel and segment columns, not time, and fall back to the first', () => {
    expect(segmentChoices(groupings)).toEqual(['channel', 'language', 'tier'])
    expect(effectiveSegment(groupings, null)).toBe('channel')
    expect(effectiveSegment(groupings, 'tier')).toBe('tier')
    expect(effectiveSegment(groupings, 'gone')).toBe('channel')
    expect(effectiveSegment(['week', 'month', 'quarter'], null)).toBeNull()
  })

  it('check and pass on the date range', () => {
    expect(isRangeInverted('2026-05-01', '2026-04-01')).toBe(true)
    expect(isRangeInverted('2026-04-01', '2026-04-01')).toBe(false)
    expect(isRangeInverted('', '2026-04-01')).toBe(false)
    expect(rangeArgs('', '')).toEqual({})
    expect(rangeArgs('2026-01-01', '')).toEqual({ from: '2026-01-01' })
  })

  it('show the change of the chosen period, else the latest', () => {
    const periods = [group('2026-Q1', 1, 1, 1), group('2026-Q2', 1, 1, 1), group('2026-Q3', 1, 1, 1)]
    expect(changePeriod(periods, null)?.key).toBe('2026-Q3')
    expect(changePeriod(periods, '2026-Q2')?.key).toBe('2026-Q2')
    expect(changePeriod(periods, '2025-Q4')?.key).toBe('2026-Q3')
    expect(changePeriod([], null)).toBeNull()
  })

  it('ask for the comments of a period, a segment value, "not set" or an answer', () => {
    expect(commentsRequest({ by: 'quarter', group: '2026-Q3', from: '', to: '' }, 0, 50)).toEqual({
      by: 'quarter',
      group: '2026-Q3',
      offset: 0,
      limit: 50
    })
    expect(commentsRequest({ by: 'tier', group: null, from: '2026-01-01', to: '' }, 50, 50)).toEqual({
      by: 'tier',
      from: '2026-01-01',
      group: null,
      offset: 50,
      limit: 50
    })
    expect(commentsRequest({ by: 'month', npsScore: 0, from: '', to: '2026-06-30' }, 0, 50)).toEqual({
      by: 'month',
      to: '2026-06-30',
      npsScore: 0,
      offset: 0,
      limit: 50
    })
    expect(selectionKey({ by: 'tier', group: null, from: '', to: '' })).not.toBe(
      selectionKey({ by: 'tier', from: '', to: '' })
    )
  })
})

describe('charts', () => {
  it('name exported files after the chart and the latest period', () => {
    expect(chartFileName('nps-trend', '2026-Q3', 'svg')).toBe('loopbench-nps-trend-2026-Q3.svg')
    expect(chartFileName('csat-trend', 'FY2027-Q1', 'png')).toBe('loopbench-csat-trend-FY2027-Q1.png')
    expect(chartFileName('nps-distribution', 'a/b: c', 'png')).toBe('loopbench-nps-distribution-a-b-c.png')
    expect(chartFileName('nps-distribution', null, 'svg')).toBe('loopbench-nps-distribution.svg')
  })

  it('put the y-axis on round steps around the values, within the bounds', () => {
    expect(axisRange([64.9, 71.6, 62.7, 73.7], [0, 100])).toEqual({ min: 60, max: 75, interval: 5 })
    expect(axisRange([-25, 35], [-100, 100])).toEqual({ min: -40, max: 40, interval: 20 })
    expect(axisRange([96, 100], [0, 100]).max).toBe(100)
    expect(axisRange([null, null], [-100, 100])).toEqual({ min: -100, max: 100, interval: 50 })
    const one = axisRange([50], [0, 100])
    expect(one.max).toBeGreaterThan(one.min)
  })

  it('scale trend points: CSAT to percent, NPS as is, gaps as null', () => {
    const [basic, , , notSet] = trendPoints('csat', GROUPS)
    expect(basic).toEqual({ key: 'Basic', value: 70, low: 65, high: 75 })
    expect(notSet?.value).toBe(70)
    expect(trendPoints('nps', GROUPS)[3]).toEqual({ key: '', value: null, low: null, high: null })
  })

  it('lay hit areas over the plot, one per category', () => {
    const bands = categoryBands(4, 450, 224, { top: 14, right: 18, bottom: 28, left: 50 })
    expect(bands).toHaveLength(4)
    expect(bands[0]).toEqual({ left: 50, top: 14, width: 95.5, height: 182 })
    expect(bands[3]?.left).toBeCloseTo(336.5)
    expect(categoryBands(4, 0, 224, { top: 0, right: 0, bottom: 0, left: 0 })).toEqual([])
  })

  it('band NPS answers', () => {
    expect([0, 6, 7, 8, 9, 10].map(npsBand)).toEqual([
      'detractors',
      'detractors',
      'passives',
      'passives',
      'promoters',
      'promoters'
    ])
  })
})
