import { existsSync, readdirSync } from 'node:fs'
import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { runCli } from '../../../src/main/cli/cli'
import type { CliContext } from '../../../src/main/cli/cli-io'
import type { PowerResult } from '../../../src/shared/domain/experiments'
import { makeTempDir } from '../../helpers/temp-dir'
import { recordingIo } from '../../helpers/recording-io'
import type { RecordingIo } from '../../helpers/recording-io'
import { expectReference, referenceCases } from '../../helpers/stats-reference'

let dir: string
let cleanup: () => void
let io: RecordingIo
let ctx: CliContext

beforeEach(() => {
  ;({ dir, cleanup } = makeTempDir())
  io = recordingIo(dir, { LOOPBENCH_CONFIG_DIR: join(dir, 'config') })
  ctx = { io, paths: { staticDir: dir }, version: '4.5.6' }
})
afterEach(() => cleanup())

describe('loopbench power', () => {
  it.each(referenceCases('sample_size').map((c) => [c.id, c] as const))(
    '%s through the command line',
    async (_id, c) => {
      const input = c.input as {
        baseline: number
        mde: number
        mde_type: string
        alpha: number
        power: number
      }
      const argv = [
        'power',
        '--baseline',
        String(input.baseline),
        `--mde=${input.mde}`,
        '--mde-kind',
        input.mde_type
      ]
      argv.push('--alpha', String(input.alpha), '--power', String(input.power), '--json')
      expect(await runCli(argv, ctx)).toBe(0)
      const r = JSON.parse(io.out) as PowerResult
      expect(r.nPerArm).toBe(c.expected.n_per_arm_unpooled)
      expect(r.nPerArmCohenH).toBe(c.expected.n_per_arm_statsmodels_h)
      expect(r.total).toBe(c.expected.total_unpooled)
      expectReference(r.nPerArmRaw, c.expected.n_per_arm_unpooled_raw, c.tolerance, 'nPerArmRaw')
      expectReference(r.cohensH, c.expected.cohens_h, c.tolerance, 'cohensH')
    }
  )

  it('defaults to a relative effect, α 0.05 and power 0.8, and gives the days at a daily traffic', async () => {
    expect(await runCli(['power', '--baseline', '0.04', '--mde', '0.05', '--daily-units', '5000'], ctx)).toBe(
      0
    )
    expect(io.out).toMatch(
      /from 4\.00% to 4\.20% \(5% relative\) with α = 0\.05 \(two-sided\) and power 0\.8/
    )
    const units = /([\d,]+) units per arm, ([\d,]+) in all, ([\d,]+) days at 5,000 units a day/.exec(io.out)!
    const perArm = Number(units[1]!.replace(/,/g, ''))
    expect(Number(units[2]!.replace(/,/g, ''))).toBe(2 * perArm)
    expect(Number(units[3]!.replace(/,/g, ''))).toBe(Math.ceil((2 * perArm) / 5000))
  })

  it('refuses what is not a test it can size, with the option named, and writes nothing', async () => {
    for (const [argv, message] of [
      [['--baseline', '0.04'], /--baseline and --mde are required/],
      [['--baseline', 'four', '--mde', '0.05'], /--baseline must be a number/],
      [['--baseline', '1.2', '--mde', '0.05'], /--baseline/],
      [['--baseline', '0.04', '--mde', '0'], /--mde: The effect to detect cannot be 0/],
      [
        ['--baseline', '0.9', '--mde', '0.2', '--mde-kind', 'absolute'],
        /--mde: The baseline plus the effect/
      ],
      [['--baseline', '0.04', '--mde', '0.05', '--mde-kind', 'percent'], /--mde-kind/],
      [['--baseline', '0.04', '--mde', '0.05', '--power', '1'], /--power/]
    ] as const) {
      io.err = ''
      expect(await runCli(['power', ...argv], ctx), argv.join(' ')).toBe(2)
      expect(io.err).toMatch(message)
    }
    expect(existsSync(join(dir, 'config')) ? readdirSync(join(dir, 'config')) : []).toEqual([])
  })
})
