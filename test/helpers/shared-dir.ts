import { join, resolve } from 'node:path'

const ROOT = resolve(import.meta.dirname, '../..')

/**
 * The team's shared folder of real data sets and reference values: `LOOPBENCH_SHARED_DIR` when
 * set, else `../shared` beside the repository. A bare clone may not have it; the tests that read
 * it skip with that reason.
 */
export const SHARED_DIR = process.env['LOOPBENCH_SHARED_DIR']
  ? resolve(process.env['LOOPBENCH_SHARED_DIR'])
  : join(ROOT, '..', 'shared')

/** A file of the shared real data sets (`<shared>/data/<name>`). */
export const sharedDataFile = (name: string): string => join(SHARED_DIR, 'data', name)
