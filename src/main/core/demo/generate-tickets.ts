import type { TicketRecord } from '../store/repositories/tickets'
import { DAY_MS, HOUR_MS, MINUTE_MS, dayStart, quarterOf, quarterRange } from './calendar'
import type { TicketTruth } from './demo-data'
import type { CustomerProfile, CustomerSampler } from './generate-customers'
import type { DemoManifest, DemoTopic, Language } from './manifest'
import { quarterKeys } from './manifest'
import type { Rng } from './rng'
import type { SlotFiller } from './slots'
import { composeTicketText } from './ticket-text'

/** A ticket before it is written: the record, its truth, and what surveys need to know. */
export interface GeneratedTicket {
  record: TicketRecord
  truth: TicketTruth
  customer: CustomerProfile
}

interface Draft {
  at: number
  customer: CustomerProfile
  topic: DemoTopic | null
  noise: DemoManifest['noise']['kinds'][number] | null
}

/**
 * The seasonal weight of a day: the weekday factor times the sale and holiday peaks (Gaussian
 * bumps around each peak date, shifted by its offset).
 */
export function dayWeight(manifest: DemoManifest, day: number): number {
  const s = manifest.seasonality
  let bump = 1
  for (const peak of s.peaks) {
    const centre = dayStart(peak.date) + peak.offsetDays * DAY_MS
    const z = (day - centre) / (peak.widthDays * DAY_MS)
    bump += (peak.factor - 1) * Math.exp(-0.5 * z * z)
  }
  return (s.weekdayFactors[new Date(day).getUTCDay()] ?? 1) * bump
}

/**
 * Expected tickets of a topic on a day: its quarterly volume spread over the quarter by the day
 * weights, zero before it starts, the residual share after its fix shipped.
 */
export function expectedTopicTickets(
  manifest: DemoManifest,
  topic: DemoTopic,
  day: number,
  quarterWeight: ReadonlyMap<string, number>
): number {
  if (topic.startsOn && day < dayStart(topic.startsOn)) return 0
  const quarter = quarterOf(day)
  const volume = topic.volume[quarter] ?? 0
  const total = quarterWeight.get(quarter) ?? 1
  let expected = (volume * dayWeight(manifest, day)) / total
  if (topic.fix && day >= dayStart(topic.fix.date)) expected *= topic.fix.residualFactor
  return expected
}

/** Sums of day weights per quarter (full quarters, so a partial last quarter gets its share). */
export function quarterWeights(manifest: DemoManifest): Map<string, number> {
  const weights = new Map<string, number>()
  for (const key of quarterKeys(manifest.year)) {
    const { start, end } = quarterRange(key)
    let sum = 0
    for (let day = start; day < end; day += DAY_MS) sum += dayWeight(manifest, day)
    weights.set(key, sum)
  }
  return weights
}

/** Every ticket of the demo year up to the demo's "today", in creation order. */
export function generateTickets(
  manifest: DemoManifest,
  sampler: CustomerSampler,
  slots: SlotFiller,
  rng: Rng
): GeneratedTicket[] {
  const drafts = draftTickets(manifest, sampler, rng.fork('volume'))
  const textRng = rng.fork('text')
  const timingRng = rng.fork('timing')
  const today = Date.parse(manifest.today)
  const spec = manifest.tickets
  const levels = manifest.priorities.levels
  let nextId = spec.externalIdStart
  const tickets: GeneratedTicket[] = []

  for (const draft of drafts) {
    const { customer, topic, noise, at } = draft
    const externalId = String(nextId)
    // Help desks skip ids (deleted spam, merged tickets); so does the demo.
    nextId += textRng.chance(0.08) ? textRng.int(2, 4) : 1

    const language: Language = textRng.chance(manifest.customers.otherLanguageShare)
      ? customer.language === 'en'
        ? 'zh'
        : 'en'
      : customer.language
    const channel = textRng.weighted(manifest.channels, (c) => c.share)
    const mixed = textRng.chance(spec.mixedLanguageShare)
    const typo = textRng.chance(spec.typoShare[language])
    const template = textRng.pick(topic ? topic.phrasings[language] : (noise?.phrasings[language] ?? []))
    const written = composeTicketText(textRng, manifest, slots, {
      language,
      channel: channel.id,
      customer,
      at,
      template,
      wrap: topic !== null || (noise?.wrap ?? false),
      isTopic: topic !== null,
      mixed,
      typo
    })

    const severity = topic?.severity ?? 1
    let level = timingRng.weightedIndex(manifest.priorities.weightsBySeverity[severity - 1] ?? [1])
    if (customer.tier === 'Premier' && timingRng.chance(manifest.priorities.premierBumpShare)) {
      level = Math.min(level + 1, levels.length - 1)
    }
    const timeFactor = levels[level]?.timeFactor ?? 1
    let firstResponseAt: number | null = null
    let resolvedAt: number | null
    if (noise && timingRng.chance(noise.noResponseShare)) {
      // Closed by an agent without a reply (spam, auto-replies, a thank-you).
      resolvedAt = at + Math.round(timingRng.logNormal(6, 0.9) * HOUR_MS)
    } else {
      firstResponseAt =
        at +
        Math.round(
          timingRng.logNormal(channel.firstResponseMedianMinutes * timeFactor, channel.firstResponseSigma) *
            MINUTE_MS
        )
      const resolution = channel.resolutionMedianHours * timeFactor * (topic?.resolutionFactor ?? 0.3)
      resolvedAt =
        firstResponseAt + Math.round(timingRng.logNormal(resolution, channel.resolutionSigma) * HOUR_MS)
    }
    if (firstResponseAt !== null && firstResponseAt >= today) firstResponseAt = null
    if (resolvedAt >= today || (firstResponseAt === null && !noise)) resolvedAt = null

    let status: string
    if (resolvedAt !== null) status = resolvedAt < today - spec.closedAfterDays * DAY_MS ? 'closed' : 'solved'
    else if (firstResponseAt === null) status = 'new'
    else status = timingRng.chance(spec.pendingShareOfOpen) ? 'pending' : 'open'

    const tags: string[] = [customer.platform]
    if (customer.tier === 'Premier') tags.push('vip')
    if (at >= Date.UTC(manifest.year, 10, 1) && at < Date.UTC(manifest.year, 10, 16))
      tags.push('campaign_1111')

    const attributes: Record<string, unknown> = {
      platform: customer.platform,
      locale: customer.language === 'zh' ? 'zh-CN' : 'en'
    }
    if (customer.platform !== 'web') attributes.app_version = slots.versionAt(timingRng, at)

    tickets.push({
      customer,
      record: {
        sourceSystem: manifest.company.helpdesk,
        externalId,
        createdAt: at,
        resolvedAt,
        firstResponseAt,
        channel: channel.id,
        status,
        priority: levels[level]?.id ?? 'normal',
        subject: written.subject,
        text: written.text,
        customerId: customer.customerId,
        rating: null,
        tags,
        attributes
      },
      truth: {
        externalId,
        topicId: topic?.id ?? null,
        noiseKind: noise?.id ?? null,
        language,
        mixed: written.mixed,
        typos: written.typos
      }
    })
  }
  return tickets
}

/** When each ticket is created, by whom, and about what; sorted by creation time. */
function draftTickets(manifest: DemoManifest, sampler: CustomerSampler, rng: Rng): Draft[] {
  const today = Date.parse(manifest.today)
  const weights = quarterWeights(manifest)
  const noiseRatio = manifest.tickets.noiseShare / (1 - manifest.tickets.noiseShare)
  const hourWeights = manifest.seasonality.localHourWeights
  const drafts: Draft[] = []

  const place = (day: number, customer: CustomerProfile): number => {
    const localHour = rng.weightedIndex(hourWeights)
    const utcHour = (((localHour - customer.region.utcOffsetHours) % 24) + 24) % 24
    let at = day + utcHour * HOUR_MS + Math.floor(rng.next() * HOUR_MS)
    if (at >= today) at = day + Math.floor(rng.next() * (today - day))
    return at
  }

  for (let day = Date.UTC(manifest.year, 0, 1); day < today; day += DAY_MS) {
    // The demo's "today" is only partly over.
    const dayShare = Math.min(1, (today - day) / DAY_MS)
    let topicExpected = 0
    for (const topic of manifest.topics) {
      const expected = expectedTopicTickets(manifest, topic, day, weights) * dayShare
      topicExpected += expected
      const count = rng.poisson(expected)
      for (let i = 0; i < count; i++) {
        const customer = sampler.sample(rng, day, { platforms: topic.platforms, tiers: topic.tiers })
        if (customer) drafts.push({ at: place(day, customer), customer, topic, noise: null })
      }
    }
    const noiseCount = rng.poisson(topicExpected * noiseRatio)
    for (let i = 0; i < noiseCount; i++) {
      const customer = sampler.sample(rng, day)
      const noise = rng.weighted(manifest.noise.kinds, (k) => k.share)
      if (customer) drafts.push({ at: place(day, customer), customer, topic: null, noise })
    }
  }
  // Stable sort: equal timestamps keep their drawing order, so the result is deterministic.
  return drafts
    .map((draft, index) => ({ draft, index }))
    .sort((a, b) => a.draft.at - b.draft.at || a.index - b.index)
    .map((d) => d.draft)
}
