import type { WorkbenchHandlers } from '@shared/api/contract'
import { analyzeExperiment } from '../experiments/analyze'
import { experimentSettings } from '../experiments/experiment-settings'
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
      const settings = experimentSettings(ws.settings.get(), overrides)
      return { settings, experiments: loadExperiments(ws.db).map((e) => analyzeExperiment(e, settings)) }
    },
    'experiments.setControl': ({ experimentId, arm }) => {
      setControlArm(ctx.requireWorkspace().db, experimentId, arm)
      ctx.workspaceChanged()
      return null
    }
  }
}
