import type { ApiErrorData } from '@shared/api/errors'
import type { ExperimentsReport } from '@shared/domain/experiments'
import { toErrorData } from '../i18n/error-message'
import type { Store } from './store'
import { createStore } from './store'
import type { SessionState, WorkbenchController } from './workbench-controller'

/** The analysis on screen and the one being computed. */
export interface ExperimentsState {
  /** The analysis key `report` and `error` belong to; null before the first answer. */
  key: string | null
  report: ExperimentsReport | null
  error: ApiErrorData | null
  /** The key being computed; null when idle. */
  pending: string | null
}

/**
 * What an analysis depends on: the workspace, its data and its settings, and the user's refreshes.
 * Null when no workspace is open.
 */
export function experimentsKey(session: SessionState, reloads: number): string | null {
  if (!session.workspace) return null
  const settings = session.settings
  const relevant = settings
    ? [
        settings.significanceLevel,
        settings.minPracticalLift,
        settings.minPracticalLiftKind,
        settings.experimentPower
      ].join(',')
    : ''
  return `${session.workspaceEpoch}|${session.dataVersion}|${relevant}|${reloads}`
}

/**
 * The workspace's experiments, analysed once with its settings (`experiments.list` with no
 * overrides) and shared by the side-bar view and every experiment editor. A view asks for the
 * analysis with {@link ensure}; a new analysis is computed when the data or the settings change,
 * and the previous one stays on screen meanwhile.
 */
export class ExperimentsController {
  readonly state: Store<ExperimentsState> = createStore<ExperimentsState>({
    key: null,
    report: null,
    error: null,
    pending: null
  })
  /** Bumped by {@link refresh}, so that the same data and settings are analysed again. */
  readonly reloads: Store<number> = createStore(0)

  constructor(private readonly wb: WorkbenchController) {}

  /** The key of the analysis the workbench calls for now. */
  currentKey(): string | null {
    return experimentsKey(this.wb.session.get(), this.reloads.get())
  }

  /** Computes the analysis the workbench calls for, unless it is on screen or on its way. */
  ensure(): void {
    const key = this.currentKey()
    const state = this.state.get()
    if (key === null) {
      if (state.key !== null || state.pending !== null) {
        this.state.set({ key: null, report: null, error: null, pending: null })
      }
      return
    }
    if (state.key === key || state.pending === key) return
    this.state.set((s) => ({ ...s, pending: key }))
    this.wb.call('experiments.list', {}, { quiet: true }).then(
      (report) => {
        if (this.state.get().pending !== key) return
        this.state.set({ key, report, error: null, pending: null })
      },
      (e: unknown) => {
        if (this.state.get().pending !== key) return
        const error = toErrorData(e)
        if (error.code !== 'no_workspace') this.wb.recordError(error, 'experiments.list')
        this.state.set((s) => ({ ...s, key, error, pending: null }))
      }
    )
  }

  /** Analyses the experiments again (the Refresh action). */
  refresh(): void {
    this.reloads.set((n) => n + 1)
    this.ensure()
  }
}
