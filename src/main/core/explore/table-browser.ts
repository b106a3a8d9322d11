import { ApiError } from '@shared/api/errors'
import type {
  BrowsableTable,
  ColumnType,
  TableColumn,
  TablePage,
  TablePageRequest,
  TableSummary
} from '@shared/domain/data-browser'
import { BROWSABLE_TABLES } from '@shared/domain/data-browser'
import type { Db } from '../store/sqlite'

type ColumnSpec = readonly [id: string, sql: string, type: ColumnType]

/**
 * The columns the explorer shows per table. Column ids are the canonical role ids; the SQL is
 * fixed here, so a request can only choose among these columns (no SQL reaches the database).
 */
const TABLES: Readonly<Record<BrowsableTable, { from: string; columns: readonly ColumnSpec[] }>> = {
  tickets: {
    from: 'tickets',
    columns: [
      ['externalId', 'external_id', 'text'],
      ['createdAt', 'created_at', 'datetime'],
      ['text', 'text', 'text'],
      ['channel', 'channel', 'text'],
      ['status', 'status', 'text'],
      ['priority', 'priority', 'text'],
      ['customerId', 'customer_id', 'text'],
      ['subject', 'subject', 'text'],
      ['resolvedAt', 'resolved_at', 'datetime'],
      ['sourceSystem', 'source_system', 'text']
    ]
  },
  survey_responses: {
    from: 'survey_responses',
    columns: [
      ['externalId', 'external_id', 'text'],
      ['submittedAt', 'submitted_at', 'datetime'],
      ['survey', 'survey', 'text'],
      ['customerId', 'customer_id', 'text'],
      ['csatScore', 'csat_score', 'number'],
      ['npsScore', 'nps_score', 'integer'],
      ['channel', 'channel', 'text'],
      ['comment', 'comment', 'text']
    ]
  },
  customers: {
    from: 'customers',
    columns: [
      ['customerId', 'customer_id', 'text'],
      ['name', 'name', 'text'],
      ['tier', 'tier', 'text'],
      ['region', 'region', 'text'],
      ['revenue', 'revenue', 'number'],
      ['signupAt', 'signup_at', 'datetime']
    ]
  },
  experiments: {
    from: 'experiments',
    columns: [
      ['key', 'key', 'text'],
      ['name', 'name', 'text'],
      ['primaryMetric', 'primary_metric', 'text'],
      ['controlArm', 'control_arm', 'text'],
      ['startedAt', 'started_at', 'datetime'],
      ['endedAt', 'ended_at', 'datetime'],
      ['description', 'description', 'text']
    ]
  },
  import_batches: {
    from: 'import_batches',
    columns: [
      ['id', 'id', 'integer'],
      ['kind', 'kind', 'text'],
      ['sourceName', 'source_name', 'text'],
      ['format', 'format', 'text'],
      ['status', 'status', 'text'],
      ['rowsInserted', 'rows_inserted', 'integer'],
      ['rowsUpdated', 'rows_updated', 'integer'],
      ['rowsRejected', 'rows_rejected', 'integer'],
      ['startedAt', 'started_at', 'datetime']
    ]
  }
}

/** Row counts of every browsable table. */
export function listTables(db: Db): TableSummary[] {
  return BROWSABLE_TABLES.map((table) => ({
    table,
    rows: (db.prepare(`SELECT count(*) AS n FROM ${TABLES[table].from}`).get() as { n: number }).n
  }))
}

/** One window of rows of a table, optionally sorted by one of its columns. */
export function readTablePage(db: Db, request: TablePageRequest): TablePage {
  const spec = TABLES[request.table]
  let orderBy = 'rowid'
  if (request.sort) {
    const column = spec.columns.find(([id]) => id === request.sort?.column)
    if (!column) {
      throw new ApiError(
        'invalid_input',
        `The table ${request.table} has no column ${request.sort.column}.`,
        {
          table: request.table,
          column: request.sort.column
        }
      )
    }
    orderBy = `${column[1]} ${request.sort.direction === 'desc' ? 'DESC' : 'ASC'}, rowid`
  }
  const select = spec.columns.map(([, sql]) => sql).join(', ')
  const rows = db
    .prepare(`SELECT ${select} FROM ${spec.from} ORDER BY ${orderBy} LIMIT ? OFFSET ?`)
    .raw(true)
    .all(request.limit, request.offset) as Array<Array<string | number | null>>
  const total = (db.prepare(`SELECT count(*) AS n FROM ${spec.from}`).get() as { n: number }).n
  const columns: TableColumn[] = spec.columns.map(([id, , type]) => ({ id, type }))
  return { table: request.table, columns, rows, offset: request.offset, total, searchComplete: true }
}
