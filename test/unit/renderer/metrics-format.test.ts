import { describe, expect, it } from 'vitest'
import type { ChangeTest, CsatSummary, NpsSummary } from '../../../src/shared/domain/metrics'
import { createI18n } from '../../../src/renderer/src/i18n/i18n'
import { createFormatter } from '../../../src/renderer/src/i18n/format'
import {
  adjustedPText,
  changeDetails,
  changeText,
  commentsCountText,
  csatIntervalText,
  csatValueText,
  formatChange,
  formatCount,
  formatInterval,
  formatNps,
  formatPValue,
  formatShare,
  groupLabel,
  groupingLabel,
  meanText,
  npsIntervalText,
  npsValueText,
  responsesText,
  significanceText
} from '../../../src/renderer/src/editors/metrics/metrics-format'
import { distributionTooltip, trendTooltip } from '../../../src/renderer/src/editors/metrics/metrics-tooltips'
import { escapeHtml } from '../../../src/shared/html'

const en = createI18n('en', 'en-US')
const zh = createI18n('zh-CN', 'zh-CN')

const csat = (over: Partial<CsatSummary> = {}): CsatSummary => ({
  n: 6676,
  satisfied: 4601,
  value: 0.689185140802876,
  ci95: [0.6779768105128708, 0.7001758770280034],
  mean: 3.7823547034152187,
  reason: null,
  ...over
})
const nps = (over: Partial<NpsSummary> = {}): NpsSummary => ({
  n: 4892,
  value: 15.658217497955846,
  se: 1.1559970431296682,
  ci95: [13.3925049271869, 17.92393006872479],
  ci95Clipped: [13.3925049271869, 17.92393006872479],
  promoters: 0.417,
  passives: 0.322,
  detractors: 0.261,
  counts: { promoters: 2042, passives: 1574, detractors: 1276 },
  reason: null,
  ...over
})
const tested = (over: Partial<ChangeTest> = {}): ChangeTest => ({
  diff: -13.010590015128594,
  se: 3.1477,
  z: -4.13,
  p: 0.000035751462596573884,
  pAdjusted: 0.00017875731298286942,
  pAdjustedBH: 0.00010725438778972165,
  significant: true,
  reason: null,
  ...over
})
const untested = (reason: ChangeTest['reason'], diff: number | null = null): ChangeTest => ({
  diff,
  se: null,
  z: null,
  p: null,
  pAdjusted: null,
  pAdjustedBH: null,
  significant: false,
  reason
})

/** Text that must never reach the screen. */
const GARBAGE = /NaN|Infinity|undefined|null|\{\w+\}/

describe('metrics formatting', () => {
  it('writes shares with one decimal, NPS with its sign, counts with grouping', () => {
    expect(formatShare(en, 0.689185)).toBe('68.9%')
    expect(formatShare(en, 0.7)).toBe('70.0%')
    expect(formatShare(zh, 0.7)).toBe('70.0%')
    expect(formatNps(en, 15.658)).toBe('+15.7')
    expect(formatNps(en, -13.0106)).toBe('−13.0')
    expect(formatNps(en, 0)).toBe('0.0')
    // Rounded to zero is zero, without a sign.
    expect(formatNps(en, -0.04)).toBe('0.0')
    expect(formatNps(zh, -13.0106)).toBe('−13.0')
    expect(formatCount(en, 6676)).toBe('6,676')
    expect(formatCount(zh, 1234567)).toBe('1,234,567')
    expect(createFormatter('de-DE').signed(-1234.56, 1)).toBe('−1.234,6')
  })

  it('writes p-values with three decimals and a floor', () => {
    expect(formatPValue(en, 0.0312)).toBe('p = 0.031')
    expect(formatPValue(en, 0.00017)).toBe('p < 0.001')
    expect(formatPValue(en, 1)).toBe('p = 1.000')
    expect(formatPValue(en, 0.0312, true)).toBe('0.031')
    expect(formatPValue(en, 0.00001, true)).toBe('< 0.001')
    expect(formatPValue(en, null)).toBe('—')
    expect(formatPValue(en, Number.NaN)).toBe('—')
  })

  it('writes intervals per metric and language', () => {
    expect(formatInterval(en, 'csat', [0.678, 0.7002])).toBe('67.8% to 70.0%')
    expect(formatInterval(en, 'nps', [-3.52, 12.37])).toBe('−3.5 to +12.4')
    expect(formatInterval(zh, 'nps', [13.39, 17.92])).toBe('+13.4 至 +17.9')
    expect(csatIntervalText(en, csat())).toBe('67.8% to 70.0%')
    expect(npsIntervalText(en, nps())).toBe('+13.4 to +17.9')
  })

  it('shows the clipped NPS interval', () => {
    const wide = nps({ value: 95, ci95: [88, 102], ci95Clipped: [88, 100] })
    expect(npsIntervalText(en, wide)).toBe('+88.0 to +100.0')
  })

  it('writes changes in points: CSAT from a difference of shares, NPS as is', () => {
    expect(formatChange(en, 'csat', -0.06568866)).toBe('−6.6 pts')
    expect(formatChange(en, 'nps', 0.9682989)).toBe('+1.0 pts')
    expect(formatChange(zh, 'csat', -0.06568866)).toBe('−6.6 个百分点')
    expect(formatChange(zh, 'nps', -13.01)).toBe('−13.0 分')
    expect(changeText(en, 'nps', tested())).toBe('−13.0 pts')
    expect(adjustedPText(en, tested())).toBe('p < 0.001')
    expect(adjustedPText(en, tested({ pAdjusted: 0.4425 }), true)).toBe('0.443')
    expect(significanceText(en, tested())).toBe('Significant')
    expect(significanceText(en, tested({ significant: false }))).toBe('Not significant')
  })

  it('says why a value, an interval or a test is missing, in words', () => {
    const none = csat({ n: 0, satisfied: 0, value: null, ci95: null, mean: null, reason: 'no_responses' })
    expect(csatValueText(en, none)).toBe('No responses')
    expect(csatIntervalText(en, none)).toBe('No responses')
    const one = csat({ n: 1, satisfied: 1, value: 1, ci95: null, mean: 5, reason: 'single_response' })
    expect(csatValueText(en, one)).toBe('100.0%')
    expect(csatIntervalText(en, one)).toBe('One response')
    const flat = nps({ n: 40, value: 100, se: 0, ci95: null, ci95Clipped: null, reason: 'no_variation' })
    expect(npsValueText(en, flat)).toBe('+100.0')
    expect(npsIntervalText(en, flat)).toBe('No variation')
    expect(npsIntervalText(zh, flat)).toBe('回答无差异')
    expect(changeText(en, 'csat', untested('no_responses'))).toBe('No responses')
    expect(changeText(en, 'csat', untested('too_few_responses', 0.021))).toBe('+2.1 pts')
    expect(adjustedPText(en, untested('too_few_responses', 0.021))).toBe('Too few responses')
    expect(significanceText(en, untested('too_few_responses', 0.021))).toBe('Too few responses')
    expect(significanceText(zh, untested('single_response'))).toBe('仅一条回复')
    expect(changeText(en, 'nps', null)).toBe('Not tested')
  })

  it('explains how a change was tested', () => {
    const settings = { significanceLevel: 0.05, minSampleSize: 30 }
    expect(changeDetails(en, tested(), '2026-Q2', settings)).toEqual([
      'Compared with 2026-Q2',
      'Unadjusted: p < 0.001',
      'Holm-adjusted: p < 0.001',
      'Benjamini–Hochberg-adjusted: p < 0.001',
      'Significant at α = 0.05 after Holm adjustment'
    ])
    expect(changeDetails(en, untested('too_few_responses', 0.01), null, settings)).toEqual([
      'Compared with all other responses in the range',
      'Not tested: Too few responses',
      'Fewer than 30 responses on a side: no significance is claimed.'
    ])
  })

  it('counts responses, comments and answers in each language', () => {
    expect(responsesText(en, 1)).toBe('1 response')
    expect(responsesText(en, 6676)).toBe('6,676 responses')
    expect(responsesText(zh, 6676)).toBe('6,676 条回复')
    expect(commentsCountText(en, 1)).toBe('1 comment')
    expect(commentsCountText(en, 64)).toBe('64 comments')
    expect(meanText(en, 3.78235, 5)).toBe('Mean score 3.78 of 5')
  })

  it('names groups and groupings', () => {
    expect(groupLabel(en, null)).toBe('Not set')
    expect(groupLabel(zh, null)).toBe('未填写')
    expect(groupLabel(en, 'Basic')).toBe('Basic')
    expect(groupingLabel(en, 'channel')).toBe('Channel')
    expect(groupingLabel(zh, 'channel')).toBe('渠道')
    expect(groupingLabel(zh, 'quarter')).toBe('季度')
    expect(groupingLabel(en, 'tier')).toBe('tier')
  })

  it('never writes NaN, Infinity, undefined or null', () => {
    for (const f of [en, zh]) {
      for (const bad of [Number.NaN, Number.POSITIVE_INFINITY, null, undefined]) {
        expect(formatShare(f, bad)).not.toMatch(GARBAGE)
        expect(formatNps(f, bad)).not.toMatch(GARBAGE)
        expect(formatCount(f, bad)).not.toMatch(GARBAGE)
        expect(formatPValue(f, bad)).not.toMatch(GARBAGE)
      }
      const empty = csat({ n: 0, satisfied: 0, value: null, ci95: null, mean: null, reason: null })
      expect(csatValueText(f, empty)).not.toMatch(GARBAGE)
      expect(csatIntervalText(f, empty)).not.toMatch(GARBAGE)
      expect(meanText(f, null, 5)).not.toMatch(GARBAGE)
    }
  })
})

describe('chart tooltips', () => {
  it('escape what came from an import', () => {
    expect(escapeHtml(`<b onclick="x">&'`)).toBe('&lt;b onclick=&quot;x&quot;&gt;&amp;&#39;')
  })

  it('describe a period with its value, interval, responses and change', () => {
    const html = trendTooltip(en, 'nps', {
      key: '2026-Q3',
      csat: csat(),
      nps: nps({ value: 7.9425 }),
      change: { against: '2026-Q2', csat: null, nps: tested() }
    })
    expect(html).toContain('2026-Q3')
    expect(html).toContain('NPS +7.9')
    expect(html).toContain('4,892 responses')
    expect(html).toContain('vs 2026-Q2: −13.0 pts · Significant')
    expect(distributionTooltip(en, 3, 102, 4892)).toContain('102 answers')
    expect(distributionTooltip(en, 3, 102, 4892)).toContain('2.1%')
  })
})
