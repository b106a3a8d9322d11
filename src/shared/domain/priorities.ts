import { z } from 'zod'
import type { Interval } from './metrics'
import type { Decision } from './experiments'
import type { ThemeImpact } from './themes'

export const PRIORITY_STATUSES = ['new', 'planned', 'in_progress', 'shipped', 'wont_do'] as const
export type PriorityStatus = (typeof PRIORITY_STATUSES)[number]

export const EFFORT_SIZES = ['S', 'M', 'L', 'XL'] as const
export type EffortSize = (typeof EFFORT_SIZES)[number]

/** Export formats of the priority list. */
export const PRIORITY_FORMATS = ['md', 'csv', 'json', 'jira-csv'] as const
export type PriorityFormat = (typeof PRIORITY_FORMATS)[number]

/**
 * The constants of the RICE-style score, score = reach × impact × confidence ÷ effort. Stored with
 * the workspace's analysis settings, shown beside the list and editable there.
 */
export const PriorityFormulaSchema = z
  .strictObject({
    /**
     * Satisfaction drag in points (the more negative of the NPS impact and csatWeight × the CSAT
     * impact, sign flipped) at or above which an item gets an impact; checked from the first.
     */
    impactSteps: z
      .array(z.strictObject({ drag: z.number().gte(0).lte(1000), impact: z.number().gt(0).lte(100) }))
      .min(1)
      .max(10),
    /** Impact below the last step. */
    impactBelow: z.number().gt(0).lte(100),
    /** Impact when neither survey answers nor ticket ratings say anything. */
    impactUnknown: z.number().gt(0).lte(100),
    /** Points of drag per unit of CSAT impact (a difference of satisfied shares, −1…1). */
    csatWeight: z.number().gte(0).lte(1000),
    /** Impact is multiplied by 1 + min(max(growth, 0), growthCap); a new theme counts as growthCap. */
    growthCap: z.number().gte(0).lte(100),
    /** Confidence when the impact's interval excludes zero and at least highN answers are behind it. */
    confidenceHigh: z.number().gt(0).lte(1),
    highN: z.number().int().gte(1),
    /** Confidence with at least mediumN answers. */
    confidenceMedium: z.number().gt(0).lte(1),
    mediumN: z.number().int().gte(1),
    /** Confidence otherwise. */
    confidenceLow: z.number().gt(0).lte(1),
    /** Confidence when a linked experiment reached a decision. */
    confidenceDecided: z.number().gt(0).lte(1),
    /** Person-weeks of the effort sizes. */
    effortWeeks: z.strictObject({
      S: z.number().gt(0),
      M: z.number().gt(0),
      L: z.number().gt(0),
      XL: z.number().gt(0)
    }),
    /** Effort of an item whose effort is not set (marked "effort not set"). */
    effortDefault: z.number().gt(0)
  })
  .refine((f) => f.impactSteps.every((s, i) => i === 0 || s.drag < f.impactSteps[i - 1]!.drag), {
    message: 'Impact steps must go from the largest drag to the smallest',
    path: ['impactSteps']
  })

export type PriorityFormula = z.infer<typeof PriorityFormulaSchema>

/** The formula of issue 7: impact 3/2/1/0.5 at 30/15/5 points of drag, confidence 1/0.8/0.5, S/M/L/XL = 1/3/8/20. */
export const DEFAULT_PRIORITY_FORMULA: PriorityFormula = {
  impactSteps: [
    { drag: 30, impact: 3 },
    { drag: 15, impact: 2 },
    { drag: 5, impact: 1 }
  ],
  impactBelow: 0.5,
  impactUnknown: 1,
  csatWeight: 20,
  growthCap: 1,
  confidenceHigh: 1,
  highN: 100,
  confidenceMedium: 0.8,
  mediumN: 30,
  confidenceLow: 0.5,
  confidenceDecided: 1,
  effortWeeks: { S: 1, M: 3, L: 8, XL: 20 },
  effortDefault: 1
}

/** The formula in one line, as the list and its exports state it. */
export function describeFormula(f: PriorityFormula): string {
  const steps = f.impactSteps.map((s) => `≥ ${s.drag} → ${s.impact}`).join(', ')
  return (
    `score = reach × impact × confidence ÷ effort; impact from satisfaction drag in points ` +
    `(the more negative of NPS impact and ${f.csatWeight} × CSAT impact): ${steps}, else ${f.impactBelow}; ` +
    `unknown ${f.impactUnknown}; × (1 + min(max(growth, 0), ${f.growthCap})); confidence ${f.confidenceHigh} ` +
    `when the interval excludes 0 and n ≥ ${f.highN}, ${f.confidenceMedium} when n ≥ ${f.mediumN}, else ` +
    `${f.confidenceLow}; ${f.confidenceDecided} with a decided experiment; effort in person-weeks ` +
    `(S/M/L/XL = ${f.effortWeeks.S}/${f.effortWeeks.M}/${f.effortWeeks.L}/${f.effortWeeks.XL}), ` +
    `${f.effortDefault} when not set`
  )
}

/** A linked experiment as evidence for an item. */
export interface PriorityEvidence {
  experimentId: number
  key: string
  name: string
  /** The primary metric's verdict; null when the experiment cannot be analysed. */
  decision: Decision | null
  /** Relative lift of the primary metric (best treatment arm), with its 95% interval. */
  relLift: number | null
  relLiftCi95: Interval | null
}

export interface PriorityTrend {
  previousQuarter: number
  currentQuarter: number
  /** (current − previous) ÷ previous; null when the previous quarter had none. */
  change: number | null
  /** No tickets in the previous quarter, some in this one. */
  new: boolean
}

export interface PriorityComponents {
  /** Distinct customers who raised the item's themes in the quarter (a ticket without a customer counts as one). */
  reach: number
  /** RICE impact, growth included. */
  impact: number
  confidence: number
  /** Person-weeks. */
  effort: number
  trend: PriorityTrend
  evidence: PriorityEvidence[]
}

/** The satisfaction figures behind an item's impact (its themes together against everyone else). */
export interface PrioritySeverity extends Omit<ThemeImpact, 'nOthers'> {
  /** Points of drag the impact step was chosen by (positive: drags satisfaction down); null when unknown. */
  drag: number | null
  /** Impact before the growth multiplier. */
  baseImpact: number
  /** 1 + min(max(growth, 0), cap). */
  growthFactor: number
}

/** One row of the list: an item (themes grouped by the user) or a theme not yet in any item. */
export interface PriorityRow {
  rank: number
  /** `item-7` for an item, `theme-12` for a theme that is a candidate on its own. */
  id: string
  kind: 'item' | 'theme'
  title: string
  themes: number[]
  score: number
  components: PriorityComponents
  severity: PrioritySeverity
  tickets: number
  /** Of all tickets created in the quarter. */
  share: number
  impactKnown: boolean
  effortSet: boolean
  effortSize: EffortSize | null
  status: PriorityStatus
  owner: string | null
  note: string | null
  /** The manual rank of the quarter, with its note; `conflict` when another override took the rank first. */
  override: { rank: number; note: string; conflict: boolean } | null
  /** Rank in the previous quarter's list; null when it was not on it (or that quarter has no tickets). */
  previousRank: number | null
}

export interface PriorityList {
  /** Null in a workspace without tickets (the list is then empty of figures). */
  quarter: string | null
  previousQuarter: string | null
  formula: string
  constants: PriorityFormula
  items: PriorityRow[]
}

const QuarterSchema = z
  .string()
  .regex(/^(?:FY)?\d{4}-Q[1-4]$/, 'Use a quarter like 2026-Q3 (or FY2027-Q1 with a fiscal year)')

export const PriorityListRequestSchema = z.strictObject({ quarter: QuarterSchema.optional() })

export const PriorityExportRequestSchema = z.strictObject({
  quarter: QuarterSchema.optional(),
  format: z.enum(PRIORITY_FORMATS)
})

/** An exported list: a suggested file name and the file's text. */
export interface PriorityExport {
  fileName: string
  content: string
}
