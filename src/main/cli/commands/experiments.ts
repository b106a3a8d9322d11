import type { Comparison, ExperimentsReport } from '@shared/domain/experiments'
import { ExperimentsRequestSchema } from '@shared/domain/experiments'
import type { CliContext } from '../cli-io'
import { UsageError } from '../cli-io'
import { parseCommandArgs, requireString } from '../args'
import { EXIT_OK, formatCount, reportError } from '../output'
import { withWorkbench } from '../with-workbench'

export const EXPERIMENTS_USAGE = `Usage: loopbench experiments --workspace W [--alpha 0.05] [--min-lift 0.05]
                             [--min-lift-kind relative|absolute] [--json]

Every A/B test in the workspace: per arm and metric the rate or mean, each treatment against the
control (binary metrics: pooled z-test, or Fisher's exact test when an expected count is below 5;
numeric metrics: Welch's t-test), intervals of the difference and the lift, p-values adjusted
across the experiment's metrics and arms (Holm; Benjamini-Hochberg in the JSON), the Bayesian
chance to beat the control, the sample-ratio check, and a decision for the primary metric: ship
only when p < alpha, the lift is at least the minimum practical difference, and the split is
as intended. --alpha, --min-lift and --min-lift-kind override the workspace's settings for
this run. Per-unit rows are cleaned first: rows whose exposure contradicts their assignment are
dropped, then each unit keeps its first row.`

const NUMBER = /^(\d+\.?\d*|\.\d+)(e[-+]?\d+)?$/i

const pct = (x: number | null): string => (x === null ? '–' : `${(x * 100).toFixed(2)}%`)
const pText = (p: number | null): string => (p === null ? '–' : p < 0.001 ? '< 0.001' : p.toFixed(3))

function comparisonLine(c: Comparison, binary: boolean): string {
  const lift = c.relLift === null ? '' : `lift ${c.relLift >= 0 ? '+' : ''}${(c.relLift * 100).toFixed(1)}%`
  const diff =
    c.diff === null
      ? ''
      : binary
        ? `${c.diff >= 0 ? '+' : ''}${(c.diff * 100).toFixed(2)} pp`
        : `${c.diff >= 0 ? '+' : ''}${c.diff.toPrecision(4)}`
  const parts = [`vs control: ${diff}`, lift, `${c.test} p ${pText(c.pValue)}`, `adj. ${pText(c.pAdjusted)}`]
  if (c.pBeat !== null) parts.push(`P(beat) ${(c.pBeat * 100).toFixed(1)}%`)
  return parts.filter(Boolean).join(', ')
}

/** The report as text: one block per experiment. */
export function formatExperiments(r: ExperimentsReport): string {
  if (r.experiments.length === 0)
    return 'No experiments in this workspace. Import per-unit rows or a per-arm summary table.\n'
  const out: string[] = [
    `α = ${r.settings.alpha}; minimum practical lift ${r.settings.minLiftKind === 'relative' ? `${r.settings.minLift * 100}% relative` : `${r.settings.minLift * 100} percentage points`}`
  ]
  for (const e of r.experiments) {
    out.push('', `${e.name}  (control: ${e.control})`)
    const c = e.cleaning
    if (c.exposureMismatchDropped + c.duplicateUnitsDropped > 0)
      out.push(
        `  ${formatCount(c.rowsRead)} rows: ${formatCount(c.exposureMismatchDropped)} with an exposure that contradicts the assignment and ${formatCount(c.duplicateUnitsDropped)} repeated units dropped; ${formatCount(c.unitsAnalysed)} units analysed`
      )
    if (e.srm.flag)
      out.push(
        `  SAMPLE-RATIO MISMATCH: χ² ${e.srm.chi2?.toFixed(1)}, p ${pText(e.srm.p)} — the split is not the intended one`
      )
    for (const m of e.metrics) {
      const binary = m.kind === 'binary'
      out.push(`  ${m.name}${m.primary ? ' (primary)' : ''}`)
      for (const a of m.arms) {
        const value = binary
          ? `${formatCount(a.successes ?? 0)} / ${formatCount(a.n)} = ${pct(a.rate)}`
          : `mean ${a.mean?.toPrecision(5) ?? '–'} (sd ${a.sd?.toPrecision(4) ?? '–'}, n ${formatCount(a.n)})`
        const comparison = m.comparisons.find((x) => x.arm === a.name)
        out.push(
          `    ${a.name.padEnd(12)} ${value}${comparison ? `  ${comparisonLine(comparison, binary)}` : ''}`
        )
        if (comparison?.decision)
          out.push(`      → ${comparison.decision.replace(/_/g, ' ')}: ${comparison.reason ?? ''}`)
      }
    }
  }
  return out.join('\n') + '\n'
}

/** `loopbench experiments`. */
export async function runExperiments(argv: string[], ctx: CliContext): Promise<number> {
  const { io } = ctx
  let json = false
  try {
    const { values } = parseCommandArgs('experiments', argv, {
      workspace: { type: 'string', short: 'w' },
      alpha: { type: 'string' },
      'min-lift': { type: 'string' },
      'min-lift-kind': { type: 'string' },
      json: { type: 'boolean' },
      help: { type: 'boolean', short: 'h' }
    })
    json = values.json === true
    if (values.help) {
      io.stdout(EXPERIMENTS_USAGE + '\n')
      return EXIT_OK
    }
    const workspace = requireString('experiments', values, 'workspace')
    const number = (name: string): number | undefined => {
      const value = values[name]
      if (value === undefined) return undefined
      if (typeof value !== 'string' || !NUMBER.test(value))
        throw new UsageError(`experiments: --${name} must be a number`)
      return Number(value)
    }
    const alpha = number('alpha')
    const minLift = number('min-lift')
    const parsed = ExperimentsRequestSchema.safeParse({
      ...(alpha !== undefined ? { alpha } : {}),
      ...(minLift !== undefined ? { minLift } : {}),
      ...(values['min-lift-kind'] !== undefined ? { minLiftKind: values['min-lift-kind'] } : {})
    })
    if (!parsed.success) {
      const issue = parsed.error.issues[0]!
      const option = String(issue.path[0] ?? '').replace(/[A-Z]/g, (c) => `-${c.toLowerCase()}`)
      throw new UsageError(`experiments: --${option}: ${issue.message}`)
    }
    return await withWorkbench(ctx, workspace, { create: false }, async (workbench) => {
      const report = await workbench.handlers['experiments.list'](parsed.data)
      io.stdout(json ? JSON.stringify(report) + '\n' : formatExperiments(report))
      return EXIT_OK
    })
  } catch (error) {
    return reportError(io, error, json)
  }
}
