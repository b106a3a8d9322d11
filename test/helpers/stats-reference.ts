import { existsSync, readFileSync } from 'node:fs'
import { join, resolve } from 'node:path'
import { expect } from 'vitest'
import { SHARED_DIR } from './shared-dir'

const ROOT = resolve(import.meta.dirname, '../..')
/** The team's shared reference file, when this checkout has the shared folder. */
export const SHARED_REFERENCE = join(SHARED_DIR, 'fixtures', 'stats-reference.json')
/** The copy kept in the repository, so that a clone without `../shared` still runs every case. */
export const VENDORED_REFERENCE = join(ROOT, 'test', 'fixtures', 'stats', 'stats-reference.json')

export interface ReferenceCase {
  id: string
  kind: string
  input: Record<string, unknown>
  expected: Record<string, unknown>
  tolerance: { abs: number; rel: number }
  note?: string
}

/** Every case of the given kind, from the shared file when present (new cases are picked up). */
export function referenceCases(kind: string): ReferenceCase[] {
  const path = existsSync(SHARED_REFERENCE) ? SHARED_REFERENCE : VENDORED_REFERENCE
  const file = JSON.parse(readFileSync(path, 'utf8')) as { cases: ReferenceCase[] }
  return file.cases.filter((c) => c.kind === kind)
}

/** A real data set the reference file computed results for (e.g. ab_data.csv), with its expected values. */
export interface ReferenceDataset {
  id: string
  kind: string
  input: Record<string, unknown>
  expected: Record<string, unknown>
  tolerance: { abs: number; rel: number }
}

/** Every data set entry of the given kind. */
export function referenceDatasets(kind: string): ReferenceDataset[] {
  const path = existsSync(SHARED_REFERENCE) ? SHARED_REFERENCE : VENDORED_REFERENCE
  const file = JSON.parse(readFileSync(path, 'utf8')) as { datasets?: ReferenceDataset[] }
  return (file.datasets ?? []).filter((d) => d.kind === kind)
}

/** JSON has no infinity: the reference writes "Infinity", "-Infinity" and "NaN" as strings. */
function numeric(value: unknown): unknown {
  if (value === 'Infinity') return Infinity
  if (value === '-Infinity') return -Infinity
  if (value === 'NaN') return NaN
  return value
}

/**
 * Checks a value against the reference by its tolerance rule: a number passes when
 * |actual − expected| ≤ max(abs, rel·|expected|); integers where the reference has an integer
 * count, booleans, strings and nulls must match exactly; arrays element by element.
 */
export function expectReference(
  actual: unknown,
  expected: unknown,
  tolerance: { abs: number; rel: number },
  path: string,
  exactIntegers = false
): void {
  const want = numeric(expected)
  if (Array.isArray(want)) {
    expect(Array.isArray(actual), `${path} is an array`).toBe(true)
    expect((actual as unknown[]).length, `${path} length`).toBe(want.length)
    want.forEach((w, i) =>
      expectReference((actual as unknown[])[i], w, tolerance, `${path}[${i}]`, exactIntegers)
    )
    return
  }
  if (typeof want === 'number' && Number.isFinite(want) && !(exactIntegers && Number.isInteger(want))) {
    expect(typeof actual, `${path} is a number`).toBe('number')
    const bound = Math.max(tolerance.abs, tolerance.rel * Math.abs(want))
    expect(Math.abs((actual as number) - want), `${path}: ${String(actual)} vs ${want}`).toBeLessThanOrEqual(
      bound
    )
    return
  }
  expect(actual, path).toEqual(want)
}

/**
 * Checks every expected field of a case: `actual` must have exactly the case's keys, each within
 * the case's tolerance; keys in `exact` (counts) must match exactly.
 */
export function expectMatchesCase(
  c: ReferenceCase,
  actual: Record<string, unknown>,
  exact: readonly string[] = []
): void {
  expect(Object.keys(actual).sort()).toEqual(Object.keys(c.expected).sort())
  for (const [key, value] of Object.entries(c.expected))
    expectReference(actual[key], value, c.tolerance, `${c.id}.${key}`, exact.includes(key))
}
