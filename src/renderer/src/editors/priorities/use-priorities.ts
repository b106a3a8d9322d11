import { useEffect, useState } from 'react'
import type { ApiErrorData } from '@shared/api/errors'
import type { PriorityList, PriorityOverrideEntry } from '@shared/domain/priorities'
import { toErrorData } from '../../i18n/error-message'
import { useStore } from '../../state/store'
import { useWorkbench } from '../../state/workbench-context'

export interface PrioritiesView {
  /** The latest list (it may stay on screen while the next one is scored). */
  list: PriorityList | null
  /** The audit trail of the quarter's overrides, newest first. */
  overrides: PriorityOverrideEntry[]
  error: ApiErrorData | null
  loading: boolean
  noWorkspace: boolean
  retry(): void
}

/**
 * The priority list of the chosen quarter (the latest with tickets when none is chosen), loaded
 * again when the data, the settings, the themes or the list's own edits change.
 */
export function usePriorities(): PrioritiesView {
  const wb = useWorkbench()
  const quarter = useStore(wb.prioritiesQuarter)
  const version = useStore(wb.prioritiesVersion)
  const [attempt, setAttempt] = useState(0)
  const key = useStore(wb.session, (s) =>
    s.workspace
      ? `${s.workspaceEpoch}|${s.dataVersion}|${JSON.stringify(s.settings)}|${quarter ?? ''}|${version}|${attempt}`
      : null
  )
  const [state, setState] = useState<{
    key: string
    list: PriorityList | null
    overrides: PriorityOverrideEntry[]
    error: ApiErrorData | null
  }>({ key: '', list: null, overrides: [], error: null })

  useEffect(() => {
    if (key === null) return
    let live = true
    const request = quarter === null ? {} : { quarter }
    Promise.all([
      wb.call('priorities.list', request, { quiet: true }),
      wb.call('priorities.overrides', request, { quiet: true })
    ]).then(
      ([list, overrides]) => {
        if (live) setState({ key, list, overrides, error: null })
      },
      (e: unknown) => {
        if (!live) return
        const error = toErrorData(e)
        if (error.code !== 'no_workspace') wb.recordError(error, 'priorities.list')
        // A quarter that no longer has tickets (data removed): back to the latest.
        if (quarter !== null && error.code === 'invalid_input') wb.prioritiesQuarter.set(null)
        setState((s) => ({ key, list: s.list, overrides: s.overrides, error }))
      }
    )
    return () => {
      live = false
    }
  }, [wb, key, quarter])

  const epoch = (k: string | null): string | undefined => k?.split('|')[0]
  const same = key !== null && epoch(state.key) === epoch(key)
  return {
    list: same ? state.list : null,
    overrides: same ? state.overrides : [],
    error: state.key === key ? state.error : null,
    loading: key !== null && state.key !== key,
    noWorkspace: key === null,
    retry: () => setAttempt((n) => n + 1)
  }
}
