import type { ChangeTest, CsatSummary, MetricsReport, NpsSummary } from '@shared/domain/metrics'
import { MetricsRequestSchema } from '@shared/domain/metrics'
import type { CliContext } from '../cli-io'
import { UsageError } from '../cli-io'
import { parseCommandArgs, requireString } from '../args'
import { EXIT_OK, formatCount, reportError } from '../output'
import { withWorkbench } from '../with-workbench'

export const METRICS_USAGE = `Usage: loopbench metrics --workspace W [--by month|quarter|week|channel|SEGMENT]
                         [--from YYYY-MM-DD] [--to YYYY-MM-DD] [--json]

CSAT and NPS over a date range (days in the workspace's time zone, both ends included; by
default the span of the survey responses), overall and by period or segment. Each period is
compared with the period before it, each segment with all other responses in the range; p-values
are adjusted across the comparisons shown (Holm; Benjamini-Hochberg in the JSON). Quarters are
fiscal (FY2027-Q2) when the workspace sets a fiscal year start. Default grouping: month.

--json prints {"overall":{"csat","nps"},"groups":[{"key","csat","nps","change"}],...}: shares as
fractions 0-1, NPS in points, ci95 unclipped and ci95Clipped within -100..100; a missing value,
interval or test is null with a "reason" (no_responses, single_response, too_few_responses,
no_variation).`

/** `loopbench metrics`. */
export async function runMetrics(argv: string[], ctx: CliContext): Promise<number> {
  const { io } = ctx
  let json = false
  try {
    const { values } = parseCommandArgs('metrics', argv, {
      workspace: { type: 'string', short: 'w' },
      by: { type: 'string' },
      from: { type: 'string' },
      to: { type: 'string' },
      json: { type: 'boolean' },
      help: { type: 'boolean', short: 'h' }
    })
    json = values.json === true
    if (values.help) {
      io.stdout(METRICS_USAGE + '\n')
      return EXIT_OK
    }
    const workspace = requireString('metrics', values, 'workspace')
    const parsed = MetricsRequestSchema.safeParse({
      ...(typeof values.by === 'string' ? { by: values.by } : {}),
      ...(typeof values.from === 'string' ? { from: values.from } : {}),
      ...(typeof values.to === 'string' ? { to: values.to } : {})
    })
    if (!parsed.success) {
      const issue = parsed.error.issues[0]!
      throw new UsageError(`metrics: --${String(issue.path[0] ?? 'by')}: ${issue.message}`)
    }
    return await withWorkbench(ctx, workspace, { create: false }, async (workbench) => {
      const report = await workbench.handlers['metrics.report'](parsed.data)
      io.stdout(json ? JSON.stringify(report) + '\n' : formatReport(report))
      return EXIT_OK
    })
  } catch (error) {
    return reportError(io, error, json)
  }
}

const REASONS: Readonly<Record<string, string>> = {
  no_responses: 'no responses',
  single_response: 'one response',
  too_few_responses: 'too few responses',
  no_variation: 'no variation'
}

const percent = (share: number): string => `${(share * 100).toFixed(1)}%`
const points = (value: number): string =>
  `${value > 0 ? '+' : value < 0 ? '−' : ''}${Math.abs(value).toFixed(1)}`
const pValue = (p: number): string => (p < 0.001 ? '< 0.001' : p.toFixed(3))

function csatText(s: CsatSummary): string {
  if (s.value === null) return 'no responses'
  const ci = s.ci95 ? ` (${percent(s.ci95[0])}–${percent(s.ci95[1])})` : ''
  return `${percent(s.value)}${ci}`
}

function npsText(s: NpsSummary): string {
  if (s.value === null) return 'no responses'
  const ci = s.ci95Clipped ? ` (${points(s.ci95Clipped[0])} to ${points(s.ci95Clipped[1])})` : ''
  return `${points(s.value)}${ci}`
}

function changeText(t: ChangeTest | null, against: string | null, scale: number, unit: string): string {
  if (!t) return ''
  if (t.diff === null) return `${against ? `${against}: ` : ''}${REASONS[t.reason ?? ''] ?? ''}`
  const diff = `${points(t.diff * scale)} ${unit}`
  if (t.p === null || t.pAdjusted === null) return `${diff}, ${REASONS[t.reason ?? ''] ?? 'not tested'}`
  return `${diff}, p ${pValue(t.p)}, adj. ${pValue(t.pAdjusted)}${t.significant ? ' *' : ''}`
}

/** The report as aligned text: one row per group, significant changes starred. */
export function formatReport(r: MetricsReport): string {
  const lines: string[] = []
  const range = r.from ? `${r.from} to ${r.to} (${r.timeZone})` : 'no survey responses'
  lines.push(`CSAT and NPS, ${range}, by ${r.by}`)
  lines.push(
    `CSAT: share scoring ${r.settings.csatSatisfiedThreshold} or more of ${r.settings.csatScaleMax}; ` +
      `95% intervals; * significant at α = ${r.settings.significanceLevel} after Holm adjustment`
  )
  lines.push('')
  const header = ['', 'CSAT n', 'CSAT', 'CSAT change', 'NPS n', 'NPS', 'NPS change']
  const rows = [
    [
      'Overall',
      formatCount(r.overall.csat.n),
      csatText(r.overall.csat),
      '',
      formatCount(r.overall.nps.n),
      npsText(r.overall.nps),
      ''
    ],
    ...r.groups.map((g) => [
      g.key ?? '(not set)',
      formatCount(g.csat.n),
      csatText(g.csat),
      changeText(g.change.csat, g.change.against, 100, 'pts'),
      formatCount(g.nps.n),
      npsText(g.nps),
      changeText(g.change.nps, g.change.against, 1, 'pts')
    ])
  ]
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((row) => row[i]!.length)))
  const line = (cells: string[]): string =>
    cells
      .map((c, i) => (i === 1 || i === 4 ? c.padStart(widths[i]!) : c.padEnd(widths[i]!)))
      .join('  ')
      .trimEnd()
  lines.push(line(header))
  for (const row of rows) lines.push(line(row))
  if (r.kind === 'time') lines.push('', 'Each period is compared with the period before it.')
  else lines.push('', 'Each group is compared with all other responses in the range.')
  return lines.join('\n') + '\n'
}
