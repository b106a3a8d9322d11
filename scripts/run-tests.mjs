#!/usr/bin/env node
// `npm test`: typecheck, lint, build, unit + integration tests (vitest), end-to-end tests
// (Playwright). Every stage runs even when an earlier one failed (except what needs the build),
// and the last line is the summary `N passed, N failed, N skipped`.
import { spawnSync } from 'node:child_process'
import { existsSync, mkdirSync, readFileSync, rmSync } from 'node:fs'
import { join } from 'node:path'

const root = new URL('..', import.meta.url).pathname
const bin = (name) => join(root, 'node_modules', '.bin', name)
const results = join(root, 'test-results')
mkdirSync(results, { recursive: true })

const totals = { passed: 0, failed: 0, skipped: 0 }
const lines = []

function run(label, command, args, env = {}) {
  const started = Date.now()
  process.stdout.write(`\n=== ${label}: ${[command, ...args].map((a) => a.replace(root, '')).join(' ')}\n`)
  const outcome = spawnSync(command, args, { cwd: root, stdio: 'inherit', env: { ...process.env, ...env } })
  const seconds = ((Date.now() - started) / 1000).toFixed(1)
  return { ok: outcome.status === 0, seconds }
}

function check(label, command, args) {
  const { ok, seconds } = run(label, command, args)
  totals[ok ? 'passed' : 'failed'] += 1
  lines.push(`${label.padEnd(12)} ${ok ? 'passed' : 'FAILED'} (${seconds} s)`)
  return ok
}

function readJson(path) {
  try {
    return JSON.parse(readFileSync(path, 'utf8'))
  } catch {
    return null
  }
}

check('typecheck', bin('tsc'), ['-b'])
check('lint', bin('eslint'), ['--max-warnings', '0', '.'])
const built = check('build', bin('electron-vite'), ['build'])

// Unit and integration tests.
const vitestJson = join(results, 'vitest.json')
rmSync(vitestJson, { force: true })
const vitest = run('vitest', bin('vitest'), ['run', '--reporter=default', '--reporter=json', `--outputFile.json=${vitestJson}`])
const v = readJson(vitestJson)
if (v) {
  const skipped = (v.numPendingTests ?? 0) + (v.numTodoTests ?? 0)
  totals.passed += v.numPassedTests
  totals.failed += v.numFailedTests
  totals.skipped += skipped
  // A suite that failed to load counts as one failure even when no test inside it ran.
  const brokenSuites = (v.testResults ?? []).filter((r) => r.status === 'failed' && (r.assertionResults ?? []).length === 0).length
  totals.failed += brokenSuites
  lines.push(`${'vitest'.padEnd(12)} ${v.numPassedTests} passed, ${v.numFailedTests + brokenSuites} failed, ${skipped} skipped (${vitest.seconds} s)`)
  // Name what was skipped, so a run without ../shared (or without Electron) says so.
  for (const r of v.testResults ?? [])
    for (const t of r.assertionResults ?? [])
      if (['pending', 'skipped', 'todo'].includes(t.status)) lines.push(`             skipped: ${t.fullName}`)
} else {
  totals.failed += 1
  lines.push(`${'vitest'.padEnd(12)} FAILED to report (${vitest.seconds} s)`)
}

// End-to-end tests (they need the build).
const pwJson = join(results, 'playwright.json')
rmSync(pwJson, { force: true })
if (built) {
  const pw = run('playwright', bin('playwright'), ['test'])
  const p = readJson(pwJson)
  if (p && p.stats) {
    const passed = (p.stats.expected ?? 0)
    const failed = (p.stats.unexpected ?? 0) + (p.stats.flaky ?? 0)
    const skipped = p.stats.skipped ?? 0
    totals.passed += passed
    totals.failed += failed
    totals.skipped += skipped
    const setupFailed = !pw.ok && failed === 0 ? 1 : 0
    totals.failed += setupFailed
    lines.push(`${'playwright'.padEnd(12)} ${passed} passed, ${failed + setupFailed} failed, ${skipped} skipped (${pw.seconds} s)`)
    for (const suite of collectSkips(p)) lines.push(`             skipped: ${suite}`)
  } else {
    totals.failed += 1
    lines.push(`${'playwright'.padEnd(12)} FAILED to run (${pw.seconds} s)`)
  }
} else {
  totals.failed += 1
  lines.push(`${'playwright'.padEnd(12)} not run: the build failed`)
}

function collectSkips(report) {
  const out = []
  const walk = (suite) => {
    for (const spec of suite.specs ?? []) {
      for (const t of spec.tests ?? []) {
        if (t.status === 'skipped') {
          const reason = (t.annotations ?? []).find((a) => a.type === 'skip')?.description ?? 'skipped'
          out.push(`${spec.title} — ${reason}`)
        }
      }
    }
    for (const child of suite.suites ?? []) walk(child)
  }
  for (const suite of report.suites ?? []) walk(suite)
  return out
}

process.stdout.write(`\n=== summary\n${lines.join('\n')}\n`)
if (existsSync(join(results, 'screenshots'))) process.stdout.write(`screenshots: test-results/screenshots/\n`)
process.stdout.write(`${totals.passed} passed, ${totals.failed} failed, ${totals.skipped} skipped\n`)
process.exitCode = totals.failed === 0 ? 0 : 1
