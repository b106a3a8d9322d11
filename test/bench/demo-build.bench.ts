import { execFileSync } from 'node:child_process'
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { expect, test } from '@playwright/test'
import { CLI, ROOT } from '../e2e/harness/paths'
import { median, writeBenchResult } from './bench-results'

const RUNS = 3
const TARGET_S = 20

test('building the demo workspace (loopbench demo)', async () => {
  const runs: number[] = []
  for (let i = 0; i < RUNS; i++) {
    const dir = mkdtempSync(join(tmpdir(), 'loopbench-bench-demo-'))
    const started = process.hrtime.bigint()
    execFileSync(process.execPath, [CLI, 'demo', '--workspace', join(dir, 'demo.loopbench'), '--json'], {
      cwd: ROOT,
      env: { ...process.env, LOOPBENCH_CONFIG_DIR: join(dir, 'config') }
    })
    runs.push(Number(process.hrtime.bigint() - started) / 1e9)
    rmSync(dir, { recursive: true, force: true })
  }
  const result = {
    id: 'demo-build',
    title: 'Build the demo workspace (`loopbench demo`, whole process)',
    unit: 's' as const,
    runs,
    median: median(runs),
    target: TARGET_S,
    method: `Wall time of \`node bin/loopbench.mjs demo\` as a child process, including Node start-up; ${RUNS} runs, median.`
  }
  writeBenchResult(result)
  console.log(
    `demo build: ${runs.map((r) => r.toFixed(2)).join(', ')} s (median ${result.median.toFixed(2)} s, target < ${TARGET_S} s)`
  )
  expect(result.median).toBeLessThan(TARGET_S)
})
