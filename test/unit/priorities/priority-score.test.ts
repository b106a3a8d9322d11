import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import type { PriorityEvidence } from '../../../src/shared/domain/priorities'
import { DEFAULT_PRIORITY_FORMULA as F, PriorityFormulaSchema } from '../../../src/shared/domain/priorities'
import type { ThemeImpact } from '../../../src/shared/domain/themes'
import type { ScoreInput } from '../../../src/main/core/priorities/priority-score'
import { impactOfDrag, satisfactionDrag, scoreItem } from '../../../src/main/core/priorities/priority-score'

const impact = (over: Partial<ThemeImpact> = {}): ThemeImpact => ({
  source: 'surveys',
  csatDiff: null,
  csatDiffCi95: null,
  npsDiff: null,
  npsDiffCi95: null,
  n: 0,
  nOthers: 500,
  ...over
})

const input = (over: Partial<ScoreInput> = {}): ScoreInput => ({
  reach: 100,
  tickets: 50,
  previousTickets: 50,
  impact: impact(),
  effortWeeks: null,
  effortSize: null,
  evidence: [],
  ...over
})

const evidence = (decision: PriorityEvidence['decision']): PriorityEvidence => ({
  experimentId: 1,
  key: 'push-copy',
  name: 'Push copy',
  decision,
  relLift: 0.08,
  relLiftCi95: [0.02, 0.14]
})

describe('the default formula', () => {
  it('is valid and refuses steps out of order', () => {
    expect(PriorityFormulaSchema.safeParse(F).success).toBe(true)
    const reversed = { ...F, impactSteps: [...F.impactSteps].reverse() }
    expect(PriorityFormulaSchema.safeParse(reversed).success).toBe(false)
  })

  it('maps drag to RICE impact at 30, 15 and 5 points', () => {
    expect([40, 30, 29.99, 15, 14.99, 5, 4.99, 0, -20].map((d) => impactOfDrag(d, F))).toEqual([
      3, 3, 2, 2, 1, 1, 0.5, 0.5, 0.5
    ])
  })

  it('takes the more negative of the NPS impact and 20 × the CSAT impact', () => {
    expect(satisfactionDrag(impact({ npsDiff: -10, csatDiff: -0.8 }), F)!.drag).toBeCloseTo(16, 12)
    expect(satisfactionDrag(impact({ npsDiff: -22, csatDiff: -0.8 }), F)!.drag).toBeCloseTo(22, 12)
    // Ticket ratings give CSAT only.
    expect(satisfactionDrag(impact({ source: 'ticket_ratings', csatDiff: -0.3 }), F)!.drag).toBeCloseTo(6, 12)
    expect(satisfactionDrag(impact(), F)).toBeNull()
  })
})

describe('scoring an item', () => {
  it('is reach × impact × confidence ÷ effort', () => {
    const s = scoreItem(
      input({
        reach: 240,
        impact: impact({ npsDiff: -18, npsDiffCi95: [-26, -10], n: 140 }),
        effortSize: 'M'
      }),
      F
    )
    expect(s.components).toMatchObject({ reach: 240, impact: 2, confidence: 1, effort: 3 })
    expect(s.score).toBeCloseTo((240 * 2 * 1) / 3, 12)
    expect(s.impactKnown).toBe(true)
    expect(s.effortSet).toBe(true)
  })

  it('marks unknown impact and unset effort instead of inventing them', () => {
    const s = scoreItem(input({ impact: impact({ source: 'unknown', nOthers: 0 }) }), F)
    expect(s.impactKnown).toBe(false)
    expect(s.components.impact).toBe(F.impactUnknown)
    expect(s.effortSet).toBe(false)
    expect(s.components.effort).toBe(F.effortDefault)
    expect(s.components.confidence).toBe(F.confidenceLow)
  })

  it('raises impact with growth, capped, and counts a new theme as the cap', () => {
    const grown = (previousTickets: number, tickets: number): number =>
      scoreItem(input({ previousTickets, tickets }), F).severity.growthFactor
    expect(grown(100, 150)).toBeCloseTo(1.5, 12)
    expect(grown(100, 400)).toBe(2)
    expect(grown(100, 60)).toBe(1)
    expect(grown(0, 12)).toBe(2)
    expect(grown(0, 0)).toBe(1)
    const s = scoreItem(input({ previousTickets: 0, tickets: 12 }), F)
    expect(s.components.trend).toEqual({ previousQuarter: 0, currentQuarter: 12, change: null, new: true })
  })

  it('sets confidence from the interval and the answers behind it, or a decided experiment', () => {
    const c = (over: Partial<ThemeImpact>, ev: PriorityEvidence[] = []): number =>
      scoreItem(input({ impact: impact({ npsDiff: -12, ...over }), evidence: ev }), F).components.confidence
    expect(c({ npsDiffCi95: [-20, -4], n: 100 })).toBe(1)
    expect(c({ npsDiffCi95: [-20, -4], n: 99 })).toBe(0.8)
    expect(c({ npsDiffCi95: [-20, 3], n: 400 })).toBe(0.8)
    expect(c({ npsDiffCi95: null, n: 30 })).toBe(0.8)
    expect(c({ npsDiffCi95: null, n: 29 })).toBe(0.5)
    expect(c({ n: 10 }, [evidence('ship')])).toBe(1)
    expect(c({ n: 10 }, [evidence('keep_control')])).toBe(1)
    expect(c({ n: 10 }, [evidence('inconclusive')])).toBe(0.5)
    expect(c({ n: 10 }, [evidence('invalid_srm')])).toBe(0.5)
  })

  it('prefers weeks to a size, and reads sizes as S/M/L/XL = 1/3/8/20', () => {
    const e = (over: Partial<ScoreInput>): number => scoreItem(input(over), F).components.effort
    expect(['S', 'M', 'L', 'XL'].map((size) => e({ effortSize: size as 'S' }))).toEqual([1, 3, 8, 20])
    expect(e({ effortWeeks: 5, effortSize: 'XL' })).toBe(5)
  })

  it('never falls with more reach or less effort, and is never NaN', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 100_000 }),
        fc.integer({ min: 0, max: 1000 }),
        fc.double({ min: 0.1, max: 100, noNaN: true }),
        fc.option(fc.double({ min: -200, max: 200, noNaN: true })),
        (reach, extra, weeks, nps) => {
          const base = input({ reach, effortWeeks: weeks, impact: impact({ npsDiff: nps, n: 50 }) })
          const a = scoreItem(base, F).score
          const b = scoreItem({ ...base, reach: reach + extra }, F).score
          const cheaper = scoreItem({ ...base, effortWeeks: weeks / 2 }, F).score
          expect(Number.isFinite(a)).toBe(true)
          expect(b).toBeGreaterThanOrEqual(a)
          expect(cheaper).toBeGreaterThanOrEqual(a)
        }
      )
    )
  })
})
