import type { Migration } from './migration'

/**
 * Indexes that let CSAT and NPS be aggregated from index pages alone.
 *
 * Metrics read four columns of a response — the NPS answer, the CSAT score and its scale, and
 * when — and fold them into histograms. Covering indexes that start with the grouping column and
 * continue with the answers let SQLite count a million rows per (group, answer) in one index scan
 * without sorting, and count a period's answers with one index seek per distinct answer. A
 * segment lives in `survey_segments`; joining it to its response costs a B-tree search per row,
 * so each segment row carries a copy of the four columns (written with the segment, kept equal by
 * the trigger below) and one covering index serves grouping by any segment. The old
 * `(key, value)` index is a prefix of the new one.
 */
export const migration0004: Migration = {
  version: 4,
  name: 'survey-metrics-indexes',
  sql: `
ALTER TABLE survey_segments ADD COLUMN submitted_at INTEGER;
ALTER TABLE survey_segments ADD COLUMN nps_score INTEGER;
ALTER TABLE survey_segments ADD COLUMN csat_score REAL;
ALTER TABLE survey_segments ADD COLUMN csat_scale_max REAL;

UPDATE survey_segments SET (submitted_at, nps_score, csat_score, csat_scale_max) =
  (SELECT r.submitted_at, r.nps_score, r.csat_score, r.csat_scale_max
   FROM survey_responses r WHERE r.id = survey_segments.response_id);

DROP INDEX survey_segments_key_value;
CREATE INDEX survey_segments_metrics
  ON survey_segments(key, value, nps_score, csat_score, csat_scale_max, submitted_at);

CREATE INDEX survey_responses_metrics
  ON survey_responses(nps_score, csat_score, csat_scale_max, submitted_at);
CREATE INDEX survey_responses_channel_metrics
  ON survey_responses(channel, nps_score, csat_score, csat_scale_max, submitted_at);

-- A response whose scores or date change (a re-import with corrections) updates its segment copies.
CREATE TRIGGER survey_responses_segment_copies
AFTER UPDATE OF submitted_at, nps_score, csat_score, csat_scale_max ON survey_responses
WHEN OLD.submitted_at IS NOT NEW.submitted_at OR OLD.nps_score IS NOT NEW.nps_score
  OR OLD.csat_score IS NOT NEW.csat_score OR OLD.csat_scale_max IS NOT NEW.csat_scale_max
BEGIN
  UPDATE survey_segments
  SET submitted_at = NEW.submitted_at, nps_score = NEW.nps_score,
      csat_score = NEW.csat_score, csat_scale_max = NEW.csat_scale_max
  WHERE response_id = NEW.id;
END;
`
}
