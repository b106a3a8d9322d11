import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest'
import { runCli } from '../../../src/main/cli/cli'
import { buildDemoWorkspace } from '../../../src/main/core/demo/build-demo'
import { loadDemoManifest } from '../../../src/main/core/demo/manifest'
import { cliContext } from '../../helpers/recording-io'
import { makeTempDir } from '../../helpers/temp-dir'
import type { PriorityRow } from '../../../src/shared/domain/priorities'

/**
 * The end of the loop on the demo: after the first themes run, with the themes grouped under the
 * demo's priority items by their titles (`loopbench demo --themes`), the quarter's list ranks the
 * complaints the manifest says are rising or new near the top, and says why. The manifest is read
 * here only to score the result: the product never sees it.
 */

// Building the demo with its themes takes about 80 s here; generous for a loaded CI machine.
vi.setConfig({ testTimeout: 600_000, hookTimeout: 600_000 })

let dir: string
let cleanup: () => void
let path: string

beforeAll(async () => {
  ;({ dir, cleanup } = makeTempDir('loopbench-demo-priorities-'))
  path = join(dir, 'demo.loopbench')
  await buildDemoWorkspace(path, { themes: true, now: () => Date.UTC(2026, 10, 20, 12) })
})
afterAll(() => cleanup?.())

async function prioritiesJson(): Promise<string> {
  const { io, ctx } = cliContext(dir)
  const code = await runCli(
    ['priorities', '--workspace', path, '--quarter', '2026-Q3', '--format', 'json'],
    ctx
  )
  expect(io.err).toBe('')
  expect(code).toBe(0)
  return io.out
}

describe('the demo workspace with its themes', () => {
  it('ranks the rising and new complaint topics in the top five of 2026-Q3, with components that say why', async () => {
    const first = await prioritiesJson()
    expect(await prioritiesJson()).toBe(first)
    const list = JSON.parse(first) as { quarter: string; items: PriorityRow[] }
    expect(list.quarter).toBe('2026-Q3')

    const rising = loadDemoManifest().topics.filter(
      (t) => t.effort && (t.trend === 'rising' || t.trend === 'new')
    )
    expect(rising.length).toBeGreaterThanOrEqual(3)
    for (const topic of rising) {
      const row = list.items.find((r) => r.title.startsWith(topic.name.en))
      expect(row, topic.id).toBeDefined()
      expect(row!.rank, `${topic.id} at rank ${row!.rank}`).toBeLessThanOrEqual(5)
      // Why: themes grouped under it, customers reached in the quarter, a known satisfaction
      // drag, an effort from planning, and growth that the impact factor rewards.
      expect(row!.themes.length).toBeGreaterThan(0)
      expect(row!.components.reach).toBeGreaterThan(100)
      expect(row!.impactKnown).toBe(true)
      expect(row!.effortSet).toBe(true)
      const trend = row!.components.trend
      expect(trend.new || (trend.change ?? 0) > 0.5, JSON.stringify(trend)).toBe(true)
      expect(trend.currentQuarter).toBeGreaterThan(trend.previousQuarter)
      expect(row!.components.impact).toBeGreaterThan(1)
    }
  })
})
