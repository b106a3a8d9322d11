import { ApiError } from '@shared/api/errors'
import type { Decision, ExperimentSettings, ReasonCode, ReasonParams } from '@shared/domain/experiments'
import type { Interval, MetricsGroup } from '@shared/domain/metrics'
import type { PriorityList } from '@shared/domain/priorities'
import type { AnalysisSettings } from '@shared/domain/settings'
import type { ThemeImpact } from '@shared/domain/themes'
import { analyzeExperiment } from '../experiments/analyze'
import { experimentSettings } from '../experiments/experiment-settings'
import { loadExperiments } from '../experiments/load-experiments'
import { buildMetricsReport } from '../metrics/metrics-report'
import type { TimePeriod } from '../metrics/time-periods'
import { formatDay, previousQuarter, quarterPeriod, zonedDay } from '../metrics/time-periods'
import { priorityList } from '../priorities/priority-list'
import { prepared } from '../store/repositories/statements'
import type { Db } from '../store/sqlite'
import { resolveTicketQuarter, themeGroupFigures } from '../themes/theme-metrics'
import { readThemes } from '../themes/theme-store'

/** What the report is made of, and when. */
export interface ReportInput {
  db: Db
  settings: AnalysisSettings
  workspace: { name: string; fileName: string }
  /** The quarter to review; default: the latest with tickets. */
  quarter?: string
  /** When the report is made (epoch ms): the caller's clock, so that the report is reproducible. */
  generatedAt: number
}

/** A theme's figures in the report's quarter. */
export interface ReportTheme {
  id: number
  label: string
  tickets: number
  previousTickets: number
  /** Of every ticket created in the quarter. */
  share: number
  /** (tickets − previous) ÷ previous; null when the previous quarter had none. */
  change: number | null
  /** Distinct customers who raised it (a ticket without a customer counts as one). */
  reach: number
  impact: ThemeImpact
}

export interface ReportThemes {
  /** Every ticket created in the quarter, themed or not. */
  quarterTickets: number
  /** False before themes were ever found: the section says how to find them. */
  hasThemes: boolean
  /** The themes with the most tickets in the quarter, most first. */
  top: ReportTheme[]
  /** The largest gains and losses of tickets against the previous quarter. */
  risers: ReportTheme[]
  fallers: ReportTheme[]
}

/** An experiment whose last data falls in the quarter, judged on its primary metric. */
export interface ReportExperiment {
  id: number
  key: string
  name: string
  /** Day of its last data, `YYYY-MM-DD` in the workspace's time zone. */
  endedOn: string
  units: number
  metric: string | null
  control: string
  /** The treatment arm that decides: a shipping one if any, else the first. */
  arm: string | null
  decision: Decision | null
  relLift: number | null
  relLiftCi95: Interval | null
  reasonCode: ReasonCode | null
  reasonParams: ReasonParams | null
}

export interface ReportExperiments {
  settings: ExperimentSettings
  concluded: ReportExperiment[]
  /** Experiments without dates (per-arm summaries), which no quarter can hold. */
  undated: number
}

export interface ReportSatisfaction {
  csatScaleMax: number
  csatSatisfiedThreshold: number
  significanceLevel: number
  minSampleSize: number
  /** The report's quarter and the three before it, oldest first; each against the one before. */
  quarters: MetricsGroup[]
  /** The months of those quarters. */
  months: MetricsGroup[]
}

/** Everything the quarterly review shows, as plain data. */
export interface ReportData {
  workspace: { name: string; fileName: string }
  /** The day it was made, `YYYY-MM-DD` in the workspace's time zone. */
  generatedOn: string
  timeZone: string
  /** 1 for calendar quarters, else the month the fiscal year starts in. */
  fiscalYearStartMonth: number
  /** Null when the workspace has no tickets and no quarter was asked for. */
  quarter: string | null
  previousQuarter: string | null
  /** First and last day of the quarter, `YYYY-MM-DD`. */
  range: { from: string; to: string } | null
  /** Months of the quarter (`YYYY-MM`), to mark on the monthly charts. */
  quarterMonths: string[]
  satisfaction: ReportSatisfaction | null
  themes: ReportThemes | null
  experiments: ReportExperiments | null
  /** Null for a quarter without tickets: nothing to rank. */
  priorities: PriorityList | null
}

const TOP_THEMES = 10
const MOVERS = 5
/** Quarters on the satisfaction charts: the report's and the three before it. */
const TREND_QUARTERS = 4

/**
 * Gathers the quarterly review: satisfaction over the last four quarters (the survey metrics),
 * the quarter's top themes and movers (the theme figures), the experiments concluded in it, and
 * the priority list. Quarters follow the workspace's calendar or fiscal year. A quarter without
 * tickets still gets a report, whose sections say there is nothing in it; a label that is not a
 * quarter of the workspace's calendar is an `invalid_input` error.
 */
export function gatherReportData(input: ReportInput): ReportData {
  const { db, settings } = input
  const { timeZone, fiscalYearStartMonth } = settings
  const withTickets = resolveTicketQuarter(db, settings).quarters
  const label = input.quarter ?? withTickets.at(-1) ?? null
  const period = label === null ? null : quarterPeriod(label, timeZone, fiscalYearStartMonth)
  if (label !== null && period === null) throw notAQuarter(label, settings, withTickets)
  const base = {
    workspace: input.workspace,
    generatedOn: formatDay(zonedDay(input.generatedAt, timeZone)),
    timeZone,
    fiscalYearStartMonth
  }
  if (!period) {
    return {
      ...base,
      quarter: null,
      previousQuarter: null,
      range: null,
      quarterMonths: [],
      satisfaction: null,
      themes: null,
      experiments: null,
      priorities: null
    }
  }
  const hasTickets = withTickets.includes(period.key)
  const satisfaction = satisfactionTrend(db, settings, period)
  return {
    ...base,
    quarter: period.key,
    previousQuarter: previousQuarter(period, timeZone, fiscalYearStartMonth).key,
    range: { from: period.from, to: period.to },
    quarterMonths: satisfaction.months.filter((m) => m.from! >= period.from).map((m) => m.key ?? ''),
    satisfaction,
    themes: quarterThemes(db, settings, hasTickets ? period.key : null),
    experiments: concludedExperiments(db, settings, period),
    priorities: hasTickets ? priorityList(db, settings, period.key) : null
  }
}

function notAQuarter(label: string, settings: AnalysisSettings, quarters: readonly string[]): ApiError {
  const fiscal = settings.fiscalYearStartMonth !== 1
  const example = quarters.at(-1) ?? (fiscal ? 'FY2027-Q1' : '2026-Q3')
  return new ApiError(
    'invalid_input',
    `'${label}' is not a quarter of this workspace's ${fiscal ? 'fiscal' : 'calendar'} year; use a label like ${example}.`,
    { quarter: label, quarters: [...quarters] }
  )
}

/** CSAT and NPS by quarter and by month over the report's quarter and the three before it. */
function satisfactionTrend(db: Db, settings: AnalysisSettings, period: TimePeriod): ReportSatisfaction {
  let first = period
  for (let i = 1; i < TREND_QUARTERS; i++)
    first = previousQuarter(first, settings.timeZone, settings.fiscalYearStartMonth)
  const range = { from: first.from, to: period.to }
  return {
    csatScaleMax: settings.csatScaleMax,
    csatSatisfiedThreshold: settings.csatSatisfiedThreshold,
    significanceLevel: settings.significanceLevel,
    minSampleSize: settings.metricsMinSampleSize,
    quarters: buildMetricsReport(db, { by: 'quarter', ...range }, settings).groups,
    months: buildMetricsReport(db, { by: 'month', ...range }, settings).groups
  }
}

/** The quarter's complaint themes (active, not the other bucket) by tickets, and the movers. */
function quarterThemes(db: Db, settings: AnalysisSettings, quarter: string | null): ReportThemes {
  const themes = readThemes(db).filter((t) => t.status === 'active' && t.kind !== 'other')
  if (quarter === null || themes.length === 0)
    return { quarterTickets: 0, hasThemes: themes.length > 0, top: [], risers: [], fallers: [] }
  const figures = themeGroupFigures(db, settings, new Map(themes.map((t) => [t.id, [t.id]])), quarter)
  const rows = themes.map((t): ReportTheme => {
    const f = figures.byGroup.get(t.id)!
    return {
      id: t.id,
      label: t.userLabel ?? t.label,
      tickets: f.tickets,
      previousTickets: f.previousTickets,
      share: figures.quarterTickets > 0 ? f.tickets / figures.quarterTickets : 0,
      change: f.previousTickets > 0 ? (f.tickets - f.previousTickets) / f.previousTickets : null,
      reach: f.reach,
      impact: f.impact
    }
  })
  const delta = (t: ReportTheme): number => t.tickets - t.previousTickets
  const byId = (a: ReportTheme, b: ReportTheme): number => a.id - b.id
  return {
    quarterTickets: figures.quarterTickets,
    hasThemes: true,
    top: rows
      .filter((t) => t.tickets > 0)
      .sort((a, b) => b.tickets - a.tickets || byId(a, b))
      .slice(0, TOP_THEMES),
    risers: rows
      .filter((t) => delta(t) > 0)
      .sort((a, b) => delta(b) - delta(a) || byId(a, b))
      .slice(0, MOVERS),
    fallers: rows
      .filter((t) => delta(t) < 0)
      .sort((a, b) => delta(a) - delta(b) || byId(a, b))
      .slice(0, MOVERS)
  }
}

/**
 * Experiments concluded in the quarter: those whose last unit timestamp (`ended_at`, kept by the
 * importer) falls in it, analysed with the workspace's settings, in the order they ended.
 */
function concludedExperiments(db: Db, settings: AnalysisSettings, period: TimePeriod): ReportExperiments {
  const analysis = experimentSettings(settings)
  const ended = new Map(
    (
      prepared(
        db,
        'SELECT id, ended_at AS endedAt FROM experiments WHERE ended_at >= ? AND ended_at < ? ORDER BY ended_at, id'
      ).all(period.start, period.end) as Array<{ id: number; endedAt: number }>
    ).map((r) => [r.id, r.endedAt])
  )
  const undated = prepared(db, 'SELECT count(*) FROM experiments WHERE ended_at IS NULL')
    .pluck()
    .get() as number
  const concluded = ended.size === 0 ? [] : loadExperiments(db).filter((e) => ended.has(e.id))
  return {
    settings: analysis,
    undated,
    concluded: concluded
      .map((data): ReportExperiment => {
        const result = analyzeExperiment(data, analysis)
        const primary = result.metrics.find((m) => m.primary) ?? result.metrics[0]
        const comparison = primary?.comparisons.find((c) => c.decision === 'ship') ?? primary?.comparisons[0]
        return {
          id: data.id,
          key: data.key,
          name: data.name,
          endedOn: formatDay(zonedDay(ended.get(data.id)!, settings.timeZone)),
          units: result.cleaning.unitsAnalysed,
          metric: primary?.name ?? null,
          control: result.control,
          arm: comparison?.arm ?? null,
          decision: comparison?.decision ?? null,
          relLift: comparison?.relLift ?? null,
          relLiftCi95: comparison?.relLiftCi95 ?? null,
          reasonCode: comparison?.reasonCode ?? null,
          reasonParams: comparison?.reasonParams ?? null
        }
      })
      .sort((a, b) => a.endedOn.localeCompare(b.endedOn) || a.id - b.id)
  }
}
