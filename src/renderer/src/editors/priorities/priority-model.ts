import type { PriorityFormula, PriorityRow } from '@shared/domain/priorities'
import type { I18n } from '../../i18n/i18n'

/**
 * The score as three stacked parts that add up to it exactly: what reach alone earns at impact 1
 * (reach × confidence ÷ effort, less when the base impact is below 1), what severity adds on top
 * (base impact above 1), and what growth adds (the growth factor above 1).
 */
export interface ScoreParts {
  reach: number
  severity: number
  growth: number
}

export function scoreParts(row: PriorityRow): ScoreParts {
  const { reach, confidence, effort } = row.components
  const base = effort > 0 ? (reach * confidence) / effort : 0
  const impact = row.severity.baseImpact
  const growth = base * impact * (row.severity.growthFactor - 1)
  if (impact < 1) return { reach: base * impact, severity: 0, growth }
  return { reach: base, severity: base * (impact - 1), growth }
}

/** A constant of the formula the editor shows as a number field. */
export interface FormulaField {
  path: readonly (string | number)[]
  label: string
  params?: Record<string, string>
  step: number
}

/** Every number of the formula, in the order the form shows them. */
export function formulaFields(formula: PriorityFormula): FormulaField[] {
  const steps = formula.impactSteps.flatMap((_, i): FormulaField[] => [
    { path: ['impactSteps', i, 'drag'], label: 'priorities.formula.drag', step: 1 },
    { path: ['impactSteps', i, 'impact'], label: 'priorities.formula.impact', step: 0.5 }
  ])
  const sizes = (['S', 'M', 'L', 'XL'] as const).map((size): FormulaField => ({
    path: ['effortWeeks', size],
    label: 'priorities.formula.effort',
    params: { size },
    step: 0.5
  }))
  return [
    ...steps,
    { path: ['impactBelow'], label: 'priorities.formula.impactBelow', step: 0.1 },
    { path: ['impactUnknown'], label: 'priorities.formula.impactUnknown', step: 0.1 },
    { path: ['csatWeight'], label: 'priorities.formula.csatWeight', step: 1 },
    { path: ['growthCap'], label: 'priorities.formula.growthCap', step: 0.1 },
    { path: ['confidenceHigh'], label: 'priorities.formula.confidenceHigh', step: 0.05 },
    { path: ['highN'], label: 'priorities.formula.highN', step: 1 },
    { path: ['confidenceMedium'], label: 'priorities.formula.confidenceMedium', step: 0.05 },
    { path: ['mediumN'], label: 'priorities.formula.mediumN', step: 1 },
    { path: ['confidenceLow'], label: 'priorities.formula.confidenceLow', step: 0.05 },
    { path: ['confidenceDecided'], label: 'priorities.formula.confidenceDecided', step: 0.05 },
    ...sizes,
    { path: ['effortDefault'], label: 'priorities.formula.effortDefault', step: 0.5 }
  ]
}

/** The value at a field's path. */
export function fieldValue(formula: PriorityFormula, path: readonly (string | number)[]): number {
  let at: unknown = formula
  for (const key of path) at = (at as Record<string | number, unknown>)[key]
  return at as number
}

/** A copy of the formula with one value changed. */
export function withFieldValue(
  formula: PriorityFormula,
  path: readonly (string | number)[],
  value: number
): PriorityFormula {
  const copy = structuredClone(formula) as unknown as Record<string | number, unknown>
  let at = copy
  for (const key of path.slice(0, -1)) at = at[key] as Record<string | number, unknown>
  at[path[path.length - 1]!] = value
  return copy as unknown as PriorityFormula
}

/** The formula with its constants, in the user's language (the list's own text is English). */
export function formulaText({ t, fmt }: Pick<I18n, 't' | 'fmt'>, f: PriorityFormula): string {
  const n = (x: number): string => fmt.number(x, 2)
  return t('priorities.formula.text', {
    csatWeight: n(f.csatWeight),
    steps: f.impactSteps.map((s) => `≥ ${n(s.drag)} → ${n(s.impact)}`).join(', '),
    below: n(f.impactBelow),
    unknown: n(f.impactUnknown),
    growthCap: n(f.growthCap),
    high: n(f.confidenceHigh),
    highN: fmt.integer(f.highN),
    medium: n(f.confidenceMedium),
    mediumN: fmt.integer(f.mediumN),
    low: n(f.confidenceLow),
    decided: n(f.confidenceDecided),
    sizes: [f.effortWeeks.S, f.effortWeeks.M, f.effortWeeks.L, f.effortWeeks.XL].map(n).join('/'),
    effortDefault: n(f.effortDefault)
  })
}
