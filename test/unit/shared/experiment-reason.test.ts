import { describe, expect, it } from 'vitest'
import { experimentReason } from '../../../src/shared/i18n/experiment-reason'

const params = {
  arm: 'personalised',
  lift: 0.2013,
  liftKind: 'relative' as const,
  p: 0.00002,
  alpha: 0.05,
  threshold: 0.05,
  unitsNeededPerArm: null,
  power: 0.8
}

describe('experiment decision reasons, in both languages', () => {
  it('ship', () => {
    expect(experimentReason('en', 'ship', params)).toBe(
      'personalised lifts 20.1% (p < 0.001), at least the minimum of 5.0%.'
    )
    expect(experimentReason('zh-CN', 'ship', params)).toBe(
      'personalised 提升 20.1%（p < 0.001），达到最小实际差异 5.0%。'
    )
  })

  it('inconclusive, with the units per arm 80% power needs', () => {
    const p = { ...params, p: 0.7931, lift: 0.087, unitsNeededPerArm: 16386 }
    expect(experimentReason('en', 'inconclusive', p)).toBe(
      'Not significant (p = 0.793, α = 0.05). Detecting a lift of 5.0% with 80% power needs about 16,386 units per arm.'
    )
    expect(experimentReason('zh-CN', 'inconclusive', p)).toBe(
      '差异不显著（p = 0.793，α = 0.05）。要以 80% 的检验功效检测到 5.0% 的提升，每组约需 16,386 个单位。'
    )
  })

  it('absolute lifts in percentage points; below the threshold; sample-ratio mismatch', () => {
    const p = { ...params, lift: 0.005, liftKind: 'absolute' as const, threshold: 0.01, p: 0.003 }
    expect(experimentReason('en', 'below_threshold', p)).toBe(
      'personalised is better (p = 0.003) but its lift of 0.50 pp is below the minimum of 1.00 pp.'
    )
    expect(experimentReason('zh-CN', 'below_threshold', p)).toBe(
      'personalised 更好（p = 0.003），但提升 0.50 个百分点 低于最小实际差异 1.00 个百分点。'
    )
    expect(experimentReason('en', 'invalid_srm', null)).toMatch(/sample-ratio mismatch, p < 0\.001/)
    expect(experimentReason('zh-CN', 'invalid_srm', null)).toMatch(/样本比例失衡，p < 0\.001/)
  })
})
