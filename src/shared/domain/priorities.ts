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
  /** Effort entered in person-weeks (rather than as a size). */
  effortWeeks: number | null
  /** Linked experiments (ids); their analysis is in components.evidence. */
  experiments: number[]
  status: PriorityStatus
  owner: string | null
  note: string | null
  /** The manual rank of the quarter, with its note; `conflict` when another override took the rank first. */
  override: { rank: number; note: string; conflict: boolean } | null
  /** Rank in the previous quarter's list; null when it was not on it (or that quarter has no tickets). */
  previousRank: number | null
  /** Against the previous quarter's list (its frozen snapshot when there is one); null without one. */
  change: PriorityChange | null
}

/**
 * How a row moved against the previous quarter's list: new (not on it, or no tickets then),
 * rising or falling in rank, steady, or resolved — its item shipped and its volume fell.
 */
export const PRIORITY_CHANGES = ['new', 'rising', 'falling', 'steady', 'resolved'] as const
export type PriorityChange = (typeof PRIORITY_CHANGES)[number]

export interface PriorityList {
  /** Null in a workspace without tickets (the list is then empty of figures). */
  quarter: string | null
  previousQuarter: string | null
  formula: string
  constants: PriorityFormula
  items: PriorityRow[]
  /** Quarters with tickets, oldest first (what the quarter picker offers). */
  quarters: string[]
  /** When the quarter's list was frozen; a frozen list is the snapshot taken then. */
  frozenAt: number | null
  /** The previous quarter's ranks come from its frozen snapshot. */
  previousFrozen: boolean
}

export const QuarterSchema = z
  .string()
  .regex(/^(?:FY)?\d{4}-Q[1-4]$/, 'Use a quarter like 2026-Q3 (or FY2027-Q1 with a fiscal year)')

/** A row of the list: `item-7` or `theme-12`. Editing a theme's row makes it an item. */
export const PriorityRowIdSchema = z
  .string()
  .regex(/^(?:item|theme)-[1-9]\d{0,12}$/, 'Use a row id like item-7 or theme-12')

const OptionalText = (max: number) =>
  z
    .string()
    .max(max)
    .transform((s) => s.trim() || null)
    .nullable()

/** Effort as a size or in person-weeks; null clears it ("effort not set"). */
export const EffortSchema = z
  .union([
    z.strictObject({ size: z.enum(EFFORT_SIZES) }),
    z.strictObject({ weeks: z.number().gt(0).lte(520) })
  ])
  .nullable()
export type Effort = z.infer<typeof EffortSchema>

const IdList = z.array(z.number().int().gte(1)).max(500)

/** What an edit of an item may change; absent fields stay as they are. */
export const PriorityItemPatchSchema = z.strictObject({
  title: z.string().trim().min(1, 'An item needs a title').max(200).optional(),
  description: OptionalText(4000).optional(),
  status: z.enum(PRIORITY_STATUSES).optional(),
  owner: OptionalText(120).optional(),
  note: OptionalText(4000).optional(),
  effort: EffortSchema.optional(),
  /** The item's themes; a theme in another item moves to this one. */
  themes: IdList.optional(),
  experiments: IdList.optional()
})
export type PriorityItemPatch = z.infer<typeof PriorityItemPatchSchema>

export const PriorityEditRequestSchema = z.strictObject({
  row: PriorityRowIdSchema,
  patch: PriorityItemPatchSchema
})

export const PriorityCreateRequestSchema = PriorityItemPatchSchema.required({ title: true })

export const PriorityOverrideRequestSchema = z.strictObject({
  row: PriorityRowIdSchema,
  quarter: QuarterSchema,
  /** The manual rank; null gives the row back to its score. */
  rank: z.number().int().gte(1).lte(100000).nullable(),
  note: z.string().trim().min(1, 'An override needs a note that says why').max(2000)
})

export const PriorityFreezeRequestSchema = z.strictObject({ quarter: QuarterSchema, frozen: z.boolean() })

export const PrioritySuggestRequestSchema = z.strictObject({
  /** An item's row (`item-7`): suggestions are read from its title. */
  row: z.string().regex(/^item-[1-9]\d{0,12}$/, 'Use an item row id like item-7'),
  limit: z.number().int().gte(1).lte(50).optional()
})

/** A theme that an item's title is about (see theme-suggestions.ts for the measure). */
export interface ThemeSuggestion {
  themeId: number
  label: string
  /** Tickets in the theme (all quarters). */
  tickets: number
  /** How much more often the title's words occur in the theme than in all tickets (≥ 2). */
  affinity: number
  /** The title's words that count most for the theme. */
  words: string[]
  /** The item the theme is in now (adding it here moves it), or null. */
  itemRow: string | null
}

export interface ThemeSuggestions {
  /** False while the search index is being built: suggestions need it. */
  ready: boolean
  suggestions: ThemeSuggestion[]
}

/** The result of an edit: the item's row id (a theme's row becomes an item). */
export interface PriorityEditResult {
  row: string
  /** Themes taken out of other items to join this one. */
  movedThemes: number[]
}

/** One entry of the audit trail of rank overrides. */
export interface PriorityOverrideEntry {
  id: number
  row: string
  title: string
  quarter: string
  rank: number | null
  note: string
  createdAt: number
}

export const PriorityListRequestSchema = z.strictObject({ quarter: QuarterSchema.optional() })

export const PriorityOverridesRequestSchema = z.strictObject({ quarter: QuarterSchema.optional() })

export const PriorityExportRequestSchema = z.strictObject({
  quarter: QuarterSchema.optional(),
  format: z.enum(PRIORITY_FORMATS)
})

/** An exported list: a suggested file name and the file's text. */
export interface PriorityExport {
  fileName: string
  content: string
}
