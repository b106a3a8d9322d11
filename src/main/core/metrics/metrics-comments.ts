import { ApiError } from '@shared/api/errors'
import type { MetricsComment, MetricsComments, MetricsCommentsRequest } from '@shared/domain/metrics'
import { MetricsCommentsRequestSchema, isTimeGrouping } from '@shared/domain/metrics'
import type { AnalysisSettings } from '@shared/domain/settings'
import type { Db } from '../store/sqlite'
import type { InstantRange } from './answer-histograms'
import { DEFAULT_GROUPING, dayRange, requestDays } from './metrics-report'
import { timePeriods } from './time-periods'

const NPS_BANDS = {
  promoters: 'r.nps_score >= 9',
  passives: 'r.nps_score BETWEEN 7 AND 8',
  detractors: 'r.nps_score <= 6'
} as const

/**
 * The verbatim comments behind one point of the dashboard: the responses of a group (a period,
 * a channel, a segment value) in the range, optionally with one NPS answer or band, newest first.
 */
export function readMetricsComments(
  db: Db,
  input: MetricsCommentsRequest,
  settings: AnalysisSettings
): MetricsComments {
  const request = MetricsCommentsRequestSchema.parse(input)
  const by = request.by ?? DEFAULT_GROUPING
  const days = requestDays(db, request, settings.timeZone)
  if (!days) return { total: 0, rows: [] }
  let range: InstantRange = dayRange(days, settings.timeZone)
  const where = ["r.comment IS NOT NULL AND r.comment <> ''"]
  const params: unknown[] = []
  if (request.group !== undefined) {
    if (isTimeGrouping(by)) {
      const period = timePeriods(
        by,
        days.from,
        days.to,
        settings.timeZone,
        settings.fiscalYearStartMonth
      ).find((p) => p.key === request.group)
      if (!period)
        throw new ApiError('invalid_input', `There is no ${by} '${request.group}' in the dates asked for.`)
      range = period
    } else if (by === 'channel') {
      where.push(request.group === null ? 'r.channel IS NULL' : 'r.channel = ?')
      if (request.group !== null) params.push(request.group)
    } else if (request.group === null) {
      where.push('NOT EXISTS (SELECT 1 FROM survey_segments s WHERE s.response_id = r.id AND s.key = ?)')
      params.push(by)
    } else {
      where.push(
        'EXISTS (SELECT 1 FROM survey_segments s WHERE s.response_id = r.id AND s.key = ? AND s.value = ?)'
      )
      params.push(by, request.group)
    }
  }
  if (request.npsScore !== undefined) {
    where.push('r.nps_score = ?')
    params.push(request.npsScore)
  }
  if (request.npsBand) where.push(NPS_BANDS[request.npsBand])
  where.push('r.submitted_at >= ? AND r.submitted_at < ?')
  params.push(range.start, range.end)
  const filter = where.join(' AND ')
  const total = db
    .prepare(`SELECT count(*) FROM survey_responses r WHERE ${filter}`)
    .pluck()
    .get(...params) as number
  const rows = db
    .prepare(
      `SELECT r.id, r.submitted_at AS submittedAt, r.survey, r.channel, r.csat_score AS csatScore,
              r.nps_score AS npsScore, r.comment
       FROM survey_responses r WHERE ${filter}
       ORDER BY r.submitted_at DESC, r.id DESC LIMIT ? OFFSET ?`
    )
    .all(...params, request.limit, request.offset) as MetricsComment[]
  return { total, rows }
}
