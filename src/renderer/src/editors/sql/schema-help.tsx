import type { ReactElement } from 'react'
import { useEffect, useState } from 'react'
import { Codicon } from '../../components/codicon'
import { toErrorData } from '../../i18n/error-message'
import { useI18n } from '../../i18n/i18n-context'
import { useStore } from '../../state/store'
import { useWorkbench } from '../../state/workbench-context'

/** Tables and views with their columns, read through the console itself (read-only). */
export const SCHEMA_QUERY = `SELECT m.name AS table_name, m.type AS table_type, p.name AS column_name, p.type AS column_type
FROM sqlite_master AS m JOIN pragma_table_info(m.name) AS p
WHERE m.type IN ('table', 'view') AND m.name NOT LIKE 'sqlite_%'
ORDER BY m.name, p.cid`

/** FTS5 keeps its index in shadow tables named after the index; they are noise to a reader. */
const FTS_SHADOW = /_(data|idx|content|docsize|config)$/

export interface SchemaTable {
  name: string
  view: boolean
  columns: Array<{ name: string; type: string }>
}

/** Groups the schema query's rows by table and leaves out full-text shadow tables. */
export function schemaTables(rows: ReadonlyArray<ReadonlyArray<string | number | null>>): SchemaTable[] {
  const tables = new Map<string, SchemaTable>()
  for (const [table, type, column, columnType] of rows) {
    if (typeof table !== 'string' || typeof column !== 'string') continue
    let entry = tables.get(table)
    if (!entry) {
      entry = { name: table, view: type === 'view', columns: [] }
      tables.set(table, entry)
    }
    entry.columns.push({ name: column, type: typeof columnType === 'string' ? columnType : '' })
  }
  const names = new Set(tables.keys())
  return [...tables.values()].filter((t) => {
    const match = FTS_SHADOW.exec(t.name)
    return !(match && names.has(t.name.slice(0, match.index)))
  })
}

/**
 * The schema help beside the console: click a table or column to insert its name. The backend
 * runs one console query at a time (a new one stops the one before), so the schema is read only
 * while the console is idle, and read again when a query of the user's interrupted it.
 */
export function SchemaHelp({
  idle,
  onInsert
}: {
  idle: boolean
  onInsert(text: string): void
}): ReactElement {
  const wb = useWorkbench()
  const { t } = useI18n()
  const dataVersion = useStore(wb.session, (s) => s.dataVersion)
  const [loaded, setLoaded] = useState<{ version: number; tables: SchemaTable[] } | null>(null)
  const [failed, setFailed] = useState(false)
  const [attempt, setAttempt] = useState(0)
  const [open, setOpen] = useState<ReadonlySet<string>>(new Set(['tickets']))
  const current = loaded?.version === dataVersion

  useEffect(() => {
    if (!idle || current || failed) return
    let live = true
    wb.call('sql.query', { sql: SCHEMA_QUERY, maxRows: 5000 }, { quiet: true }).then(
      (result) => {
        if (live) setLoaded({ version: dataVersion, tables: schemaTables(result.rows) })
      },
      (error: unknown) => {
        // Stopped by the user's own query: read again once the console is idle.
        if (live && toErrorData(error).code !== 'cancelled') setFailed(true)
      }
    )
    return () => {
      live = false
    }
  }, [wb, idle, current, failed, dataVersion, attempt])

  const tables = loaded?.tables ?? null
  const toggle = (name: string): void =>
    setOpen((s) => {
      const next = new Set(s)
      if (next.has(name)) next.delete(name)
      else next.add(name)
      return next
    })

  return (
    <aside className="lb-sql-schema" aria-labelledby="lb-sql-schema" data-testid="sql-schema">
      <h2 id="lb-sql-schema">{t('sql.schema')}</h2>
      <p className="lb-sql-schema-hint">{t('sql.schema.hint')}</p>
      {failed ? (
        <p className="lb-sql-schema-hint">
          {t('sql.schema.error')}{' '}
          <button
            type="button"
            className="lb-link"
            onClick={() => {
              setFailed(false)
              setAttempt((n) => n + 1)
            }}
          >
            {t('table.retry')}
          </button>
        </p>
      ) : tables === null ? (
        <p className="lb-sql-schema-hint">
          <Codicon name="loading" spin /> {t('sql.schema.loading')}
        </p>
      ) : (
        <ul className="lb-sql-schema-tables">
          {tables.map((table) => {
            const expanded = open.has(table.name)
            return (
              <li key={table.name} data-testid={`sql-schema-table-${table.name}`}>
                <div className="lb-sql-schema-table">
                  <button
                    type="button"
                    className="lb-sql-schema-twisty"
                    aria-expanded={expanded}
                    aria-label={t('sql.schema.columns', { table: table.name, count: table.columns.length })}
                    onClick={() => toggle(table.name)}
                  >
                    <Codicon name={expanded ? 'chevron-down' : 'chevron-right'} />
                  </button>
                  <button type="button" className="lb-sql-schema-name" onClick={() => onInsert(table.name)}>
                    <Codicon name={table.view ? 'eye' : 'table'} />
                    <span>{table.name}</span>
                  </button>
                </div>
                {expanded && (
                  <ul className="lb-sql-schema-columns">
                    {table.columns.map((column) => (
                      <li key={column.name}>
                        <button
                          type="button"
                          className="lb-sql-schema-name"
                          onClick={() => onInsert(column.name)}
                        >
                          <span>{column.name}</span>
                          {column.type && (
                            <span className="lb-sql-schema-type">{column.type.toLowerCase()}</span>
                          )}
                        </button>
                      </li>
                    ))}
                  </ul>
                )}
              </li>
            )
          })}
        </ul>
      )}
    </aside>
  )
}
