import { describe, expect, it } from 'vitest'
import type { MetricsPlan, MetricsReport } from '../../../src/shared/domain/metrics'
import { MetricsPlanRequestSchema } from '../../../src/shared/domain/metrics'
import { createI18n } from '../../../src/renderer/src/i18n/i18n'
import {
  planMarginText,
  planMixText,
  planText
} from '../../../src/renderer/src/editors/metrics/metrics-format'
import type { PlanForm, PlanMix } from '../../../src/renderer/src/editors/metrics/metrics-model'
import {
  hasPlanMix,
  parsePlanNumber,
  planMix,
  planRequest
} from '../../../src/renderer/src/editors/metrics/metrics-model'

const en = createI18n('en', 'en-US')
const zh = createI18n('zh-CN', 'zh-CN')

const MIX: PlanMix = { nps: { promoters: 0.43, detractors: 0.27 }, csat: 0.69 }
const NO_MIX: PlanMix = { nps: null, csat: null }
const form = (over: Partial<PlanForm>): PlanForm => ({
  metric: 'nps',
  mode: 'sample-size',
  value: '5',
  useMix: false,
  ...over
})

/** Text that must never reach the screen. */
const GARBAGE = /NaN|Infinity|undefined|null|\{\w+\}/

describe('survey planner requests', () => {
  it('reads typed numbers: grouping commas, full-width digits, decimals', () => {
    expect(parsePlanNumber('1000')).toBe(1000)
    expect(parsePlanNumber(' 1,000 ')).toBe(1000)
    expect(parsePlanNumber('１０００')).toBe(1000)
    expect(parsePlanNumber('2.5')).toBe(2.5)
    expect(parsePlanNumber('.5')).toBe(0.5)
    for (const bad of ['', '  ', 'abc', '5x', '-5', '+5', '1e3', '1.2.3', '.', 'NaN', 'Infinity']) {
      expect(parsePlanNumber(bad), bad).toBeNull()
    }
  })

  it('asks NPS margins in points and CSAT margins as shares', () => {
    expect(planRequest(form({ value: '5' }), NO_MIX)).toEqual({
      ok: true,
      request: { metric: 'nps', margin: 5 }
    })
    expect(planRequest(form({ metric: 'csat', value: '3' }), NO_MIX)).toEqual({
      ok: true,
      request: { metric: 'csat', margin: 0.03 }
    })
    expect(planRequest(form({ mode: 'margin', value: '1,000' }), NO_MIX)).toEqual({
      ok: true,
      request: { metric: 'nps', n: 1000 }
    })
  })

  it("sends the range's mix only when asked and on offer", () => {
    expect(planRequest(form({ useMix: true }), MIX)).toEqual({
      ok: true,
      request: { metric: 'nps', margin: 5, promoters: 0.43, detractors: 0.27 }
    })
    expect(planRequest(form({ metric: 'csat', mode: 'margin', value: '400', useMix: true }), MIX)).toEqual({
      ok: true,
      request: { metric: 'csat', n: 400, share: 0.69 }
    })
    expect(planRequest(form({ useMix: false }), MIX)).toEqual({
      ok: true,
      request: { metric: 'nps', margin: 5 }
    })
    expect(planRequest(form({ useMix: true }), NO_MIX)).toEqual({
      ok: true,
      request: { metric: 'nps', margin: 5 }
    })
  })

  it('refuses what the API would refuse, with a reason', () => {
    const error = (over: Partial<PlanForm>): unknown => {
      const result = planRequest(form(over), MIX)
      return result.ok ? null : result.error
    }
    for (const value of ['0', '', 'abc', '2.5', '-3'])
      expect(error({ mode: 'margin', value }), value).toBe('n')
    expect(error({ mode: 'margin', value: '2000000000' })).toBe('n_max')
    for (const value of ['0', '', 'five', '100.5', '-1']) expect(error({ value }), value).toBe('nps_margin')
    expect(error({ value: '100' })).toBeNull()
    for (const value of ['0', '100', '150', 'x']) {
      expect(error({ metric: 'csat', value }), value).toBe('csat_margin')
    }
    expect(error({ metric: 'csat', value: '99.9' })).toBeNull()
  })

  it('builds only requests the contract accepts', () => {
    const forms: PlanForm[] = [
      form({}),
      form({ useMix: true }),
      form({ metric: 'csat', value: '0.5', useMix: true }),
      form({ metric: 'csat', value: '99.9' }),
      form({ mode: 'margin', value: '1' }),
      form({ metric: 'csat', mode: 'margin', value: '1,000,000,000', useMix: true })
    ]
    for (const f of forms) {
      const result = planRequest(f, MIX)
      expect(result.ok).toBe(true)
      if (result.ok) expect(MetricsPlanRequestSchema.safeParse(result.request).success, f.value).toBe(true)
    }
  })

  it("takes the mix from the report's overall numbers, none without responses", () => {
    const overall = {
      nps: { n: 10, promoters: 0.5, detractors: 0.2 },
      csat: { n: 8, value: 0.75 }
    } as unknown as MetricsReport['overall']
    const mix = planMix(overall)
    expect(mix).toEqual({ nps: { promoters: 0.5, detractors: 0.2 }, csat: 0.75 })
    expect(hasPlanMix(mix, 'nps')).toBe(true)
    const empty = planMix({
      nps: { n: 0, promoters: null, detractors: null },
      csat: { n: 0, value: null }
    } as unknown as MetricsReport['overall'])
    expect(empty).toEqual(NO_MIX)
    expect(hasPlanMix(empty, 'csat')).toBe(false)
  })
})

describe('survey planner sentences', () => {
  const nps = (n: number, margin: number, assumption: MetricsPlan['assumption']): MetricsPlan => ({
    metric: 'nps',
    n,
    margin,
    assumption
  })

  it('says how many responses a margin needs', () => {
    expect(planText(en, 'sample-size', nps(1537, 4.9987, 'worst_case'))).toBe(
      '1,537 responses give ±5.0 NPS points at 95% (worst case: half promoters, half detractors).'
    )
    expect(planText(en, 'sample-size', nps(1, 0, 'given'))).toBe(
      '1 response gives ±0.0 NPS points at 95% (this range’s mix).'
    )
    expect(
      planText(en, 'sample-size', { metric: 'csat', n: 1068, margin: 0.029988, assumption: 'worst_case' })
    ).toBe('1,068 responses give ±3.0 percentage points of CSAT at 95% (worst case: 50% satisfied).')
    expect(planText(zh, 'sample-size', nps(1537, 4.9987, 'worst_case'))).toBe(
      '需要 1,537 条回复，误差范围才能达到 NPS ±5.0 分（95% 置信水平；最坏情况：推荐者与贬损者各占一半）。'
    )
  })

  it('says the margin a number of responses gives', () => {
    expect(planText(en, 'margin', nps(1000, 6.1981, 'given'))).toBe(
      'With 1,000 responses the margin is ±6.2 NPS points at 95% (this range’s mix).'
    )
    expect(planText(zh, 'margin', { metric: 'csat', n: 1000, margin: 0.031, assumption: 'given' })).toBe(
      '有 1,000 条回复时，误差范围为 CSAT ±3.1 个百分点（95% 置信水平；按本范围的构成）。'
    )
  })

  it('writes margins and mixes without garbage', () => {
    expect(planMarginText(en, 'csat', 0.03)).toBe('±3.0 percentage points of CSAT')
    expect(planMixText(en, 'nps', MIX)).toBe('promoters 43.0%, detractors 27.0%')
    expect(planMixText(zh, 'csat', MIX)).toBe('满意 69.0%')
    expect(planMixText(en, 'nps', NO_MIX)).toBeNull()
    for (const f of [en, zh]) {
      for (const mode of ['sample-size', 'margin'] as const) {
        expect(planText(f, mode, nps(2, 0.5, 'worst_case'))).not.toMatch(GARBAGE)
      }
    }
  })
})
