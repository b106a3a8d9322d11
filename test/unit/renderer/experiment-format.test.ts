import { describe, expect, it } from 'vitest'
import type {
  Comparison,
  ExperimentResult,
  ExperimentSettings,
  MetricResult
} from '../../../src/shared/domain/experiments'
import { experimentReason } from '../../../src/shared/i18n/experiment-reason'
import { createI18n } from '../../../src/renderer/src/i18n/i18n'
import {
  armValueText,
  cleaningText,
  decisionIcon,
  decisionLabel,
  diffCiText,
  diffText,
  formatLift,
  formatPp,
  liftCiText,
  liftText,
  meanDecimals,
  omnibusText,
  pBeatText,
  pText,
  comparisonHint,
  reasonText,
  settingsText,
  significantText,
  srmText,
  testText,
  thresholdText,
  powerAchievedText,
  unitsNeededText
} from '../../../src/renderer/src/editors/experiments/experiment-format'

const en = createI18n('en', 'en-US')
const zh = createI18n('zh-CN', 'zh-CN')
const SETTINGS: ExperimentSettings = { alpha: 0.05, minLift: 0.05, minLiftKind: 'relative', power: 0.8 }

const comparison = (over: Partial<Comparison> = {}): Comparison => ({
  arm: 'buy_securely',
  test: 'z',
  diff: 0.013750369424276737,
  diffCi95: [0.007227581406763458, 0.020273157441790014],
  relLift: 0.1148152985843165,
  relLiftCi95: [0.05729896517218118, 0.1723316319964518],
  z: 4.13,
  pValue: 3.6000760194732834e-5,
  pValueOneSided: 1.8e-5,
  pValueZ: 3.6e-5,
  pAdjusted: 0.00014400304077893134,
  pAdjustedBH: 0.00014400304077893134,
  pBeat: 0.9999820178037047,
  expectedLossTreatment: 1e-8,
  expectedLossControl: 0.0137,
  significant: true,
  shipRule: { ship: true, reasonCode: 'ship' },
  decision: 'ship',
  reason: 'buy_securely lifts 11.5% (p < 0.001), at least the minimum of 5.0%.',
  reasonCode: 'ship',
  reasonParams: {
    arm: 'buy_securely',
    lift: 0.1148152985843165,
    liftKind: 'relative',
    p: 7.2e-5,
    alpha: 0.05,
    threshold: 0.05,
    unitsNeededPerArm: null,
    power: 0.8
  },
  unitsNeededPerArm: null,
  pDecision: 7.2e-5,
  powerAchieved: 0.99,
  mdeAchieved: 0.02,
  ...over
})

const binary: MetricResult = {
  name: 'converted',
  kind: 'binary',
  primary: true,
  control: 'pay_now',
  arms: [
    { name: 'pay_now', n: 20065, successes: 2403, rate: 0.11976, mean: null, sd: null },
    { name: 'place_order', n: 20064, successes: 2456, rate: 0.12241, mean: null, sd: null }
  ],
  omnibus: { test: 'chi-square', chi2: 19.37996350054151, dof: 2, p: 6.19e-5 },
  comparisons: []
}

const continuous: MetricResult = {
  name: 'revenue',
  kind: 'continuous',
  primary: false,
  control: 'control',
  arms: [
    { name: 'control', n: 29948, successes: null, rate: null, mean: 0.29555, sd: 4.682 },
    { name: 'personalised', n: 30052, successes: null, rate: null, mean: 0.37123, sd: 4.869 }
  ],
  omnibus: null,
  comparisons: []
}

const experiment = (over: Partial<ExperimentResult> = {}): ExperimentResult => ({
  id: 5,
  key: 'reorder_reminder_email',
  name: 'Weekly reorder reminder e-mail',
  control: 'control',
  arms: [
    { name: 'control', units: 14556, intendedShare: 0.5 },
    { name: 'reminder', units: 15444, intendedShare: 0.5 }
  ],
  cleaning: { rowsRead: 30000, exposureMismatchDropped: 0, duplicateUnitsDropped: 0, unitsAnalysed: 30000 },
  srm: { chi2: 26.2848, p: 2.9e-7, flag: true },
  metrics: [],
  ...over
})

describe('experiment formatting', () => {
  it('writes lifts, points, rates and intervals with signs and the right decimals', () => {
    const c = comparison()
    expect(liftText(en, c)).toBe('+11.5%')
    expect(liftCiText(en, c)).toBe('+5.7% to +17.2%')
    expect(liftCiText(zh, c)).toBe('+5.7% 至 +17.2%')
    expect(diffText(en, binary, c)).toBe('+1.38 pp')
    expect(diffCiText(en, binary, c)).toBe('+0.72 pp to +2.03 pp')
    expect(diffText(zh, binary, c)).toBe('+1.38 个百分点')
    expect(formatLift(en, -0.0139)).toBe('−1.4%')
    expect(formatPp(en, -0.0037)).toBe('−0.37 pp')
    expect(armValueText(en, binary, binary.arms[0] as MetricResult['arms'][number])).toBe('11.98%')
  })

  it('gives a mean metric four significant digits of its control', () => {
    expect(meanDecimals(continuous)).toBe(4)
    expect(
      meanDecimals({
        ...continuous,
        arms: [{ ...(continuous.arms[0] as MetricResult['arms'][number]), mean: 46.59 }]
      })
    ).toBe(2)
    expect(armValueText(en, continuous, continuous.arms[0] as MetricResult['arms'][number])).toBe(
      '0.2956 ± 4.6820'
    )
    const c = comparison({ diff: 0.07568, diffCi95: [-0.00075, 0.1521], test: 'welch', pBeat: null })
    expect(diffText(en, continuous, c)).toBe('+0.0757')
    expect(diffCiText(en, continuous, c)).toBe('−0.0008 to +0.1521')
    expect(testText(en, c)).toBe('Welch t')
    expect(pBeatText(en, c)).toBe('—')
    expect(comparisonHint(en, continuous, c, 'pBeat')).toBe('Only for rate metrics (conversions)')
  })

  it('writes p-values and P(beat) without claiming certainty', () => {
    const c = comparison()
    expect(pText(en, c.pValue)).toBe('< 0.001')
    expect(pText(en, 0.41629385559435117)).toBe('0.416')
    expect(pBeatText(en, c)).toBe('> 99.9%')
    expect(pBeatText(en, comparison({ pBeat: 0.7918306381035918 }))).toBe('79.2%')
    expect(pBeatText(en, comparison({ pBeat: 0.00001 }))).toBe('< 0.1%')
    expect(significantText(en, c)).toBe('Yes')
    expect(significantText(zh, comparison({ significant: false }))).toBe('否')
    expect(testText(en, c)).toBe('z-test')
    expect(testText(zh, comparison({ test: 'fisher' }))).toBe('Fisher 精确检验')
  })

  it('shows a dash and says why when a comparison has no test', () => {
    const c = comparison({
      diff: null,
      diffCi95: null,
      relLift: null,
      relLiftCi95: null,
      pValue: null,
      pAdjusted: null,
      pAdjustedBH: null,
      pBeat: null,
      significant: false,
      decision: null,
      reasonCode: 'no_variation',
      reasonParams: null
    })
    for (const text of [
      liftText(en, c),
      liftCiText(en, c),
      diffText(en, binary, c),
      testText(en, c),
      pText(en, c.pValue),
      pBeatText(en, c),
      significantText(en, c)
    ]) {
      expect(text).toBe('—')
    }
    expect(comparisonHint(en, binary, c, 'lift')).toBe(
      'No test: Every unit in both arms had the same outcome: there is no variation to test.'
    )
    expect(decisionLabel(en, null)).toBe('No test')
    expect(decisionIcon(null)).toBe('circle-slash')
    expect(comparisonHint(en, binary, comparison(), 'lift')).toBeUndefined()
  })

  it('words the reason in the UI language from its code, never the English field', () => {
    const c = comparison()
    expect(reasonText(en, c)).toBe(c.reason)
    expect(reasonText(zh, c)).toBe(experimentReason('zh-CN', 'ship', c.reasonParams))
    expect(reasonText(zh, c)).toContain('达到最小实际差异')
    expect(reasonText(en, comparison({ reasonCode: null }))).toBeNull()
    expect(decisionLabel(en, 'below_threshold')).toBe('Below threshold')
    expect(decisionLabel(zh, 'ship')).toBe('上线')
  })

  it('says what the cleaning dropped, and explains a sample-ratio mismatch', () => {
    expect(cleaningText(en, experiment())).toBe('30,000 rows read, none dropped.')
    expect(
      cleaningText(
        en,
        experiment({
          cleaning: {
            rowsRead: 294478,
            exposureMismatchDropped: 3893,
            duplicateUnitsDropped: 1,
            unitsAnalysed: 290584
          }
        })
      )
    ).toBe(
      '294,478 rows read; dropped: 3,893 whose exposure contradicted the assignment and 1 repeated rows of a unit (its first row kept); 290,584 units analysed.'
    )
    const srm = srmText(en, experiment())
    expect(srm).toContain('control 48.5% and reminder 51.5%')
    expect(srm).toContain('control 50.0% and reminder 50.0% were intended')
    expect(srm).toContain('χ² = 26.3, p < 0.001')
  })

  it('writes the omnibus test, the settings and the units an inconclusive test still needs', () => {
    expect(omnibusText(en, binary)).toBe(
      'Chi-square test across the 2 arms: χ² = 19.38, 2 degrees of freedom, p < 0.001.'
    )
    expect(omnibusText(en, continuous)).toBeNull()
    expect(settingsText(en, SETTINGS)).toBe('α = 0.05, minimum lift 5.0%, power 80%')
    expect(thresholdText(en, { minLift: 0.005, minLiftKind: 'absolute' })).toBe('0.50 pp')
    const inconclusive = comparison({
      arm: 'place_order',
      decision: 'inconclusive',
      unitsNeededPerArm: 47141
    })
    expect(unitsNeededText(en, binary, inconclusive, SETTINGS)).toBe(
      'About 47,141 units per arm detect a lift of 5.0% with 80% power; place_order has 20,064, so about 27,077 more per arm (42.6% of the needed sample so far).'
    )
    expect(unitsNeededText(en, binary, comparison(), SETTINGS)).toBeNull()
    expect(
      unitsNeededText(en, binary, comparison({ arm: 'place_order', unitsNeededPerArm: 10000 }), SETTINGS)
    ).toContain('already has 20,064')
  })

  it('writes the power achieved and the smallest lift the test detects, in the kind the metric is decided on', () => {
    const c = comparison({ powerAchieved: 0.4321, mdeAchieved: 0.0834 })
    expect(powerAchievedText(en, binary, c, SETTINGS)).toBe(
      '43.2% chance to detect a lift of 5.0% at these units; with 80% power the test detects lifts of 8.3% or more.'
    )
    expect(powerAchievedText(zh, binary, c, SETTINGS)).toBe(
      '以当前样本量检测到 5.0% 提升的概率为 43.2%；在 80% 的检验功效下，本试验能检测 8.3% 及以上的提升。'
    )
    const absolute: ExperimentSettings = { ...SETTINGS, minLift: 0.005, minLiftKind: 'absolute' }
    expect(
      powerAchievedText(en, binary, comparison({ powerAchieved: 0.9, mdeAchieved: 0.0042 }), absolute)
    ).toBe(
      '90% chance to detect a lift of 0.50 pp at these units; with 80% power the test detects lifts of 0.42 pp or more.'
    )
    // A continuous metric is decided on its relative lift whatever the kind of the minimum lift.
    expect(powerAchievedText(en, continuous, c, absolute)).toContain('a lift of 0.5% at these units')
    expect(
      powerAchievedText(en, binary, comparison({ powerAchieved: null, mdeAchieved: 0.1 }), SETTINGS)
    ).toBe('With 80% power the test detects lifts of 10.0% or more at these units.')
    expect(
      powerAchievedText(en, binary, comparison({ powerAchieved: null, mdeAchieved: null }), SETTINGS)
    ).toBeNull()
  })
})
