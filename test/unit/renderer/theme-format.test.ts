import { describe, expect, it } from 'vitest'
import type { ThemeImpact } from '../../../src/shared/domain/themes'
import { createI18n } from '../../../src/renderer/src/i18n/i18n'
import {
  changeHint,
  changeText,
  csatPointsText,
  formatThemeShare,
  impactHint,
  impactSampleText,
  impactShortText,
  impactSourceText,
  intervalText,
  monthLabel,
  npsPointsText,
  sparklineHint,
  ticketsText
} from '../../../src/renderer/src/editors/themes/theme-format'
import { SURVEY_IMPACT } from './theme-fixtures'

const en = createI18n('en', 'en-US')
const zh = createI18n('zh-CN', 'zh-CN')
const UNKNOWN: ThemeImpact = {
  source: 'unknown',
  csatDiff: null,
  csatDiffCi95: null,
  npsDiff: null,
  npsDiffCi95: null,
  n: 0,
  nOthers: 0
}

describe('the change against the previous quarter', () => {
  it('is a signed percentage, with a decimal under 10%', () => {
    expect(changeText(en, { previousQuarter: 40, currentQuarter: 50, change: 0.25 })).toBe('+25%')
    expect(changeText(en, { previousQuarter: 50, currentQuarter: 40, change: -0.2 })).toBe('\u221220%')
    expect(changeText(en, { previousQuarter: 1000, currentQuarter: 1004, change: 0.004 })).toBe('+0.4%')
    expect(changeText(en, { previousQuarter: 10, currentQuarter: 10, change: 0 })).toBe('0%')
    expect(changeText(en, { previousQuarter: 10, currentQuarter: 45, change: 3.5 })).toBe('+350%')
  })

  it('says "new" when the previous quarter had none, and a dash when there is nothing to compare', () => {
    expect(changeText(en, { previousQuarter: 0, currentQuarter: 8, change: null })).toBe('new')
    expect(changeText(zh, { previousQuarter: 0, currentQuarter: 8, change: null })).toBe('新出现')
    expect(changeText(en, { previousQuarter: 0, currentQuarter: 0, change: null })).toBe('—')
  })

  it('spells out both quarters in the tooltip', () => {
    const trend = { previousQuarter: 40, currentQuarter: 50, change: 0.25 }
    expect(changeHint(en, trend, '2026-Q2', '2026-Q1')).toBe(
      '+25% against 2026-Q1: 50 tickets in 2026-Q2, 40 tickets in 2026-Q1'
    )
    expect(changeHint(zh, trend, '2026-Q2', '2026-Q1')).toBe(
      '相比 2026-Q1 +25%：2026-Q2 50 条工单，2026-Q1 40 条工单'
    )
    expect(
      changeHint(en, { previousQuarter: 0, currentQuarter: 1, change: null }, '2026-Q2', '2026-Q1')
    ).toBe('New in 2026-Q2: 1 ticket, none in 2026-Q1')
    expect(changeHint(en, trend, '2026-Q1', null)).toBe(
      '50 tickets in 2026-Q1; no earlier quarter to compare'
    )
    expect(changeHint(en, trend, null, null)).toBe('No quarter with tickets to compare.')
  })
})

describe('the satisfaction impact', () => {
  it('writes CSAT differences in percentage points and NPS in points, with their intervals', () => {
    expect(csatPointsText(en, -0.0624)).toBe('\u22126.2 pts')
    expect(csatPointsText(zh, -0.0624)).toBe('\u22126.2 个百分点')
    expect(npsPointsText(en, -13.04)).toBe('\u221213.0 points')
    expect(intervalText(en, 'csat', [-0.091, -0.033])).toBe('\u22129.1 to \u22123.3 pts')
    expect(intervalText(en, 'nps', [-20.5, 5.6])).toBe('\u221220.5 to +5.6 points')
  })

  it('is short in the list: the CSAT difference, "unknown", or too few ratings', () => {
    expect(impactShortText(en, SURVEY_IMPACT)).toBe('CSAT \u22126.2')
    expect(impactShortText(zh, SURVEY_IMPACT)).toBe('满意度 \u22126.2')
    expect(impactShortText(en, UNKNOWN)).toBe('CSAT unknown')
    expect(impactShortText(zh, UNKNOWN)).toBe('满意度未知')
    expect(impactShortText(en, { ...SURVEY_IMPACT, csatDiff: null })).toBe('CSAT: too few')
  })

  it('names its source and sample on both sides', () => {
    expect(impactSourceText(en, 'surveys')).toBe('Survey responses')
    expect(impactSourceText(zh, 'ticket_ratings')).toBe('工单评分')
    expect(impactSampleText(en, SURVEY_IMPACT)).toBe(
      '123 survey responses from customers who raised it, 4,567 from the others'
    )
    expect(impactSampleText(en, { ...SURVEY_IMPACT, source: 'ticket_ratings' })).toBe(
      '123 rated tickets of this theme, 4,567 of the others'
    )
    expect(impactSampleText(en, UNKNOWN)).toContain('unknown')
  })

  it('explains itself in the tooltip, line by line', () => {
    expect(impactHint(en, SURVEY_IMPACT).split('\n')).toEqual([
      'CSAT \u22126.2 pts against customers without this complaint (95% CI \u22129.1 to \u22123.3 pts)',
      'NPS \u221213.0 points (95% CI \u221220.5 to \u22125.6 points)',
      '123 survey responses from customers who raised it, 4,567 from the others'
    ])
    expect(impactHint(en, { ...SURVEY_IMPACT, csatDiff: null, npsDiff: null }).split('\n')[0]).toBe(
      'CSAT: too few ratings on one side to compare.'
    )
  })

  it('never writes NaN, undefined or a placeholder for missing values', () => {
    const broken: ThemeImpact = {
      ...SURVEY_IMPACT,
      csatDiff: Number.NaN,
      csatDiffCi95: [Number.NaN, 1],
      npsDiff: null,
      npsDiffCi95: null
    }
    for (const f of [en, zh]) {
      const texts = [
        impactShortText(f, broken),
        impactHint(f, broken),
        csatPointsText(f, null),
        intervalText(f, 'csat', broken.csatDiffCi95),
        changeText(f, { previousQuarter: 3, currentQuarter: 2, change: Number.NaN }),
        formatThemeShare(f, Number.NaN),
        ticketsText(f, null)
      ]
      for (const text of texts) expect(text).not.toMatch(/NaN|undefined|null|\{\w+\}/)
    }
  })
})

describe('counts, shares and months', () => {
  it('writes tickets, shares and months in the language', () => {
    expect(ticketsText(en, 1)).toBe('1 ticket')
    expect(ticketsText(en, 1234)).toBe('1,234 tickets')
    expect(ticketsText(zh, 1234)).toBe('1,234 条工单')
    expect(formatThemeShare(en, 0.1234)).toBe('12.3%')
    expect(monthLabel(en, '2026-05')).toBe('May 2026')
    expect(monthLabel(zh, '2026-05')).toBe('2026年5月')
    expect(monthLabel(en, '2026-W19')).toBe('2026-W19')
  })

  it('describes the sparkline with its range and busiest month', () => {
    expect(sparklineHint(en, [3, 9, 4], ['2026-04', '2026-05', '2026-06'])).toBe(
      'Tickets per month, April 2026 to June 2026; most in May 2026 (9)'
    )
    expect(sparklineHint(en, [], [])).toBe('No tickets per month yet')
  })
})
