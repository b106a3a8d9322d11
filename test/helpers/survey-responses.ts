import type { Db } from '../../src/main/core/store/sqlite'
import { createImportBatch } from '../../src/main/core/store/repositories/import-batches'
import type { SurveyResponseRow } from '../../src/main/core/store/repositories/survey-responses'
import { insertSurveyResponses } from '../../src/main/core/store/repositories/survey-responses'

/** What a test says about a response; the rest is filled in. */
export interface ResponseSpec {
  at: string | number
  nps?: number | null
  csat?: number | null
  scaleMax?: number | null
  channel?: string | null
  comment?: string | null
  segments?: Record<string, string>
}

let sequence = 0

/** Writes responses as one generated batch; returns the batch id. */
export function writeResponses(db: Db, specs: readonly ResponseSpec[]): number {
  const batchId = createImportBatch(db, {
    kind: 'survey_responses',
    sourceName: 'test-responses.csv',
    format: 'generated',
    startedAt: Date.parse('2026-11-01T00:00:00Z')
  })
  const rows: SurveyResponseRow[] = specs.map((s, i) => ({
    sourceSystem: 'test',
    externalId: `T${++sequence}`,
    survey: 'Pulse',
    submittedAt: typeof s.at === 'number' ? s.at : Date.parse(s.at),
    customerId: null,
    csatScore: s.csat ?? null,
    csatScaleMax: s.csat === undefined || s.csat === null ? null : (s.scaleMax ?? 5),
    npsScore: s.nps ?? null,
    comment: s.comment ?? null,
    channel: s.channel ?? null,
    segments: s.segments ?? {},
    attributes: null,
    batchId,
    sourceLine: i + 2
  }))
  db.transaction(() => insertSurveyResponses(db, rows))()
  return batchId
}

/** Responses giving each NPS answer `counts[score]` times, all at one instant. */
export function npsResponses(
  counts: readonly number[],
  at: string,
  extra: Partial<ResponseSpec> = {}
): ResponseSpec[] {
  return counts.flatMap((count, score) => Array.from({ length: count }, () => ({ at, nps: score, ...extra })))
}

/** Responses giving each CSAT score `scaleMin + i` `counts[i]` times. */
export function csatResponses(
  counts: readonly number[],
  at: string,
  scaleMin = 1,
  extra: Partial<ResponseSpec> = {}
): ResponseSpec[] {
  return counts.flatMap((count, i) =>
    Array.from({ length: count }, () => ({ at, csat: scaleMin + i, ...extra }))
  )
}
