import type { KeyboardEvent, ReactElement } from 'react'
import { useCallback, useEffect, useId, useMemo, useRef, useState } from 'react'
import type { ApiErrorData } from '@shared/api/errors'
import type { SqlResult } from '@shared/domain/data-browser'
import { Codicon } from '../../components/codicon'
import { KeybindingLabel } from '../../components/keybinding-label'
import { describeError, toErrorData } from '../../i18n/error-message'
import type { I18n } from '../../i18n/i18n'
import { useI18n } from '../../i18n/i18n-context'
import { useWorkbench } from '../../state/workbench-context'
import { formatDuration } from '../import/import-labels'
import type { CellContent, GridColumn } from '../table/virtual-grid'
import { VirtualGrid } from '../table/virtual-grid'
import { exportFileName, toCsv } from './csv-export'
import { classifySqlError } from './sql-error'
import { MAX_ROWS, TIMEOUT_SECONDS, parseMaxRows, parseTimeoutMs } from './sql-limits'
import { SchemaHelp } from './schema-help'
import './sql-console.css'

const DEFAULT_SQL = `SELECT channel, COUNT(*) AS tickets
FROM tickets
GROUP BY channel
ORDER BY tickets DESC;`
const INDENT = '  '
/** Rows sampled to size the result's columns. */
const WIDTH_SAMPLE = 200

type RunState =
  | { state: 'idle' }
  | { state: 'running'; startedAt: number; cancelling: boolean }
  | { state: 'done'; result: SqlResult }
  | { state: 'error'; error: ApiErrorData }

/** Column widths and alignment from the result's first rows. */
function resultColumns(result: SqlResult): GridColumn[] {
  return result.columns.map((name, index) => {
    let longest = name.length
    let numeric = true
    let seen = false
    for (const row of result.rows.slice(0, WIDTH_SAMPLE)) {
      const value = row[index]
      if (value === null || value === undefined) continue
      seen = true
      if (typeof value !== 'number') numeric = false
      longest = Math.max(longest, String(value).length)
    }
    return {
      id: `${index}:${name}`,
      label: name,
      width: Math.max(80, Math.min(420, Math.round(longest * 7.4) + 24)),
      numeric: seen && numeric
    }
  })
}

function renderCell(_column: GridColumn, _index: number, value: string | number | null): CellContent {
  if (value === null || value === undefined) return { text: 'NULL', isNull: true }
  const text = String(value)
  const flat = text.replace(/\s+/g, ' ')
  return { text: flat, ...(text.length > 12 ? { title: text } : {}) }
}

/** The explanation of a failed query, in the user's language, with SQLite's own words below. */
function failureText(i18n: I18n, error: ApiErrorData): { message: string; technical: string | null } {
  // SQLite's own words, labelled once (the backend may already name SQLite).
  const sqlite = /^sqlite\b/i.test(error.message)
    ? error.message
    : i18n.t('sql.error.sqlite', { message: error.message })
  switch (classifySqlError(error)) {
    case 'readOnly':
      // Loopbench's own guard refused it, not SQLite, and the sentence above says all it said.
      return { message: i18n.t('sql.error.readOnly'), technical: null }
    case 'syntax':
      return { message: i18n.t('sql.error.syntax'), technical: sqlite }
    case 'timeout':
      return { message: i18n.t('sql.error.timeout'), technical: null }
    case 'cancelled':
      return { message: i18n.t('sql.error.cancelled'), technical: null }
    case 'other': {
      const message = describeError(i18n.language, error).message
      return {
        message,
        technical: message === error.message ? null : i18n.t('sql.error.details', { message: error.message })
      }
    }
  }
}

/** Re-renders every 100 ms while `on`, for the running time. */
function useTicker(on: boolean): number {
  const [now, setNow] = useState(() => Date.now())
  useEffect(() => {
    if (!on) return
    const handle = setInterval(() => setNow(Date.now()), 100)
    return () => clearInterval(handle)
  }, [on])
  return now
}

/** The read-only SQL console: a query, its limits, the result in a virtualised grid, CSV export. */
export function SqlConsole(): ReactElement {
  const wb = useWorkbench()
  const i18n = useI18n()
  const { t, fmt } = i18n
  const ids = { editor: useId(), rows: useId(), timeout: useId(), hint: useId() }
  const [sql, setSql] = useState(DEFAULT_SQL)
  const [maxRowsText, setMaxRowsText] = useState(String(MAX_ROWS.default))
  const [timeoutText, setTimeoutText] = useState(String(TIMEOUT_SECONDS.default))
  const [run, setRun] = useState<RunState>({ state: 'idle' })
  const [schemaOpen, setSchemaOpen] = useState(true)
  const editor = useRef<HTMLTextAreaElement>(null)
  const tabLeaves = useRef(false)
  const seq = useRef(0)
  const now = useTicker(run.state === 'running')

  const maxRows = parseMaxRows(maxRowsText)
  const timeoutMs = parseTimeoutMs(timeoutText)
  const runKeys = wb.commands.platform === 'mac' ? '⌘Enter' : 'Ctrl+Enter'
  const canRun = run.state !== 'running' && sql.trim() !== '' && maxRows !== null && timeoutMs !== null

  const execute = useCallback(async (): Promise<void> => {
    if (!canRun || maxRows === null || timeoutMs === null) return
    const mine = ++seq.current
    setRun({ state: 'running', startedAt: Date.now(), cancelling: false })
    try {
      const result = await wb.call('sql.query', { sql, maxRows, timeoutMs }, { quiet: true })
      if (mine === seq.current) setRun({ state: 'done', result })
    } catch (error) {
      if (mine === seq.current) setRun({ state: 'error', error: toErrorData(error) })
    }
  }, [wb, canRun, sql, maxRows, timeoutMs])

  const cancel = async (): Promise<void> => {
    if (run.state !== 'running') return
    setRun({ ...run, cancelling: true })
    try {
      await wb.call('sql.cancel', {})
    } catch {
      // Reported by call(); the query ends on its time limit anyway.
    }
  }

  /** Inserts text at the caret, keeping the editor's undo history where the browser allows. */
  const insert = (text: string): void => {
    const el = editor.current
    if (!el) return
    el.focus()
    // execCommand keeps Ctrl+Z working; it is deprecated but still the only way to do so.
    if (!document.execCommand?.('insertText', false, text)) {
      el.setRangeText(text, el.selectionStart, el.selectionEnd, 'end')
      setSql(el.value)
    }
  }

  const onKeyDown = (e: KeyboardEvent<HTMLTextAreaElement>): void => {
    if (e.key === 'Enter' && (e.ctrlKey || e.metaKey)) {
      e.preventDefault()
      void execute()
      return
    }
    if (e.key === 'Escape') {
      tabLeaves.current = true
      return
    }
    if (e.key === 'Tab' && !e.shiftKey && !tabLeaves.current) {
      e.preventDefault()
      insert(INDENT)
      return
    }
    tabLeaves.current = false
  }

  const exportCsv = (result: SqlResult): void => {
    const name = exportFileName(new Date())
    const blob = new Blob([toCsv(result.columns, result.rows)], { type: 'text/csv;charset=utf-8' })
    const url = URL.createObjectURL(blob)
    const link = document.createElement('a')
    link.href = url
    link.download = name
    document.body.appendChild(link)
    link.click()
    link.remove()
    setTimeout(() => URL.revokeObjectURL(url), 10_000)
    wb.output('info', { key: 'sql.exported', params: { rows: fmt.integer(result.rows.length), file: name } })
  }

  const result = run.state === 'done' ? run.result : null
  const columns = useMemo(() => (result ? resultColumns(result) : []), [result])
  const row = useCallback((index: number) => result?.rows[index], [result])

  return (
    <div className="lb-sql" data-testid="sql-console">
      <div className="lb-sql-main">
        <div className="lb-sql-toolbar">
          <button
            type="button"
            className="lb-button"
            disabled={!canRun}
            data-testid="sql-run"
            title={runKeys}
            onClick={() => void execute()}
          >
            <Codicon name="play" />
            {t('sql.run')}
          </button>
          <button
            type="button"
            className="lb-button is-secondary"
            disabled={run.state !== 'running' || run.cancelling}
            data-testid="sql-cancel"
            onClick={() => void cancel()}
          >
            <Codicon name="debug-stop" />
            {t('sql.cancel')}
          </button>
          <label htmlFor={ids.rows} className="lb-sql-limit">
            {t('sql.maxRows')}
          </label>
          <input
            id={ids.rows}
            className="lb-input lb-sql-number"
            inputMode="numeric"
            value={maxRowsText}
            aria-invalid={maxRows === null}
            title={
              maxRows === null
                ? t('sql.maxRowsInvalid', { min: fmt.integer(MAX_ROWS.min), max: fmt.integer(MAX_ROWS.max) })
                : undefined
            }
            data-testid="sql-max-rows"
            onChange={(e) => setMaxRowsText(e.target.value)}
          />
          <label htmlFor={ids.timeout} className="lb-sql-limit">
            {t('sql.timeout')}
          </label>
          <input
            id={ids.timeout}
            className="lb-input lb-sql-number"
            inputMode="decimal"
            value={timeoutText}
            aria-invalid={timeoutMs === null}
            title={
              timeoutMs === null
                ? t('sql.timeoutInvalid', {
                    min: fmt.number(TIMEOUT_SECONDS.min, 1),
                    max: fmt.integer(TIMEOUT_SECONDS.max)
                  })
                : undefined
            }
            data-testid="sql-timeout"
            onChange={(e) => setTimeoutText(e.target.value)}
          />
          <span className="lb-sql-spacer" />
          <span className="lb-sql-readonly" data-testid="sql-readonly" title={t('sql.readOnlyTooltip')}>
            <Codicon name="lock" />
            {t('sql.readOnly')}
          </span>
          <button
            type="button"
            className="lb-icon-button"
            aria-pressed={schemaOpen}
            title={t(schemaOpen ? 'sql.schema.hide' : 'sql.schema.show')}
            aria-label={t(schemaOpen ? 'sql.schema.hide' : 'sql.schema.show')}
            onClick={() => setSchemaOpen(!schemaOpen)}
          >
            <Codicon name="layout-sidebar-right" />
          </button>
        </div>
        {(maxRows === null || timeoutMs === null) && (
          <p className="lb-sql-limit-error" role="alert">
            <Codicon name="warning" />
            {maxRows === null
              ? t('sql.maxRowsInvalid', { min: fmt.integer(MAX_ROWS.min), max: fmt.integer(MAX_ROWS.max) })
              : t('sql.timeoutInvalid', {
                  min: fmt.number(TIMEOUT_SECONDS.min, 1),
                  max: fmt.integer(TIMEOUT_SECONDS.max)
                })}
          </p>
        )}
        <div className="lb-sql-editor">
          <label htmlFor={ids.editor} className="lb-visually-hidden">
            {t('sql.editorLabel')}
          </label>
          <textarea
            id={ids.editor}
            ref={editor}
            className="lb-sql-textarea"
            value={sql}
            spellCheck={false}
            autoCapitalize="off"
            autoCorrect="off"
            aria-describedby={ids.hint}
            data-testid="sql-editor"
            onChange={(e) => setSql(e.target.value)}
            onKeyDown={onKeyDown}
          />
          <p id={ids.hint} className="lb-sql-keys">
            <KeybindingLabel text={runKeys} />
            <span>{t('sql.keys')}</span>
          </p>
        </div>
        <ResultArea run={run} now={now} columns={columns} row={row} runKeys={runKeys} onExport={exportCsv} />
      </div>
      {schemaOpen && <SchemaHelp idle={run.state !== 'running'} onInsert={insert} />}
    </div>
  )
}

function ResultArea({
  run,
  now,
  columns,
  row,
  runKeys,
  onExport
}: {
  run: RunState
  now: number
  columns: GridColumn[]
  row: (index: number) => ReadonlyArray<string | number | null> | undefined
  runKeys: string
  onExport(result: SqlResult): void
}): ReactElement {
  const i18n = useI18n()
  const { t, fmt } = i18n
  if (run.state === 'idle') {
    return (
      <div className="lb-sql-result is-empty" data-testid="sql-result">
        <p className="lb-sql-muted">{t('sql.empty', { run: runKeys })}</p>
      </div>
    )
  }
  if (run.state === 'running') {
    return (
      <div className="lb-sql-result is-empty" data-testid="sql-result" aria-busy="true">
        <p className="lb-sql-muted" role="status">
          <Codicon name="loading" spin />
          {run.cancelling
            ? t('sql.cancelling')
            : t('sql.running', { time: formatDuration(i18n, now - run.startedAt) })}
        </p>
      </div>
    )
  }
  if (run.state === 'error') {
    const { message, technical } = failureText(i18n, run.error)
    return (
      <div className="lb-sql-result is-empty" data-testid="sql-result">
        <div
          className="lb-sql-error"
          role="alert"
          data-testid="sql-error"
          data-kind={classifySqlError(run.error)}
        >
          <Codicon name="error" />
          <div>
            <p className="lb-sql-error-title">{t('sql.error.title')}</p>
            <p data-testid="sql-error-message">{message}</p>
            {technical && (
              <p className="lb-sql-error-sqlite lb-selectable" data-testid="sql-error-sqlite">
                {technical}
              </p>
            )}
          </div>
        </div>
      </div>
    )
  }
  const { result } = run
  const rows = result.rows.length
  const rowsText = t(rows === 1 && i18n.language === 'en' ? 'sql.rows.one' : 'sql.rows.other', {
    count: fmt.integer(rows)
  })
  return (
    <div className="lb-sql-result" data-testid="sql-result">
      <div className="lb-sql-result-bar">
        <span data-testid="sql-summary">
          {t('sql.summary', { rows: rowsText, time: formatDuration(i18n, result.elapsedMs) })}
        </span>
        {result.truncated && (
          <span className="lb-sql-truncated" data-testid="sql-truncated">
            <Codicon name="warning" />
            {t('sql.truncated', { count: fmt.integer(rows) })}
          </span>
        )}
        <span className="lb-sql-spacer" />
        <button
          type="button"
          className="lb-button is-secondary"
          disabled={result.columns.length === 0}
          data-testid="sql-export"
          onClick={() => onExport(result)}
        >
          <Codicon name="desktop-download" />
          {t('sql.exportCsv')}
        </button>
      </div>
      <VirtualGrid
        label={t('sql.results')}
        columns={columns}
        rowCount={rows}
        row={row}
        renderCell={renderCell}
        emptyText={t('sql.noRows')}
        resetKey={result}
        testId="sql-grid"
      />
    </div>
  )
}
