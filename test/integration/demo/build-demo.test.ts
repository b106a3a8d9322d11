import { createHash } from 'node:crypto'
import { readdirSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import Database from 'better-sqlite3'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { ApiError } from '@shared/api/errors'
import { buildDemoWorkspace } from '../../../src/main/core/demo/build-demo'
import type { DemoSummary } from '../../../src/main/core/demo/build-demo'
import { loadDemoManifest } from '../../../src/main/core/demo/manifest'
import type { JobContext } from '../../../src/main/core/jobs/job-types'
import { makeTempDir } from '../../helpers/temp-dir'
import { snapshotFile } from '../../helpers/file-snapshot'

const FIXED_NOW = Date.UTC(2026, 10, 20, 12)
const fixedClock = (): number => FIXED_NOW

let dir: string
let cleanup: () => void
let first: DemoSummary
let firstMs: number
const reports: Array<[number, number, string]> = []

beforeAll(async () => {
  ;({ dir, cleanup } = makeTempDir('loopbench-demo-build-'))
  const started = performance.now()
  first = await buildDemoWorkspace(join(dir, 'first.loopbench'), {
    now: fixedClock,
    appVersion: '1.2.3',
    context: { reportProgress: (d, t, m) => reports.push([d, t, m]), isCancelled: () => false }
  })
  firstMs = performance.now() - started
})
afterAll(() => cleanup?.())

/** A content hash per table: every row of every table, in a stable order. */
function tableHashes(path: string): Record<string, string> {
  const db = new Database(path, { readonly: true })
  try {
    const tables = (
      db.prepare("SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name").all() as Array<{
        name: string
      }>
    ).map((t) => t.name)
    const hashes: Record<string, string> = {}
    for (const table of tables) {
      const rows = (db.prepare(`SELECT * FROM "${table}"`).all() as unknown[])
        .map((row) => JSON.stringify(row))
        .sort()
      hashes[table] = createHash('sha256').update(rows.join('\n')).digest('hex')
    }
    return hashes
  } finally {
    db.close()
  }
}

/** A context that cancels once `afterRows` rows of progress were reported. */
function cancellingContext(afterRows: number): JobContext & { reports: number } {
  const context = {
    reports: 0,
    cancelled: false,
    reportProgress(done: number): void {
      context.reports++
      if (done >= afterRows) context.cancelled = true
    },
    isCancelled: (): boolean => context.cancelled
  }
  return context
}

async function failure(promise: Promise<unknown>): Promise<ApiError> {
  const error = await promise.then(
    () => null,
    (e: unknown) => e
  )
  expect(error).toBeInstanceOf(ApiError)
  return error as ApiError
}

describe('buildDemoWorkspace', () => {
  it('builds the demo well within the time budget', () => {
    console.log(
      `Demo build: ${first.elapsedMs.toFixed(0)} ms (${first.tickets} tickets, ${first.surveyResponses} responses)`
    )
    expect(firstMs).toBeLessThan(20_000)
    expect(first.elapsedMs).toBeLessThan(20_000)
    expect(first.path).toBe(join(dir, 'first.loopbench'))
    expect(first.tickets).toBeGreaterThanOrEqual(20_000)
    expect(first.experiments).toBe(loadDemoManifest().experiments.length)
  })

  it('is deterministic: the same manifest, seed and clock give identical tables', async () => {
    const second = join(dir, 'second.loopbench')
    await buildDemoWorkspace(second, { now: fixedClock, appVersion: '1.2.3' })
    const a = tableHashes(first.path)
    const b = tableHashes(second)
    expect(Object.keys(a)).toContain('tickets')
    expect(Object.keys(a)).toContain('workspace_meta')
    expect(b).toEqual(a)
  })

  it('changes with the seed, so the hash comparison can tell builds apart', async () => {
    const manifest = { ...loadDemoManifest(), seed: 'another seed' }
    const other = join(dir, 'other-seed.loopbench')
    await buildDemoWorkspace(other, { now: fixedClock, appVersion: '1.2.3', manifest })
    const a = tableHashes(first.path)
    const b = tableHashes(other)
    expect(b.tickets).not.toBe(a.tickets)
    expect(b.survey_responses).not.toBe(a.survey_responses)
    // What does not depend on the seed stays the same.
    expect(b.schema_migrations).toBe(a.schema_migrations)
    expect(b.priority_items).toBe(a.priority_items)
  })

  it('reports progress that only grows and ends at its total', () => {
    expect(reports.length).toBeGreaterThan(10)
    const final = reports.at(-1)!
    expect(final[0]).toBe(final[1])
    for (let i = 2; i < reports.length; i++) {
      expect(reports[i]![0]).toBeGreaterThanOrEqual(reports[i - 1]![0])
      expect(reports[i]![1]).toBe(final[1])
    }
    expect(new Set(reports.map((r) => r[2]))).toContain('Writing tickets')
  })
})

describe('atomicity', () => {
  it('cancelled mid-build: throws "cancelled" and leaves nothing in the folder', async () => {
    const { dir: own, cleanup: done } = makeTempDir()
    try {
      const context = cancellingContext(20_000)
      const error = await failure(buildDemoWorkspace(join(own, 'cancelled.loopbench'), { context }))
      expect(error.code).toBe('cancelled')
      expect(context.reports).toBeGreaterThan(3)
      expect(readdirSync(own)).toEqual([])
    } finally {
      done()
    }
  })

  it('cancelled before it starts: nothing is created', async () => {
    const { dir: own, cleanup: done } = makeTempDir()
    try {
      const error = await failure(
        buildDemoWorkspace(join(own, 'never.loopbench'), {
          context: { reportProgress: () => undefined, isCancelled: () => true }
        })
      )
      expect(error.code).toBe('cancelled')
      expect(readdirSync(own)).toEqual([])
    } finally {
      done()
    }
  })

  it('fails mid-build for another reason: the error comes through and nothing is left', async () => {
    const { dir: own, cleanup: done } = makeTempDir()
    try {
      let reports = 0
      const error = await buildDemoWorkspace(join(own, 'broken.loopbench'), {
        context: {
          reportProgress: () => {
            if (++reports === 6) throw new Error('disk on fire')
          },
          isCancelled: () => false
        }
      }).catch((e: unknown) => e)
      expect((error as Error).message).toBe('disk on fire')
      expect(readdirSync(own)).toEqual([])
    } finally {
      done()
    }
  })

  it('refuses an existing target with "workspace_exists" and leaves the file untouched', async () => {
    const { dir: own, cleanup: done } = makeTempDir()
    try {
      const path = join(own, 'taken.loopbench')
      writeFileSync(path, 'my notes, not a workspace')
      const before = snapshotFile(path)
      const error = await failure(buildDemoWorkspace(path))
      expect(error.code).toBe('workspace_exists')
      expect(snapshotFile(path)).toEqual(before)
      expect(readdirSync(own)).toEqual(['taken.loopbench'])
    } finally {
      done()
    }
  })
})
