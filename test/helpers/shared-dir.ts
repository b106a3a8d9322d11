import { existsSync } from 'node:fs'
import { join, resolve } from 'node:path'

const ROOT = resolve(import.meta.dirname, '../..')

/**
 * The team's shared folder of real data sets and reference values: `LOOPBENCH_SHARED_DIR` when
 * set, else `../shared` beside the repository. A bare clone may not have it; the tests that read
 * it skip with that reason; the benchmarks fail instead (`requireSharedDataFile`).
 */
export const SHARED_DIR = process.env['LOOPBENCH_SHARED_DIR']
  ? resolve(process.env['LOOPBENCH_SHARED_DIR'])
  : join(ROOT, '..', 'shared')

/** A file of the shared real data sets (`<shared>/data/<name>`). */
export const sharedDataFile = (name: string): string => join(SHARED_DIR, 'data', name)

/**
 * A shared data file a benchmark cannot measure without: its path, or an error that says where it
 * was looked for. A benchmark fails rather than skips, so that a run without the data shows.
 */
export function requireSharedDataFile(name: string): string {
  const path = sharedDataFile(name)
  if (!existsSync(path))
    throw new Error(
      `This benchmark needs ${path}: put the shared folder beside the clone or set LOOPBENCH_SHARED_DIR.`
    )
  return path
}
