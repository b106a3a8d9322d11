import { spawn } from 'node:child_process'
import { copyFileSync, existsSync, rmSync, writeFileSync } from 'node:fs'
import { join, resolve } from 'node:path'
import Database from 'better-sqlite3'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { Workspace } from '../../../src/main/core/store/workspace'
import { makeTempDir } from '../../helpers/temp-dir'

/*
 * Kills `loopbench import` (the built command line, in its own process) with SIGKILL at seeded
 * random moments spread over an import's duration, and checks after each kill that the workspace
 * is intact and holds the file's batch whole or not at all. Each kill starts from a copy of the
 * same empty workspace, so "whole" and "nothing" are exact counts.
 */

const ROOT = resolve(import.meta.dirname, '../../..')
const CLI = join(ROOT, 'out', 'main', 'cli.js')
const ROWS = 40_000
const KILLS = 20

let dir: string
let cleanup: () => void
let csv: string
let empty: string

/** mulberry32: a small seeded generator, so a failing run can be repeated. */
function seeded(seed: number): () => number {
  let a = seed >>> 0
  return () => {
    a = (a + 0x6d2b79f5) >>> 0
    let t = Math.imul(a ^ (a >>> 15), 1 | a)
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296
  }
}

/** Runs `loopbench import` on `workspace`; kills it after `killAfterMs` if given. */
function runImport(
  workspace: string,
  killAfterMs?: number
): Promise<{ code: number | null; signal: NodeJS.Signals | null; ms: number; stderr: string }> {
  return new Promise((done, fail) => {
    const started = performance.now()
    const child = spawn(process.execPath, [CLI, 'import', csv, '--workspace', workspace, '--json'], {
      cwd: dir,
      env: { PATH: process.env.PATH ?? '', LOOPBENCH_CONFIG_DIR: join(dir, 'config') },
      stdio: ['ignore', 'pipe', 'pipe']
    })
    let stderr = ''
    child.stdout.resume()
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()))
    const timer = killAfterMs === undefined ? undefined : setTimeout(() => child.kill('SIGKILL'), killAfterMs)
    child.on('error', fail)
    child.on('exit', (code, signal) => {
      clearTimeout(timer)
      done({ code, signal, ms: performance.now() - started, stderr })
    })
  })
}

/** What a killed import left: integrity, and the batch's tickets and rows. */
function inspect(path: string): { integrity: string; tickets: number; batches: number } {
  const db = new Database(path, { fileMustExist: true })
  try {
    return {
      integrity: db.pragma('integrity_check', { simple: true }) as string,
      tickets: (db.prepare('SELECT count(*) AS n FROM tickets').get() as { n: number }).n,
      batches: (
        db.prepare("SELECT count(*) AS n FROM import_batches WHERE kind = 'tickets'").get() as { n: number }
      ).n
    }
  } finally {
    db.close()
  }
}

function removeWorkspace(path: string): void {
  for (const suffix of ['', '-wal', '-shm', '-journal']) rmSync(path + suffix, { force: true })
}

beforeAll(async () => {
  if (!existsSync(CLI)) {
    throw new Error(`${CLI} is missing: run \`npx electron-vite build\` first (npm test does).`)
  }
  ;({ dir, cleanup } = makeTempDir('loopbench-crash-'))
  csv = join(dir, 'tickets.csv')
  const lines = ['ticket_id,created_at,channel,description']
  for (let i = 0; i < ROWS; i++) {
    const day = String((i % 28) + 1).padStart(2, '0')
    const minute = String(i % 60).padStart(2, '0')
    lines.push(`T${i},2026-03-${day} 10:${minute},email,Order ${i} never arrived; refund ${i % 977} is late`)
  }
  writeFileSync(csv, lines.join('\n') + '\n')
  empty = join(dir, 'empty.loopbench')
  ;(await Workspace.create(empty)).close()
})
afterAll(() => cleanup?.())

describe('a SIGKILLed import', () => {
  it(`leaves the workspace intact with the batch whole or absent, ${KILLS} times`, async () => {
    const timing = join(dir, 'timing.loopbench')
    copyFileSync(empty, timing)
    const whole = await runImport(timing)
    expect(whole.stderr).toBe('')
    expect(whole.code).toBe(0)
    expect(inspect(timing)).toEqual({ integrity: 'ok', tickets: ROWS, batches: 1 })
    removeWorkspace(timing)

    const random = seeded(20260308)
    const outcomes = { absent: 0, whole: 0 }
    const path = join(dir, 'killed.loopbench')
    for (let i = 0; i < KILLS; i++) {
      removeWorkspace(path)
      copyFileSync(empty, path)
      // From just after start-up to just past the end of an uninterrupted import.
      const delay = Math.round(whole.ms * (0.05 + random()))
      const run = await runImport(path, delay)
      const state = inspect(path)
      const context = `kill ${i + 1} after ${delay} ms (${run.signal ?? `exit ${run.code}`})`
      expect(state.integrity, context).toBe('ok')
      expect(
        [
          { integrity: 'ok', tickets: 0, batches: 0 },
          { integrity: 'ok', tickets: ROWS, batches: 1 }
        ],
        context
      ).toContainEqual(state)
      outcomes[state.tickets === 0 ? 'absent' : 'whole']++
    }
    console.log(
      `Crash safety: uninterrupted import ${whole.ms.toFixed(0)} ms; ${KILLS} kills: ${outcomes.absent} absent, ${outcomes.whole} whole`
    )
    // The delays span the commit: some kills land before it and some after.
    expect(outcomes.absent).toBeGreaterThan(0)

    // The product opens what the last kill left, and a normal import then completes.
    const ws = await Workspace.open(path)
    expect(ws.db.pragma('integrity_check', { simple: true })).toBe('ok')
    ws.close()
    const after = await runImport(path)
    expect(after.stderr).toBe('')
    expect(after.code).toBe(0)
    expect(inspect(path)).toMatchObject({ integrity: 'ok', tickets: ROWS })
    const reopened = await Workspace.open(path)
    expect(reopened.counts().tickets).toBe(ROWS)
    expect(reopened.counts().importBatches).toBeGreaterThanOrEqual(1)
    reopened.close()
  }, 120_000)
})
