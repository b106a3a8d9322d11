import type { Interval } from '@shared/domain/metrics'
import type {
  EffortSize,
  PriorityComponents,
  PriorityEvidence,
  PriorityFormula,
  PrioritySeverity,
  PriorityTrend
} from '@shared/domain/priorities'
import type { ThemeImpact } from '@shared/domain/themes'

/** What the data say about one item (or theme) in a quarter. */
export interface ScoreInput {
  reach: number
  tickets: number
  previousTickets: number
  impact: ThemeImpact
  effortWeeks: number | null
  effortSize: EffortSize | null
  evidence: PriorityEvidence[]
}

export interface Scored {
  score: number
  components: PriorityComponents
  severity: PrioritySeverity
  impactKnown: boolean
  effortSet: boolean
}

/** Verdicts that settle an experiment; inconclusive and invalid (sample-ratio mismatch) ones do not. */
const DECIDED = new Set(['ship', 'keep_control', 'below_threshold'])

const excludesZero = (ci: Interval | null): boolean => ci !== null && (ci[0] > 0 || ci[1] < 0)

/**
 * The satisfaction drag in points and the interval behind it: the more negative of the NPS
 * impact and csatWeight × the CSAT impact, sign flipped (positive drags satisfaction down). Null
 * when neither is known.
 */
export function satisfactionDrag(
  impact: ThemeImpact,
  formula: PriorityFormula
): { drag: number; ci95: Interval | null } | null {
  const candidates: Array<{ drag: number; ci95: Interval | null }> = []
  if (impact.npsDiff !== null) candidates.push({ drag: -impact.npsDiff, ci95: impact.npsDiffCi95 })
  if (impact.csatDiff !== null)
    candidates.push({ drag: -formula.csatWeight * impact.csatDiff, ci95: impact.csatDiffCi95 })
  if (candidates.length === 0) return null
  // Ties go to NPS, the first.
  return candidates.reduce((worst, c) => (c.drag > worst.drag ? c : worst))
}

/** RICE impact of a drag: the first step it reaches, else the floor. */
export function impactOfDrag(drag: number, formula: PriorityFormula): number {
  for (const step of formula.impactSteps) if (drag >= step.drag) return step.impact
  return formula.impactBelow
}

export function trendOf(previous: number, current: number): PriorityTrend {
  return {
    previousQuarter: previous,
    currentQuarter: current,
    change: previous > 0 ? (current - previous) / previous : null,
    new: previous === 0 && current > 0
  }
}

/** 1 + min(max(growth, 0), cap); a new item grows by the cap, one with no tickets at all by nothing. */
export function growthFactor(trend: PriorityTrend, formula: PriorityFormula): number {
  const growth = trend.new ? formula.growthCap : (trend.change ?? 0)
  return 1 + Math.min(Math.max(growth, 0), formula.growthCap)
}

/**
 * score = reach × impact × confidence ÷ effort, with the formula's constants; see
 * {@link PriorityFormula} and `describeFormula` for the rules in words.
 */
export function scoreItem(input: ScoreInput, formula: PriorityFormula): Scored {
  const drag = satisfactionDrag(input.impact, formula)
  const baseImpact = drag ? impactOfDrag(drag.drag, formula) : formula.impactUnknown
  const trend = trendOf(input.previousTickets, input.tickets)
  const factor = growthFactor(trend, formula)
  const impact = baseImpact * factor

  const n = input.impact.n
  let confidence: number
  if (input.evidence.some((e) => e.decision !== null && DECIDED.has(e.decision)))
    confidence = formula.confidenceDecided
  else if (drag && excludesZero(drag.ci95) && n >= formula.highN) confidence = formula.confidenceHigh
  else if (drag && n >= formula.mediumN) confidence = formula.confidenceMedium
  else confidence = formula.confidenceLow

  const sized = input.effortSize ? formula.effortWeeks[input.effortSize] : null
  const effortSet = input.effortWeeks !== null || sized !== null
  const effort = input.effortWeeks ?? sized ?? formula.effortDefault

  return {
    score: (input.reach * impact * confidence) / effort,
    components: { reach: input.reach, impact, confidence, effort, trend, evidence: input.evidence },
    severity: {
      source: input.impact.source,
      csatDiff: input.impact.csatDiff,
      csatDiffCi95: input.impact.csatDiffCi95,
      npsDiff: input.impact.npsDiff,
      npsDiffCi95: input.impact.npsDiffCi95,
      n,
      drag: drag ? drag.drag : null,
      baseImpact,
      growthFactor: factor
    },
    impactKnown: drag !== null,
    effortSet
  }
}
