import { describe, expect, it } from 'vitest'
import { compareProportions } from '../../../src/main/core/stats/two-proportion'
import { chiSquareTest, fisherExact } from '../../../src/main/core/stats/contingency'
import { welchTest } from '../../../src/main/core/stats/welch'
import { goodnessOfFit } from '../../../src/main/core/stats/goodness-of-fit'
import { bayesBinomial } from '../../../src/main/core/stats/bayes-binomial'
import { sampleSize } from '../../../src/main/core/stats/sample-size'
import { shipRule } from '../../../src/main/core/experiments/ship-rule'
import type { ReferenceCase } from '../../helpers/stats-reference'
import {
  expectMatchesCase,
  expectReference,
  referenceCases,
  referenceDatasets
} from '../../helpers/stats-reference'

type Arm = { successes: number; trials: number }
const cases = (kind: string): Array<[string, ReferenceCase]> => referenceCases(kind).map((c) => [c.id, c])

/**
 * The experiment statistics against every case of the shared reference file, each to its stated
 * tolerance; the file is read at test time, so new cases are picked up.
 */
describe('experiment statistics match the reference values', () => {
  it('has cases of every kind', () => {
    for (const kind of [
      'two_proportion',
      'chi_square',
      'fisher_exact',
      'welch_t',
      'srm',
      'sample_size',
      'bayes_binomial',
      'practical_threshold'
    ])
      expect(referenceCases(kind).length, kind).toBeGreaterThan(0)
  })

  it.each(cases('two_proportion'))('%s', (_id, c) => {
    const { control, treatment } = c.input as { control: Arm; treatment: Arm }
    const r = compareProportions(control, treatment)
    expectMatchesCase(c, {
      p1: r.controlRate,
      p2: r.treatmentRate,
      abs_diff: r.diff,
      relative_lift: r.relLift,
      pooled_p: r.pooledRate,
      z: r.z,
      p_two_sided: r.pTwoSided,
      p_one_sided_greater: r.pOneSidedGreater,
      se_unpooled: r.seUnpooled,
      abs_diff_ci95: r.diffCi95,
      relative_lift_se_delta: r.relLiftSe,
      relative_lift_ci95_delta: r.relLiftCi95,
      relative_lift_ci95_log_delta: r.relLiftCi95Log
    })
  })

  it.each(cases('chi_square'))('%s', (_id, c) => {
    const { successes, trials } = c.input as { successes: number[]; trials: number[] }
    const r = chiSquareTest(successes, trials)!
    expectMatchesCase(
      c,
      {
        chi2: r.chi2,
        dof: r.dof,
        p: r.p,
        min_expected_count: r.minExpected,
        yates_chi2: r.yatesChi2,
        yates_p: r.yatesP
      },
      ['dof']
    )
  })

  it.each(cases('fisher_exact'))('%s', (_id, c) => {
    const { table } = c.input as { table: [[number, number], [number, number]] }
    const r = fisherExact(table)
    expectMatchesCase(c, {
      odds_ratio: r.oddsRatio,
      p_two_sided: r.pTwoSided,
      p_less: r.pLess,
      p_greater: r.pGreater
    })
  })

  it.each(cases('welch_t'))('%s', (_id, c) => {
    const { control, treatment } = c.input as {
      control: { mean: number; sd: number; n: number }
      treatment: typeof control
    }
    const r = welchTest(control, treatment)
    expectMatchesCase(c, {
      diff: r.diff,
      se: r.se,
      t: r.t,
      df: r.df,
      p_two_sided: r.pTwoSided,
      t_crit_975: r.tCrit975,
      ci95: r.ci95
    })
  })

  it.each(cases('srm'))('%s', (_id, c) => {
    const { counts, intended_split, alpha } = c.input as {
      counts: number[]
      intended_split: number[]
      alpha: number
    }
    const r = goodnessOfFit(counts, intended_split)!
    expectMatchesCase(
      c,
      {
        total: r.total,
        expected_counts: r.expected,
        chi2: r.chi2,
        dof: r.dof,
        p: r.p,
        srm_detected: r.p < alpha
      },
      ['total', 'dof']
    )
  })

  it.each(cases('sample_size'))('%s', (_id, c) => {
    const input = c.input as {
      baseline: number
      mde: number
      mde_type: 'absolute' | 'relative'
      alpha: number
      power: number
      ratio: number
    }
    expect((c.input as { alternative: string }).alternative).toBe('two-sided')
    const r = sampleSize({
      baseline: input.baseline,
      mde: input.mde,
      mdeKind: input.mde_type,
      alpha: input.alpha,
      power: input.power,
      ratio: input.ratio
    })
    expectMatchesCase(
      c,
      {
        p1: r.p1,
        p2: r.p2,
        abs_effect: r.absEffect,
        z_alpha_2: r.zAlpha2,
        z_beta: r.zBeta,
        n_per_arm_unpooled_raw: r.nPerArmUnpooledRaw,
        n_per_arm_unpooled: r.nPerArmUnpooled,
        cohens_h: r.cohensH,
        n_per_arm_statsmodels_h_raw: r.nPerArmCohenHRaw,
        n_per_arm_statsmodels_h: r.nPerArmCohenH,
        n_per_arm_h_closed_form_raw: r.nPerArmCohenHClosedRaw,
        n_per_arm_h_closed_form: Math.ceil(r.nPerArmCohenHClosedRaw),
        total_unpooled: 2 * r.nPerArmUnpooled,
        total_statsmodels_h: 2 * r.nPerArmCohenH
      },
      [
        'n_per_arm_unpooled',
        'n_per_arm_statsmodels_h',
        'n_per_arm_h_closed_form',
        'total_unpooled',
        'total_statsmodels_h'
      ]
    )
  })

  it.each(cases('bayes_binomial'))('%s', (_id, c) => {
    const { prior, control, treatment } = c.input as {
      prior: { alpha: number; beta: number }
      control: Arm
      treatment: Arm
    }
    const r = bayesBinomial(control, treatment, prior)
    expectMatchesCase(c, {
      posterior_control: r.posteriorControl,
      posterior_treatment: r.posteriorTreatment,
      posterior_mean_control: r.meanControl,
      posterior_mean_treatment: r.meanTreatment,
      prob_treatment_beats_control: r.pBeat,
      expected_loss_choose_treatment: r.expectedLossTreatment,
      expected_loss_choose_control: r.expectedLossControl
    })
  })

  it.each(cases('practical_threshold'))('%s', (_id, c) => {
    const input = c.input as { control: Arm; treatment: Arm; alpha: number; min_relative_lift: number }
    const r = compareProportions(input.control, input.treatment)
    const rule = shipRule(r.pTwoSided, r.relLift, input.alpha, input.min_relative_lift)
    expectMatchesCase(c, {
      p1: r.controlRate,
      p2: r.treatmentRate,
      abs_diff: r.diff,
      relative_lift: r.relLift,
      z: r.z,
      p_two_sided: r.pTwoSided,
      relative_lift_ci95_delta: r.relLiftCi95,
      significant: r.pTwoSided !== null && r.pTwoSided < input.alpha,
      practically_significant: r.relLift !== null && r.relLift >= input.min_relative_lift,
      ship: rule.ship,
      reason: rule.reasonCode
    })
  })
})

describe('the ab_data.csv entry, from its per-arm counts', () => {
  it.each(referenceDatasets('dataset_two_proportion').map((d) => [d.id, d] as const))('%s', (_id, d) => {
    const e = d.expected as Record<string, unknown> & {
      control: { users: number; conversions: number; rate: number }
      treatment: { users: number; conversions: number; rate: number }
    }
    const control = { successes: e.control.conversions, trials: e.control.users }
    const treatment = { successes: e.treatment.conversions, trials: e.treatment.users }
    const r = compareProportions(control, treatment)
    const chi = chiSquareTest([control.successes, treatment.successes], [control.trials, treatment.trials])!
    const srm = goodnessOfFit([control.trials, treatment.trials], [50, 50])!
    const t = d.tolerance
    const check = (actual: unknown, key: string): void => expectReference(actual, e[key], t, `${d.id}.${key}`)
    expectReference(r.controlRate, e.control.rate, t, 'control.rate')
    expectReference(r.treatmentRate, e.treatment.rate, t, 'treatment.rate')
    check(r.pooledRate, 'overall_rate')
    check(r.diff, 'abs_diff')
    check(r.relLift, 'relative_lift')
    check(r.z, 'z')
    check(r.pTwoSided, 'p_two_sided')
    check(r.pOneSidedGreater, 'p_one_sided_greater')
    check(r.diffCi95, 'abs_diff_ci95')
    check(r.relLiftCi95, 'relative_lift_ci95_delta')
    check(chi.chi2, 'chi2_no_correction')
    check(chi.p, 'chi2_p_no_correction')
    check(chi.yatesP, 'chi2_yates_p')
    check(srm.chi2, 'srm_chi2_50_50')
    check(srm.p, 'srm_p_50_50')
    check(bayesBinomial(control, treatment).pBeat, 'prob_treatment_beats_control')
  })
})
