import { describe, expect, it } from 'vitest'
import type { Comparison, Decision, ExperimentResult } from '../../../src/shared/domain/experiments'
import {
  experimentVerdict,
  forestAxis,
  forestRows,
  primaryMetric,
  sampleSizeDefaults,
  sampleSizeRequest,
  unitsStillNeeded
} from '../../../src/renderer/src/editors/experiments/experiment-model'
import { experimentsKey } from '../../../src/renderer/src/state/experiments-controller'
import type { SessionState } from '../../../src/renderer/src/state/workbench-controller'
import { defaultAnalysisSettings } from '../../../src/shared/domain/settings'
import { TEST_WORKSPACE } from './test-controller'

const c = (arm: string, decision: Decision | null, relLift: number | null): Comparison => ({
  arm,
  test: 'z',
  diff: relLift === null ? null : relLift / 10,
  diffCi95: null,
  relLift,
  relLiftCi95: relLift === null ? null : [relLift - 0.05, relLift + 0.05],
  z: null,
  pValue: relLift === null ? null : 0.01,
  pValueOneSided: null,
  pValueZ: null,
  pAdjusted: null,
  pAdjustedBH: null,
  pBeat: null,
  expectedLossTreatment: null,
  expectedLossControl: null,
  significant: decision === 'ship',
  shipRule: null,
  decision,
  reason: null,
  reasonCode: null,
  reasonParams: null,
  unitsNeededPerArm: null,
  pDecision: null,
  powerAchieved: null,
  mdeAchieved: null
})

const experiment = (comparisons: Comparison[], primary = true): ExperimentResult => ({
  id: 1,
  key: 'k',
  name: 'Test',
  control: 'a',
  arms: [],
  cleaning: { rowsRead: 0, exposureMismatchDropped: 0, duplicateUnitsDropped: 0, unitsAnalysed: 0 },
  srm: { chi2: null, p: null, flag: false },
  metrics: [
    {
      name: 'secondary',
      kind: 'continuous',
      primary: false,
      control: 'a',
      arms: [],
      omnibus: null,
      comparisons: [c('b', null, 0.3)]
    },
    { name: 'main', kind: 'binary', primary, control: 'a', arms: [], omnibus: null, comparisons }
  ]
})

describe('experiment headline', () => {
  it('takes the primary metric and its strongest arm', () => {
    const e = experiment([c('b', 'inconclusive', 0.02), c('c', 'ship', 0.11), c('d', 'ship', 0.2)])
    const verdict = experimentVerdict(e)
    expect(verdict.metric?.name).toBe('main')
    expect(verdict.comparison?.arm).toBe('d')
    expect(verdict.decision).toBe('ship')
    expect(
      experimentVerdict(experiment([c('b', 'keep_control', -0.1), c('c', 'inconclusive', -0.2)])).decision
    ).toBe('inconclusive')
    expect(
      experimentVerdict(experiment([c('b', 'invalid_srm', 0.1), c('c', 'invalid_srm', 0.2)])).comparison?.arm
    ).toBe('c')
  })

  it('falls back to the first metric, and to no decision without one', () => {
    expect(primaryMetric(experiment([c('b', 'ship', 0.1)], false))?.name).toBe('secondary')
    expect(experimentVerdict(experiment([c('b', null, null)])).decision).toBeNull()
    expect(experimentVerdict({ ...experiment([]), metrics: [] })).toEqual({
      metric: null,
      comparison: null,
      decision: null
    })
  })
})

describe('forest plot', () => {
  it('has a row per metric × arm on a percent scale', () => {
    const rows = forestRows(experiment([c('b', 'ship', 0.115), c('c', null, null)]))
    expect(rows.map((r) => `${r.metric}:${r.arm}`)).toEqual(['secondary:b', 'main:b', 'main:c'])
    expect(rows[1]).toMatchObject({ lift: 11.5, primary: true, significant: true })
    expect(rows[1]?.low).toBeCloseTo(6.5, 10)
    expect(rows[2]).toMatchObject({ lift: null, low: null, high: null })
  })

  it('holds every interval, zero and the threshold on round steps', () => {
    const rows = forestRows(experiment([c('b', 'ship', 0.115)]))
    const axis = forestAxis(rows, 5)
    expect(axis.min).toBeLessThanOrEqual(0)
    expect(axis.max).toBeGreaterThanOrEqual(35)
    expect(Number.isInteger(axis.min / axis.interval)).toBe(true)
    expect(Number.isInteger(axis.max / axis.interval)).toBe(true)
    expect((axis.max - axis.min) / axis.interval).toBeLessThanOrEqual(8)
    expect(forestAxis([], null)).toMatchObject({ min: expect.any(Number) as number })
  })
})

describe('units still needed', () => {
  it('is what the planned power needs minus what the arm has', () => {
    expect(unitsStillNeeded(47141, 20064)).toEqual({ more: 27077, share: 20064 / 47141 })
    expect(unitsStillNeeded(1000, 5000)).toEqual({ more: 0, share: 1 })
    expect(unitsStillNeeded(null, 5)).toBeNull()
  })
})

describe('sample-size form', () => {
  const form = sampleSizeDefaults({ significanceLevel: 0.05, experimentPower: 0.8 })

  it('starts from the settings and reads percentages as fractions', () => {
    expect(form).toEqual({
      baseline: '4',
      mde: '5',
      mdeKind: 'relative',
      alpha: '0.05',
      power: '80',
      daily: ''
    })
    expect(sampleSizeDefaults({ significanceLevel: 0.1, experimentPower: 0.9 }).power).toBe('90')
    expect(sampleSizeRequest(form)).toEqual({
      ok: true,
      request: { baseline: 0.04, mde: 0.05, mdeKind: 'relative', alpha: 0.05, power: 0.8 }
    })
    expect(sampleSizeRequest({ ...form, daily: '5,000', mdeKind: 'absolute', mde: '0,5' })).toEqual({
      ok: true,
      request: { baseline: 0.04, mde: 0.005, mdeKind: 'absolute', alpha: 0.05, power: 0.8, dailyUnits: 5000 }
    })
  })

  it('names each field that is wrong', () => {
    const errors = (over: Partial<typeof form>): unknown => {
      const r = sampleSizeRequest({ ...form, ...over })
      return r.ok ? null : r.errors
    }
    expect(errors({ baseline: '0' })).toEqual({ baseline: 'baseline' })
    expect(errors({ baseline: '100', power: 'x' })).toEqual({ baseline: 'baseline', power: 'power' })
    expect(errors({ mde: '0' })).toEqual({ mde: 'mde' })
    expect(errors({ mde: '-5', mdeKind: 'absolute' })).toEqual({ mde: 'mdeRange' })
    expect(errors({ baseline: '99', mde: '5' })).toEqual({ mde: 'mdeRange' })
    expect(errors({ alpha: '5' })).toEqual({ alpha: 'alpha' })
    expect(errors({ daily: '-3' })).toEqual({ daily: 'daily' })
    expect(errors({ daily: 'many' })).toEqual({ daily: 'daily' })
  })
})

describe('experiments key', () => {
  const session = (over: Partial<SessionState> = {}): SessionState => ({
    phase: 'ready',
    app: null,
    workspace: TEST_WORKSPACE,
    workspaceEpoch: 1,
    dataVersion: 3,
    tables: null,
    settings: defaultAnalysisSettings('UTC'),
    recent: [],
    jobs: [],
    connected: true,
    switching: false,
    ...over
  })

  it('changes with the data and the experiment settings, not with other settings', () => {
    const base = experimentsKey(session(), 0)
    expect(base).not.toBeNull()
    expect(experimentsKey(session({ dataVersion: 4 }), 0)).not.toBe(base)
    expect(experimentsKey(session(), 1)).not.toBe(base)
    const settings = defaultAnalysisSettings('UTC')
    expect(experimentsKey(session({ settings: { ...settings, minPracticalLift: 0.01 } }), 0)).not.toBe(base)
    expect(experimentsKey(session({ settings: { ...settings, csatScaleMax: 10 } }), 0)).toBe(base)
    expect(experimentsKey(session({ workspace: null }), 0)).toBeNull()
  })
})
