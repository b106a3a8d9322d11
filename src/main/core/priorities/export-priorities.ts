import { toCsv } from '@shared/csv'
import type { PriorityFormat, PriorityList, PriorityRow } from '@shared/domain/priorities'

/**
 * The priority list as a file: Markdown for a planning document, CSV for a spreadsheet (UTF-8
 * with BOM so Excel reads Chinese titles; cells a spreadsheet would run as formulas neutralised),
 * JSON (the documented shape), and a CSV that Jira's and Linear's CSV importers read as issues.
 */
export function exportPriorities(list: PriorityList, format: PriorityFormat): string {
  switch (format) {
    case 'json':
      return `${JSON.stringify(priorityJson(list), null, 2)}\n`
    case 'md':
      return markdown(list)
    case 'csv':
      return spreadsheet(list)
    case 'jira-csv':
      return issuesCsv(list)
  }
}

/** Rounded for output; ranking used the exact values. */
const round = (x: number, digits = 3): number => {
  const f = 10 ** digits
  return Math.round(x * f) / f
}

/** The documented JSON of `loopbench priorities --format json`. */
export function priorityJson(list: PriorityList): unknown {
  return {
    quarter: list.quarter,
    previousQuarter: list.previousQuarter,
    formula: list.formula,
    constants: list.constants,
    frozenAt: list.frozenAt === null ? null : new Date(list.frozenAt).toISOString(),
    items: list.items.map((r) => ({
      rank: r.rank,
      id: r.id,
      title: r.title,
      themes: r.themes,
      score: round(r.score),
      components: {
        reach: r.components.reach,
        impact: round(r.components.impact),
        confidence: r.components.confidence,
        effort: r.components.effort,
        trend: {
          ...r.components.trend,
          change: r.components.trend.change === null ? null : round(r.components.trend.change, 4)
        },
        evidence: r.components.evidence.map((e) => ({
          ...e,
          relLift: e.relLift === null ? null : round(e.relLift, 4),
          relLiftCi95: e.relLiftCi95 ? [round(e.relLiftCi95[0], 4), round(e.relLiftCi95[1], 4)] : null
        }))
      },
      severity: {
        ...r.severity,
        csatDiff: nullableRound(r.severity.csatDiff, 4),
        csatDiffCi95: intervalRound(r.severity.csatDiffCi95, 4),
        npsDiff: nullableRound(r.severity.npsDiff, 2),
        npsDiffCi95: intervalRound(r.severity.npsDiffCi95, 2),
        drag: nullableRound(r.severity.drag, 2),
        growthFactor: round(r.severity.growthFactor, 4)
      },
      tickets: r.tickets,
      share: round(r.share, 4),
      impactKnown: r.impactKnown,
      effortSet: r.effortSet,
      status: r.status,
      owner: r.owner,
      note: r.note,
      override: r.override,
      previousRank: r.previousRank,
      change: r.change
    }))
  }
}

const nullableRound = (x: number | null, digits: number): number | null =>
  x === null ? null : round(x, digits)
const intervalRound = (ci: readonly [number, number] | null, digits: number): [number, number] | null =>
  ci ? [round(ci[0], digits), round(ci[1], digits)] : null

const STATUS_TEXT: Record<PriorityRow['status'], string> = {
  new: 'new',
  planned: 'planned',
  in_progress: 'in progress',
  shipped: 'shipped',
  wont_do: "won't do"
}

function trendText(r: PriorityRow): string {
  const t = r.components.trend
  if (t.new) return 'new'
  if (t.change === null) return '–'
  return `${t.change >= 0 ? '+' : ''}${Math.round(t.change * 100)}%`
}

function impactText(r: PriorityRow): string {
  const base = `${round(r.components.impact, 2)}`
  return r.impactKnown ? base : `${base} (impact unknown)`
}

function effortText(r: PriorityRow): string {
  if (!r.effortSet) return `${r.components.effort} (effort not set)`
  return r.effortSize ? `${r.components.effort} (${r.effortSize})` : `${r.components.effort}`
}

function movementText(r: PriorityRow): string {
  if (r.change === 'resolved') return r.previousRank === null ? 'resolved' : `resolved (was ${r.previousRank})`
  if (r.previousRank === null) return r.change === 'new' && r.tickets > 0 ? 'new on the list' : '–'
  const d = r.previousRank - r.rank
  return d === 0 ? `= ${r.previousRank}` : d > 0 ? `↑ from ${r.previousRank}` : `↓ from ${r.previousRank}`
}

/** Markdown cells: pipes and line breaks would break the table. */
const md = (text: string): string => text.replace(/\|/g, '\\|').replace(/\r?\n/g, ' ')

function markdown(list: PriorityList): string {
  const lines = [
    `# Feature priorities, ${list.quarter ?? 'no tickets yet'}`,
    '',
    ...(list.frozenAt === null ? [] : [`Frozen ${new Date(list.frozenAt).toISOString().slice(0, 10)}.`, '']),
    `Formula: ${list.formula}.`,
    '',
    '| rank | item | score | reach | impact | confidence | effort (person-weeks) | trend | evidence | status | vs previous quarter |',
    '| ---: | --- | ---: | ---: | ---: | ---: | ---: | --- | --- | --- | --- |'
  ]
  for (const r of list.items) {
    const evidence = r.components.evidence.map((e) => `${e.key}: ${e.decision ?? 'no result'}`).join('; ')
    const override = r.override
      ? ` (rank set by hand: ${r.override.note}${r.override.conflict ? '; conflict' : ''})`
      : ''
    lines.push(
      `| ${r.rank} | ${md(r.title)}${md(override)} | ${round(r.score, 1)} | ${r.components.reach} | ${impactText(r)} | ${r.components.confidence} | ${effortText(r)} | ${trendText(r)} | ${md(evidence) || '–'} | ${STATUS_TEXT[r.status]} | ${movementText(r)} |`
    )
  }
  return `${lines.join('\n')}\n`
}

function spreadsheet(list: PriorityList): string {
  const columns = [
    'rank',
    'id',
    'title',
    'score',
    'reach',
    'impact',
    'impact_known',
    'confidence',
    'effort_weeks',
    'effort_set',
    'tickets',
    'share',
    'previous_quarter_tickets',
    'change',
    'new',
    'csat_diff',
    'nps_diff',
    'evidence',
    'status',
    'owner',
    'note',
    'override_rank',
    'override_note',
    'previous_rank',
    'vs_previous',
    'themes'
  ]
  const rows = list.items.map((r) => [
    r.rank,
    r.id,
    r.title,
    round(r.score),
    r.components.reach,
    round(r.components.impact),
    String(r.impactKnown),
    r.components.confidence,
    r.components.effort,
    String(r.effortSet),
    r.tickets,
    round(r.share, 4),
    r.components.trend.previousQuarter,
    r.components.trend.change === null ? null : round(r.components.trend.change, 4),
    String(r.components.trend.new),
    nullableRound(r.severity.csatDiff, 4),
    nullableRound(r.severity.npsDiff, 2),
    r.components.evidence.map((e) => `${e.key}: ${e.decision ?? 'no result'}`).join('; '),
    r.status,
    r.owner,
    r.note,
    r.override?.rank ?? null,
    r.override?.note ?? null,
    r.previousRank,
    r.change,
    r.themes.join(' ')
  ])
  return toCsv(columns, rows)
}

/**
 * Issues for Jira's CSV import (Summary, Issue Type, Priority, Description, Labels) — Linear's
 * importer reads the same columns (Title from Summary, Description, Priority, Labels).
 */
function issuesCsv(list: PriorityList): string {
  const priority = (rank: number): string => (rank <= 3 ? 'High' : rank <= 10 ? 'Medium' : 'Low')
  const rows = list.items.map((r) => [
    r.title,
    'Story',
    priority(r.rank),
    [
      `Rank ${r.rank} on the ${list.quarter ?? ''} feature-priority list (score ${round(r.score, 1)}).`,
      `Reach: ${r.components.reach} customers; ${r.tickets} tickets (${round(r.share * 100, 1)}% of the quarter); trend ${trendText(r)}.`,
      `Impact ${impactText(r)}; confidence ${r.components.confidence}; effort ${effortText(r)}.`,
      r.note ? `Note: ${r.note}` : ''
    ]
      .filter(Boolean)
      .join('\n'),
    `loopbench ${list.quarter ?? ''}`.trim().replace(/\s+/g, '-')
  ])
  return toCsv(['Summary', 'Issue Type', 'Priority', 'Description', 'Labels'], rows)
}
