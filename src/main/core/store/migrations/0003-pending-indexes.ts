import type { Migration } from './migration'

/**
 * Indexes a large import dropped to insert faster and rebuilds right after its commit. They are
 * recorded in the import's own transaction, so if the process dies between the commit and the
 * rebuild, opening the workspace builds them again.
 */
export const migration0003: Migration = {
  version: 3,
  name: 'pending-indexes',
  sql: `
CREATE TABLE pending_indexes (
  name TEXT PRIMARY KEY,
  sql  TEXT NOT NULL
) WITHOUT ROWID;
`
}
