import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { dispatch } from '@shared/api/dispatch'
import type { Workbench } from '../../../src/main/core/composition-root'
import { createWorkbench } from '../../../src/main/core/composition-root'
import { makeTempDir } from '../../helpers/temp-dir'

let dir: string
let cleanup: () => void
let workbench: Workbench | null = null

beforeEach(() => ({ dir, cleanup } = makeTempDir()))
afterEach(() => {
  workbench?.dispose()
  workbench = null
  cleanup()
})

async function start(withWorkspace: boolean): Promise<Workbench> {
  workbench = await createWorkbench({
    host: {
      kind: 'web',
      capabilities: { switchWorkspace: false, nativeDialogs: false, upload: true },
      platform: 'test'
    },
    appVersion: '1.0.0',
    configDir: join(dir, 'config'),
    ...(withWorkspace ? { workspacePath: join(dir, 'w.loopbench'), createIfMissing: true } : {})
  })
  return workbench
}

describe('the metrics methods of the contract', () => {
  it('validate every input before anything runs', async () => {
    const w = await start(true)
    for (const [method, args] of [
      ['metrics.report', { by: 'month', from: '2026-13-01' }],
      ['metrics.report', { from: '2026-09-01', to: '2026-08-01' }],
      ['metrics.report', { by: '' }],
      ['metrics.report', { by: 'month', limit: 5 }],
      ['metrics.comments', { npsScore: 11 }],
      ['metrics.comments', { limit: 100000 }],
      ['metrics.comments', { npsBand: 'fans' }],
      ['metrics.plan', { metric: 'nps' }],
      ['metrics.plan', { metric: 'nps', n: 100, margin: 5 }],
      ['metrics.plan', { metric: 'csat', margin: 3 }],
      ['metrics.plan', { metric: 'nps', n: 100, promoters: 0.7, detractors: 0.6 }]
    ] as const) {
      expect(await dispatch(w.handlers, method, args), `${method} ${JSON.stringify(args)}`).toMatchObject({
        ok: false,
        error: { code: 'invalid_input' }
      })
    }
  })

  it('need a workspace for the report and comments, not for planning', async () => {
    const w = await start(false)
    expect(await dispatch(w.handlers, 'metrics.report', {})).toMatchObject({
      ok: false,
      error: { code: 'no_workspace' }
    })
    expect(await dispatch(w.handlers, 'metrics.plan', { metric: 'nps', margin: 5 })).toEqual({
      ok: true,
      value: { metric: 'nps', n: 1537, margin: expect.closeTo(4.99932, 5), assumption: 'worst_case' }
    })
  })

  it('plan: the margin with n responses and the responses a margin needs, for a given mix', async () => {
    const w = await start(false)
    const plan = async (args: Record<string, unknown>) => {
      const result = await dispatch(w.handlers, 'metrics.plan', args)
      if (!result.ok) throw new Error(result.error.message)
      return result.value as { n: number; margin: number; assumption: string }
    }
    // ±100·1.96/√1000 ≈ ±6.2 points in the worst case.
    expect((await plan({ metric: 'nps', n: 1000 })).margin).toBeCloseTo(6.198, 3)
    const mix = { promoters: 0.45, detractors: 0.2 }
    const needed = await plan({ metric: 'nps', margin: 5, ...mix })
    expect(needed.assumption).toBe('given')
    expect((await plan({ metric: 'nps', n: needed.n, ...mix })).margin).toBeLessThanOrEqual(5)
    expect((await plan({ metric: 'nps', n: needed.n - 1, ...mix })).margin).toBeGreaterThan(5)
    expect(await plan({ metric: 'csat', margin: 0.03 })).toMatchObject({ n: 1068, assumption: 'worst_case' })
  })

  it('answer an empty workspace with defined values', async () => {
    const w = await start(true)
    const result = await dispatch(w.handlers, 'metrics.report', { by: 'quarter' })
    expect(result).toMatchObject({
      ok: true,
      value: { overall: { nps: { n: 0, value: null, reason: 'no_responses' } }, groups: [] }
    })
    expect(await dispatch(w.handlers, 'metrics.comments', {})).toEqual({
      ok: true,
      value: { total: 0, rows: [] }
    })
  })
})
