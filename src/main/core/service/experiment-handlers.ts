import type { WorkbenchHandlers } from '@shared/api/contract'
import { powerCalculation } from '../experiments/power'

type ExperimentMethods = 'experiments.power'

/** Handlers of experiments. */
export function createExperimentHandlers(): Pick<WorkbenchHandlers, ExperimentMethods> {
  return {
    // Pure arithmetic: needs no workspace.
    'experiments.power': (request) => powerCalculation(request)
  }
}
