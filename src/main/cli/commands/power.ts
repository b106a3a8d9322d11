import { PowerRequestSchema } from '@shared/domain/experiments'
import type { CliContext } from '../cli-io'
import { UsageError } from '../cli-io'
import { parseCommandArgs } from '../args'
import { EXIT_OK, formatCount, reportError } from '../output'
import { withoutWorkspace } from '../with-workbench'

export const POWER_USAGE = `Usage: loopbench power --baseline RATE --mde EFFECT [--mde-kind relative|absolute]
                       [--alpha 0.05] [--power 0.8] [--daily-units N] [--json]

Units per arm an A/B test of a binary metric (click-through, conversion) needs to detect an
effect: two arms, equal split, two-sided test. --baseline is the control rate (0.04 for 4%);
--mde is the effect, a share of the baseline by default (0.05 for a 5% relative lift) or, with
--mde-kind absolute, a difference of rates (0.01 for one percentage point); a decrease is
written --mde=-0.03. With --daily-units
(units entering the test per day, all arms) it also gives the days the test must run.

--json prints {"nPerArm","nPerArmCohenH","total","days",...}: nPerArm from the classic
unpooled-variance formula, nPerArmCohenH as statsmodels' NormalIndPower computes it from
Cohen's h.`

const NUMBER = /^[-+]?(\d+\.?\d*|\.\d+)(e[-+]?\d+)?$/i

function numberOption(values: Record<string, unknown>, name: string): number | undefined {
  const value = values[name]
  if (value === undefined) return undefined
  if (typeof value !== 'string' || !NUMBER.test(value.trim())) {
    throw new UsageError(`power: --${name} must be a number, got '${String(value)}'`)
  }
  return Number(value)
}

/** `loopbench power`. */
export async function runPower(argv: string[], ctx: CliContext): Promise<number> {
  const { io } = ctx
  let json = false
  try {
    const { values } = parseCommandArgs('power', argv, {
      baseline: { type: 'string' },
      mde: { type: 'string' },
      'mde-kind': { type: 'string' },
      alpha: { type: 'string' },
      power: { type: 'string' },
      'daily-units': { type: 'string' },
      json: { type: 'boolean' },
      help: { type: 'boolean', short: 'h' }
    })
    json = values.json === true
    if (values.help) {
      io.stdout(POWER_USAGE + '\n')
      return EXIT_OK
    }
    const baseline = numberOption(values, 'baseline')
    const mde = numberOption(values, 'mde')
    if (baseline === undefined || mde === undefined)
      throw new UsageError('power: --baseline and --mde are required')
    const parsed = PowerRequestSchema.safeParse({
      baseline,
      mde,
      ...(values['mde-kind'] !== undefined ? { mdeKind: values['mde-kind'] } : {}),
      ...(values.alpha !== undefined ? { alpha: numberOption(values, 'alpha') } : {}),
      ...(values.power !== undefined ? { power: numberOption(values, 'power') } : {}),
      ...(values['daily-units'] !== undefined ? { dailyUnits: numberOption(values, 'daily-units') } : {})
    })
    if (!parsed.success) {
      const issue = parsed.error.issues[0]!
      const option = String(issue.path[0] ?? 'mde').replace(/[A-Z]/g, (c) => `-${c.toLowerCase()}`)
      throw new UsageError(`power: --${option}: ${issue.message}`)
    }
    return await withoutWorkspace(ctx, async (workbench) => {
      const r = await workbench.handlers['experiments.power'](parsed.data)
      if (json) {
        io.stdout(JSON.stringify(r) + '\n')
        return EXIT_OK
      }
      const effect =
        r.mdeKind === 'relative'
          ? `${(r.mde * 100).toFixed(2).replace(/\.?0+$/, '')}% relative`
          : `${(r.mde * 100).toFixed(2).replace(/\.?0+$/, '')} percentage points`
      io.stdout(
        `To detect a change from ${(r.baseline * 100).toFixed(2)}% to ${(r.treatmentRate * 100).toFixed(2)}% (${effect}) ` +
          `with α = ${r.alpha} (two-sided) and power ${r.power}:\n` +
          `  ${formatCount(r.nPerArm)} units per arm, ${formatCount(r.total)} in all` +
          (r.days !== null
            ? `, ${formatCount(r.days)} days at ${formatCount(parsed.data.dailyUnits!)} units a day`
            : '') +
          `\n  (${formatCount(r.nPerArmCohenH)} per arm by Cohen's h, as statsmodels computes it)\n`
      )
      return EXIT_OK
    })
  } catch (error) {
    return reportError(io, error, json)
  }
}
