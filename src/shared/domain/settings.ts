import { z } from 'zod'

/** True when `name` is an IANA time zone this runtime knows. */
export function isValidTimeZone(name: string): boolean {
  try {
    new Intl.DateTimeFormat('en-US', { timeZone: name })
    return true
  } catch {
    return false
  }
}

/**
 * Analysis settings live in the workspace, so that every host (desktop, CLI, web) computes the
 * same numbers from the same file.
 */
export const AnalysisSettingsSchema = z
  .strictObject({
    /** α for every significance test. */
    significanceLevel: z.number().gt(0).lte(0.5),
    /** Minimum practical difference for a decision; a lift counts when lift ≥ this value. */
    minPracticalLift: z.number().gte(0).lte(10),
    /** Whether {@link minPracticalLift} is a relative lift (0.05 = 5%) or absolute points (0.05 = 5 pp). */
    minPracticalLiftKind: z.enum(['relative', 'absolute']),
    /** The power an experiment is planned for (and "units still needed" is computed at). */
    experimentPower: z.number().gte(0.5).lt(1),
    /** A CSAT score at or above this value counts as satisfied. */
    csatSatisfiedThreshold: z.number().gt(0),
    /** Top of the CSAT scale (5 for 1–5). */
    csatScaleMax: z.number().int().gte(2).lte(100),
    /** First month (1–12) of the fiscal year; 1 means fiscal = calendar year. A fiscal year is named for the calendar year in which it ends. */
    fiscalYearStartMonth: z.number().int().gte(1).lte(12),
    /** IANA time zone used to assign timestamps to days, weeks, months and quarters. */
    timeZone: z.string().min(1).refine(isValidTimeZone, { message: 'Unknown time zone' }),
    /** Below this many responses a CSAT or NPS is shown as "too few responses" and no change is tested. */
    metricsMinSampleSize: z.number().int().gte(2).lte(100000),
    /** Imports replace personal data unless the user turns it off for one import. */
    importRedactByDefault: z.boolean(),
    /** An import is refused when more than this share of its rows is rejected. */
    importRejectThreshold: z.number().gte(0).lte(1)
  })
  .refine((s) => s.csatSatisfiedThreshold <= s.csatScaleMax, {
    message: 'The satisfied threshold must be on the CSAT scale',
    path: ['csatSatisfiedThreshold']
  })

export type AnalysisSettings = z.infer<typeof AnalysisSettingsSchema>

/** A partial update of the analysis settings; each field is checked as in the full schema. */
export const AnalysisSettingsPatchSchema = z.strictObject({
  significanceLevel: z.number().gt(0).lte(0.5).optional(),
  minPracticalLift: z.number().gte(0).lte(10).optional(),
  minPracticalLiftKind: z.enum(['relative', 'absolute']).optional(),
  experimentPower: z.number().gte(0.5).lt(1).optional(),
  csatSatisfiedThreshold: z.number().gt(0).optional(),
  csatScaleMax: z.number().int().gte(2).lte(100).optional(),
  fiscalYearStartMonth: z.number().int().gte(1).lte(12).optional(),
  timeZone: z.string().min(1).refine(isValidTimeZone, { message: 'Unknown time zone' }).optional(),
  metricsMinSampleSize: z.number().int().gte(2).lte(100000).optional(),
  importRedactByDefault: z.boolean().optional(),
  importRejectThreshold: z.number().gte(0).lte(1).optional()
})

export type AnalysisSettingsPatch = z.infer<typeof AnalysisSettingsPatchSchema>

/** Defaults for a new workspace; the time zone is the creating machine's. */
export function defaultAnalysisSettings(systemTimeZone: string): AnalysisSettings {
  return {
    significanceLevel: 0.05,
    minPracticalLift: 0.05,
    minPracticalLiftKind: 'relative',
    experimentPower: 0.8,
    csatSatisfiedThreshold: 4,
    csatScaleMax: 5,
    fiscalYearStartMonth: 1,
    timeZone: isValidTimeZone(systemTimeZone) ? systemTimeZone : 'UTC',
    metricsMinSampleSize: 30,
    importRedactByDefault: false,
    importRejectThreshold: 0.05
  }
}
