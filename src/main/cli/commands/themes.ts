import { writeFileSync } from 'node:fs'
import { resolve } from 'node:path'
import { ApiError } from '@shared/api/errors'
import type { JobInfo } from '@shared/domain/jobs'
import type { ThemesOverview, ThemeSummary } from '@shared/domain/themes'
import { THEME_GRANULARITIES } from '@shared/domain/themes'
import type { Workbench } from '../../core/composition-root'
import type { CliContext } from '../cli-io'
import { UsageError } from '../cli-io'
import { parseCommandArgs, requireString } from '../args'
import { EXIT_OK, formatCount, reportError } from '../output'
import { withWorkbench } from '../with-workbench'

export const THEMES_USAGE = `Usage: loopbench themes --workspace W [--rerun] [--granularity coarse|normal|fine]
                        [--quarter 2026-Q3] [--json] [--assignments FILE.csv]

The complaint themes of the workspace's tickets, ranked by volume, with their share, the change
against the previous quarter and their impact on satisfaction (CSAT and NPS of surveyed customers
who raised the theme minus those who did not, with 95% intervals). The first call finds the
themes; later calls show them, after giving tickets imported since a theme; --rerun (or a new
--granularity) finds them again, keeping names, merges, splits, exclusions and pins.
--assignments writes ticket_id,theme_id for every ticket (the other bucket has its own id).
--model (a local ONNX sentence-embedding model) is not supported in this version.`

/** Waits for a job to end; rejects with its error when it failed or was cancelled. */
function awaitJob(workbench: Workbench, id: string): Promise<JobInfo> {
  return new Promise((resolvePromise, reject) => {
    const check = (job: JobInfo): boolean => {
      if (job.id !== id || job.state === 'running' || job.state === 'queued') return false
      unsubscribe()
      if (job.state === 'succeeded') resolvePromise(job)
      else
        reject(job.error ? ApiError.fromData(job.error) : new ApiError('job_failed', `${job.title} failed.`))
      return true
    }
    const unsubscribe = workbench.subscribe((event) => {
      if (event.type === 'job.updated') check(event.job)
    })
    // A job that ended before the subscription: its final state is in the list.
    void Promise.resolve(workbench.handlers['jobs.list']({})).then((jobs) => {
      for (const job of jobs) if (check(job)) return
    }, reject)
  })
}

const pct = (x: number): string => `${(x * 100).toFixed(1)}%`
const signed = (x: number, digits: number): string => `${x >= 0 ? '+' : ''}${x.toFixed(digits)}`

function changeText(t: ThemeSummary): string {
  if (t.trend.change === null) return t.trend.currentQuarter > 0 ? 'new' : '–'
  return `${signed(t.trend.change * 100, 0)}%`
}

function impactText(t: ThemeSummary): string {
  const i = t.impact
  if (i.source === 'unknown' || i.csatDiff === null) return 'unknown'
  const ci = i.csatDiffCi95
    ? ` [${signed(i.csatDiffCi95[0] * 100, 1)}, ${signed(i.csatDiffCi95[1] * 100, 1)}]`
    : ''
  return `CSAT ${signed(i.csatDiff * 100, 1)} pp${ci}${i.npsDiff !== null ? `, NPS ${signed(i.npsDiff, 1)}` : ''}`
}

/** The overview as text: one line per theme. */
export function formatThemes(o: ThemesOverview): string {
  if (o.themes.length === 0) return 'No themes yet. Import tickets, then run `loopbench themes` again.\n'
  const out = [
    `${formatCount(o.totalTickets)} tickets; quarter ${o.quarter ?? '–'} against ${o.previousQuarter ?? '–'}`,
    ''
  ]
  const width = Math.min(48, Math.max(...o.themes.map((t) => t.label.length)))
  for (const t of o.themes) {
    const flags = [
      t.pinned ? 'pinned' : '',
      t.status === 'excluded' ? 'excluded' : '',
      t.kind === 'rule' ? 'rule' : ''
    ]
      .filter(Boolean)
      .join(', ')
    const label = t.kind === 'other' ? '(other)' : t.label
    out.push(
      `${String(t.id).padStart(5)}  ${label.slice(0, width).padEnd(width)}  ${formatCount(t.size).padStart(7)}  ${pct(t.share).padStart(6)}  ${changeText(t).padStart(6)}  ${impactText(t)}${flags ? `  (${flags})` : ''}`
    )
  }
  return out.join('\n') + '\n'
}

/** The documented JSON shape. */
function themesJson(o: ThemesOverview): unknown {
  return {
    quarter: o.quarter,
    previousQuarter: o.previousQuarter,
    totalTickets: o.totalTickets,
    themes: o.themes.map((t) => ({
      id: t.id,
      label: t.label,
      kind: t.kind,
      status: t.status,
      pinned: t.pinned,
      terms: t.terms,
      size: t.size,
      share: t.share,
      trend: t.trend,
      impact: {
        source: t.impact.source,
        csatDiff: t.impact.csatDiff,
        csatDiffCi95: t.impact.csatDiffCi95,
        npsDiff: t.impact.npsDiff,
        npsDiffCi95: t.impact.npsDiffCi95,
        n: t.impact.n
      },
      examples: t.examples
    }))
  }
}

const csvField = (s: string): string => (/[",\n\r]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s)

/** `loopbench themes`. */
export async function runThemes(argv: string[], ctx: CliContext): Promise<number> {
  const { io } = ctx
  let json = false
  try {
    const { values } = parseCommandArgs('themes', argv, {
      workspace: { type: 'string', short: 'w' },
      rerun: { type: 'boolean' },
      granularity: { type: 'string' },
      quarter: { type: 'string' },
      model: { type: 'string' },
      assignments: { type: 'string' },
      json: { type: 'boolean' },
      help: { type: 'boolean', short: 'h' }
    })
    json = values.json === true
    if (values.help) {
      io.stdout(THEMES_USAGE + '\n')
      return EXIT_OK
    }
    const workspace = requireString('themes', values, 'workspace')
    const granularity = values.granularity
    if (granularity !== undefined && !(THEME_GRANULARITIES as readonly unknown[]).includes(granularity))
      throw new UsageError('themes: --granularity must be coarse, normal or fine')
    if (values.model !== undefined)
      throw new UsageError(
        'themes: --model (a local ONNX embedding model) is not supported in this version; themes are found from the tickets alone'
      )
    const quarter = typeof values.quarter === 'string' ? values.quarter : undefined
    return await withWorkbench(ctx, workspace, { create: false }, async (workbench) => {
      const h = workbench.handlers
      const before = await h['themes.list']({})
      const rerun = values.rerun === true || granularity !== undefined || before.run === null
      if (rerun) {
        const { jobId } = await h['themes.run']({
          ...(granularity !== undefined ? { granularity: granularity as 'coarse' } : {})
        })
        if (!json) io.stderr('Finding themes…\n')
        await awaitJob(workbench, jobId)
      } else if (before.unassigned > 0) {
        const { jobId } = await h['themes.run']({ newTicketsOnly: true })
        await awaitJob(workbench, jobId)
      }
      const overview = await h['themes.list'](quarter !== undefined ? { quarter } : {})
      if (typeof values.assignments === 'string') {
        const rows = await h['themes.assignments']({})
        const lines = ['ticket_id,theme_id', ...rows.map((r) => `${csvField(r.ticketId)},${r.themeId ?? ''}`)]
        writeFileSync(resolve(io.cwd, values.assignments), lines.join('\n') + '\n', 'utf8')
      }
      io.stdout(json ? JSON.stringify(themesJson(overview)) + '\n' : formatThemes(overview))
      return EXIT_OK
    })
  } catch (error) {
    return reportError(io, error, json)
  }
}
