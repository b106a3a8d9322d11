import { execFileSync } from 'node:child_process'
import { existsSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'

const ROOT = join(import.meta.dirname, '..', '..', '..')
const SCRIPT = join(ROOT, 'scripts', 'electronegativity.cjs')

interface Finding {
  id: string
  file: string
  line: number
  severity: string
}
interface Scan {
  checks: number
  errors: { file: string; message: string }[]
  findings: Finding[]
}
interface Accepted {
  id: string
  file: string
  count: number
  why: string
  verifiedBy: string[]
}

/** Electronegativity over a directory, in a child process (offline: see the script). */
function scan(dir: string): Scan {
  const out = execFileSync(process.execPath, [SCRIPT, dir], {
    cwd: ROOT,
    encoding: 'utf8',
    stdio: ['ignore', 'pipe', 'pipe']
  })
  return JSON.parse(out) as Scan
}

const key = (f: { id: string; file: string }): string => `${f.id} in ${f.file}`

function counts(findings: Finding[]): Map<string, number> {
  const byKey = new Map<string, number>()
  for (const f of findings) byKey.set(key(f), (byKey.get(key(f)) ?? 0) + 1)
  return byKey
}

describe('Electronegativity', () => {
  it('reports an insecure window, navigation and remote content (the checker works here)', () => {
    const result = scan(join(ROOT, 'test', 'fixtures', 'security', 'insecure-app'))
    const ids = new Set(result.findings.map((f) => f.id))
    for (const id of [
      'CONTEXT_ISOLATION_JS_CHECK',
      'SANDBOX_JS_CHECK',
      'HTTP_RESOURCES_JS_CHECK',
      'LIMIT_NAVIGATION_GLOBAL_CHECK',
      'PERMISSION_REQUEST_HANDLER_GLOBAL_CHECK',
      'CSP_GLOBAL_CHECK'
    ])
      expect(ids, id).toContain(id)
  }, 60_000)

  it('finds nothing in src beyond the accepted findings, each justified and verified by a test', () => {
    const result = scan(join(ROOT, 'src'))
    // Every file was parsed and every check ran.
    expect(result.errors).toEqual([])
    expect(result.checks).toBeGreaterThanOrEqual(40)

    const { accepted } = JSON.parse(
      readFileSync(join(ROOT, 'scripts', 'electronegativity-accepted.json'), 'utf8')
    ) as { accepted: Accepted[] }
    for (const a of accepted) {
      expect(a.why.length, key(a)).toBeGreaterThan(40)
      for (const test of a.verifiedBy) expect(existsSync(join(ROOT, test)), test).toBe(true)
    }
    const expected = new Map(accepted.map((a) => [key(a), a.count]))
    const found = counts(result.findings)
    const unexplained = result.findings.filter((f) => found.get(key(f)) !== expected.get(key(f)))
    expect(unexplained, 'findings not accepted in scripts/electronegativity-accepted.json').toEqual([])
    // And no stale acceptance: each entry still matches what the checker reports.
    expect(Object.fromEntries(found)).toEqual(Object.fromEntries(expected))
  }, 120_000)
})
