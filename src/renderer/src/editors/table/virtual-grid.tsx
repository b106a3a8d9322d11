import type { CSSProperties, ReactElement, ReactNode, RefObject } from 'react'
import { memo, useEffect, useMemo, useRef } from 'react'
import { useVirtualizer } from '@tanstack/react-virtual'
import { Codicon } from '../../components/codicon'
import { useI18n } from '../../i18n/i18n-context'
import { gutterWidth } from './column-layout'
import type { Row } from './table-page-cache'
import './virtual-grid.css'

export const ROW_HEIGHT = 26
export const HEADER_HEIGHT = 30

/** A column of the grid as it is drawn. */
export interface GridColumn {
  id: string
  label: string
  width: number
  numeric: boolean
}

/** What a cell shows: plain text, or marked-up content (search matches). */
export interface CellContent {
  text: string
  /** Replaces `text` on screen when given (e.g. with highlighted matches). */
  node?: ReactNode
  /** The full value, shown on hover when the cell may be truncated. */
  title?: string
  isNull?: boolean
}

export type Sort = { column: string; direction: 'asc' | 'desc' } | null

export interface VirtualGridProps {
  label: string
  columns: readonly GridColumn[]
  rowCount: number
  /** The row at an index, or undefined while it is loading. */
  row(index: number): Row | undefined
  renderCell(column: GridColumn, columnIndex: number, value: Row[number]): CellContent
  sort?: Sort
  /** Present when columns can be sorted by clicking their header. */
  onSort?(column: string): void
  /** Told which rows are on screen (to fetch their pages). */
  onRangeChange?(first: number, last: number): void
  busy?: boolean
  /** Shown over the empty grid. */
  emptyText?: string
  /** Scrolls back to the top when this changes. */
  resetKey?: unknown
  testId?: string
  scrollRef?: RefObject<HTMLDivElement | null>
}

/**
 * A read-only, virtualised grid with a sticky header and a row-number gutter: only the rows on
 * screen exist in the DOM, so a million rows scroll as smoothly as fifty. Used by the table
 * editor (rows paged from the backend) and the SQL console (rows in memory).
 */
export function VirtualGrid(props: VirtualGridProps): ReactElement {
  const { t, fmt } = useI18n()
  const ownRef = useRef<HTMLDivElement>(null)
  const scrollRef = props.scrollRef ?? ownRef
  const { columns, rowCount, onRangeChange, sort } = props

  // The virtualizer's functions are used here only and never handed to memoised children, so the
  // React Compiler's caution about them does not apply.
  // eslint-disable-next-line react-hooks/incompatible-library
  const virtualizer = useVirtualizer({
    count: rowCount,
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

  useEffect(() => {
    if (last >= 0) onRangeChange?.(first, last)
  }, [first, last, onRangeChange])

  useEffect(() => {
    scrollRef.current?.scrollTo({ top: 0 })
  }, [props.resetKey, scrollRef])

  const gutter = gutterWidth(rowCount)
  const template = useMemo(
    () => [`${gutter}px`, ...columns.map((c) => `${c.width}px`)].join(' '),
    [columns, gutter]
  )
  const width = gutter + columns.reduce((sum, c) => sum + c.width, 0)

  return (
    <div
      ref={scrollRef}
      className="lb-table-scroll"
      role="grid"
      tabIndex={0}
      aria-label={props.label}
      aria-rowcount={rowCount + 1}
      aria-colcount={columns.length + 1}
      aria-busy={props.busy ?? false}
      data-testid={props.testId ?? 'table-grid'}
    >
      <div className="lb-table-canvas" style={{ width, height: virtualizer.getTotalSize() }}>
        <div
          className="lb-table-header"
          role="row"
          aria-rowindex={1}
          style={{ gridTemplateColumns: template, height: HEADER_HEIGHT }}
        >
          <div className="lb-table-gutter lb-table-th" role="columnheader" aria-label={t('table.rowNumber')}>
            #
          </div>
          {columns.map((column) => {
            const sorted = sort?.column === column.id ? sort.direction : null
            return (
              <div
                key={column.id}
                role="columnheader"
                aria-sort={
                  props.onSort
                    ? sorted === 'asc'
                      ? 'ascending'
                      : sorted === 'desc'
                        ? 'descending'
                        : 'none'
                    : undefined
                }
                className={`lb-table-th${column.numeric ? ' is-numeric' : ''}${sorted ? ' is-sorted' : ''}`}
              >
                {props.onSort ? (
                  <button
                    type="button"
                    title={t('table.sortBy', { column: column.label })}
                    data-testid={`table-header-${column.id}`}
                    onClick={() => props.onSort?.(column.id)}
                  >
                    <span className="lb-table-th-label">{column.label}</span>
                    <Codicon
                      name={sorted === 'desc' ? 'arrow-down' : 'arrow-up'}
                      className={`lb-table-sort-icon${sorted ? ' is-on' : ''}`}
                    />
                  </button>
                ) : (
                  <span
                    className="lb-table-th-static"
                    title={column.label}
                    data-testid={`table-header-${column.id}`}
                  >
                    <span className="lb-table-th-label">{column.label}</span>
                  </span>
                )}
              </div>
            )
          })}
        </div>
        {items.map((item) => (
          <GridRow
            key={item.index}
            index={item.index}
            row={props.row(item.index)}
            columns={columns}
            template={template}
            style={{ transform: `translateY(${item.start}px)`, height: ROW_HEIGHT }}
            renderCell={props.renderCell}
            rowNumber={fmt.integer(item.index + 1)}
          />
        ))}
        {rowCount === 0 && props.emptyText && (
          <div className="lb-table-empty" style={{ top: HEADER_HEIGHT }} data-testid="table-empty">
            {props.emptyText}
          </div>
        )}
      </div>
    </div>
  )
}

const GridRow = memo(function GridRow({
  index,
  row,
  columns,
  template,
  style,
  renderCell,
  rowNumber
}: {
  index: number
  row: Row | undefined
  columns: readonly GridColumn[]
  template: string
  style: CSSProperties
  renderCell: VirtualGridProps['renderCell']
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
        const cell = renderCell(column, c, row[c] ?? null)
        return (
          <div
            key={column.id}
            role="gridcell"
            className={`lb-table-td${column.numeric ? ' is-numeric' : ''}${cell.isNull ? ' is-null' : ''}`}
            title={cell.title}
          >
            {cell.node ?? cell.text}
          </div>
        )
      })}
    </div>
  )
})
