import type { Migration } from './migration'

/**
 * Themes that last. The first schema sketched three theme tables that nothing wrote; they are
 * rebuilt (empty) with what stable, editable themes need:
 *
 * - `theme_runs` keeps each clustering run's settings and, for the last one, the trained model
 *   that assigns tickets imported later without a re-run (`model`, a versioned binary blob).
 * - `themes` keeps what the user did to a theme — a label of their own, pin, exclusion, merge,
 *   split (`parent_id`), a keyword rule — and `edited`, which makes a theme claim the new
 *   clusters that resemble it at a re-run (see match-themes.ts). `signature` is its centroid as
 *   term weights (JSON), what a re-run and another workspace's taxonomy import match against.
 * - `ticket_themes` records who put a ticket in its theme: the model, the user (kept at a
 *   re-run), or a rule.
 */
export const migration0005: Migration = {
  version: 5,
  name: 'themes',
  sql: `
DROP TABLE ticket_themes;
DELETE FROM priority_item_themes;
DROP TABLE themes;
DROP TABLE theme_runs;

CREATE TABLE theme_runs (
  id            INTEGER PRIMARY KEY,
  started_at    INTEGER NOT NULL,
  finished_at   INTEGER,
  granularity   TEXT NOT NULL CHECK (granularity IN ('coarse','normal','fine')),
  settings_json TEXT NOT NULL DEFAULT '{}',
  ticket_count  INTEGER NOT NULL DEFAULT 0,
  sampled       INTEGER NOT NULL DEFAULT 0,
  status        TEXT NOT NULL CHECK (status IN ('running','succeeded','failed','cancelled')),
  model         BLOB
);

CREATE TABLE themes (
  id             INTEGER PRIMARY KEY,
  run_id         INTEGER REFERENCES theme_runs(id) ON DELETE SET NULL,
  kind           TEXT NOT NULL DEFAULT 'cluster' CHECK (kind IN ('cluster','other','rule')),
  label          TEXT NOT NULL,
  user_label     TEXT,
  key_terms_json TEXT NOT NULL DEFAULT '[]',
  signature_json TEXT NOT NULL DEFAULT '{}',
  examples_json  TEXT NOT NULL DEFAULT '[]',
  rule           TEXT,
  status         TEXT NOT NULL DEFAULT 'active' CHECK (status IN ('active','excluded','merged')),
  pinned         INTEGER NOT NULL DEFAULT 0 CHECK (pinned IN (0,1)),
  edited         INTEGER NOT NULL DEFAULT 0 CHECK (edited IN (0,1)),
  merged_into    INTEGER REFERENCES themes(id) ON DELETE SET NULL,
  parent_id      INTEGER REFERENCES themes(id) ON DELETE SET NULL,
  conflict_with  INTEGER REFERENCES themes(id) ON DELETE SET NULL,
  created_at     INTEGER NOT NULL,
  updated_at     INTEGER NOT NULL
);
CREATE UNIQUE INDEX themes_one_other ON themes(kind) WHERE kind = 'other';

CREATE TABLE ticket_themes (
  ticket_id   INTEGER PRIMARY KEY REFERENCES tickets(id) ON DELETE CASCADE,
  theme_id    INTEGER NOT NULL REFERENCES themes(id) ON DELETE CASCADE,
  score       REAL,
  assigned_by TEXT NOT NULL CHECK (assigned_by IN ('model','user','rule'))
);
CREATE INDEX ticket_themes_theme ON ticket_themes(theme_id);
`
}
