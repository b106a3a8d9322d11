import type { CoalescedRunHost } from '../jobs/coalesced-runs'
import { CoalescedRuns } from '../jobs/coalesced-runs'
import type { IndexTicketsSummary } from './index-tickets'

/** What scheduling needs of the service (a structural part of its ServiceContext). */
export type SearchIndexingHost = CoalescedRunHost

const indexing = new CoalescedRuns(
  (host, ws) =>
    host.jobs.start<IndexTicketsSummary>('search.index', 'Indexing tickets for search', { path: ws.path })
      .result
)

/**
 * Brings the open workspace's search index up to date in a background job ('search.index'),
 * unless one already runs, in which case it runs once more after it. Call after every import,
 * undo, and when a workspace is opened (an earlier run may have been cut short). Failures are
 * reported by the job like any other; the next call tries again.
 */
export function startSearchIndexing(host: SearchIndexingHost): void {
  indexing.request(host)
}

/** True while a 'search.index' job runs for the open workspace. */
export function isSearchIndexing(host: SearchIndexingHost): boolean {
  return indexing.isRunning(host)
}

/** Settles when indexing of the open workspace (with its re-runs) has finished. */
export async function searchIndexingSettled(host: SearchIndexingHost): Promise<void> {
  await indexing.settled(host)
}
