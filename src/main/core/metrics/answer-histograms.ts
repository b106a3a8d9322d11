import type { Db } from '../store/sqlite'
import { prepared } from '../store/repositories/statements'

/**
 * How many responses in a group gave one combination of answers. Metrics are computed from these
 * counts, never from rows: SQL counts, JavaScript applies the thresholds and the statistics, so
 * a change of the satisfied threshold or the scale needs no other query.
 */
export interface AnswerCell {
  nps: number | null
  csat: number | null
  scaleMax: number | null
  n: number
}

/** Answer cells per group key (a segment value, a channel; null: none). */
export type GroupedCells = Map<string | null, AnswerCell[]>

/** A range of submission instants: start inclusive, end exclusive (epoch ms). */
export interface InstantRange {
  start: number
  end: number
}

/**
 * The range to count in; `all` when it holds every response (no dates asked for), so that the
 * scan need not compare each row's date.
 */
export type CountRange = InstantRange | 'all'

function rangeFilter(range: CountRange): { sql: string; params: number[] } {
  return range === 'all'
    ? { sql: '1', params: [] }
    : { sql: 'submitted_at >= ? AND submitted_at < ?', params: [range.start, range.end] }
}

interface CellRow {
  g?: string | null
  nps: number | null
  csat: number | null
  scale: number | null
  n: number
}

const toCell = (r: CellRow): AnswerCell => ({ nps: r.nps, csat: r.csat, scaleMax: r.scale, n: r.n })

/**
 * `INDEXED BY` a covering index when it exists. A large import drops secondary indexes and
 * rebuilds them right after its commit; in that window the query still answers, only slower.
 */
function indexHint(db: Db, index: string): string {
  const found = prepared(db, "SELECT 1 FROM sqlite_master WHERE type = 'index' AND name = ?").get(index)
  return found ? `INDEXED BY ${index}` : ''
}

/** The first and last submission instants of any survey response; null when there are none. */
export function responseSpan(db: Db): InstantRange | null {
  // Two subqueries: SQLite answers a lone min() or max() from the index, not both in one query.
  const row = prepared(
    db,
    'SELECT (SELECT min(submitted_at) FROM survey_responses) AS lo, (SELECT max(submitted_at) FROM survey_responses) AS hi'
  ).get() as {
    lo: number | null
    hi: number | null
  }
  return row.lo === null || row.hi === null ? null : { start: row.lo, end: row.hi + 1 }
}

/** The answer cells of all responses in a range (one streaming scan of the covering index). */
export function rangeCells(db: Db, range: CountRange): AnswerCell[] {
  const filter = rangeFilter(range)
  const sql = `SELECT nps_score AS nps, csat_score AS csat, csat_scale_max AS scale, count(*) AS n
    FROM survey_responses ${indexHint(db, 'survey_responses_metrics')}
    WHERE ${filter.sql}
    GROUP BY nps_score, csat_score, csat_scale_max`
  return (prepared(db, sql).all(...filter.params) as CellRow[]).map(toCell)
}

/**
 * The answer cells of each period. Every period holds a subset of the combinations seen in the
 * whole range (`combinations`), so each (period, combination) is one counted index range: a
 * seek and a count, no sort, however many periods there are.
 */
export function periodCells(
  db: Db,
  periods: readonly InstantRange[],
  combinations: readonly AnswerCell[]
): AnswerCell[][] {
  const count = prepared(
    db,
    `SELECT count(*) AS n FROM survey_responses ${indexHint(db, 'survey_responses_metrics')}
     WHERE nps_score IS ? AND csat_score IS ? AND csat_scale_max IS ? AND submitted_at >= ? AND submitted_at < ?`
  ).pluck()
  return periods.map((p) => {
    const cells: AnswerCell[] = []
    for (const c of combinations) {
      const n = count.get(c.nps, c.csat, c.scaleMax, p.start, p.end) as number
      if (n > 0) cells.push({ nps: c.nps, csat: c.csat, scaleMax: c.scaleMax, n })
    }
    return cells
  })
}

function groupRows(rows: readonly CellRow[]): GroupedCells {
  const groups: GroupedCells = new Map()
  for (const row of rows) {
    const key = row.g ?? null
    const cells = groups.get(key)
    if (cells) cells.push(toCell(row))
    else groups.set(key, [toCell(row)])
  }
  return groups
}

/** The answer cells of each channel in a range; responses without a channel under null. */
export function channelCells(db: Db, range: CountRange): GroupedCells {
  const filter = rangeFilter(range)
  const sql = `SELECT channel AS g, nps_score AS nps, csat_score AS csat, csat_scale_max AS scale, count(*) AS n
    FROM survey_responses ${indexHint(db, 'survey_responses_channel_metrics')}
    WHERE ${filter.sql}
    GROUP BY channel, nps_score, csat_score, csat_scale_max`
  return groupRows(prepared(db, sql).all(...filter.params) as CellRow[])
}

/**
 * The answer cells of each value of a segment column in a range. Responses without the column
 * are not here; the caller finds them as the range minus every value.
 */
export function segmentCells(db: Db, key: string, range: CountRange): GroupedCells {
  const filter = rangeFilter(range)
  const sql = `SELECT value AS g, nps_score AS nps, csat_score AS csat, csat_scale_max AS scale, count(*) AS n
    FROM survey_segments ${indexHint(db, 'survey_segments_metrics')}
    WHERE key = ? AND ${filter.sql}
    GROUP BY value, nps_score, csat_score, csat_scale_max`
  return groupRows(prepared(db, sql).all(key, ...filter.params) as CellRow[])
}

/**
 * The segment columns of the workspace's responses, by a loose index scan: one seek per
 * distinct key rather than a pass over every segment row.
 */
export function segmentKeys(db: Db): string[] {
  return prepared(
    db,
    `WITH RECURSIVE k(key) AS (
       SELECT min(key) FROM survey_segments
       UNION ALL
       SELECT (SELECT min(key) FROM survey_segments WHERE key > k.key) FROM k WHERE k.key IS NOT NULL
     )
     SELECT key FROM k WHERE key IS NOT NULL`
  )
    .pluck()
    .all() as string[]
}

/** True when any response has a channel. */
export function hasChannels(db: Db): boolean {
  return prepared(db, 'SELECT 1 FROM survey_responses WHERE channel IS NOT NULL LIMIT 1').get() !== undefined
}

/** Cells of `whole` minus the cells of `parts` (counts subtracted per combination). */
export function subtractCells(
  whole: readonly AnswerCell[],
  parts: Iterable<readonly AnswerCell[]>
): AnswerCell[] {
  const key = (c: AnswerCell): string => `${c.nps}|${c.csat}|${c.scaleMax}`
  const remaining = new Map(whole.map((c) => [key(c), { ...c }]))
  for (const cells of parts) {
    for (const c of cells) {
      const cell = remaining.get(key(c))
      if (cell) cell.n -= c.n
    }
  }
  return [...remaining.values()].filter((c) => c.n > 0)
}
