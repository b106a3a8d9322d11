import type { JobManager } from '../jobs/job-manager'
import type { Workspace } from '../store/workspace'
import type { IndexTicketsSummary } from './index-tickets'

/** What scheduling needs of the service (a structural part of its ServiceContext). */
export interface SearchIndexingHost {
  readonly jobs: JobManager
  requireWorkspace(): Workspace
}

interface IndexingState {
  /** Settles when the running job and any re-run it owes have finished. */
  running: Promise<void> | null
  /** Data changed while the job ran: run once more, since it may have missed the change. */
  again: boolean
}

/** Per service (its JobManager), per workspace file. */
const states = new WeakMap<JobManager, Map<string, IndexingState>>()

function stateOf(host: SearchIndexingHost, path: string): IndexingState {
  let byPath = states.get(host.jobs)
  if (!byPath) {
    byPath = new Map()
    states.set(host.jobs, byPath)
  }
  let state = byPath.get(path)
  if (!state) {
    state = { running: null, again: false }
    byPath.set(path, state)
  }
  return state
}

function openWorkspace(host: SearchIndexingHost): Workspace | null {
  try {
    return host.requireWorkspace()
  } catch {
    return null
  }
}

/**
 * Brings the open workspace's search index up to date in a background job ('search.index'),
 * unless one already runs, in which case it runs once more after it. Call after every import,
 * undo, and when a workspace is opened (an earlier run may have been cut short). Failures are
 * reported by the job like any other; the next call tries again.
 */
export function startSearchIndexing(host: SearchIndexingHost): void {
  const ws = openWorkspace(host)
  if (!ws) return
  const state = stateOf(host, ws.path)
  if (state.running) {
    state.again = true
    return
  }
  const runOnce = async (): Promise<void> => {
    do {
      state.again = false
      const job = host.jobs.start<IndexTicketsSummary>('search.index', 'Indexing tickets for search', {
        path: ws.path
      })
      try {
        await job.result
      } catch {
        // Cancelled or failed: the job manager has told the user; stop until asked again.
        state.again = false
      }
    } while (state.again)
  }
  state.running = runOnce().finally(() => {
    state.running = null
  })
}

/** True while a 'search.index' job runs for the open workspace. */
export function isSearchIndexing(host: SearchIndexingHost): boolean {
  const ws = openWorkspace(host)
  return ws !== null && stateOf(host, ws.path).running !== null
}

/** Settles when indexing of the open workspace (with its re-runs) has finished. */
export async function searchIndexingSettled(host: SearchIndexingHost): Promise<void> {
  const ws = openWorkspace(host)
  if (!ws) return
  await stateOf(host, ws.path).running
}
