import type { WorkbenchHandlers } from '@shared/api/contract'
import type { ExperimentSettings } from '@shared/domain/experiments'
import { analyzeExperiment } from '../experiments/analyze'
import { loadExperiments } from '../experiments/load-experiments'
import { powerCalculation } from '../experiments/power'
import { setControlArm } from '../experiments/set-control'
import type { ServiceContext } from './service-context'

type ExperimentMethods = 'experiments.power' | 'experiments.list' | 'experiments.setControl'

/** Handlers of experiments: analysis of every experiment in the workspace, and power. */
export function createExperimentHandlers(ctx: ServiceContext): Pick<WorkbenchHandlers, ExperimentMethods> {
  return {
    // Pure arithmetic: needs no workspace.
    'experiments.power': (request) => powerCalculation(request),
    'experiments.list': (overrides) => {
      const ws = ctx.requireWorkspace()
      const saved = ws.settings.get()
      const settings: ExperimentSettings = {
        alpha: overrides.alpha ?? saved.significanceLevel,
        minLift: overrides.minLift ?? saved.minPracticalLift,
        minLiftKind: overrides.minLiftKind ?? saved.minPracticalLiftKind,
        power: overrides.power ?? saved.experimentPower
      }
      return { settings, experiments: loadExperiments(ws.db).map((e) => analyzeExperiment(e, settings)) }
    },
    'experiments.setControl': ({ experimentId, arm }) => {
      setControlArm(ctx.requireWorkspace().db, experimentId, arm)
      ctx.workspaceChanged()
      return null
    }
  }
}
