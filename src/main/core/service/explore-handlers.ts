import type { WorkbenchHandlers } from '@shared/api/contract'
import { ApiError } from '@shared/api/errors'
import { listTables, readTablePage } from '../explore/table-browser'
import type { ServiceContext } from './service-context'

type ExploreMethods =
  'data.tables' | 'data.page' | 'data.distinct' | 'search.status' | 'sql.query' | 'sql.cancel'

/** Handlers of exploration: tables, filters, full-text search and the SQL console. */
export function createExploreHandlers(ctx: ServiceContext): Pick<WorkbenchHandlers, ExploreMethods> {
  const notYet = (): never => {
    throw new ApiError('not_supported', 'This is not available in this version yet.')
  }
  return {
    'data.tables': () => listTables(ctx.requireWorkspace().db),
    'data.page': (request) => readTablePage(ctx.requireWorkspace().db, request),
    'data.distinct': notYet,
    'search.status': notYet,
    'sql.query': notYet,
    'sql.cancel': notYet
  }
}
