import type { AnalysisSettings, AnalysisSettingsPatch } from '@shared/domain/settings'
import { AnalysisSettingsSchema } from '@shared/domain/settings'

/** The analysis settings as the form holds them: text as typed; the lift in percent. */
export interface SettingsDraft {
  significanceLevel: string
  /** Percent (5 means 0.05), because people think of a 5% lift, not 0.05. */
  minPracticalLiftPercent: string
  minPracticalLiftKind: AnalysisSettings['minPracticalLiftKind']
  /** Percent (80 means 0.8). */
  experimentPowerPercent: string
  csatSatisfiedThreshold: string
  csatScaleMax: string
  metricsMinSampleSize: string
  fiscalYearStartMonth: number
  timeZone: string
  importRedactByDefault: boolean
  /** Percent (5 means 0.05). */
  importRejectThresholdPercent: string
}

export type SettingsField = keyof AnalysisSettings

/** Why a field is invalid: not a number at all, or outside what the shared schema accepts. */
export type FieldError = 'number' | 'invalid'

export interface ParsedDraft {
  /** The settings when the whole draft is valid. */
  settings: AnalysisSettings | null
  errors: Partial<Record<SettingsField, FieldError>>
}

/** Rounds away binary noise (0.07 × 100 = 7.000000000000001). */
const clean = (value: number): string => String(Number(value.toPrecision(12)))

/** The form's view of saved settings. */
export function draftFromSettings(settings: AnalysisSettings): SettingsDraft {
  return {
    significanceLevel: clean(settings.significanceLevel),
    minPracticalLiftPercent: clean(settings.minPracticalLift * 100),
    minPracticalLiftKind: settings.minPracticalLiftKind,
    experimentPowerPercent: clean(settings.experimentPower * 100),
    csatSatisfiedThreshold: clean(settings.csatSatisfiedThreshold),
    csatScaleMax: clean(settings.csatScaleMax),
    metricsMinSampleSize: clean(settings.metricsMinSampleSize),
    fiscalYearStartMonth: settings.fiscalYearStartMonth,
    timeZone: settings.timeZone,
    importRedactByDefault: settings.importRedactByDefault,
    importRejectThresholdPercent: clean(settings.importRejectThreshold * 100)
  }
}

/** Reads a typed number; a decimal comma is accepted, as many locales write one. */
export function parseNumber(text: string): number | null {
  const trimmed = text.trim().replace(/\s/g, '')
  if (trimmed === '' || !/^[-+]?(\d+([.,]\d*)?|[.,]\d+)(e[-+]?\d+)?$/i.test(trimmed)) return null
  const value = Number(trimmed.replace(',', '.'))
  return Number.isFinite(value) ? value : null
}

/**
 * Validates the draft with the same zod schema the backend uses, so the form refuses exactly what
 * the backend would.
 */
export function parseDraft(draft: SettingsDraft): ParsedDraft {
  const errors: Partial<Record<SettingsField, FieldError>> = {}
  const number = (field: SettingsField, text: string, scale = 1): number => {
    const value = parseNumber(text)
    if (value === null) {
      errors[field] = 'number'
      return NaN
    }
    return value / scale
  }
  const candidate = {
    significanceLevel: number('significanceLevel', draft.significanceLevel),
    minPracticalLift: number('minPracticalLift', draft.minPracticalLiftPercent, 100),
    minPracticalLiftKind: draft.minPracticalLiftKind,
    experimentPower: number('experimentPower', draft.experimentPowerPercent, 100),
    csatSatisfiedThreshold: number('csatSatisfiedThreshold', draft.csatSatisfiedThreshold),
    csatScaleMax: number('csatScaleMax', draft.csatScaleMax),
    metricsMinSampleSize: number('metricsMinSampleSize', draft.metricsMinSampleSize),
    fiscalYearStartMonth: draft.fiscalYearStartMonth,
    timeZone: draft.timeZone.trim(),
    importRedactByDefault: draft.importRedactByDefault,
    importRejectThreshold: number('importRejectThreshold', draft.importRejectThresholdPercent, 100)
  }
  const result = AnalysisSettingsSchema.safeParse(candidate)
  if (!result.success) {
    for (const issue of result.error.issues) {
      const field = issue.path[0]
      if (typeof field === 'string' && field in candidate && !errors[field as SettingsField]) {
        errors[field as SettingsField] = 'invalid'
      }
    }
  }
  return { settings: result.success && Object.keys(errors).length === 0 ? result.data : null, errors }
}

/** The fields that differ from the saved settings, as a patch for `settings.update`. */
export function diffSettings(saved: AnalysisSettings, next: AnalysisSettings): AnalysisSettingsPatch {
  const patch: Record<string, unknown> = {}
  for (const key of Object.keys(next) as SettingsField[]) {
    if (next[key] !== saved[key]) patch[key] = next[key]
  }
  return patch as AnalysisSettingsPatch
}

/** True when the draft differs from what is saved. */
export function isDraftDirty(saved: AnalysisSettings, draft: SettingsDraft): boolean {
  const base = draftFromSettings(saved)
  return (Object.keys(base) as Array<keyof SettingsDraft>).some(
    (key) => String(base[key]) !== String(draft[key])
  )
}
