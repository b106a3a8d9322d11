import type { SurveyResponseRecord } from '../store/repositories/survey-responses'
import { DAY_MS, HOUR_MS, quarterOf, quarterRange } from './calendar'
import type { SurveyResponseTruth } from './demo-data'
import type { CustomerProfile } from './generate-customers'
import type { GeneratedTicket } from './generate-tickets'
import type { DemoManifest, DemoTopic } from './manifest'
import { quarterKeys } from './manifest'
import type { Rng } from './rng'
import type { SlotFiller } from './slots'

/** A response before it is written, with the truth behind it. */
export interface GeneratedSurveyResponse {
  record: SurveyResponseRecord
  truth: SurveyResponseTruth
  /** For post-support responses: the index of the ticket it rates. */
  ticketIndex: number | null
}

interface Draft {
  survey: 'relationship' | 'post_support'
  customer: CustomerProfile
  at: number
  channel: string
  recentTopics: DemoTopic[]
  csatLatent: number | null
  npsLatent: number | null
  ticketIndex: number | null
  csat: number | null
  nps: number | null
}

/**
 * Survey responses: a quarterly relationship pulse (CSAT 1–5 and NPS 0–10) and a post-support
 * CSAT after solved tickets.
 *
 * Scores come from a latent satisfaction per response: normal noise, plus the customer's tier
 * shift, plus the satisfaction effect of every topic the customer raised within the effect
 * window before responding. Within each survey and quarter, responses are ranked by the latent
 * value and cut at the manifest's target shares, so every quarter's CSAT and NPS distribution is
 * exactly as designed (the designed NPS changes between quarters hold for any seed) while
 * customers who recently raised damaging topics still score lower.
 */
export function generateSurveyResponses(
  manifest: DemoManifest,
  profiles: readonly CustomerProfile[],
  tickets: readonly GeneratedTicket[],
  slots: SlotFiller,
  rng: Rng
): GeneratedSurveyResponse[] {
  const spec = manifest.surveys
  const today = Date.parse(manifest.today)
  const topicsById = new Map(manifest.topics.map((t) => [t.id, t]))
  const history = ticketHistory(tickets)
  const windowMs = spec.effectWindowDays * DAY_MS
  const yearStart = Date.UTC(manifest.year, 0, 1)
  const topicsBetween = (customerId: string, from: number, to: number): Set<string> => {
    const seen = new Set<string>()
    for (const entry of history.get(customerId) ?? []) {
      if (entry.at >= to) break
      if (entry.at >= from && entry.topicId) seen.add(entry.topicId)
    }
    return seen
  }
  const toTopics = (ids: Iterable<string>): DemoTopic[] =>
    [...ids].sort().flatMap((id) => topicsById.get(id) ?? [])
  const recentTopics = (customerId: string, at: number): DemoTopic[] =>
    toTopics(topicsBetween(customerId, at - windowMs, at))
  /**
   * The topics that weigh on a response. Early in the year the window reaches back before the
   * first generated ticket; the customer's tickets in an equally long span right after the
   * response stand in for that unseen history, so that January respondents do not look happier
   * only because the demo has no past.
   */
  const weighingTopics = (customerId: string, at: number): DemoTopic[] => {
    const ids = topicsBetween(customerId, at - windowMs, at)
    const unseen = yearStart - (at - windowMs)
    if (unseen > 0) for (const id of topicsBetween(customerId, at, at + unseen)) ids.add(id)
    return toTopics(ids)
  }
  const latent = (customer: CustomerProfile, topics: DemoTopic[]): { csat: number; nps: number } => {
    const z1 = rng.normal()
    const z2 = rng.normal()
    const rho = spec.latent.correlation
    let csat = spec.latent.csatSd * z1 + customer.tierShift.csat
    let nps = spec.latent.npsSd * (rho * z1 + Math.sqrt(1 - rho * rho) * z2) + customer.tierShift.nps
    for (const topic of topics) {
      csat += topic.satisfactionEffect.csat
      nps += topic.satisfactionEffect.nps
    }
    return { csat, nps }
  }

  const drafts: Draft[] = []
  const relationship = spec.relationship
  for (const quarter of quarterKeys(manifest.year)) {
    const { start, end: quarterEnd } = quarterRange(quarter)
    const end = Math.min(quarterEnd, today)
    if (end <= start) continue
    const eligible = rng.shuffle(profiles.filter((c) => c.signupAt < end - DAY_MS))
    for (const customer of eligible.slice(0, relationship.responses[quarter] ?? 0)) {
      const from = Math.max(start, customer.signupAt + DAY_MS)
      const at = Math.floor(rng.uniform(from, end))
      const topics = recentTopics(customer.customerId, at)
      const scores = latent(customer, weighingTopics(customer.customerId, at))
      drafts.push({
        survey: 'relationship',
        customer,
        at,
        channel: rng.weighted(relationship.channels, (c) => c.share).id,
        recentTopics: topics,
        csatLatent: rng.chance(relationship.csatMissingShare) ? null : scores.csat,
        npsLatent: rng.chance(relationship.npsMissingShare) ? null : scores.nps,
        ticketIndex: null,
        csat: null,
        nps: null
      })
    }
  }

  const support = spec.postSupport
  tickets.forEach((ticket, index) => {
    const resolvedAt = ticket.record.resolvedAt
    const noise = ticket.truth.noiseKind
    if (resolvedAt === null || noise === 'spam' || noise === 'auto_reply') return
    if (!rng.chance(support.shareOfSolvedTickets)) return
    const at = resolvedAt + Math.floor(rng.uniform(0.25, support.maxDelayHours) * HOUR_MS)
    if (at >= today) return
    const topics = recentTopics(ticket.customer.customerId, at)
    const weighing = weighingTopics(ticket.customer.customerId, at)
    drafts.push({
      survey: 'post_support',
      customer: ticket.customer,
      at,
      channel: support.channel,
      recentTopics: topics,
      csatLatent: latent(ticket.customer, weighing).csat,
      npsLatent: null,
      ticketIndex: index,
      csat: null,
      nps: null
    })
  })

  assignScores(manifest, drafts)
  drafts.sort((a, b) => a.at - b.at || (a.customer.customerId < b.customer.customerId ? -1 : 1))

  const commentRng = rng.fork('comments')
  const idRng = rng.fork('ids')
  let supportId = 7_300_001
  return drafts.map((draft) => {
    const relationshipSurvey = draft.survey === 'relationship'
    const externalId = relationshipSurvey
      ? `R_${idRng.chars('0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz', 15)}`
      : String(supportId++)
    const ticket = draft.ticketIndex === null ? undefined : tickets[draft.ticketIndex]
    const language = draft.customer.language
    return {
      ticketIndex: draft.ticketIndex,
      truth: {
        externalId,
        survey: draft.survey,
        recentTopics: draft.recentTopics.map((t) => t.id)
      },
      record: {
        sourceSystem: relationshipSurvey ? relationship.sourceSystem : support.sourceSystem,
        externalId,
        survey: relationshipSurvey ? relationship.name : support.name,
        submittedAt: draft.at,
        customerId: draft.customer.customerId,
        csatScore: draft.csat,
        csatScaleMax: draft.csat === null ? null : 5,
        npsScore: draft.nps,
        comment: comment(manifest, slots, commentRng, draft),
        channel: draft.channel,
        segments: {
          region: draft.customer.region.id,
          tier: draft.customer.tier,
          platform: draft.customer.platform,
          language: language === 'zh' ? 'zh-CN' : 'en'
        },
        attributes: ticket ? { ticket_id: ticket.record.externalId } : null
      }
    }
  })
}

/** Ranks each survey-quarter group by latent score and cuts it at the target shares. */
function assignScores(manifest: DemoManifest, drafts: Draft[]): void {
  const spec = manifest.surveys
  const groups = new Map<string, Draft[]>()
  for (const draft of drafts) {
    const key = `${draft.survey}|${quarterOf(draft.at)}`
    const group = groups.get(key) ?? []
    group.push(draft)
    groups.set(key, group)
  }
  for (const [key, group] of groups) {
    const [survey, quarter] = key.split('|') as [string, string]
    const csatShares =
      survey === 'relationship' ? spec.relationship.csatTargets[quarter] : spec.postSupport.csatTargets
    if (csatShares) {
      const rated = group.filter((d) => d.csatLatent !== null)
      const categories = cutByShares(
        rated.map((d) => d.csatLatent ?? 0),
        csatShares
      )
      rated.forEach((d, i) => (d.csat = (categories[i] ?? 0) + 1))
    }
    const target = survey === 'relationship' ? spec.relationship.npsTargets[quarter] : undefined
    if (target) {
      const w = spec.npsScoreWeights
      const passives = 1 - target.promoters - target.detractors
      const normalise = (weights: number[], total: number): number[] => {
        const sum = weights.reduce((a, b) => a + b, 0)
        return weights.map((x) => (x / sum) * total)
      }
      const shares = [
        ...normalise(w.detractors, target.detractors),
        ...normalise(w.passives, passives),
        ...normalise(w.promoters, target.promoters)
      ]
      const rated = group.filter((d) => d.npsLatent !== null)
      const categories = cutByShares(
        rated.map((d) => d.npsLatent ?? 0),
        shares
      )
      rated.forEach((d, i) => (d.nps = categories[i] ?? 0))
    }
  }
}

/**
 * The category (0-based) of each value when the values, sorted ascending, are cut into
 * consecutive runs whose lengths follow `shares` (rounded at the cumulative boundaries).
 */
export function cutByShares(values: readonly number[], shares: readonly number[]): number[] {
  const order = values.map((v, i) => ({ v, i })).sort((a, b) => a.v - b.v || a.i - b.i)
  const total = shares.reduce((a, b) => a + b, 0)
  const categories = new Array<number>(values.length).fill(0)
  let cumulative = 0
  let position = 0
  shares.forEach((share, category) => {
    cumulative += share
    const boundary =
      category === shares.length - 1 ? values.length : Math.round((cumulative / total) * values.length)
    for (; position < boundary; position++) categories[order[position]?.i ?? 0] = category
  })
  return categories
}

function comment(manifest: DemoManifest, slots: SlotFiller, rng: Rng, draft: Draft): string | null {
  const spec = manifest.surveys
  const relationship = draft.survey === 'relationship'
  if (!rng.chance(relationship ? spec.relationship.commentShare : spec.postSupport.commentShare)) return null
  const language = draft.customer.language
  const sentiment =
    draft.nps !== null
      ? draft.nps >= 9
        ? 'positive'
        : draft.nps >= 7
          ? 'neutral'
          : 'negative'
      : (draft.csat ?? 3) >= 4
        ? 'positive'
        : draft.csat === 3
          ? 'neutral'
          : 'negative'
  const context = { language, customer: draft.customer, at: draft.at }
  if (
    relationship &&
    sentiment !== 'positive' &&
    draft.recentTopics.length > 0 &&
    rng.chance(spec.relationship.topicCommentShare)
  ) {
    const topic = rng.pick(draft.recentTopics)
    return slots.fill(rng, rng.pick(topic.phrasings[language]), context)
  }
  const pool = relationship ? spec.comments.relationship : spec.comments.support
  return slots.fill(rng, rng.pick(pool[sentiment][language]), context)
}

/** Each customer's tickets in time order, with their topic (null for noise). */
function ticketHistory(
  tickets: readonly GeneratedTicket[]
): Map<string, Array<{ at: number; topicId: string | null }>> {
  const history = new Map<string, Array<{ at: number; topicId: string | null }>>()
  for (const ticket of tickets) {
    const id = ticket.customer.customerId
    const list = history.get(id) ?? []
    list.push({ at: ticket.record.createdAt, topicId: ticket.truth.topicId })
    history.set(id, list)
  }
  return history
}
