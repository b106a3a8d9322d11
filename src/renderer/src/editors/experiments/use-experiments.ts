import { useEffect } from 'react'
import type { ApiErrorData } from '@shared/api/errors'
import type { ExperimentsReport } from '@shared/domain/experiments'
import { experimentsKey } from '../../state/experiments-controller'
import { useStore } from '../../state/store'
import { useWorkbench } from '../../state/workbench-context'

/** The workspace's experiments as a component sees them. */
export interface ExperimentsView {
  /** The latest analysis of this workspace (it may be on screen while the next one is computed). */
  report: ExperimentsReport | null
  /** The analysis the workbench calls for failed. */
  error: ApiErrorData | null
  /** The analysis on screen is not (yet) the one the data and settings call for. */
  loading: boolean
  /** No workspace is open. */
  noWorkspace: boolean
  retry(): void
}

const epochOf = (key: string | null): string | undefined => key?.split('|')[0]

/**
 * The shared analysis of the workspace's experiments, asked for whenever the data or the settings
 * change: a changed minimum lift re-decides every experiment on screen ("apply live").
 */
export function useExperiments(): ExperimentsView {
  const wb = useWorkbench()
  const reloads = useStore(wb.experiments.reloads)
  const key = useStore(wb.session, (s) => experimentsKey(s, reloads))
  const state = useStore(wb.experiments.state)
  useEffect(() => wb.experiments.ensure(), [wb, key])
  // Another workspace's experiments are never shown, not even while this one's are computed.
  const sameWorkspace = key !== null && epochOf(state.key) === epochOf(key)
  return {
    report: sameWorkspace ? state.report : null,
    error: state.key === key ? state.error : null,
    loading: key !== null && state.key !== key,
    noWorkspace: key === null,
    retry: () => wb.experiments.refresh()
  }
}
