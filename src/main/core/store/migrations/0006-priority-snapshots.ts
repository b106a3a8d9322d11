import type { Migration } from './migration'

/**
 * Frozen quarters. Freezing a quarter's priority list keeps it as it was decided — ranks, scores,
 * components and notes as JSON — so that the quarter shows what was decided, and the next quarter
 * compares against that rather than against a list recomputed from data and edits made since.
 */
export const migration0006: Migration = {
  version: 6,
  name: 'priority-snapshots',
  sql: `
CREATE TABLE priority_snapshots (
  quarter    TEXT PRIMARY KEY,
  frozen_at  INTEGER NOT NULL,
  list_json  TEXT NOT NULL
) WITHOUT ROWID;
CREATE INDEX priority_overrides_item_quarter ON priority_overrides(item_id, quarter);
`
}
