import type { CSSProperties, ReactElement } from 'react'
import { memo, useCallback, useEffect, useMemo, useRef, useState } from 'react'
import { useVirtualizer } from '@tanstack/react-virtual'
import type { ApiErrorData } from '@shared/api/errors'
import type { BrowsableTable, TableColumn } from '@shared/domain/data-browser'
import { Codicon } from '../../components/codicon'
import { IconButton } from '../../components/icon-button'
import { TABLE_META, columnLabel } from '../../data/table-meta'
import { describeError, toErrorData } from '../../i18n/error-message'
import type { I18n } from '../../i18n/i18n'
import { useI18n } from '../../i18n/i18n-context'
import { useStore } from '../../state/store'
import { useWorkbench } from '../../state/workbench-context'
import type { EditorProps } from '../editor-registry'
import { columnWidth, gutterWidth, isNumericColumn } from './column-layout'
import type { Row } from './table-page-cache'
import { TablePageCache } from './table-page-cache'
import './table-editor.css'

const ROW_HEIGHT = 26
const HEADER_HEIGHT = 30
const PAGE_SIZE = 200
/** 60 pages of 200 rows: 12,000 rows in memory at most, whatever the table's size. */
const MAX_PAGES = 60
/** Pages are requested once scrolling pauses this long, not for every row scrolled past. */
const FETCH_DELAY_MS = 40

type Sort = { column: string; direction: 'asc' | 'desc' } | null

interface TableMeta {
  columns: TableColumn[]
  total: number
}

/** A read-only, virtualised view of one table that stays fast at a million rows. */
export function TableEditor({ input }: EditorProps): ReactElement | null {
  if (input.kind !== 'table') return null
  return <TableView table={input.table} />
}

function TableView({ table }: { table: BrowsableTable }): ReactElement {
  const wb = useWorkbench()
  const i18n = useI18n()
  const { t, fmt } = i18n
  const timeZone = useStore(wb.session, (s) => s.settings?.timeZone)
  const [meta, setMeta] = useState<TableMeta | null>(null)
  const [error, setError] = useState<ApiErrorData | null>(null)
  const [sort, setSort] = useState<Sort>(null)
  const [reloadKey, setReloadKey] = useState(0)
  const [, setPagesVersion] = useState(0)
  const [loadingCount, setLoadingCount] = useState(0)
  // Mutable on purpose: pages arrive often and a version counter re-renders the rows.
  const [cache] = useState(() => new TablePageCache(PAGE_SIZE, MAX_PAGES))
  const generation = useRef(0)
  const reported = useRef(false)
  const scrollRef = useRef<HTMLDivElement>(null)

  /** Loads one page; stale answers (from before a sort change) are dropped. */
  const loadPage = useCallback(
    async (page: number, gen: number, current: Sort): Promise<void> => {
      cache.markLoading(page)
      setLoadingCount((n) => n + 1)
      try {
        const result = await wb.call(
          'data.page',
          { table, offset: page * PAGE_SIZE, limit: PAGE_SIZE, ...(current ? { sort: current } : {}) },
          // One failing table should produce one report, not one per page scrolled past.
          { quiet: reported.current, source: `data.page (${table})` }
        )
        if (gen !== generation.current) return
        cache.store(page, result.rows)
        setMeta((m) =>
          m && m.total === result.total && m.columns.length === result.columns.length
            ? m
            : { columns: result.columns, total: result.total }
        )
        setPagesVersion((v) => v + 1)
      } catch (e) {
        if (gen !== generation.current) return
        cache.failed(page)
        reported.current = true
        setError(toErrorData(e))
      } finally {
        setLoadingCount((n) => n - 1)
      }
    },
    [wb, table, cache]
  )

  // (Re)load from the top whenever the table, the sort or an explicit refresh changes.
  useEffect(() => {
    generation.current += 1
    cache.clear()
    reported.current = false
    setError(null)
    scrollRef.current?.scrollTo({ top: 0 })
    void loadPage(0, generation.current, sort)
  }, [loadPage, cache, sort, reloadKey])

  // The virtualizer's functions are used here only and never handed to memoised children, so the
  // React Compiler's caution about them does not apply.
  // eslint-disable-next-line react-hooks/incompatible-library
  const virtualizer = useVirtualizer({
    count: meta?.total ?? 0,
    getScrollElement: () => scrollRef.current,
    estimateSize: () => ROW_HEIGHT,
    overscan: 12,
    paddingStart: HEADER_HEIGHT,
    scrollPaddingStart: HEADER_HEIGHT,
    useFlushSync: false
  })
  const items = virtualizer.getVirtualItems()
  const first = items[0]?.index ?? 0
  const last = items[items.length - 1]?.index ?? -1

  // Fetch what is on screen once scrolling pauses.
  useEffect(() => {
    if (!meta || last < 0) return
    const visiblePages: number[] = []
    for (let p = Math.floor(first / PAGE_SIZE); p <= Math.floor(last / PAGE_SIZE); p += 1)
      visiblePages.push(p)
    cache.touch(visiblePages)
    const handle = setTimeout(() => {
      const gen = generation.current
      for (const page of cache.missingPages(first, last, meta.total)) void loadPage(page, gen, sort)
    }, FETCH_DELAY_MS)
    return () => clearTimeout(handle)
  }, [first, last, meta, loadPage, cache, sort])

  const columns = useMemo(() => meta?.columns ?? [], [meta])
  const gutter = gutterWidth(meta?.total ?? 0)
  const template = useMemo(
    () => [`${gutter}px`, ...columns.map((c) => `${columnWidth(c)}px`)].join(' '),
    [columns, gutter]
  )
  const width = gutter + columns.reduce((sum, c) => sum + columnWidth(c), 0)
  const formatCell = useMemo(() => cellFormatter(i18n, timeZone), [i18n, timeZone])

  const toggleSort = (column: string): void => {
    setSort((s) =>
      s?.column !== column
        ? { column, direction: 'asc' }
        : s.direction === 'asc'
          ? { column, direction: 'desc' }
          : null
    )
  }

  const title = t(TABLE_META[table].title)
  const sortedColumn = sort ? columnLabel(i18n, sort.column) : null

  return (
    <div className="lb-table-editor" data-testid={`table-editor-${table}`}>
      <div className="lb-table-toolbar">
        <span className="lb-table-title">
          <Codicon name={TABLE_META[table].icon} />
          {title}
        </span>
        <span className="lb-table-count" data-testid="table-row-count">
          {meta ? t('table.rowCount', { rows: fmt.integer(meta.total) }) : error ? '' : t('table.loading')}
        </span>
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

      {error && !meta ? (
        <TableError error={error} onRetry={() => setReloadKey((k) => k + 1)} />
      ) : (
        <div
          ref={scrollRef}
          className="lb-table-scroll"
          role="grid"
          tabIndex={0}
          aria-label={title}
          aria-rowcount={meta ? meta.total + 1 : -1}
          aria-colcount={columns.length + 1}
          aria-busy={loadingCount > 0}
          data-testid="table-grid"
        >
          <div className="lb-table-canvas" style={{ width, height: virtualizer.getTotalSize() }}>
            <div
              className="lb-table-header"
              role="row"
              aria-rowindex={1}
              style={{ gridTemplateColumns: template, height: HEADER_HEIGHT }}
            >
              <div
                className="lb-table-gutter lb-table-th"
                role="columnheader"
                aria-label={t('table.rowNumber')}
              >
                #
              </div>
              {columns.map((column) => {
                const sorted = sort?.column === column.id ? sort.direction : null
                const label = columnLabel(i18n, column.id)
                return (
                  <div
                    key={column.id}
                    role="columnheader"
                    aria-sort={sorted === 'asc' ? 'ascending' : sorted === 'desc' ? 'descending' : 'none'}
                    className={`lb-table-th${isNumericColumn(column) ? ' is-numeric' : ''}${sorted ? ' is-sorted' : ''}`}
                  >
                    <button
                      type="button"
                      title={t('table.sortBy', { column: label })}
                      data-testid={`table-header-${column.id}`}
                      onClick={() => toggleSort(column.id)}
                    >
                      <span className="lb-table-th-label">{label}</span>
                      <Codicon
                        name={sorted === 'desc' ? 'arrow-down' : 'arrow-up'}
                        className={`lb-table-sort-icon${sorted ? ' is-on' : ''}`}
                      />
                    </button>
                  </div>
                )
              })}
            </div>
            {meta &&
              items.map((item) => (
                <TableRow
                  key={item.index}
                  index={item.index}
                  row={cache.row(item.index)}
                  columns={columns}
                  template={template}
                  style={{ transform: `translateY(${item.start}px)`, height: ROW_HEIGHT }}
                  formatCell={formatCell}
                  rowNumber={fmt.integer(item.index + 1)}
                />
              ))}
            {meta && meta.total === 0 && (
              <div className="lb-table-empty" style={{ top: HEADER_HEIGHT }} data-testid="table-empty">
                {t('table.empty')}
              </div>
            )}
          </div>
        </div>
      )}
    </div>
  )
}

interface CellText {
  text: string
  /** The full value, shown on hover when the cell may be truncated. */
  title?: string
  isNull?: boolean
}

/** Formats cells by column type: numbers by locale, datetimes in the workspace's time zone. */
function cellFormatter(
  i18n: I18n,
  timeZone: string | undefined
): (column: TableColumn, value: Row[number]) => CellText {
  return (column, value) => {
    if (value === null || value === undefined || value === '') return { text: '—', isNull: true }
    switch (column.type) {
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
        const text = String(value)
        // Newlines would break the one-line row; the tooltip keeps them.
        return { text: text.replace(/\s+/g, ' '), ...(text.length > 12 ? { title: text } : {}) }
      }
    }
  }
}

const TableRow = memo(function TableRow({
  index,
  row,
  columns,
  template,
  style,
  formatCell,
  rowNumber
}: {
  index: number
  row: Row | undefined
  columns: readonly TableColumn[]
  template: string
  style: CSSProperties
  formatCell: (column: TableColumn, value: Row[number]) => CellText
  rowNumber: string
}): ReactElement {
  return (
    <div
      className={`lb-table-row${index % 2 === 1 ? ' is-odd' : ''}${row ? '' : ' is-loading'}`}
      role="row"
      aria-rowindex={index + 2}
      data-row-index={index}
      style={{ ...style, gridTemplateColumns: template }}
    >
      <div className="lb-table-gutter lb-table-td" role="rowheader">
        {rowNumber}
      </div>
      {columns.map((column, c) => {
        if (!row) {
          return (
            <div key={column.id} className="lb-table-td" role="gridcell">
              <span className="lb-table-skeleton" style={{ width: `${40 + ((index * 7 + c * 13) % 45)}%` }} />
            </div>
          )
        }
        const cell = formatCell(column, row[c] ?? null)
        return (
          <div
            key={column.id}
            role="gridcell"
            className={`lb-table-td${isNumericColumn(column) ? ' is-numeric' : ''}${cell.isNull ? ' is-null' : ''}`}
            title={cell.title}
          >
            {cell.text}
          </div>
        )
      })}
    </div>
  )
})

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
