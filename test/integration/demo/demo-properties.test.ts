import { join } from 'node:path'
import Database from 'better-sqlite3'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { buildDemoWorkspace } from '../../../src/main/core/demo/build-demo'
import type { DemoSummary } from '../../../src/main/core/demo/build-demo'
import type { DemoTruth } from '../../../src/main/core/demo/demo-data'
import { generateDemo } from '../../../src/main/core/demo/generate-demo'
import { loadDemoManifest, quarterKeys } from '../../../src/main/core/demo/manifest'
import { Workspace } from '../../../src/main/core/store/workspace'
import { buildMetricsReport } from '../../../src/main/core/metrics/metrics-report'
import { analyzeExperiment } from '../../../src/main/core/experiments/analyze'
import { loadExperiments } from '../../../src/main/core/experiments/load-experiments'
import { defaultAnalysisSettings } from '../../../src/shared/domain/settings'
import { makeTempDir } from '../../helpers/temp-dir'
import { hasChinese, isMixedLanguage } from '../../helpers/scripts'
import { chiSquareGoodnessOfFit, npsChangeTest, twoProportionTest, welchTest } from '../../helpers/stats'

/*
 * Builds the demo once and checks that the data has the properties the manifest promises. The
 * statistics are computed here, from the rows read back with SQL; the generator's truth is used
 * only for what the rows must not say (which topic a ticket is about).
 */

const manifest = loadDemoManifest()
const [Q1, Q2, Q3, Q4] = quarterKeys(manifest.year) as [string, string, string, string]
const DAY = 86_400_000
const today = Date.parse(manifest.today)
const yearStart = Date.UTC(manifest.year, 0, 1)

interface TicketSql {
  external_id: string
  created_at: number
  first_response_at: number | null
  resolved_at: number | null
  channel: string
  status: string
  priority: string
  subject: string | null
  text: string
  customer_id: string
  batch_id: number
  source_line: number
}
interface ResponseSql {
  id: number
  external_id: string
  survey: string
  submitted_at: number
  customer_id: string
  csat_score: number | null
  csat_scale_max: number | null
  nps_score: number | null
  comment: string | null
}

let dir: string
let cleanup: () => void
let db: Database.Database
let summary: DemoSummary
let truth: DemoTruth
let tickets: TicketSql[]
let topicOf: Map<string, string | null>

const quarterOf = (ms: number): string => {
  const d = new Date(ms)
  return `${d.getUTCFullYear()}-Q${Math.floor(d.getUTCMonth() / 3) + 1}`
}
const countBy = <T>(items: readonly T[], key: (item: T) => string): Map<string, number> => {
  const counts = new Map<string, number>()
  for (const item of items) counts.set(key(item), (counts.get(key(item)) ?? 0) + 1)
  return counts
}
const median = (xs: number[]): number => {
  const sorted = [...xs].sort((a, b) => a - b)
  return sorted[Math.floor(sorted.length / 2)] ?? NaN
}

beforeAll(async () => {
  ;({ dir, cleanup } = makeTempDir('loopbench-demo-'))
  const path = join(dir, 'demo.loopbench')
  summary = await buildDemoWorkspace(path, { appVersion: '0.1.0-test' })
  truth = generateDemo().truth
  db = new Database(path, { readonly: true })
  tickets = db
    .prepare(
      `SELECT external_id, created_at, first_response_at, resolved_at, channel, status, priority, subject, text,
         customer_id, batch_id, source_line FROM tickets ORDER BY id`
    )
    .all() as TicketSql[]
  topicOf = new Map(truth.tickets.map((t) => [t.externalId, t.topicId]))
})

afterAll(() => {
  db?.close()
  cleanup?.()
})

describe('the demo workspace', () => {
  it('is a valid demo workspace with the analysis time zone of the manifest', async () => {
    db.close()
    const workspace = await Workspace.open(summary.path)
    try {
      expect(workspace.meta('is_demo')).toBe('1')
      expect(workspace.settings.get().timeZone).toBe('UTC')
      expect(workspace.counts()).toMatchObject({
        tickets: summary.tickets,
        surveyResponses: summary.surveyResponses,
        customers: summary.customers,
        experiments: summary.experiments
      })
    } finally {
      workspace.close()
      db = new Database(summary.path, { readonly: true })
    }
  })

  it('has ≥20,000 tickets over the four quarters from ≈3,000 customers', () => {
    expect(tickets.length).toBeGreaterThanOrEqual(20_000)
    const customers = db.prepare('SELECT customer_id, tier, region, revenue FROM customers').all() as Array<{
      customer_id: string
      tier: string
      region: string
      revenue: number
    }>
    expect(customers.length).toBeGreaterThanOrEqual(2900)
    expect(customers.length).toBeLessThanOrEqual(3100)
    const known = new Set(customers.map((c) => c.customer_id))
    const writers = new Set(tickets.map((t) => t.customer_id))
    expect([...writers].filter((id) => !known.has(id))).toEqual([])
    expect(writers.size).toBeGreaterThan(0.9 * customers.length)
    // Tiers, regions and a skewed revenue distribution.
    expect(new Set(customers.map((c) => c.tier)).size).toBeGreaterThanOrEqual(3)
    expect(new Set(customers.map((c) => c.region)).size).toBeGreaterThanOrEqual(5)
    const revenueByTier = (tier: string): number =>
      median(customers.filter((c) => c.tier === tier).map((c) => c.revenue))
    expect(revenueByTier('Premier')).toBeGreaterThan(3 * revenueByTier('Plus'))
    expect(revenueByTier('Plus')).toBeGreaterThan(3 * revenueByTier('Basic'))
    // Every quarter is present; nothing before the year or after the demo's today.
    const perQuarter = countBy(tickets, (t) => quarterOf(t.created_at))
    for (const q of [Q1, Q2, Q3, Q4]) expect(perQuarter.get(q) ?? 0).toBeGreaterThan(3000)
    expect([...perQuarter.keys()].sort()).toEqual([Q1, Q2, Q3, Q4])
    expect(Math.min(...tickets.map((t) => t.created_at))).toBeGreaterThanOrEqual(yearStart)
    expect(Math.max(...tickets.map((t) => t.created_at))).toBeLessThan(today)
  })

  it('matches the generator’s truth ticket for ticket', () => {
    expect(truth.tickets.length).toBe(tickets.length)
    expect(tickets.every((t) => topicOf.has(t.external_id))).toBe(true)
  })

  it('has two topics rising clearly from Q2 to Q3, one falling after its fix and one new in Q3', () => {
    const byTopicQuarter = countBy(tickets, (t) => `${topicOf.get(t.external_id)}|${quarterOf(t.created_at)}`)
    const n = (topic: string, q: string): number => byTopicQuarter.get(`${topic}|${q}`) ?? 0

    const rising = manifest.topics.filter((t) => t.trend === 'rising')
    expect(rising.length).toBeGreaterThanOrEqual(2)
    for (const topic of rising)
      expect(n(topic.id, Q3), topic.id).toBeGreaterThanOrEqual(1.4 * n(topic.id, Q2))

    const falling = manifest.topics.find((t) => t.trend === 'falling')!
    const fix = Date.parse(`${falling.fix!.date}T00:00:00Z`)
    const around = (from: number, to: number): number =>
      tickets.filter(
        (t) => topicOf.get(t.external_id) === falling.id && t.created_at >= from && t.created_at < to
      ).length
    const before = around(fix - 60 * DAY, fix)
    const after = around(fix + 7 * DAY, fix + 67 * DAY)
    expect(before).toBeGreaterThan(200)
    expect(after).toBeLessThan(0.35 * before)

    const fresh = manifest.topics.find((t) => t.trend === 'new')!
    expect(n(fresh.id, Q1) + n(fresh.id, Q2)).toBe(0)
    expect(n(fresh.id, Q3)).toBeGreaterThan(300)

    // Stable topics stay within ±25% between Q2 and Q3.
    for (const topic of manifest.topics.filter((t) => t.trend === 'stable')) {
      expect(n(topic.id, Q3) / n(topic.id, Q2), topic.id).toBeGreaterThan(0.75)
      expect(n(topic.id, Q3) / n(topic.id, Q2), topic.id).toBeLessThan(1.25)
    }
  })

  it('has the intended shares of noise, mixed-language tickets and of each language', () => {
    const noise = tickets.filter((t) => topicOf.get(t.external_id) === null).length / tickets.length
    expect(Math.abs(noise - manifest.tickets.noiseShare)).toBeLessThan(0.015)
    // Mixed language is detected from the text itself.
    const mixed = tickets.filter((t) => isMixedLanguage(t.text)).length / tickets.length
    expect(Math.abs(mixed - manifest.tickets.mixedLanguageShare)).toBeLessThan(0.01)
    const chinese =
      tickets.filter((t) => hasChinese(t.text) && !isMixedLanguage(t.text)).length / tickets.length
    expect(chinese).toBeGreaterThan(0.38)
    expect(chinese).toBeLessThan(0.55)
  })

  it('has seasonality: a weekly pattern and the 11.11 peak', () => {
    const perDay = countBy(tickets, (t) => String(Math.floor(t.created_at / DAY)))
    const dailyMean = (from: number, to: number): number => {
      let sum = 0
      let days = 0
      for (let day = from; day < to; day += DAY) {
        sum += perDay.get(String(day / DAY)) ?? 0
        days++
      }
      return sum / days
    }
    const peak = dailyMean(Date.UTC(2026, 10, 11), Date.UTC(2026, 10, 18))
    const october = dailyMean(Date.UTC(2026, 9, 1), Date.UTC(2026, 10, 1))
    expect(peak).toBeGreaterThan(1.4 * october)
    const byWeekday = countBy(tickets, (t) => String(new Date(t.created_at).getUTCDay()))
    expect(byWeekday.get('1')!).toBeGreaterThan(1.2 * byWeekday.get('6')!)
  })

  it('has channels, statuses and response and resolution times that depend on channel and priority', () => {
    expect(new Set(tickets.map((t) => t.channel))).toEqual(new Set(manifest.channels.map((c) => c.id)))
    // Collect violations rather than asserting per row: one readable failure, and fast.
    const badOrder = tickets.filter(
      (t) =>
        (t.first_response_at !== null && t.first_response_at < t.created_at) ||
        (t.resolved_at !== null &&
          (t.resolved_at < (t.first_response_at ?? t.created_at) || t.resolved_at >= today))
    )
    expect(badOrder.map((t) => t.external_id)).toEqual([])
    const badStatus = tickets.filter((t) =>
      t.resolved_at !== null
        ? !['solved', 'closed'].includes(t.status)
        : !['new', 'open', 'pending'].includes(t.status)
    )
    expect(badStatus.map((t) => `${t.external_id}:${t.status}`)).toEqual([])
    const firstResponse = (filter: (t: TicketSql) => boolean): number =>
      median(
        tickets
          .filter((t) => filter(t) && t.first_response_at !== null)
          .map((t) => t.first_response_at! - t.created_at)
      )
    const resolution = (filter: (t: TicketSql) => boolean): number =>
      median(
        tickets.filter((t) => filter(t) && t.resolved_at !== null).map((t) => t.resolved_at! - t.created_at)
      )
    expect(firstResponse((t) => t.channel === 'chat')).toBeLessThan(
      firstResponse((t) => t.channel === 'email') / 20
    )
    expect(firstResponse((t) => t.channel === 'phone')).toBeLessThan(
      firstResponse((t) => t.channel === 'chat')
    )
    const email = (priority: string) => (t: TicketSql) => t.channel === 'email' && t.priority === priority
    expect(resolution(email('urgent'))).toBeLessThan(resolution(email('low')) / 2)
    // Open tickets are recent: the backlog is the last weeks' work.
    const open = tickets.filter((t) => t.resolved_at === null)
    expect(open.length).toBeGreaterThan(0)
    expect(open.filter((t) => t.created_at < today - 60 * DAY).length).toBeLessThan(0.2 * open.length)
    // Subjects repeat the first words of the text, or are empty.
    const longForm = tickets.filter((t) => t.channel === 'email' || t.channel === 'web_form')
    expect(longForm.filter((t) => t.subject === null).length).toBeGreaterThan(0.2 * longForm.length)
  })

  it('has ≥5,000 survey responses with CSAT 1–5, NPS 0–10, comments in both languages and segments', () => {
    const responses = db.prepare('SELECT * FROM survey_responses').all() as ResponseSql[]
    expect(responses.length).toBeGreaterThanOrEqual(5000)
    const customers = new Set(
      (db.prepare('SELECT customer_id FROM customers').all() as Array<{ customer_id: string }>).map(
        (c) => c.customer_id
      )
    )
    for (const r of responses) {
      expect(customers.has(r.customer_id)).toBe(true)
      expect(r.submitted_at).toBeGreaterThanOrEqual(yearStart)
      expect(r.submitted_at).toBeLessThan(today)
      if (r.csat_score !== null) {
        expect([1, 2, 3, 4, 5]).toContain(r.csat_score)
        expect(r.csat_scale_max).toBe(5)
      }
      if (r.nps_score !== null) expect(r.nps_score >= 0 && r.nps_score <= 10).toBe(true)
    }
    expect(responses.filter((r) => r.nps_score !== null).length).toBeGreaterThanOrEqual(4500)
    const comments = responses.map((r) => r.comment).filter((c): c is string => c !== null)
    expect(comments.filter(hasChinese).length).toBeGreaterThan(1000)
    expect(comments.filter((c) => !hasChinese(c)).length).toBeGreaterThan(1000)
    const segments = db
      .prepare('SELECT key, count(DISTINCT response_id) AS n FROM survey_segments GROUP BY key ORDER BY key')
      .all()
    expect(segments).toEqual(
      manifest.surveys.segments
        .map((key) => ({ key, n: responses.length }))
        .sort((a, b) => a.key.localeCompare(b.key))
    )
  })

  it('scores lower where customers recently raised high-impact topics (CSAT and NPS, significantly)', () => {
    const responses = db.prepare('SELECT * FROM survey_responses').all() as ResponseSql[]
    const highImpact = new Set(manifest.topics.filter((t) => t.impact === 'high').map((t) => t.id))
    const raised = new Map<string, number[]>()
    for (const t of tickets) {
      if (!highImpact.has(topicOf.get(t.external_id) ?? '')) continue
      const list = raised.get(t.customer_id) ?? []
      list.push(t.created_at)
      raised.set(t.customer_id, list)
    }
    const window = manifest.surveys.effectWindowDays * DAY
    const exposed = (r: ResponseSql): boolean =>
      (raised.get(r.customer_id) ?? []).some((at) => at < r.submitted_at && at >= r.submitted_at - window)
    const split = (score: (r: ResponseSql) => number | null): [number[], number[]] => {
      const rated = responses.filter((r) => score(r) !== null)
      return [
        rated.filter(exposed).map((r) => score(r)!),
        rated.filter((r) => !exposed(r)).map((r) => score(r)!)
      ]
    }
    const [csatExposed, csatOthers] = split((r) => r.csat_score)
    const [npsExposed, npsOthers] = split((r) => r.nps_score)
    expect(csatExposed.length).toBeGreaterThan(300)
    const csat = welchTest(csatExposed, csatOthers)
    const nps = welchTest(npsExposed, npsOthers)
    console.log(
      `High-impact topic in the last ${manifest.surveys.effectWindowDays} days: mean CSAT ${csat.meanA.toFixed(2)} vs ${csat.meanB.toFixed(2)} ` +
        `(n = ${csatExposed.length} vs ${csatOthers.length}, p = ${csat.p.toPrecision(2)}), mean NPS score ${nps.meanA.toFixed(2)} vs ${nps.meanB.toFixed(2)} (p = ${nps.p.toPrecision(2)})`
    )
    expect(csat.meanA).toBeLessThan(csat.meanB - 0.3)
    expect(csat.p).toBeLessThan(0.001)
    expect(nps.meanA).toBeLessThan(nps.meanB - 0.5)
    expect(nps.p).toBeLessThan(0.001)
  })

  it('has one significant quarter-over-quarter NPS change and one that is not', () => {
    const scores = (q: string): number[] =>
      (
        db
          .prepare('SELECT nps_score, submitted_at FROM survey_responses WHERE nps_score IS NOT NULL')
          .all() as Array<{
          nps_score: number
          submitted_at: number
        }>
      )
        .filter((r) => quarterOf(r.submitted_at) === q)
        .map((r) => r.nps_score)
    for (const change of manifest.surveys.npsChanges) {
      const test = npsChangeTest(scores(change.from), scores(change.to))
      console.log(
        `NPS ${change.from} → ${change.to}: ${(100 * test.from).toFixed(1)} → ${(100 * test.to).toFixed(1)} (${(100 * test.change).toFixed(1)} points, p = ${test.p.toPrecision(3)})`
      )
      expect(100 * test.change).toBeCloseTo(change.intendedChangePoints, 0)
      if (change.significant) expect(test.p).toBeLessThan(0.05)
      else expect(test.p).toBeGreaterThan(0.2)
    }
  })

  it('shows its designed effects in the metrics engine: a tier dragging NPS down, one significant quarter', () => {
    const settings = defaultAnalysisSettings('UTC')
    const byQuarter = buildMetricsReport(db, { by: 'quarter' }, settings)
    for (const change of manifest.surveys.npsChanges) {
      const to = byQuarter.groups.find((g) => g.key === change.to)!
      expect(to.change.against).toBe(change.from)
      expect(to.change.nps!.diff).toBeCloseTo(change.intendedChangePoints, 0)
      expect(to.change.nps!.significant).toBe(change.significant)
    }
    const byTier = buildMetricsReport(db, { by: 'tier' }, settings)
    const basic = byTier.groups.find((g) => g.key === 'Basic')!.change.nps!
    expect(basic.diff).toBeLessThan(-5)
    expect(basic.significant).toBe(true)
  })

  it('gets the decision each experiment was designed for from the experiments engine', () => {
    const settings = { alpha: 0.05, minLift: 0.05, minLiftKind: 'relative' as const, power: 0.8 }
    const results = loadExperiments(db).map((e) => analyzeExperiment(e, settings))
    const expected: Record<string, string[]> = {
      clear_win: ['ship'],
      multi_arm: ['inconclusive', 'ship'],
      underpowered: ['inconclusive'],
      significant_not_practical: ['below_threshold'],
      sample_ratio_mismatch: ['invalid_srm']
    }
    for (const design of manifest.experiments) {
      const result = results.find((r) => r.name === design.name)!
      const primary = result.metrics.find((m) => m.primary)!
      expect(
        primary.comparisons.map((c) => c.decision),
        design.name
      ).toEqual(expected[design.intent])
      expect(result.srm.flag, design.name).toBe(design.intent === 'sample_ratio_mismatch')
      for (const c of primary.comparisons) expect(c.reason, design.name).toBeTruthy()
    }
  })

  it('has experiments that meet their intents', () => {
    const experiments = db
      .prepare('SELECT id, key, primary_metric, control_arm FROM experiments')
      .all() as Array<{
      id: number
      key: string
      primary_metric: string
      control_arm: string
    }>
    expect(experiments).toHaveLength(manifest.experiments.length)
    /** Per arm: units (distinct unit ids) and successes of a binary metric, from units or summaries. */
    const arms = (
      experimentId: number,
      metric: string
    ): Map<string, { units: number; successes: number }> => {
      const fromUnits = db
        .prepare(
          `SELECT u.assigned_arm AS arm, count(DISTINCT u.unit_id) AS units, sum(v.value) AS successes
           FROM experiment_units u JOIN experiment_unit_values v ON v.unit_row_id = u.id
           JOIN experiment_metrics m ON m.id = v.metric_id AND m.name = ?
           WHERE u.experiment_id = ? GROUP BY u.assigned_arm`
        )
        .all(metric, experimentId) as Array<{ arm: string; units: number; successes: number }>
      const fromSummaries = db
        .prepare(
          'SELECT arm, units, successes FROM experiment_arm_summaries WHERE experiment_id = ? AND metric = ?'
        )
        .all(experimentId, metric) as Array<{ arm: string; units: number; successes: number }>
      return new Map(
        [...fromUnits, ...fromSummaries].map((r) => [r.arm, { units: r.units, successes: r.successes }])
      )
    }
    const intended = (experimentId: number): Map<string, number> =>
      new Map(
        (
          db
            .prepare('SELECT name, intended_share FROM experiment_arms WHERE experiment_id = ? ORDER BY id')
            .all(experimentId) as Array<{ name: string; intended_share: number }>
        ).map((a) => [a.name, a.intended_share])
      )

    for (const spec of manifest.experiments) {
      const experiment = experiments.find((e) => e.key === spec.key)!
      const byArm = arms(experiment.id, experiment.primary_metric)
      const shares = intended(experiment.id)
      const names = [...shares.keys()]
      const control = byArm.get(experiment.control_arm)!
      const treatments = names.filter((n) => n !== experiment.control_arm).map((n) => byArm.get(n)!)
      const tests = treatments.map((t) =>
        twoProportionTest(control.successes, control.units, t.successes, t.units)
      )
      const srm = chiSquareGoodnessOfFit(
        names.map((n) => byArm.get(n)!.units),
        names.map((n) => shares.get(n)!)
      )
      console.log(
        `${spec.key} (${spec.intent}): units ${names.map((n) => byArm.get(n)!.units).join('/')}, ` +
          `lifts ${tests.map((t) => `${(100 * t.relativeLift).toFixed(1)}% (p = ${t.p.toPrecision(3)})`).join(', ')}, ` +
          `SRM p = ${srm.p.toPrecision(3)}`
      )
      switch (spec.intent) {
        case 'clear_win':
          expect(experiment.primary_metric).toBe('clicked')
          expect(tests[0]!.relativeLift).toBeGreaterThanOrEqual(0.1)
          expect(tests[0]!.p).toBeLessThan(0.001)
          break
        case 'multi_arm': {
          expect(names).toHaveLength(3)
          const best = tests.reduce((a, b) => (b.relativeLift > a.relativeLift ? b : a))
          expect(best.relativeLift).toBeGreaterThanOrEqual(0.05)
          expect(best.p).toBeLessThan(0.05)
          break
        }
        case 'underpowered':
          expect(Math.max(...names.map((n) => byArm.get(n)!.units))).toBeLessThan(100)
          expect(tests[0]!.p).toBeGreaterThan(0.05)
          break
        case 'significant_not_practical':
          expect(tests[0]!.p).toBeLessThan(0.05)
          expect(tests[0]!.relativeLift).toBeGreaterThan(0)
          expect(tests[0]!.relativeLift).toBeLessThan(0.05)
          break
        case 'sample_ratio_mismatch':
          expect(srm.p).toBeLessThan(0.001)
          break
      }
      // Only the broken experiment shows a sample-ratio mismatch.
      if (spec.intent !== 'sample_ratio_mismatch') expect(srm.p).toBeGreaterThan(0.001)
    }
    // Both storage forms occur, and per-unit rows carry exposures, timestamps and a numeric metric.
    expect(
      (db.prepare('SELECT count(*) AS n FROM experiment_units').get() as { n: number }).n
    ).toBeGreaterThan(50_000)
    expect(
      (db.prepare('SELECT count(*) AS n FROM experiment_arm_summaries').get() as { n: number }).n
    ).toBeGreaterThan(0)
    expect(
      (
        db.prepare('SELECT count(*) AS n FROM experiment_units WHERE exposed_arm IS NULL').get() as {
          n: number
        }
      ).n
    ).toBeGreaterThan(0)
    expect(
      (
        db.prepare("SELECT count(*) AS n FROM experiment_metrics WHERE kind = 'numeric'").get() as {
          n: number
        }
      ).n
    ).toBeGreaterThanOrEqual(2)
  })

  it('gives every imported row provenance: a generated batch per kind and CSV-like source lines', () => {
    const batches = db.prepare('SELECT * FROM import_batches ORDER BY id').all() as Array<{
      id: number
      kind: string
      source_name: string
      format: string
      rows_inserted: number
      status: string
    }>
    expect(batches.map((b) => b.kind).sort()).toEqual(
      ['customers', 'experiment_arm_summaries', 'experiment_units', 'survey_responses', 'tickets'].sort()
    )
    const tables: Record<string, string> = {
      customers: 'customers',
      tickets: 'tickets',
      survey_responses: 'survey_responses',
      experiment_units: 'experiment_units',
      experiment_arm_summaries: 'experiment_arm_summaries'
    }
    for (const batch of batches) {
      expect(batch.format).toBe('generated')
      expect(batch.status).toBe('committed')
      expect(batch.source_name.startsWith('demo: ')).toBe(true)
      const table = tables[batch.kind]!
      const lines = db
        .prepare(
          `SELECT count(*) AS n, count(DISTINCT source_line) AS distinct_lines, min(source_line) AS first,
             max(source_line) AS last, sum(batch_id IS NULL) AS orphans FROM ${table} WHERE batch_id = ?`
        )
        .get(batch.id) as { n: number; distinct_lines: number; first: number; last: number }
      expect(lines.n).toBe(batch.rows_inserted)
      expect(lines.distinct_lines).toBe(lines.n)
      expect(lines.first).toBe(2)
      expect(lines.last).toBe(lines.n + 1)
      const total = (db.prepare(`SELECT count(*) AS n FROM ${table}`).get() as { n: number }).n
      expect(total).toBe(lines.n)
    }
  })

  it('never labels a row with its topic: no topic id in any column but free text', () => {
    const freeText = new Set([
      'tickets.text',
      'tickets.subject',
      'survey_responses.comment',
      'experiments.name',
      'experiments.description',
      'priority_items.title',
      'priority_items.description',
      'priority_items.note'
    ])
    const tables = (
      db.prepare("SELECT name FROM sqlite_master WHERE type = 'table'").all() as Array<{ name: string }>
    ).map((t) => t.name)
    const topicIds = manifest.topics.map((t) => t.id)
    let checkedColumns = 0
    for (const table of tables) {
      const columns = db.prepare(`PRAGMA table_info(${table})`).all() as Array<{ name: string; type: string }>
      expect(columns.filter((c) => /topic|theme_label|label/i.test(c.name) && table !== 'themes')).toEqual([])
      for (const column of columns) {
        if (freeText.has(`${table}.${column.name}`) || column.type === 'INTEGER' || column.type === 'REAL')
          continue
        checkedColumns++
        const values = db.prepare(`SELECT DISTINCT "${column.name}" AS v FROM "${table}"`).all() as Array<{
          v: unknown
        }>
        for (const { v } of values) {
          if (typeof v !== 'string') continue
          const lower = v.toLowerCase()
          const hit = topicIds.find((id) => lower.includes(id))
          expect(hit, `${table}.${column.name} = ${v}`).toBeUndefined()
        }
      }
    }
    expect(checkedColumns).toBeGreaterThan(20)
    // And there are no themes yet: the product has to find them.
    expect((db.prepare('SELECT count(*) AS n FROM themes').get() as { n: number }).n).toBe(0)
    expect((db.prepare('SELECT count(*) AS n FROM ticket_themes').get() as { n: number }).n).toBe(0)
  })

  it('has priority items for the topics with effort estimates, not yet linked to themes', () => {
    const items = db.prepare('SELECT * FROM priority_items ORDER BY id').all() as Array<{
      title: string
      status: string
      effort_size: string
      effort_weeks: number
      note: string
    }>
    const estimated = manifest.topics.filter((t) => t.effort)
    expect(items.map((i) => i.title)).toEqual(estimated.map((t) => `${t.name.en} / ${t.name.zh}`))
    items.forEach((item, i) => {
      expect(item.status).toBe('new')
      expect(item.effort_size).toBe(estimated[i]!.effort!.size)
      expect(item.effort_weeks).toBe(estimated[i]!.effort!.weeks)
      expect(item.note.length).toBeGreaterThan(10)
    })
    expect((db.prepare('SELECT count(*) AS n FROM priority_item_themes').get() as { n: number }).n).toBe(0)
  })
})
