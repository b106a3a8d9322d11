import { describe, expect, it } from 'vitest'
import manifestJson from '../../../resources/demo/manifest.json'
import { quarterRange } from '../../../src/main/core/demo/calendar'
import type { DemoManifest } from '../../../src/main/core/demo/manifest'
import {
  EXPERIMENT_INTENTS,
  TEXT_SLOTS,
  loadDemoManifest,
  parseDemoManifest,
  quarterKeys
} from '../../../src/main/core/demo/manifest'
import { hasEnglishWord } from '../../helpers/scripts'

const manifest = loadDemoManifest()
const [q1, q2, q3, q4] = quarterKeys(manifest.year) as [string, string, string, string]

/** Words of an English text, character pairs of a Chinese one (slots removed). */
function tokens(text: string, language: 'en' | 'zh'): Set<string> {
  const clean = text.replace(/\{[A-Za-z]+\}/g, ' ').toLowerCase()
  if (language === 'en') return new Set(clean.split(/[^a-z0-9']+/).filter((w) => w.length > 0))
  const chars = [...clean.replace(/[^\u4e00-\u9fff]/g, '')]
  return new Set(chars.slice(1).map((c, i) => chars[i] + c))
}

function jaccard(a: Set<string>, b: Set<string>): number {
  const shared = [...a].filter((x) => b.has(x)).length
  return shared / (a.size + b.size - shared)
}

/** A deep copy of the shipped manifest with one change applied. */
function variant(change: (m: DemoManifest) => void): unknown {
  const copy = structuredClone(manifestJson) as unknown as DemoManifest
  change(copy)
  return copy
}

describe('the shipped demo manifest', () => {
  it('validates', () => {
    expect(() => parseDemoManifest(manifestJson)).not.toThrow()
    expect(manifest.timeZone).toBe('UTC')
    expect(manifest.seed.length).toBeGreaterThan(0)
  })

  it("puts the demo's today in late Q4 of its year", () => {
    const today = Date.parse(manifest.today)
    const q4Range = quarterRange(q4)
    expect(today).toBeGreaterThan(q4Range.start + 30 * 86_400_000)
    expect(today).toBeLessThan(q4Range.end)
  })

  it('has 15–30 topics with unique ids, names in both languages and ≥8 distinct phrasings per language', () => {
    expect(manifest.topics.length).toBeGreaterThanOrEqual(15)
    expect(manifest.topics.length).toBeLessThanOrEqual(30)
    expect(new Set(manifest.topics.map((t) => t.id)).size).toBe(manifest.topics.length)
    for (const topic of manifest.topics) {
      expect(topic.name.en.length, topic.id).toBeGreaterThan(3)
      expect(topic.name.zh).toMatch(/[\u4e00-\u9fff]/)
      for (const language of ['en', 'zh'] as const) {
        const phrasings = topic.phrasings[language]
        expect(new Set(phrasings).size, `${topic.id} ${language}`).toBeGreaterThanOrEqual(8)
        // Distinct in substance, not only in a slot or a word: no two phrasings overlap much.
        for (let i = 0; i < phrasings.length; i++) {
          for (let j = i + 1; j < phrasings.length; j++) {
            const similarity = jaccard(tokens(phrasings[i]!, language), tokens(phrasings[j]!, language))
            expect(similarity, `${topic.id} ${language}: ${phrasings[i]} / ${phrasings[j]}`).toBeLessThan(0.5)
          }
        }
      }
    }
  })

  it('writes Chinese phrasings and vocabulary without English words, so mixing is a deliberate act', () => {
    const zhTexts = [
      ...manifest.topics.flatMap((t) => t.phrasings.zh),
      ...manifest.noise.kinds.flatMap((k) => k.phrasings.zh),
      ...manifest.text.greetings.zh,
      ...manifest.text.closings.zh,
      ...manifest.text.details.zh,
      ...manifest.text.signoffs.zh,
      ...manifest.text.quotedReplies.zh,
      ...manifest.vocabulary.products.zh,
      ...manifest.vocabulary.sellers.zh,
      ...manifest.vocabulary.payments.zh,
      ...manifest.vocabulary.couriersZh,
      ...Object.values(manifest.vocabulary.devices).flatMap((d) => d.zh)
    ].map((text) => text.replace(/\{[A-Za-z]+\}/g, ''))
    expect(zhTexts.filter(hasEnglishWord)).toEqual([])
  })

  it('designs the trends the issue asks for: two clearly rising, one falling after a fix, one new in Q3', () => {
    const rising = manifest.topics.filter((t) => t.trend === 'rising')
    expect(rising.length).toBeGreaterThanOrEqual(2)
    for (const topic of rising)
      expect((topic.volume[q3] ?? 0) / (topic.volume[q2] ?? 1)).toBeGreaterThanOrEqual(1.8)

    const falling = manifest.topics.filter((t) => t.trend === 'falling')
    expect(falling).toHaveLength(1)
    const fix = falling[0]?.fix
    expect(fix).toBeDefined()
    expect(fix!.residualFactor).toBeLessThan(0.3)
    expect(manifest.releases.some((r) => r.version === fix!.version && r.date === fix!.date)).toBe(true)

    const fresh = manifest.topics.filter((t) => t.trend === 'new')
    expect(fresh).toHaveLength(1)
    expect(fresh[0]!.volume[q1]).toBe(0)
    expect(fresh[0]!.volume[q2]).toBe(0)
    expect(fresh[0]!.volume[q3]).toBeGreaterThan(300)
    expect(Date.parse(`${fresh[0]!.startsOn}T00:00:00Z`)).toBeGreaterThanOrEqual(quarterRange(q3).start)
  })

  it('gives every topic a satisfaction effect and some of them an effort estimate', () => {
    for (const topic of manifest.topics) {
      expect(topic.satisfactionEffect.csat).toBeLessThan(0)
      expect(topic.satisfactionEffect.nps).toBeLessThan(0)
    }
    expect(manifest.topics.filter((t) => t.impact === 'high').length).toBeGreaterThanOrEqual(3)
    const estimated = manifest.topics.filter((t) => t.effort)
    expect(estimated.length).toBeGreaterThanOrEqual(5)
    expect(estimated.length).toBeLessThan(manifest.topics.length)
  })

  it('plans ≈3,000 customers, a noise share, mixed-language tickets and typos', () => {
    expect(manifest.customers.count).toBe(3000)
    expect(manifest.tickets.noiseShare).toBeGreaterThan(0.05)
    expect(manifest.tickets.noiseShare).toBeLessThan(0.25)
    expect(manifest.tickets.mixedLanguageShare).toBeGreaterThan(0.02)
    expect(manifest.tickets.typoShare.en).toBeGreaterThan(0)
    expect(manifest.tickets.typoShare.zh).toBeGreaterThan(0)
    const perQuarter = quarterKeys(manifest.year).map((q) =>
      manifest.topics.reduce((s, t) => s + (t.volume[q] ?? 0), 0)
    )
    expect(perQuarter.reduce((a, b) => a + b, 0)).toBeGreaterThan(20_000)
  })

  it('plans ≥5,000 survey responses and NPS targets whose quarter-over-quarter changes match the stated ones', () => {
    const planned = Object.values(manifest.surveys.relationship.responses).reduce((a, b) => a + b, 0)
    expect(planned).toBeGreaterThanOrEqual(5000)
    const nps = (q: string): number => {
      const target = manifest.surveys.relationship.npsTargets[q]!
      return 100 * (target.promoters - target.detractors)
    }
    const changes = manifest.surveys.npsChanges
    expect(changes.filter((c) => c.significant)).toHaveLength(1)
    expect(changes.filter((c) => !c.significant)).toHaveLength(1)
    for (const change of changes) {
      expect(nps(change.to) - nps(change.from)).toBeCloseTo(change.intendedChangePoints, 6)
      expect(Math.abs(change.intendedChangePoints)).toBe(change.significant ? 13 : 1)
    }
  })

  it('has 4–6 experiments covering the five required intents, some stored per unit and some as summaries', () => {
    expect(manifest.experiments.length).toBeGreaterThanOrEqual(4)
    expect(manifest.experiments.length).toBeLessThanOrEqual(6)
    expect(new Set(manifest.experiments.map((e) => e.intent))).toEqual(new Set(EXPERIMENT_INTENTS))
    expect(manifest.experiments.some((e) => e.storage === 'units')).toBe(true)
    expect(manifest.experiments.some((e) => e.storage === 'summaries')).toBe(true)
    const byIntent = new Map(manifest.experiments.map((e) => [e.intent, e]))
    expect(byIntent.get('multi_arm')!.arms).toHaveLength(3)
    expect(byIntent.get('underpowered')!.units).toBeLessThan(200)
    const push = byIntent.get('clear_win')!
    expect(push.metrics.find((m) => m.primary)!.name).toBe('clicked')
    const [control, treatment] = push.arms
    expect(treatment!.metrics.clicked!.rate! / control!.metrics.clicked!.rate! - 1).toBeGreaterThan(0.15)
    const srm = byIntent.get('sample_ratio_mismatch')!
    expect(srm.arms.every((a) => a.intendedShare === 0.5)).toBe(true)
    expect(srm.arms.map((a) => a.assignmentShare)).toEqual([0.48, 0.52])
    for (const e of manifest.experiments) expect(e.intendedDecision.length).toBeGreaterThan(20)
  })
})

describe('manifest validation', () => {
  const problems = (value: unknown): string => {
    try {
      parseDemoManifest(value)
      return ''
    } catch (error) {
      return (error as Error).message
    }
  }

  it('rejects a topic with fewer than eight phrasings', () => {
    const message = problems(variant((m) => m.topics[0]!.phrasings.en.splice(0, 3)))
    expect(message).toMatch(/topics\.0\.phrasings\.en/)
  })

  it('rejects repeated phrasings and unknown slots', () => {
    expect(problems(variant((m) => (m.topics[1]!.phrasings.zh[1] = m.topics[1]!.phrasings.zh[0]!)))).toMatch(
      /distinct/
    )
    expect(problems(variant((m) => m.topics[2]!.phrasings.en.push('My {ordr} is late.')))).toMatch(
      /unknown slot/
    )
    expect(TEXT_SLOTS).toContain('order')
  })

  it('rejects a missing intent, a missing quarter and duplicate topic ids', () => {
    expect(
      problems(
        variant((m) => (m.experiments = m.experiments.filter((e) => e.intent !== 'sample_ratio_mismatch')))
      )
    ).toMatch(/sample_ratio_mismatch/)
    expect(problems(variant((m) => delete m.topics[3]!.volume[q4]))).toMatch(/missing volume/)
    expect(problems(variant((m) => (m.topics[4]!.id = m.topics[5]!.id)))).toMatch(/duplicate topic id/)
  })

  it('rejects too few topics and arm shares that do not sum to one', () => {
    expect(problems(variant((m) => (m.topics = m.topics.slice(0, 10))))).toMatch(/topics/)
    expect(problems(variant((m) => (m.experiments[0]!.arms[0]!.intendedShare = 0.7)))).toMatch(/sum to 1/)
  })
})
