import type { Migration } from './migration'

/**
 * The initial schema. Conventions: every point in time is INTEGER epoch milliseconds UTC; every
 * imported row keeps its provenance (`batch_id`, `source_line`); column names follow the
 * canonical field roles of `src/shared/domain/field-roles.ts` in snake_case; JSON columns end
 * in `_json`.
 */
export const migration0001: Migration = {
  version: 1,
  name: 'initial',
  sql: `
CREATE TABLE workspace_meta (
  key   TEXT PRIMARY KEY,
  value TEXT NOT NULL
) WITHOUT ROWID;

-- Analysis settings: one JSON value per key, defaults applied in code for missing keys.
CREATE TABLE settings (
  key        TEXT PRIMARY KEY,
  value_json TEXT NOT NULL,
  updated_at INTEGER NOT NULL
) WITHOUT ROWID;

CREATE TABLE import_batches (
  id             INTEGER PRIMARY KEY,
  kind           TEXT NOT NULL CHECK (kind IN ('tickets','survey_responses','customers','experiment_units','experiment_arm_summaries')),
  source_name    TEXT NOT NULL,
  source_path    TEXT,
  source_sha256  TEXT,
  source_size    INTEGER,
  format         TEXT NOT NULL,
  encoding       TEXT,
  layout         TEXT,
  sheet          TEXT,
  mapping_json   TEXT NOT NULL DEFAULT '{}',
  options_json   TEXT NOT NULL DEFAULT '{}',
  status         TEXT NOT NULL DEFAULT 'committed' CHECK (status IN ('committed','undone')),
  rows_read      INTEGER NOT NULL DEFAULT 0,
  rows_imported  INTEGER NOT NULL DEFAULT 0,
  rows_duplicate INTEGER NOT NULL DEFAULT 0,
  rows_rejected  INTEGER NOT NULL DEFAULT 0,
  started_at     INTEGER NOT NULL,
  finished_at    INTEGER,
  undone_at      INTEGER
);

CREATE TABLE import_rejects (
  id        INTEGER PRIMARY KEY,
  batch_id  INTEGER NOT NULL REFERENCES import_batches(id) ON DELETE CASCADE,
  line      INTEGER NOT NULL,
  reason    TEXT NOT NULL,
  raw       TEXT
);
CREATE INDEX import_rejects_batch ON import_rejects(batch_id, line);

CREATE TABLE customers (
  id              INTEGER PRIMARY KEY,
  customer_id     TEXT NOT NULL UNIQUE,
  name            TEXT,
  tier            TEXT,
  region          TEXT,
  revenue         REAL,
  signup_at       INTEGER,
  attributes_json TEXT,
  batch_id        INTEGER NOT NULL REFERENCES import_batches(id),
  source_line     INTEGER NOT NULL
);
CREATE INDEX customers_batch ON customers(batch_id);

-- customer_id is the customer's id as the source wrote it; it joins customers.customer_id
-- without a foreign key because tickets may be imported before the customer list.
CREATE TABLE tickets (
  id                INTEGER PRIMARY KEY,
  source_system     TEXT NOT NULL DEFAULT '',
  external_id       TEXT NOT NULL,
  created_at        INTEGER NOT NULL,
  resolved_at       INTEGER,
  first_response_at INTEGER,
  channel           TEXT,
  status            TEXT,
  priority          TEXT,
  subject           TEXT,
  text              TEXT NOT NULL,
  customer_id       TEXT,
  rating            REAL,
  tags_json         TEXT,
  attributes_json   TEXT,
  batch_id          INTEGER NOT NULL REFERENCES import_batches(id),
  source_line       INTEGER NOT NULL,
  UNIQUE (source_system, external_id)
);
CREATE INDEX tickets_created ON tickets(created_at);
CREATE INDEX tickets_customer ON tickets(customer_id);
CREATE INDEX tickets_batch ON tickets(batch_id);

CREATE TABLE survey_responses (
  id              INTEGER PRIMARY KEY,
  source_system   TEXT NOT NULL DEFAULT '',
  external_id     TEXT NOT NULL,
  survey          TEXT,
  submitted_at    INTEGER NOT NULL,
  customer_id     TEXT,
  csat_score      REAL,
  csat_scale_max  REAL,
  nps_score       INTEGER CHECK (nps_score IS NULL OR nps_score BETWEEN 0 AND 10),
  comment         TEXT,
  channel         TEXT,
  attributes_json TEXT,
  batch_id        INTEGER NOT NULL REFERENCES import_batches(id),
  source_line     INTEGER NOT NULL,
  UNIQUE (source_system, external_id)
);
CREATE INDEX survey_responses_submitted ON survey_responses(submitted_at);
CREATE INDEX survey_responses_customer ON survey_responses(customer_id);
CREATE INDEX survey_responses_batch ON survey_responses(batch_id);

-- Segment columns of a response (region, plan, product…), one row per column.
CREATE TABLE survey_segments (
  response_id INTEGER NOT NULL REFERENCES survey_responses(id) ON DELETE CASCADE,
  key         TEXT NOT NULL,
  value       TEXT NOT NULL,
  PRIMARY KEY (response_id, key)
) WITHOUT ROWID;
CREATE INDEX survey_segments_key_value ON survey_segments(key, value);

CREATE TABLE experiments (
  id             INTEGER PRIMARY KEY,
  key            TEXT NOT NULL UNIQUE,
  name           TEXT NOT NULL,
  description    TEXT,
  primary_metric TEXT,
  control_arm    TEXT,
  started_at     INTEGER,
  ended_at       INTEGER,
  created_at     INTEGER NOT NULL
);

CREATE TABLE experiment_arms (
  id             INTEGER PRIMARY KEY,
  experiment_id  INTEGER NOT NULL REFERENCES experiments(id) ON DELETE CASCADE,
  name           TEXT NOT NULL,
  is_control     INTEGER NOT NULL DEFAULT 0 CHECK (is_control IN (0,1)),
  intended_share REAL CHECK (intended_share IS NULL OR (intended_share > 0 AND intended_share <= 1)),
  UNIQUE (experiment_id, name)
);

CREATE TABLE experiment_metrics (
  id            INTEGER PRIMARY KEY,
  experiment_id INTEGER NOT NULL REFERENCES experiments(id) ON DELETE CASCADE,
  name          TEXT NOT NULL,
  kind          TEXT NOT NULL CHECK (kind IN ('binary','numeric')),
  is_primary    INTEGER NOT NULL DEFAULT 0 CHECK (is_primary IN (0,1)),
  UNIQUE (experiment_id, name)
);

-- One row per unit exposure as exported; duplicates are data, not errors, and are kept.
CREATE TABLE experiment_units (
  id            INTEGER PRIMARY KEY,
  experiment_id INTEGER NOT NULL REFERENCES experiments(id) ON DELETE CASCADE,
  unit_id       TEXT NOT NULL,
  assigned_arm  TEXT NOT NULL,
  exposed_arm   TEXT,
  timestamp     INTEGER,
  batch_id      INTEGER NOT NULL REFERENCES import_batches(id),
  source_line   INTEGER NOT NULL
);
CREATE INDEX experiment_units_experiment ON experiment_units(experiment_id, assigned_arm);
CREATE INDEX experiment_units_unit ON experiment_units(experiment_id, unit_id);
CREATE INDEX experiment_units_batch ON experiment_units(batch_id);

CREATE TABLE experiment_unit_values (
  unit_row_id INTEGER NOT NULL REFERENCES experiment_units(id) ON DELETE CASCADE,
  metric_id   INTEGER NOT NULL REFERENCES experiment_metrics(id) ON DELETE CASCADE,
  value       REAL NOT NULL,
  PRIMARY KEY (unit_row_id, metric_id)
) WITHOUT ROWID;
CREATE INDEX experiment_unit_values_metric ON experiment_unit_values(metric_id);

-- Per-arm summary tables: counts for binary metrics, or mean/sd/n for numeric ones.
CREATE TABLE experiment_arm_summaries (
  id             INTEGER PRIMARY KEY,
  experiment_id  INTEGER NOT NULL REFERENCES experiments(id) ON DELETE CASCADE,
  arm            TEXT NOT NULL,
  metric         TEXT NOT NULL,
  units          INTEGER NOT NULL CHECK (units >= 0),
  successes      INTEGER CHECK (successes IS NULL OR (successes >= 0 AND successes <= units)),
  mean           REAL,
  sd             REAL CHECK (sd IS NULL OR sd >= 0),
  n              INTEGER,
  intended_share REAL,
  batch_id       INTEGER NOT NULL REFERENCES import_batches(id),
  source_line    INTEGER NOT NULL,
  UNIQUE (experiment_id, arm, metric)
);

CREATE TABLE theme_runs (
  id            INTEGER PRIMARY KEY,
  started_at    INTEGER NOT NULL,
  finished_at   INTEGER,
  settings_json TEXT NOT NULL DEFAULT '{}',
  ticket_count  INTEGER NOT NULL DEFAULT 0,
  status        TEXT NOT NULL CHECK (status IN ('running','succeeded','failed','cancelled'))
);

CREATE TABLE themes (
  id             INTEGER PRIMARY KEY,
  run_id         INTEGER REFERENCES theme_runs(id) ON DELETE SET NULL,
  label          TEXT NOT NULL,
  user_label     TEXT,
  key_terms_json TEXT NOT NULL DEFAULT '[]',
  status         TEXT NOT NULL DEFAULT 'active' CHECK (status IN ('active','excluded','merged')),
  pinned         INTEGER NOT NULL DEFAULT 0 CHECK (pinned IN (0,1)),
  merged_into    INTEGER REFERENCES themes(id) ON DELETE SET NULL,
  created_at     INTEGER NOT NULL,
  updated_at     INTEGER NOT NULL
);

CREATE TABLE ticket_themes (
  ticket_id   INTEGER PRIMARY KEY REFERENCES tickets(id) ON DELETE CASCADE,
  theme_id    INTEGER NOT NULL REFERENCES themes(id) ON DELETE CASCADE,
  score       REAL,
  assigned_by TEXT NOT NULL CHECK (assigned_by IN ('model','user'))
);
CREATE INDEX ticket_themes_theme ON ticket_themes(theme_id);

CREATE TABLE priority_items (
  id           INTEGER PRIMARY KEY,
  title        TEXT NOT NULL,
  description  TEXT,
  status       TEXT NOT NULL DEFAULT 'new' CHECK (status IN ('new','planned','in_progress','shipped','wont_do')),
  owner        TEXT,
  note         TEXT,
  effort_weeks REAL CHECK (effort_weeks IS NULL OR effort_weeks > 0),
  effort_size  TEXT CHECK (effort_size IS NULL OR effort_size IN ('S','M','L','XL')),
  created_at   INTEGER NOT NULL,
  updated_at   INTEGER NOT NULL
);

CREATE TABLE priority_item_themes (
  item_id  INTEGER NOT NULL REFERENCES priority_items(id) ON DELETE CASCADE,
  theme_id INTEGER NOT NULL REFERENCES themes(id) ON DELETE CASCADE,
  PRIMARY KEY (item_id, theme_id)
) WITHOUT ROWID;

CREATE TABLE priority_item_experiments (
  item_id       INTEGER NOT NULL REFERENCES priority_items(id) ON DELETE CASCADE,
  experiment_id INTEGER NOT NULL REFERENCES experiments(id) ON DELETE CASCADE,
  PRIMARY KEY (item_id, experiment_id)
) WITHOUT ROWID;

-- Audit trail of manual rank overrides; a note is required.
CREATE TABLE priority_overrides (
  id         INTEGER PRIMARY KEY,
  item_id    INTEGER NOT NULL REFERENCES priority_items(id) ON DELETE CASCADE,
  quarter    TEXT NOT NULL,
  rank       INTEGER,
  note       TEXT NOT NULL CHECK (length(note) > 0),
  created_at INTEGER NOT NULL
);
`
}
