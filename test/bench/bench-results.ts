import { mkdirSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { ROOT } from '../e2e/harness/paths'

export interface BenchResult {
  id: string
  title: string
  unit: 'ms' | 's' | 'MB'
  /** Every measured run, in order. */
  runs: number[]
  median: number
  target: number
  /** How the number was taken, in one sentence. */
  method: string
}

/** The median of a list of numbers. */
export function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b)
  const mid = Math.floor(sorted.length / 2)
  return sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2
}

/** Writes one benchmark's result where scripts/run-bench.mjs collects it. */
export function writeBenchResult(result: BenchResult): void {
  const dir = join(ROOT, 'test-results', 'bench')
  mkdirSync(dir, { recursive: true })
  writeFileSync(join(dir, `${result.id}.json`), JSON.stringify(result, null, 2))
}
