import { useEffect } from 'react'
import type { ApiErrorData } from '@shared/api/errors'
import type { JobInfo } from '@shared/domain/jobs'
import type { ThemesOverview } from '@shared/domain/themes'
import { useStore } from '../../state/store'
import { themesKey } from '../../state/themes-controller'
import { useWorkbench } from '../../state/workbench-context'

/** The workspace's themes as a component sees them. */
export interface ThemesView {
  /** The latest list of this workspace (it may be on screen while the next one loads). */
  overview: ThemesOverview | null
  /** The list the workbench calls for could not be loaded. */
  error: ApiErrorData | null
  /** The list on screen is not (yet) the one the data, quarter and edits call for. */
  loading: boolean
  /** No workspace is open. */
  noWorkspace: boolean
  /** A run in progress (or about to start): its job once the backend reported it. */
  running: { job: JobInfo | null } | null
  retry(): void
}

const epochOf = (key: string | null): string | undefined => key?.split('|')[0]

/** The shared list of themes, loaded again whenever the data, the quarter or the themes change. */
export function useThemes(): ThemesView {
  const wb = useWorkbench()
  const quarter = useStore(wb.themes.quarter)
  const version = useStore(wb.themes.version)
  const key = useStore(wb.session, (s) => themesKey(s, quarter, version))
  const state = useStore(wb.themes.state)
  const starting = useStore(wb.themes.starting)
  const job = useStore(wb.session, (s) =>
    s.jobs.find((j) => j.kind === 'themes.run' && (j.state === 'running' || j.state === 'queued'))
  )
  useEffect(() => wb.themes.ensure(), [wb, key])
  // Another workspace's themes are never shown, not even while this one's load.
  const sameWorkspace = key !== null && epochOf(state.key) === epochOf(key)
  return {
    overview: sameWorkspace ? state.overview : null,
    error: state.key === key ? state.error : null,
    loading: key !== null && state.key !== key,
    noWorkspace: key === null,
    running: job ? { job } : starting ? { job: null } : null,
    retry: () => wb.themes.refresh()
  }
}
