import { useCallback, useEffect, useState } from 'react'
import type { ApiErrorData } from '@shared/api/errors'
import type { ThemeDetail, ThemeTicket } from '@shared/domain/themes'
import { toErrorData } from '../../i18n/error-message'
import { useStore } from '../../state/store'
import { useWorkbench } from '../../state/workbench-context'
import { appendTickets } from './theme-model'

export type TrendGrain = 'week' | 'month' | 'quarter'

/** Tickets asked for per "Show more". */
const TICKETS_PAGE = 20

/** One theme as its editor sees it. */
export interface ThemeDetailView {
  detail: ThemeDetail | null
  error: ApiErrorData | null
  /** The detail on screen is not (yet) the one the data, quarter and edits call for. */
  loading: boolean
  /** The theme is gone (merged into another, or dropped by a re-run). */
  gone: boolean
  retry(): void
  /** Representative tickets first, then the pages asked for with {@link more}. */
  tickets: ThemeTicket[]
  /** The theme's tickets in all, once a page told; else its size. */
  total: number | null
  loadingMore: boolean
  more(): void
}

/**
 * Loads one theme's detail for the quarter shown (`themes.detail`), again whenever the data, the
 * quarter, the grain or the themes change; and pages of its tickets (`themes.tickets`) on demand.
 */
export function useThemeDetail(id: number, by: TrendGrain): ThemeDetailView {
  const wb = useWorkbench()
  const quarter = useStore(wb.themes.quarter)
  const version = useStore(wb.themes.version)
  const epoch = useStore(wb.session, (s) => s.workspaceEpoch)
  const dataVersion = useStore(wb.session, (s) => s.dataVersion)
  const hasWorkspace = useStore(wb.session, (s) => s.workspace !== null)
  const [reloads, setReloads] = useState(0)
  const key = `${epoch}|${dataVersion}|${quarter ?? ''}|${version}|${id}|${by}|${reloads}`
  const [state, setState] = useState<{
    key: string | null
    detail: ThemeDetail | null
    error: ApiErrorData | null
  }>({ key: null, detail: null, error: null })
  const [pages, setPages] = useState<{
    key: string
    rows: ThemeTicket[]
    offset: number
    total: number | null
  }>({
    key: '',
    rows: [],
    offset: 0,
    total: null
  })
  const [loadingMore, setLoadingMore] = useState(false)

  useEffect(() => {
    if (!hasWorkspace) return
    let live = true
    wb.call('themes.detail', { id, by, ...(quarter ? { quarter } : {}) }, { quiet: true }).then(
      (detail) => live && setState({ key, detail, error: null }),
      (e: unknown) => {
        if (!live) return
        const error = toErrorData(e)
        if (error.code !== 'not_found' && error.code !== 'no_workspace')
          wb.recordError(error, 'themes.detail')
        setState((s) => ({ key, detail: error.code === 'not_found' ? null : s.detail, error }))
      }
    )
    return () => {
      live = false
    }
  }, [wb, key, id, by, quarter, hasWorkspace])

  const detail = state.detail?.theme.id === id ? state.detail : null
  // Pages belong to one detail: an edit or another quarter starts again from the examples.
  const detailKey = state.key ?? ''
  const paged = pages.key === detailKey ? pages : { key: detailKey, rows: [], offset: 0, total: null }
  const tickets = appendTickets(detail?.examples ?? [], paged.rows)

  const more = useCallback(() => {
    if (loadingMore) return
    setLoadingMore(true)
    const start = paged.offset
    wb.call('themes.tickets', { id, offset: start, limit: TICKETS_PAGE }, { source: 'themes.tickets' })
      .then(
        (page) =>
          setPages((p) => {
            const base = p.key === detailKey ? p : { key: detailKey, rows: [], offset: 0, total: null }
            return {
              key: detailKey,
              rows: appendTickets(base.rows, page.rows),
              offset: start + page.rows.length,
              total: page.total
            }
          }),
        () => undefined
      )
      .finally(() => setLoadingMore(false))
  }, [wb, id, loadingMore, paged.offset, detailKey])

  return {
    detail,
    error: state.key === key ? state.error : null,
    loading: hasWorkspace && state.key !== key,
    gone: state.key === key && state.error?.code === 'not_found',
    retry: () => setReloads((n) => n + 1),
    tickets,
    total: paged.total ?? detail?.theme.size ?? null,
    loadingMore,
    more
  }
}
