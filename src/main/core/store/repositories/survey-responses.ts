import type { Db } from '../sqlite'
import type { Provenance } from './statements'
import { assertInTransaction, fromJson, prepared, toJson } from './statements'

/** A survey response, in the canonical survey roles; segment columns go to `segments`. */
export interface SurveyResponseRecord {
  sourceSystem: string
  externalId: string
  survey: string | null
  submittedAt: number
  customerId: string | null
  csatScore: number | null
  csatScaleMax: number | null
  npsScore: number | null
  comment: string | null
  channel: string | null
  /** Segment columns (region, plan, platform…): column name to value. */
  segments: Record<string, string>
  attributes: Record<string, unknown> | null
}

/** A survey response with its provenance. */
export type SurveyResponseRow = SurveyResponseRecord & Provenance

const INSERT_RESPONSE = `INSERT INTO survey_responses (source_system, external_id, survey, submitted_at, customer_id,
  csat_score, csat_scale_max, nps_score, comment, channel, attributes_json, batch_id, source_line)
  VALUES (@sourceSystem, @externalId, @survey, @submittedAt, @customerId, @csatScore, @csatScaleMax, @npsScore,
  @comment, @channel, @attributes, @batchId, @sourceLine)`
/**
 * A segment row carries a copy of its response's date and scores, so that metrics can group by a
 * segment from one covering index (migration 4); the copy is taken from the stored response.
 */
const INSERT_SEGMENT = `INSERT INTO survey_segments (response_id, key, value, submitted_at, nps_score, csat_score, csat_scale_max)
  SELECT id, @key, @value, submitted_at, nps_score, csat_score, csat_scale_max FROM survey_responses WHERE id = @id`

/** Adds one segment value to a stored response, inside the caller's transaction. */
export function insertSurveySegment(db: Db, responseId: number | bigint, key: string, value: string): void {
  const { changes } = prepared(db, INSERT_SEGMENT).run({ id: responseId, key, value })
  if (changes !== 1)
    throw new Error(`Survey response ${responseId} does not exist; its segment ${key} was not written`)
}

/** Inserts responses and their segments inside the caller's transaction; returns how many responses. */
export function insertSurveyResponses(db: Db, rows: readonly SurveyResponseRow[]): number {
  assertInTransaction(db, 'insertSurveyResponses')
  const response = prepared(db, INSERT_RESPONSE)
  for (const row of rows) {
    const { segments, ...fields } = row
    const id = response.run({ ...fields, attributes: toJson(row.attributes) }).lastInsertRowid
    for (const [key, value] of Object.entries(segments)) insertSurveySegment(db, id, key, value)
  }
  return rows.length
}

interface ResponseColumns {
  id: number
  source_system: string
  external_id: string
  survey: string | null
  submitted_at: number
  customer_id: string | null
  csat_score: number | null
  csat_scale_max: number | null
  nps_score: number | null
  comment: string | null
  channel: string | null
  attributes_json: string | null
  batch_id: number
  source_line: number
}

/** The responses of one import batch with their segments, in source order. */
export function readSurveyResponsesByBatch(db: Db, batchId: number): SurveyResponseRow[] {
  const rows = prepared(db, 'SELECT * FROM survey_responses WHERE batch_id = ? ORDER BY source_line, id').all(
    batchId
  ) as ResponseColumns[]
  const segmentsOf = prepared(db, 'SELECT key, value FROM survey_segments WHERE response_id = ? ORDER BY key')
  return rows.map((r) => ({
    sourceSystem: r.source_system,
    externalId: r.external_id,
    survey: r.survey,
    submittedAt: r.submitted_at,
    customerId: r.customer_id,
    csatScore: r.csat_score,
    csatScaleMax: r.csat_scale_max,
    npsScore: r.nps_score,
    comment: r.comment,
    channel: r.channel,
    segments: Object.fromEntries(
      (segmentsOf.all(r.id) as Array<{ key: string; value: string }>).map((s) => [s.key, s.value])
    ),
    attributes: fromJson<Record<string, unknown>>(r.attributes_json),
    batchId: r.batch_id,
    sourceLine: r.source_line
  }))
}
