import type { Db } from '../../../store/sqlite'
import { prepared } from '../../../store/repositories/statements'
import { insertSurveySegment } from '../../../store/repositories/survey-responses'
import type { CustomerRecord, SurveyResponseRecord, TicketRecord } from '../records'
import { ContentKeyer } from './content-key'
import type { Cell, KeyedTableSpec } from './keyed-writer'

/** Stored columns of each keyed table besides its key, compared on re-import and restored on undo. */
export const TICKET_VALUE_COLUMNS = [
  'created_at',
  'resolved_at',
  'first_response_at',
  'channel',
  'status',
  'priority',
  'subject',
  'text',
  'customer_id',
  'rating',
  'tags_json',
  'attributes_json'
] as const
export const SURVEY_RESPONSE_VALUE_COLUMNS = [
  'survey',
  'submitted_at',
  'customer_id',
  'csat_score',
  'csat_scale_max',
  'nps_score',
  'comment',
  'channel',
  'attributes_json'
] as const
export const CUSTOMER_VALUE_COLUMNS = [
  'name',
  'tier',
  'region',
  'revenue',
  'signup_at',
  'attributes_json'
] as const
export const ARM_SUMMARY_VALUE_COLUMNS = ['units', 'successes', 'mean', 'sd', 'n', 'intended_share'] as const

const json = (value: unknown): string | null =>
  value === null || value === undefined ? null : JSON.stringify(value)

/** Tickets, keyed by (source system, external id). */
export function ticketSpec(): KeyedTableSpec<TicketRecord> {
  const keyer = new ContentKeyer()
  return {
    kind: 'tickets',
    table: 'tickets',
    keyColumns: ['source_system', 'external_id'],
    valueColumns: TICKET_VALUE_COLUMNS,
    searchColumns: ['subject', 'text'],
    toRow: (r) => ({
      key: [r.sourceSystem, r.externalId ?? keyer.next([r.createdAt, r.customerId, r.subject, r.text])],
      values: [
        r.createdAt,
        r.resolvedAt,
        r.firstResponseAt,
        r.channel,
        r.status,
        r.priority,
        r.subject,
        r.text,
        r.customerId,
        r.rating,
        json(r.tags),
        json(r.attributes)
      ]
    })
  }
}

/** Survey responses, keyed by (source system, external id), with their segments. */
export function surveyResponseSpec(): KeyedTableSpec<SurveyResponseRecord> {
  const keyer = new ContentKeyer()
  return {
    kind: 'survey_responses',
    table: 'survey_responses',
    keyColumns: ['source_system', 'external_id'],
    valueColumns: SURVEY_RESPONSE_VALUE_COLUMNS,
    toRow: (r) => ({
      key: [
        r.sourceSystem,
        r.externalId ??
          keyer.next([r.submittedAt, r.customerId, r.csatScore, r.npsScore, r.comment, r.segments])
      ],
      values: [
        r.survey,
        r.submittedAt,
        r.customerId,
        r.csatScore,
        r.csatScaleMax,
        r.npsScore,
        r.comment,
        r.channel,
        json(r.attributes),
        segmentsCell(r.segments)
      ]
    }),
    child: { column: 'segments_json', read: readSegments, write: writeSegments }
  }
}

/** Customers, keyed by their id. */
export function customerSpec(): KeyedTableSpec<CustomerRecord> {
  return {
    kind: 'customers',
    table: 'customers',
    keyColumns: ['customer_id'],
    valueColumns: CUSTOMER_VALUE_COLUMNS,
    toRow: (r) => ({
      key: [r.customerId],
      values: [r.name, r.tier, r.region, r.revenue, r.signupAt, json(r.attributes)]
    })
  }
}

/** Segments as one comparable cell: a JSON object with sorted keys, or null when there are none. */
export function segmentsCell(segments: Readonly<Record<string, string>>): Cell {
  const keys = Object.keys(segments).sort()
  return keys.length === 0 ? null : JSON.stringify(Object.fromEntries(keys.map((k) => [k, segments[k]])))
}

/** A response's segments as one comparable cell. */
export function readSegments(db: Db, id: number): Cell {
  const rows = prepared(db, 'SELECT key, value FROM survey_segments WHERE response_id = ? ORDER BY key').all(
    id
  ) as Array<{ key: string; value: string }>
  return segmentsCell(Object.fromEntries(rows.map((r) => [r.key, r.value])))
}

/** Replaces a response's segments with those of a cell written by {@link segmentsCell}. */
export function writeSegments(db: Db, id: number, value: Cell): void {
  prepared(db, 'DELETE FROM survey_segments WHERE response_id = ?').run(id)
  if (typeof value !== 'string') return
  for (const [key, segment] of Object.entries(JSON.parse(value) as Record<string, string>)) {
    insertSurveySegment(db, id, key, segment)
  }
}
