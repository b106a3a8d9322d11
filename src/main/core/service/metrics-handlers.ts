import type { WorkbenchHandlers } from '@shared/api/contract'
import { buildMetricsReport } from '../metrics/metrics-report'
import { readMetricsComments } from '../metrics/metrics-comments'
import { planSurvey } from '../metrics/margins'
import type { ServiceContext } from './service-context'

type MetricsMethods = 'metrics.report' | 'metrics.comments' | 'metrics.plan'

/** Handlers of satisfaction metrics: CSAT and NPS by period and segment, and the comments behind them. */
export function createMetricsHandlers(ctx: ServiceContext): Pick<WorkbenchHandlers, MetricsMethods> {
  return {
    'metrics.report': (request) => {
      const ws = ctx.requireWorkspace()
      return buildMetricsReport(ws.db, request, ws.settings.get())
    },
    'metrics.comments': (request) => {
      const ws = ctx.requireWorkspace()
      return readMetricsComments(ws.db, request, ws.settings.get())
    },
    // Pure arithmetic: needs no workspace.
    'metrics.plan': (request) => planSurvey(request)
  }
}
