import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import type { PriorityRow } from '../../../src/shared/domain/priorities'
import { DEFAULT_PRIORITY_FORMULA, PriorityFormulaSchema } from '../../../src/shared/domain/priorities'
import {
  fieldValue,
  formulaFields,
  formulaText,
  scoreParts,
  withFieldValue
} from '../../../src/renderer/src/editors/priorities/priority-model'
import { parseRank } from '../../../src/renderer/src/editors/priorities/priority-actions'
import { scoreItem } from '../../../src/main/core/priorities/priority-score'
import { createI18n } from '../../../src/renderer/src/i18n/i18n'

/** A row as the backend scores it, from the score's own inputs. */
function scored(
  reach: number,
  drag: number | null,
  previous: number,
  current: number,
  effortWeeks: number | null
): PriorityRow {
  const s = scoreItem(
    {
      reach,
      tickets: current,
      previousTickets: previous,
      impact: {
        source: drag === null ? 'unknown' : 'surveys',
        csatDiff: null,
        csatDiffCi95: null,
        npsDiff: drag === null ? null : -drag,
        npsDiffCi95: drag === null ? null : [-drag - 5, -drag + 5],
        n: 120,
        nOthers: 500
      },
      effortWeeks,
      effortSize: null,
      evidence: []
    },
    DEFAULT_PRIORITY_FORMULA
  )
  return { score: s.score, components: s.components, severity: s.severity } as PriorityRow
}

describe('the score bar', () => {
  it('splits every score into parts that add up to it exactly', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 5000 }),
        fc.option(fc.double({ min: 0, max: 100, noNaN: true }), { nil: null }),
        fc.integer({ min: 0, max: 500 }),
        fc.integer({ min: 0, max: 500 }),
        fc.option(fc.double({ min: 0.5, max: 40, noNaN: true }), { nil: null }),
        (reach, drag, previous, current, effort) => {
          const row = scored(reach, drag, previous, current, effort)
          const parts = scoreParts(row)
          expect(parts.reach).toBeGreaterThanOrEqual(0)
          expect(parts.severity).toBeGreaterThanOrEqual(0)
          expect(parts.growth).toBeGreaterThanOrEqual(0)
          expect(parts.reach + parts.severity + parts.growth).toBeCloseTo(row.score, 6)
        }
      )
    )
  })

  it('shows severity above impact 1 and growth as the growth factor’s share', () => {
    // 100 people, drag 20 → impact 2, doubled tickets → × 2, confidence 1, effort 1: 400.
    const row = scored(100, 20, 10, 20, null)
    expect(row.score).toBe(400)
    expect(scoreParts(row)).toEqual({ reach: 100, severity: 100, growth: 200 })
  })
})

describe('the formula form', () => {
  it('reads and writes every constant by its path, leaving the original alone', () => {
    const fields = formulaFields(DEFAULT_PRIORITY_FORMULA)
    // Three steps of two, four impact and growth constants, six of confidence, four sizes, the default.
    expect(fields).toHaveLength(3 * 2 + 4 + 6 + 4 + 1)
    let formula = DEFAULT_PRIORITY_FORMULA
    for (const [i, f] of fields.entries()) formula = withFieldValue(formula, f.path, i + 0.25)
    for (const [i, f] of fields.entries()) expect(fieldValue(formula, f.path)).toBe(i + 0.25)
    expect(DEFAULT_PRIORITY_FORMULA.impactSteps[0]!.drag).toBe(30)
    // Steps out of order are caught by the schema the form checks before saving.
    expect(PriorityFormulaSchema.safeParse(formula).success).toBe(false)
    expect(
      PriorityFormulaSchema.safeParse(withFieldValue(DEFAULT_PRIORITY_FORMULA, ['csatWeight'], 25)).success
    ).toBe(true)
  })

  it('states the formula with its constants in both languages', () => {
    const en = formulaText(createI18n('en'), DEFAULT_PRIORITY_FORMULA)
    expect(en).toContain('≥ 30 → 3, ≥ 15 → 2, ≥ 5 → 1, else 0.5')
    expect(en).toContain('S/M/L/XL = 1/3/8/20')
    const zh = formulaText(createI18n('zh-CN'), withFieldValue(DEFAULT_PRIORITY_FORMULA, ['highN'], 250))
    expect(zh).toContain('n ≥ 250')
    expect(zh).toContain('得分 = 覆盖 × 影响 × 置信度 ÷ 工作量')
    expect(zh).not.toMatch(/\{\w+\}/)
  })
})

describe('a typed rank', () => {
  it('takes whole numbers from 1, empty as no override, and nothing else', () => {
    expect(parseRank(' 3 ')).toBe(3)
    expect(parseRank('')).toBeNull()
    for (const bad of ['0', '-1', '1.5', 'x', '1e3', '1234567']) expect(parseRank(bad)).toBeUndefined()
  })
})
