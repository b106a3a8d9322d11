import type { Workspace } from '../store/workspace'
import type { JobManager } from './job-manager'

/** What a coalesced background run needs of the service (a structural part of its ServiceContext). */
export interface CoalescedRunHost {
  readonly jobs: JobManager
  requireWorkspace(): Workspace
}

interface RunState {
  /** Settles when the running job and any re-run it owes have finished. */
  running: Promise<void> | null
  /** Data changed while the job ran: run once more, since it may have missed the change. */
  again: boolean
}

/**
 * A background job the service starts after data changes (an import, an undo, opening a
 * workspace), one at a time per workspace: a request while it runs makes it run once more after
 * it, never twice at once. `launch` starts one job and returns its result, or null when there is
 * nothing to do. A failed or cancelled job ends the runs (the job manager has told the user)
 * until the next request.
 */
export class CoalescedRuns<H extends CoalescedRunHost = CoalescedRunHost> {
  /** Per service (its JobManager), per workspace file. */
  private readonly states = new WeakMap<JobManager, Map<string, RunState>>()

  constructor(private readonly launch: (host: H, ws: Workspace) => Promise<unknown> | null) {}

  request(host: H): void {
    const ws = openWorkspace(host)
    if (!ws) return
    const state = this.stateOf(host, ws.path)
    if (state.running) {
      state.again = true
      return
    }
    const runOnce = async (): Promise<void> => {
      do {
        state.again = false
        const result = this.launch(host, ws)
        if (!result) return
        try {
          await result
        } catch {
          state.again = false
        }
      } while (state.again)
    }
    state.running = runOnce().finally(() => {
      state.running = null
    })
  }

  /** True while a run for the open workspace is under way. */
  isRunning(host: CoalescedRunHost): boolean {
    const ws = openWorkspace(host)
    return ws !== null && this.stateOf(host, ws.path).running !== null
  }

  /** Settles when the runs for the open workspace (with their re-runs) have finished. */
  async settled(host: CoalescedRunHost): Promise<void> {
    const ws = openWorkspace(host)
    if (ws) await this.stateOf(host, ws.path).running
  }

  private stateOf(host: CoalescedRunHost, path: string): RunState {
    let byPath = this.states.get(host.jobs)
    if (!byPath) {
      byPath = new Map()
      this.states.set(host.jobs, byPath)
    }
    let state = byPath.get(path)
    if (!state) {
      state = { running: null, again: false }
      byPath.set(path, state)
    }
    return state
  }
}

function openWorkspace(host: CoalescedRunHost): Workspace | null {
  try {
    return host.requireWorkspace()
  } catch {
    return null
  }
}
