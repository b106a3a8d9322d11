import type { Migration } from './migration'

/**
 * Import provenance, re-import without duplicates, and search.
 *
 * - `record_sources`: every batch after the inserting one that supplied a record (tickets,
 *   responses, customers, experiment rows), whether it changed it, and the values it replaced.
 *   The inserting batch stays in the record's own `batch_id`/`source_line`, so a first import
 *   writes nothing here. Undoing a batch recomputes each record from the remaining batches.
 * - Per-unit experiment rows get a content key (hash + occurrence) so a re-import adds nothing.
 * - Batches count inserted / updated / unchanged rows and redactions; experiments remember the
 *   batch that created them.
 * - Saved column mappings, offered again for files with the same headers.
 * - `ticket_search`: contentless FTS5 over a tokenised form of subject and text in which CJK
 *   runs become overlapping bigrams (see core/search), filled after an import commits.
 */
export const migration0002: Migration = {
  version: 2,
  name: 'import-provenance-and-search',
  sql: `
CREATE TABLE record_sources (
  record_kind   TEXT NOT NULL CHECK (record_kind IN ('tickets','survey_responses','customers','experiment_units','experiment_arm_summaries')),
  record_id     INTEGER NOT NULL,
  batch_id      INTEGER NOT NULL REFERENCES import_batches(id),
  source_line   INTEGER NOT NULL,
  action        TEXT NOT NULL CHECK (action IN ('updated','unchanged')),
  replaced_json TEXT,
  PRIMARY KEY (record_kind, record_id, batch_id)
) WITHOUT ROWID;
CREATE INDEX record_sources_batch ON record_sources(batch_id);

ALTER TABLE import_batches ADD COLUMN source_system TEXT;
ALTER TABLE import_batches ADD COLUMN rows_updated INTEGER NOT NULL DEFAULT 0;
ALTER TABLE import_batches ADD COLUMN rows_unchanged INTEGER NOT NULL DEFAULT 0;
ALTER TABLE import_batches ADD COLUMN redactions_json TEXT;
ALTER TABLE import_batches RENAME COLUMN rows_imported TO rows_inserted;
UPDATE import_batches SET rows_unchanged = rows_duplicate;
ALTER TABLE import_batches DROP COLUMN rows_duplicate;

ALTER TABLE experiments ADD COLUMN batch_id INTEGER REFERENCES import_batches(id);

ALTER TABLE experiment_units ADD COLUMN row_key TEXT;
UPDATE experiment_units SET row_key = 'row:' || id WHERE row_key IS NULL;
CREATE UNIQUE INDEX experiment_units_row_key ON experiment_units(experiment_id, row_key);

CREATE TABLE saved_mappings (
  id           INTEGER PRIMARY KEY,
  name         TEXT NOT NULL,
  headers_key  TEXT NOT NULL,
  kind         TEXT NOT NULL,
  mapping_json TEXT NOT NULL,
  created_at   INTEGER NOT NULL
);
CREATE INDEX saved_mappings_headers ON saved_mappings(headers_key, created_at);

CREATE VIRTUAL TABLE ticket_search USING fts5(
  tokens,
  content = '',
  contentless_delete = 1,
  tokenize = 'porter unicode61 remove_diacritics 2'
);
-- 'tickets.indexedThrough': every ticket with an id up to this one is in ticket_search.
CREATE TABLE search_state (
  key   TEXT PRIMARY KEY,
  value INTEGER NOT NULL
) WITHOUT ROWID;
-- Tickets whose text changed after they were indexed.
CREATE TABLE search_dirty (
  ticket_id INTEGER PRIMARY KEY
) WITHOUT ROWID;
`
}
