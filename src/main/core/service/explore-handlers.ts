import type { WorkbenchHandlers } from '@shared/api/contract'
import { readDistinctValues } from '../explore/distinct-values'
import type { FilteredTablePageRequest } from '../explore/table-browser'
import { listTables, readTablePage } from '../explore/table-browser'
import { isSearchIndexing } from '../search/search-scheduler'
import { searchStatus } from '../search/search-state'
import { SqlConsole } from '../sql/sql-console'
import type { ServiceContext } from './service-context'

export { startSearchIndexing } from '../search/search-scheduler'

type ExploreMethods =
  'data.tables' | 'data.page' | 'data.distinct' | 'search.status' | 'sql.query' | 'sql.cancel'

/** Handlers of exploration: tables, filters, full-text search and the SQL console. */
export function createExploreHandlers(ctx: ServiceContext): Pick<WorkbenchHandlers, ExploreMethods> {
  const sqlConsole = new SqlConsole()
  return {
    'data.tables': () => listTables(ctx.requireWorkspace().db),
    // The contract's request gains `filter` (explore/ticket-filter.ts) when the shared schema does.
    'data.page': (request) => readTablePage(ctx.requireWorkspace().db, request as FilteredTablePageRequest),
    'data.distinct': (request) => readDistinctValues(ctx.requireWorkspace().db, request),
    'search.status': () => ({ ...searchStatus(ctx.requireWorkspace().db), building: isSearchIndexing(ctx) }),
    'sql.query': (request) => sqlConsole.run(ctx.requireWorkspace().path, request),
    'sql.cancel': () => {
      sqlConsole.cancel()
      return null
    }
  }
}
