import type { ReactElement } from 'react'
import { useCallback, useEffect, useMemo, useRef, useState } from 'react'
import type { ApiErrorData } from '@shared/api/errors'
import type { BrowsableTable, SearchStatus, TableColumn } from '@shared/domain/data-browser'
import { Codicon } from '../../components/codicon'
import { IconButton } from '../../components/icon-button'
import { TABLE_META, columnLabel } from '../../data/table-meta'
import { describeError, toErrorData } from '../../i18n/error-message'
import type { I18n } from '../../i18n/i18n'
import { useI18n } from '../../i18n/i18n-context'
import { useStore } from '../../state/store'
import { useWorkbench } from '../../state/workbench-context'
import type { EditorProps } from '../editor-registry'
import { columnWidth, isNumericColumn } from './column-layout'
import { HighlightedText } from './highlighted-text'
import { searchTerms } from './highlight'
import type { Row } from './table-page-cache'
import { TablePageCache } from './table-page-cache'
import type { TicketFilterDraft, TicketFilterRequest } from './ticket-filter'
import { EMPTY_FILTER, filterKey, isFilterActive, ticketFilterRequest } from './ticket-filter'
import { TicketFilterBar } from './ticket-filter-bar'
import type { CellContent, GridColumn, Sort } from './virtual-grid'
import { VirtualGrid } from './virtual-grid'
import './table-editor.css'

const PAGE_SIZE = 200
/** 60 pages of 200 rows: 12,000 rows in memory at most, whatever the table's size. */
const MAX_PAGES = 60
/** Pages are requested once scrolling pauses this long, not for every row scrolled past. */
const FETCH_DELAY_MS = 40
/** How often the search index's progress is checked while it is being built. */
const SEARCH_STATUS_POLL_MS = 3000
/** Text columns whose search matches are marked. */
const SEARCHED_COLUMNS = new Set(['text', 'subject'])

interface TableMeta {
  columns: TableColumn[]
  total: number
  searchComplete: boolean
}

/** A read-only, virtualised view of one table that stays fast at a million rows. */
export function TableEditor({ input }: EditorProps): ReactElement | null {
  if (input.kind !== 'table') return null
  return <TableView table={input.table} />
}

/** The `data.page` arguments; the filter travels only when one is set. */
function pageArgs(
  table: BrowsableTable,
  page: number,
  sort: Sort,
  filter: TicketFilterRequest | undefined
): {
  table: BrowsableTable
  offset: number
  limit: number
  sort?: NonNullable<Sort>
  filter?: TicketFilterRequest
} {
  return {
    table,
    offset: page * PAGE_SIZE,
    limit: PAGE_SIZE,
    ...(sort ? { sort } : {}),
    ...(filter ? { filter } : {})
  }
}

function TableView({ table }: { table: BrowsableTable }): ReactElement {
  const wb = useWorkbench()
  const i18n = useI18n()
  const { t, fmt } = i18n
  const timeZone = useStore(wb.session, (s) => s.settings?.timeZone)
  const dataVersion = useStore(wb.session, (s) => s.dataVersion)
  const allRows = useStore(wb.session, (s) => s.tables?.find((x) => x.table === table)?.rows ?? null)
  const [meta, setMeta] = useState<TableMeta | null>(null)
  const [error, setError] = useState<ApiErrorData | null>(null)
  const [sort, setSort] = useState<Sort>(null)
  const filterable = table === 'tickets'
  // A theme's "Open tickets" hands its filter over; the table takes it (now, or when it opens).
  const preset = useStore(wb.ticketsPreset)
  const [draft, setDraft] = useState<TicketFilterDraft>(() =>
    filterable && preset ? { ...EMPTY_FILTER, themes: preset.themes.map(String) } : EMPTY_FILTER
  )
  const [taken, setTaken] = useState(preset)
  if (filterable && preset && preset !== taken) {
    setTaken(preset)
    setDraft({ ...EMPTY_FILTER, themes: preset.themes.map(String) })
  }
  useEffect(() => {
    if (filterable && preset) wb.ticketsPreset.set(null)
  }, [wb, filterable, preset])
  // Assignments change with every theme edit and run: a theme filter's rows follow them.
  const themesVersion = useStore(wb.themes.version)
  const [reloadKey, setReloadKey] = useState(0)
  const [pagesVersion, setPagesVersion] = useState(0)
  const [loadingCount, setLoadingCount] = useState(0)
  const [searchStatus, setSearchStatus] = useState<SearchStatus | null>(null)
  // Mutable on purpose: pages arrive often and a version counter re-renders the rows.
  const [cache] = useState(() => new TablePageCache(PAGE_SIZE, MAX_PAGES))
  const generation = useRef(0)
  const reported = useRef(false)
  const range = useRef<{ first: number; last: number }>({ first: 0, last: -1 })

  const filter = useMemo(
    () => (filterable ? ticketFilterRequest(draft, timeZone ?? 'UTC') : undefined),
    [filterable, draft, timeZone]
  )
  const key = filterKey(filter)
  const themesKey = filter?.themes ? themesVersion : 0

  /** Loads one page; stale answers (from before a sort or filter change) are dropped. */
  const loadPage = useCallback(
    async (page: number, gen: number, s: Sort, f: TicketFilterRequest | undefined): Promise<void> => {
      cache.markLoading(page)
      setLoadingCount((n) => n + 1)
      try {
        // The filter is part of `data.page` for tickets; it is sent only when the user set one.
        const args = pageArgs(table, page, s, f)
        const result = await wb.call('data.page', args, {
          // One failing table should produce one report, not one per page scrolled past.
          quiet: reported.current,
          source: `data.page (${table})`
        })
        if (gen !== generation.current) return
        cache.store(page, result.rows)
        setMeta((m) =>
          m &&
          m.total === result.total &&
          m.columns.length === result.columns.length &&
          m.searchComplete === (result.searchComplete ?? true)
            ? m
            : { columns: result.columns, total: result.total, searchComplete: result.searchComplete ?? true }
        )
        setError(null)
        setPagesVersion((v) => v + 1)
      } catch (e) {
        if (gen !== generation.current) return
        cache.failed(page)
        reported.current = true
        setError(toErrorData(e))
        // Without its first page (a refused filter, say) the view has nothing to show but the error.
        if (page === 0) setMeta(null)
      } finally {
        setLoadingCount((n) => n - 1)
      }
    },
    [wb, table, cache]
  )

  // (Re)load from the top whenever the table, the sort, the filter, the data or a refresh changes.
  useEffect(() => {
    generation.current += 1
    cache.clear()
    reported.current = false
    void loadPage(0, generation.current, sort, filter)
  }, [loadPage, cache, sort, filter, reloadKey, dataVersion, themesKey])

  // While the search index is being built, follow its progress and reload once it is complete.
  const indexing = filterable && !!filter?.search && meta !== null && !meta.searchComplete
  useEffect(() => {
    if (!indexing) return
    let live = true
    const poll = async (): Promise<void> => {
      try {
        const status = await wb.call('search.status', {}, { quiet: true })
        if (!live) return
        setSearchStatus(status)
        if (!status.building && status.indexed >= status.total) setReloadKey((k) => k + 1)
      } catch {
        // The note stays without a percentage.
      }
    }
    void poll()
    const handle = setInterval(() => void poll(), SEARCH_STATUS_POLL_MS)
    return () => {
      live = false
      clearInterval(handle)
    }
  }, [wb, indexing])

  // Fetch what is on screen once scrolling pauses.
  const total = meta?.total ?? 0
  const fetchTimer = useRef<ReturnType<typeof setTimeout> | null>(null)
  const onRangeChange = useCallback(
    (first: number, last: number) => {
      range.current = { first, last }
      const pages: number[] = []
      for (let p = Math.floor(first / PAGE_SIZE); p <= Math.floor(last / PAGE_SIZE); p += 1) pages.push(p)
      cache.touch(pages)
      if (fetchTimer.current !== null) clearTimeout(fetchTimer.current)
      fetchTimer.current = setTimeout(() => {
        fetchTimer.current = null
        const gen = generation.current
        for (const page of cache.missingPages(first, last, total)) void loadPage(page, gen, sort, filter)
      }, FETCH_DELAY_MS)
    },
    [cache, loadPage, total, sort, filter]
  )
  useEffect(
    () => () => {
      if (fetchTimer.current !== null) clearTimeout(fetchTimer.current)
    },
    []
  )
  // A new total (a filter) may leave the visible rows unloaded without any scrolling.
  useEffect(() => {
    const { first, last } = range.current
    if (last >= 0) onRangeChange(first, last)
  }, [onRangeChange, pagesVersion])

  const columns = useMemo<GridColumn[]>(
    () =>
      (meta?.columns ?? []).map((c) => ({
        id: c.id,
        label: columnLabel(i18n, c.id),
        width: columnWidth(c),
        numeric: isNumericColumn(c)
      })),
    [meta, i18n]
  )
  const types = useMemo(() => meta?.columns ?? [], [meta])
  const terms = useMemo(() => searchTerms(filter?.search ?? ''), [filter?.search])
  const renderCell = useMemo(() => cellRenderer(i18n, timeZone, types, terms), [i18n, timeZone, types, terms])

  const toggleSort = useCallback((column: string): void => {
    setSort((s) =>
      s?.column !== column
        ? { column, direction: 'asc' }
        : s.direction === 'asc'
          ? { column, direction: 'desc' }
          : null
    )
  }, [])

  const title = t(TABLE_META[table].title)
  const sortedColumn = sort ? columnLabel(i18n, sort.column) : null
  const filtered = filterable && isFilterActive(draft)
  const row = useCallback((index: number) => cache.row(index), [cache])

  return (
    <div className="lb-table-editor" data-testid={`table-editor-${table}`}>
      <div className="lb-table-toolbar">
        <span className="lb-table-title">
          <Codicon name={TABLE_META[table].icon} />
          {title}
        </span>
        {filtered && meta && allRows !== null ? (
          <span className="lb-table-count is-filtered" data-testid="ticket-filter-count">
            {t('filter.count', { shown: fmt.integer(meta.total), total: fmt.integer(allRows) })}
          </span>
        ) : (
          <span className="lb-table-count" data-testid="table-row-count">
            {meta ? t('table.rowCount', { rows: fmt.integer(meta.total) }) : error ? '' : t('table.loading')}
          </span>
        )}
        {sortedColumn && sort && (
          <span className="lb-table-sort">
            {t(sort.direction === 'asc' ? 'table.sortedAsc' : 'table.sortedDesc', { column: sortedColumn })}
          </span>
        )}
        <span className="lb-table-spacer" />
        {loadingCount > 0 && <Codicon name="loading" spin label={t('table.loading')} />}
        {timeZone && (
          <span className="lb-table-zone" title={t('table.timeZoneTooltip')}>
            <Codicon name="globe" />
            {timeZone}
          </span>
        )}
        <IconButton icon="refresh" label={t('table.refresh')} onClick={() => setReloadKey((k) => k + 1)} />
      </div>

      {filterable && (
        <TicketFilterBar
          draft={draft}
          onChange={setDraft}
          searchComplete={meta?.searchComplete ?? true}
          searchStatus={indexing ? searchStatus : null}
          dataVersion={dataVersion}
        />
      )}

      {error && !meta ? (
        <TableError error={error} onRetry={() => setReloadKey((k) => k + 1)} />
      ) : (
        <VirtualGrid
          label={title}
          columns={columns}
          rowCount={meta?.total ?? 0}
          row={row}
          renderCell={renderCell}
          sort={sort}
          onSort={toggleSort}
          onRangeChange={onRangeChange}
          busy={loadingCount > 0}
          emptyText={meta ? t(filtered ? 'filter.noMatches' : 'table.empty') : undefined}
          resetKey={`${sort?.column}:${sort?.direction}:${key}:${reloadKey}:${themesKey}`}
        />
      )}
    </div>
  )
}

/**
 * Formats cells by column type: numbers by locale, datetimes in the workspace's time zone, and
 * search matches marked in the text columns.
 */
function cellRenderer(
  i18n: I18n,
  timeZone: string | undefined,
  types: readonly TableColumn[],
  terms: readonly string[]
): (column: GridColumn, index: number, value: Row[number]) => CellContent {
  return (column, index, value) => {
    if (value === null || value === undefined || value === '') return { text: '—', isNull: true }
    const type = types[index]?.type ?? 'text'
    switch (type) {
      case 'integer':
        return typeof value === 'number' ? { text: i18n.fmt.integer(value) } : { text: String(value) }
      case 'number':
        return typeof value === 'number' ? { text: i18n.fmt.number(value, 2) } : { text: String(value) }
      case 'datetime':
        if (typeof value !== 'number') return { text: String(value) }
        return {
          text: i18n.fmt.dateTime(value, timeZone),
          title: `${new Date(value).toISOString()}${timeZone ? ` · ${timeZone}` : ''}`
        }
      default: {
        const full = String(value)
        // Newlines would break the one-line row; the tooltip keeps them.
        const text = full.replace(/\s+/g, ' ')
        const cell: CellContent = { text, ...(full.length > 12 ? { title: full } : {}) }
        if (terms.length > 0 && SEARCHED_COLUMNS.has(column.id)) {
          return { ...cell, node: <HighlightedText text={text} terms={terms} /> }
        }
        return cell
      }
    }
  }
}

function TableError({ error, onRetry }: { error: ApiErrorData; onRetry: () => void }): ReactElement {
  const { t, language } = useI18n()
  const description = describeError(language, error)
  return (
    <div className="lb-table-error" role="alert" data-testid="table-error">
      <Codicon name="error" />
      <p>{description.message}</p>
      {description.details.map((line) => (
        <p key={line} className="lb-table-error-detail lb-selectable">
          {line}
        </p>
      ))}
      <button type="button" className="lb-button" onClick={onRetry}>
        {t('table.retry')}
      </button>
    </div>
  )
}
