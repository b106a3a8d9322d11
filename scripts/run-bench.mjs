#!/usr/bin/env node
// `npm run bench`: builds, runs the benchmarks in test/bench on this machine, and rewrites the
// measured section of BENCHMARKS.md with the figures, their targets and the machine they came from.
import { execFileSync, spawnSync } from 'node:child_process'
import { cpus, totalmem, release, platform } from 'node:os'
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'

const root = new URL('..', import.meta.url).pathname
const bin = (name) => join(root, 'node_modules', '.bin', name)
const resultsDir = join(root, 'test-results', 'bench')
rmSync(resultsDir, { recursive: true, force: true })
mkdirSync(resultsDir, { recursive: true })

const step = (command, args) => {
  const r = spawnSync(command, args, { cwd: root, stdio: 'inherit' })
  if (r.status !== 0) process.exitCode = 1
  return r.status === 0
}
if (!step(bin('electron-vite'), ['build'])) process.exit(1)
step(bin('playwright'), ['test', '--config', 'test/bench/playwright.bench.config.ts'])

// The fuzz suite at the benchmark profile: 10,000 generated cases per property (npm test runs a
// few hundred). A failure fails the bench and is recorded beside its duration.
{
  const runs = 10_000
  const started = performance.now()
  const r = spawnSync(bin('vitest'), ['run', 'test/unit/fuzz', 'test/integration/fuzz'], {
    cwd: root,
    stdio: 'inherit',
    env: { ...process.env, LOOPBENCH_FUZZ_RUNS: String(runs) }
  })
  const seconds = (performance.now() - started) / 1000
  const passed = r.status === 0
  if (!passed) process.exitCode = 1
  writeFileSync(
    join(resultsDir, 'fuzz-suite.json'),
    JSON.stringify({
      id: 'fuzz-suite',
      title: `Fuzz suite, ${runs.toLocaleString('en-US')} cases per property${passed ? '' : ' (FAILED)'}`,
      unit: 's',
      median: seconds,
      target: 1800,
      runs: [seconds],
      method: `\`vitest run test/unit/fuzz test/integration/fuzz\` with LOOPBENCH_FUZZ_RUNS=${runs} (importers, statistics, tokenisers; fixed seeds): **${passed ? 'passed' : 'FAILED'}**.`
    })
  )
}

const results = readdirSync(resultsDir)
  .filter((f) => f.endsWith('.json'))
  .map((f) => JSON.parse(readFileSync(join(resultsDir, f), 'utf8')))
  .sort((a, b) => a.id.localeCompare(b.id))

const chromium = (() => {
  try {
    const path = process.env.CHROMIUM_PATH || '/usr/bin/chromium'
    return existsSync(path) ? execFileSync(path, ['--version'], { encoding: 'utf8' }).trim() : 'unknown'
  } catch {
    return 'unknown'
  }
})()
const machine = `${cpus()[0]?.model ?? 'unknown CPU'}, ${cpus().length} cores, ${Math.round(totalmem() / 2 ** 30)} GiB RAM, ${platform()} ${release()}, Node ${process.versions.node}, ${chromium}`
const fmt = (r, v) =>
  r.unit === 'ms' ? `${Math.round(v)} ms` : r.unit === 'MB' ? `${Math.round(v)} MB` : `${v.toFixed(2)} s`
const rows = results.map(
  (r) =>
    `| ${r.title} | **${fmt(r, r.median)}**${r.statistic ? ` (${r.statistic})` : ''} | < ${fmt(r, r.target)} | ${r.median < r.target ? 'met' : '**missed**'} | ${r.runs.map((v) => fmt(r, v)).join(', ')} |`
)
const section = [
  '<!-- bench:start -->',
  `Measured ${new Date().toISOString().slice(0, 10)} by \`npm run bench\` on: ${machine}.`,
  '',
  '| benchmark | figure (median unless marked) | target | | runs |',
  '| --- | --- | --- | --- | --- |',
  ...rows,
  '',
  ...results.map((r) => `- *${r.title}*: ${r.method}`),
  // Detail tables a benchmark writes beside its figures (the search query mix).
  ...readdirSync(resultsDir)
    .filter((f) => f.endsWith('-details.md'))
    .sort()
    .flatMap((f) => ['', readFileSync(join(resultsDir, f), 'utf8').trim()]),
  '<!-- bench:end -->'
].join('\n')

// The same figures as data, for tools: every result with its runs, target and verdict.
writeFileSync(
  join(root, 'BENCHMARKS.json'),
  `${JSON.stringify(
    {
      measured: new Date().toISOString(),
      machine,
      results: results.map((r) => ({ ...r, statistic: r.statistic ?? 'median', met: r.median < r.target }))
    },
    null,
    2
  )}\n`
)

const file = join(root, 'BENCHMARKS.md')
const current = existsSync(file)
  ? readFileSync(file, 'utf8')
  : '# Benchmarks\n\n<!-- bench:start -->\n<!-- bench:end -->\n'
const updated = current.replace(/<!-- bench:start -->[\s\S]*<!-- bench:end -->/, section)
writeFileSync(file, updated)
console.log(`\n${section}\n\nBENCHMARKS.md and BENCHMARKS.json updated.`)
