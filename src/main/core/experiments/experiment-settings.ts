import type { ExperimentSettings } from '@shared/domain/experiments'
import type { AnalysisSettings } from '@shared/domain/settings'

/** How experiments are analysed in a workspace: its analysis settings, with a request's overrides. */
export function experimentSettings(
  saved: AnalysisSettings,
  overrides: Partial<ExperimentSettings> = {}
): ExperimentSettings {
  return {
    alpha: overrides.alpha ?? saved.significanceLevel,
    minLift: overrides.minLift ?? saved.minPracticalLift,
    minLiftKind: overrides.minLiftKind ?? saved.minPracticalLiftKind,
    power: overrides.power ?? saved.experimentPower
  }
}
