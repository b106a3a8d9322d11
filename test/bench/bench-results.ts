import { mkdirSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { ROOT } from '../e2e/harness/paths'

export interface BenchResult {
  id: string
  title: string
  unit: 'ms' | 's' | 'MB'
  /** Every measured run, in order. */
  runs: number[]
  /** The figure compared with the target: the median of the runs unless `statistic` says otherwise. */
  median: number
  /** When the figure is not the median: the 95th percentile or the largest run. */
  statistic?: 'p95' | 'max'
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

/** The p-th quantile (0–1) of a list of numbers, nearest rank. */
export function percentile(values: readonly number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b)
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil(p * sorted.length) - 1))]!
}

/** Writes one benchmark's result where scripts/run-bench.mjs collects it. */
export function writeBenchResult(result: BenchResult): void {
  const dir = join(ROOT, 'test-results', 'bench')
  mkdirSync(dir, { recursive: true })
  writeFileSync(join(dir, `${result.id}.json`), JSON.stringify(result, null, 2))
}
