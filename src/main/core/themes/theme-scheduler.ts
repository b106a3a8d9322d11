import type { EventBus } from '../events/event-bus'
import type { CoalescedRunHost } from '../jobs/coalesced-runs'
import { CoalescedRuns } from '../jobs/coalesced-runs'
import type { Workspace } from '../store/workspace'
import type { AssignNewSummary } from './assign-new'

/** What scheduling needs of the service (a structural part of its ServiceContext). */
export interface ThemeAssignHost extends CoalescedRunHost {
  readonly events: EventBus
}

function needsAssignment(ws: Workspace): boolean {
  const row = ws.db
    .prepare(
      `SELECT EXISTS (SELECT 1 FROM theme_runs WHERE status = 'succeeded')
          AND EXISTS (SELECT 1 FROM tickets t WHERE NOT EXISTS (SELECT 1 FROM ticket_themes tt WHERE tt.ticket_id = t.id)) AS due`
    )
    .get() as { due: number }
  return row.due === 1
}

const assigning = new CoalescedRuns<ThemeAssignHost>((host, ws) => {
  if (!needsAssignment(ws)) return null
  const job = host.jobs.start<AssignNewSummary>('themes.assign', 'Assigning new tickets to themes', {
    workspacePath: ws.path
  })
  return job.result.then((summary) => {
    if (summary.assigned > 0) host.events.emit({ type: 'themes.changed' })
  })
})

/**
 * Gives the themes to tickets that arrived since the last run, in a background job
 * ('themes.assign'). The service calls this after every import and undo and when a workspace
 * opens — the import announces new rows; it never calls into the themes. A call while a job
 * runs makes it run once more after. Nothing happens before the first run.
 */
export function startThemeAssignment(host: ThemeAssignHost): void {
  assigning.request(host)
}
