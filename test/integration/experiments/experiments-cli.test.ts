import { existsSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { runCli } from '../../../src/main/cli/cli'
import type { CliContext } from '../../../src/main/cli/cli-io'
import type { ExperimentResult, ExperimentsReport } from '../../../src/shared/domain/experiments'
import { sharedDataFile } from '../../helpers/shared-dir'
import { makeTempDir } from '../../helpers/temp-dir'
import { recordingIo } from '../../helpers/recording-io'
import type { RecordingIo } from '../../helpers/recording-io'
import { expectReference, referenceCases, referenceDatasets } from '../../helpers/stats-reference'
import type { ReferenceCase } from '../../helpers/stats-reference'

let dir: string
let cleanup: () => void
let io: RecordingIo
let ctx: CliContext
let workspace: string

beforeEach(() => {
  ;({ dir, cleanup } = makeTempDir())
  io = recordingIo(dir, { LOOPBENCH_CONFIG_DIR: join(dir, 'config') })
  ctx = { io, paths: { staticDir: dir }, version: '1.0.0' }
  workspace = join(dir, 'w.loopbench')
})
afterEach(() => cleanup())

async function run(...argv: string[]): Promise<void> {
  io.out = ''
  io.err = ''
  const code = await runCli(argv, ctx)
  expect(code, io.err).toBe(0)
}

async function experiments(...options: string[]): Promise<ExperimentsReport> {
  await run('experiments', '--workspace', workspace, '--json', ...options)
  return JSON.parse(io.out) as ExperimentsReport
}

const byName = (report: ExperimentsReport, name: string): ExperimentResult => {
  const found = report.experiments.find((e) => e.name === name)
  if (!found) throw new Error(`no experiment ${name}`)
  return found
}

type Arm = { successes: number; trials: number }

/** Per-arm summary rows of reference cases, one experiment per case, as a CSV export. */
function summaryCsv(
  rows: Array<[experiment: string, arm: string, units: number, successes: number, share?: number]>
): string {
  const path = join(dir, `summaries-${rows[0]![0]}.csv`)
  const lines = ['experiment,variant,users,conversions,intended_share']
  for (const [experiment, arm, units, successes, share] of rows)
    lines.push(`${experiment},${arm},${units},${successes},${share ?? ''}`)
  writeFileSync(path, lines.join('\n') + '\n')
  return path
}

const twoArms = (c: ReferenceCase): Array<[string, string, number, number]> => {
  const { control, treatment } = c.input as { control: Arm; treatment: Arm }
  return [
    [c.id, 'control', control.trials, control.successes],
    [c.id, 'treatment', treatment.trials, treatment.successes]
  ]
}

describe('loopbench experiments: the reference cases imported as per-arm summary tables', () => {
  it('two_proportion: every difference, lift, interval, z and p', async () => {
    const cases = referenceCases('two_proportion')
    await run('import', summaryCsv(cases.flatMap(twoArms)), '--workspace', workspace, '--json')
    const report = await experiments()
    for (const c of cases) {
      const comparison = byName(report, c.id).metrics[0]!.comparisons[0]!
      const e = c.expected
      const t = c.tolerance
      expectReference(comparison.diff, e.abs_diff, t, `${c.id}.diff`)
      expectReference(comparison.diffCi95, e.abs_diff_ci95, t, `${c.id}.diffCi95`)
      expectReference(comparison.relLift, e.relative_lift, t, `${c.id}.relLift`)
      expectReference(comparison.relLiftCi95, e.relative_lift_ci95_delta, t, `${c.id}.relLiftCi95`)
      expectReference(comparison.z, e.z, t, `${c.id}.z`)
      expectReference(comparison.pValueZ, e.p_two_sided, t, `${c.id}.pValueZ`)
      if (comparison.test === 'z') {
        expectReference(comparison.pValue, e.p_two_sided, t, `${c.id}.pValue`)
        expectReference(comparison.pValueOneSided, e.p_one_sided_greater, t, `${c.id}.pValueOneSided`)
      }
    }
    // Small expected counts switch to Fisher's exact test, and say so.
    expect(byName(report, 'two_proportion-03').metrics[0]!.comparisons[0]!.test).toBe('fisher')
  })

  it('practical_threshold: the ship rule and its reason code, with α and the minimum lift from the command line', async () => {
    const cases = referenceCases('practical_threshold')
    await run('import', summaryCsv(cases.flatMap(twoArms)), '--workspace', workspace, '--json')
    for (const c of cases) {
      const input = c.input as { alpha: number; min_relative_lift: number }
      const report = await experiments(
        '--alpha',
        String(input.alpha),
        '--min-lift',
        String(input.min_relative_lift)
      )
      expect(report.settings).toEqual({
        alpha: input.alpha,
        minLift: input.min_relative_lift,
        minLiftKind: 'relative',
        power: 0.8
      })
      const comparison = byName(report, c.id).metrics[0]!.comparisons[0]!
      expect(comparison.shipRule, c.id).toEqual({ ship: c.expected.ship, reasonCode: c.expected.reason })
      expectReference(comparison.relLift, c.expected.relative_lift, c.tolerance, `${c.id}.relLift`)
      // The verdict refines the rule: significant and worse keeps the control.
      const worse = (comparison.diff ?? 0) < 0
      const expected = {
        ship: ['ship'],
        below_min_lift: [worse ? 'keep_control' : 'below_threshold'],
        not_significant: ['inconclusive'],
        not_significant_and_below_min_lift: ['inconclusive']
      }[c.expected.reason as string]
      expect(expected, c.id).toContain(comparison.decision)
    }
  })

  it('srm: the sample-ratio check against the intended split', async () => {
    const cases = referenceCases('srm')
    const rows = cases.flatMap((c) => {
      const { counts, intended_split } = c.input as { counts: number[]; intended_split: number[] }
      const total = intended_split.reduce((a, b) => a + b, 0)
      return counts.map(
        (n, i) =>
          [c.id, i === 0 ? 'control' : `arm${i}`, n, 0, intended_split[i]! / total] as [
            string,
            string,
            number,
            number,
            number
          ]
      )
    })
    await run('import', summaryCsv(rows), '--workspace', workspace, '--json')
    const report = await experiments()
    for (const c of cases) {
      const srm = byName(report, c.id).srm
      expectReference(srm.chi2, c.expected.chi2, c.tolerance, `${c.id}.chi2`)
      expectReference(srm.p, c.expected.p, c.tolerance, `${c.id}.p`)
      expect(srm.flag, c.id).toBe(c.expected.srm_detected)
    }
  })
})

const AB_DATA = sharedDataFile('ab_data.csv')

describe('loopbench experiments: per-unit rows', () => {
  it('cleans exposure mismatches, then repeated units (first row kept), and reports the counts', async () => {
    const path = join(dir, 'units.csv')
    writeFileSync(
      path,
      [
        'user_id,timestamp,group,landing_page,converted',
        '1,2026-01-01 10:00:00,control,old_page,0',
        '2,2026-01-01 10:01:00,control,new_page,1', // contradicts its assignment
        '3,2026-01-01 10:02:00,treatment,new_page,1',
        '3,2026-01-01 10:03:00,treatment,new_page,0', // repeated unit: the first row counts
        '4,2026-01-01 10:04:00,treatment,old_page,1', // contradicts its assignment
        '5,2026-01-01 10:05:00,control,old_page,1',
        '6,2026-01-01 10:06:00,treatment,new_page,0'
      ].join('\n') + '\n'
    )
    await run('import', path, '--workspace', workspace, '--json')
    const e = (await experiments()).experiments[0]!
    expect(e.cleaning).toEqual({
      rowsRead: 7,
      exposureMismatchDropped: 2,
      duplicateUnitsDropped: 1,
      unitsAnalysed: 4
    })
    expect(e.metrics[0]!.arms.map((a) => [a.name, a.n, a.successes])).toEqual([
      ['control', 2, 1],
      ['treatment', 2, 1]
    ])
  })

  it.skipIf(!existsSync(AB_DATA))(
    'ab_data.csv from the shared data folder: the reference file’s cleaning counts and results, through import and the command line',
    async () => {
      const d = referenceDatasets('dataset_two_proportion')[0]!
      const e = d.expected as Record<string, unknown> & {
        control: { users: number; conversions: number }
        treatment: { users: number; conversions: number }
      }
      await run('import', AB_DATA, '--workspace', workspace, '--json')
      const experiment = (await experiments()).experiments[0]!
      expect(experiment.cleaning).toEqual({
        rowsRead: e.rows_raw,
        exposureMismatchDropped: e.rows_group_landing_mismatch_removed,
        duplicateUnitsDropped: e.duplicate_user_rows_removed,
        unitsAnalysed: e.rows_kept
      })
      const metric = experiment.metrics[0]!
      expect(metric.arms.map((a) => [a.name, a.n, a.successes])).toEqual([
        ['control', e.control.users, e.control.conversions],
        ['treatment', e.treatment.users, e.treatment.conversions]
      ])
      const c = metric.comparisons[0]!
      const check = (actual: unknown, key: string): void => expectReference(actual, e[key], d.tolerance, key)
      check(c.diff, 'abs_diff')
      check(c.relLift, 'relative_lift')
      check(c.z, 'z')
      check(c.pValue, 'p_two_sided')
      check(c.pValueZ, 'p_two_sided')
      check(c.pValueOneSided, 'p_one_sided_greater')
      check(c.diffCi95, 'abs_diff_ci95')
      check(c.relLiftCi95, 'relative_lift_ci95_delta')
      check(c.pBeat, 'prob_treatment_beats_control')
      check(experiment.srm.chi2, 'srm_chi2_50_50')
      check(experiment.srm.p, 'srm_p_50_50')
      expect(c.decision).toBe('inconclusive')
    },
    120_000
  )
})
