import { writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { dispatch } from '@shared/api/dispatch'
import type { ExperimentsReport } from '../../../src/shared/domain/experiments'
import type { Workbench } from '../../../src/main/core/composition-root'
import { createWorkbench } from '../../../src/main/core/composition-root'
import { runCli } from '../../../src/main/cli/cli'
import { makeTempDir } from '../../helpers/temp-dir'
import { recordingIo } from '../../helpers/recording-io'

let dir: string
let cleanup: () => void
let workbench: Workbench
let workspace: string

beforeEach(async () => {
  ;({ dir, cleanup } = makeTempDir())
  workspace = join(dir, 'w.loopbench')
  const csv = join(dir, 'arms.csv')
  writeFileSync(
    csv,
    'experiment,variant,users,conversions\nbanner,A,2000,200\nbanner,B,2000,250\nbanner,C,2000,190\n'
  )
  const io = recordingIo(dir, { LOOPBENCH_CONFIG_DIR: join(dir, 'config') })
  const code = await runCli(['import', csv, '--workspace', workspace, '--json'], {
    io,
    paths: { staticDir: dir },
    version: '1.0.0'
  })
  expect(code, io.err).toBe(0)
  workbench = await createWorkbench({
    host: {
      kind: 'web',
      capabilities: { switchWorkspace: false, nativeDialogs: false, upload: true },
      platform: 'test'
    },
    appVersion: '1.0.0',
    configDir: join(dir, 'config'),
    workspacePath: workspace,
    createIfMissing: true
  })
})
afterEach(() => {
  workbench.dispose()
  cleanup()
})

const list = async (args: Record<string, unknown> = {}): Promise<ExperimentsReport> => {
  const result = await dispatch(workbench.handlers, 'experiments.list', args)
  if (!result.ok) throw new Error(result.error.message)
  return result.value as ExperimentsReport
}

describe('experiments through the contract', () => {
  it('the control is detected by name, and can be changed to any arm', async () => {
    expect((await list()).experiments[0]!.control).toBe('A')
    const experimentId = (await list()).experiments[0]!.id
    expect(await dispatch(workbench.handlers, 'experiments.setControl', { experimentId, arm: 'C' })).toEqual({
      ok: true,
      value: null
    })
    const e = (await list()).experiments[0]!
    expect(e.control).toBe('C')
    expect(e.metrics[0]!.comparisons.map((c) => c.arm)).toEqual(['A', 'B'])
    expect(
      await dispatch(workbench.handlers, 'experiments.setControl', { experimentId, arm: 'Z' })
    ).toMatchObject({
      ok: false,
      error: { code: 'invalid_input', message: expect.stringMatching(/'Z' is not an arm.*A, B, C/) }
    })
    expect(
      await dispatch(workbench.handlers, 'experiments.setControl', { experimentId: 999, arm: 'A' })
    ).toMatchObject({
      ok: false,
      error: { code: 'not_found' }
    })
  })

  it('settings apply, and overrides are validated', async () => {
    await dispatch(workbench.handlers, 'settings.update', {
      patch: { minPracticalLift: 0.5, experimentPower: 0.9 }
    })
    expect((await list()).settings).toEqual({
      alpha: 0.05,
      minLift: 0.5,
      minLiftKind: 'relative',
      power: 0.9
    })
    expect((await list({ alpha: 0.01 })).settings.alpha).toBe(0.01)
    for (const args of [
      { alpha: 0 },
      { minLift: -1 },
      { minLiftKind: 'percent' },
      { power: 1 },
      { extra: 1 }
    ]) {
      expect(
        await dispatch(workbench.handlers, 'experiments.list', args),
        JSON.stringify(args)
      ).toMatchObject({
        ok: false,
        error: { code: 'invalid_input' }
      })
    }
  })
})
