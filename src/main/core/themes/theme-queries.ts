import { ApiError } from '@shared/api/errors'
import type { AnalysisSettings } from '@shared/domain/settings'
import { compareThemes } from '@shared/domain/themes'
import type {
  ThemeDetail,
  ThemeRunInfo,
  ThemesOverview,
  ThemeSummary,
  ThemeTicket
} from '@shared/domain/themes'
import type { Db } from '../store/sqlite'
import type { ThemeFigures } from './theme-metrics'
import { themeBreakdown, themeMetrics, unknownImpact } from './theme-metrics'
import type { ThemeRow } from './theme-store'
import { liveTheme, readThemes } from './theme-store'

const NO_FIGURES: ThemeFigures = {
  size: 0,
  share: 0,
  trend: { previousQuarter: 0, currentQuarter: 0, change: null },
  sparkline: [],
  impact: unknownImpact()
}

/** The source systems' ticket ids of tickets, in one query (json_each keeps it one statement). */
function externalIds(db: Db, ids: readonly number[]): Map<number, string> {
  if (ids.length === 0) return new Map()
  const rows = db
    .prepare('SELECT id, external_id FROM tickets WHERE id IN (SELECT value FROM json_each(?))')
    .all(JSON.stringify(ids)) as Array<{ id: number; external_id: string }>
  return new Map(rows.map((r) => [r.id, r.external_id]))
}

function summaryOf(
  t: ThemeRow,
  figures: ThemeFigures | undefined,
  ids: ReadonlyMap<number, string>
): ThemeSummary {
  const f = figures ?? { ...NO_FIGURES, sparkline: [] }
  return {
    id: t.id,
    label: t.userLabel ?? t.label,
    generatedLabel: t.label,
    renamed: t.userLabel !== null,
    terms: t.terms,
    kind: t.kind,
    status: t.status,
    pinned: t.pinned,
    rule: t.rule,
    parentId: t.parentId,
    conflictWith: t.conflictWith,
    size: f.size,
    share: f.share,
    trend: f.trend,
    sparkline: f.sparkline,
    impact: f.impact,
    examples: t.examples.flatMap((id) => (ids.has(id) ? [ids.get(id)!] : []))
  }
}

function lastRun(db: Db): ThemeRunInfo | null {
  const row = db
    .prepare(
      'SELECT id, started_at, finished_at, granularity, ticket_count, sampled, status FROM theme_runs ORDER BY id DESC LIMIT 1'
    )
    .get() as
    | {
        id: number
        started_at: number
        finished_at: number | null
        granularity: ThemeRunInfo['granularity']
        ticket_count: number
        sampled: number
        status: ThemeRunInfo['status']
      }
    | undefined
  return row
    ? {
        id: row.id,
        startedAt: row.started_at,
        finishedAt: row.finished_at,
        granularity: row.granularity,
        ticketCount: row.ticket_count,
        sampled: row.sampled,
        status: row.status
      }
    : null
}

/** Every active and excluded theme with its figures for a quarter. */
export function themesOverview(db: Db, settings: AnalysisSettings, quarter?: string): ThemesOverview {
  const metrics = themeMetrics(db, settings, quarter)
  const rows = readThemes(db).filter((t) => t.status !== 'merged')
  const ids = externalIds(
    db,
    rows.flatMap((t) => t.examples)
  )
  const themes = rows
    .map((t) => summaryOf(t, metrics.byTheme.get(t.id), ids))
    .filter((t) => t.kind !== 'other' || t.size > 0)
    .sort(compareThemes)
  return {
    quarter: metrics.quarter,
    previousQuarter: metrics.previousQuarter,
    quarters: metrics.quarters,
    run: lastRun(db),
    themes,
    totalTickets: metrics.totalTickets,
    unassigned: metrics.unassigned,
    sparklineMonths: metrics.sparklineMonths
  }
}

const TICKET_COLUMNS = `t.id, t.external_id, t.created_at, t.channel, t.subject, t.text, tt.assigned_by`
interface TicketRow {
  id: number
  external_id: string
  created_at: number
  channel: string | null
  subject: string | null
  text: string
  assigned_by: ThemeTicket['assignedBy']
}
const toTicket = (r: TicketRow): ThemeTicket => ({
  id: r.id,
  ticketId: r.external_id,
  createdAt: r.created_at,
  channel: r.channel,
  subject: r.subject,
  text: r.text,
  assignedBy: r.assigned_by
})

/** A page of a theme's tickets, most typical (highest score) first. */
export function themeTickets(
  db: Db,
  id: number,
  offset: number,
  limit: number
): { total: number; rows: ThemeTicket[] } {
  const total = (
    db.prepare('SELECT COUNT(*) AS n FROM ticket_themes WHERE theme_id = ?').get(id) as { n: number }
  ).n
  const rows = db
    .prepare(
      `SELECT ${TICKET_COLUMNS} FROM ticket_themes tt JOIN tickets t ON t.id = tt.ticket_id
       WHERE tt.theme_id = ? ORDER BY tt.score DESC, t.id LIMIT ? OFFSET ?`
    )
    .all(id, limit, offset) as TicketRow[]
  return { total, rows: rows.map(toTicket) }
}

/** Everything the theme editor shows. */
export function themeDetail(
  db: Db,
  settings: AnalysisSettings,
  id: number,
  quarter?: string,
  by: 'week' | 'month' | 'quarter' = 'month'
): ThemeDetail {
  const rows = readThemes(db)
  const theme = rows.find((t) => t.id === id)
  if (!theme || theme.status === 'merged')
    throw new ApiError('not_found', `There is no theme with id ${id}; it may have been merged.`, { id })
  const metrics = themeMetrics(db, settings, quarter)
  const examples = theme.examples.length
    ? (db
        .prepare(
          `SELECT ${TICKET_COLUMNS} FROM tickets t JOIN ticket_themes tt ON tt.ticket_id = t.id
           WHERE t.id IN (${theme.examples.map(() => '?').join(',')}) AND tt.theme_id = ?`
        )
        .all(...theme.examples, id) as TicketRow[])
    : []
  const order = new Map(theme.examples.map((e, i) => [e, i]))
  examples.sort((a, b) => order.get(a.id)! - order.get(b.id)!)
  const hasTiers =
    (db.prepare("SELECT 1 FROM customers WHERE tier IS NOT NULL AND tier <> '' LIMIT 1").get() as unknown) !==
    undefined
  return {
    theme: summaryOf(theme, metrics.byTheme.get(id), externalIds(db, theme.examples)),
    merged: rows
      .filter((t) => t.status === 'merged' && t.mergedInto === id)
      .map((t) => ({ id: t.id, label: t.userLabel ?? t.label })),
    examples: examples.map(toTicket),
    trend: { by, rows: themeBreakdown(db, settings, id, by) },
    byChannel: themeBreakdown(db, settings, id, 'channel', metrics.quarter ?? undefined),
    bySegment: hasTiers
      ? { key: 'tier', rows: themeBreakdown(db, settings, id, 'segment', metrics.quarter ?? undefined) }
      : null
  }
}

/** Every ticket's theme id (null without one), in ticket order; merged themes lead to their target. */
export function themeAssignments(db: Db): Array<{ ticketId: string; themeId: number | null }> {
  const themes = new Map(readThemes(db).map((t) => [t.id, t]))
  const rows = db
    .prepare(
      'SELECT t.external_id AS ticketId, tt.theme_id AS themeId FROM tickets t LEFT JOIN ticket_themes tt ON tt.ticket_id = t.id ORDER BY t.id'
    )
    .all() as Array<{ ticketId: string; themeId: number | null }>
  return rows.map((r) => ({
    ticketId: r.ticketId,
    themeId: r.themeId === null ? null : (liveTheme(themes, r.themeId)?.id ?? r.themeId)
  }))
}
