import type { CustomerRecord } from '../store/repositories/customers'
import { DAY_MS, dayStart } from './calendar'
import type { DemoManifest, DemoRegion, Language } from './manifest'
import type { Rng } from './rng'

export type Platform = 'ios' | 'android' | 'web'

/** A generated customer with what the other generators need to write in their voice. */
export interface CustomerProfile {
  customerId: string
  language: Language
  platform: Platform
  region: DemoRegion
  tier: string
  tierShift: { csat: number; nps: number }
  givenEn: string
  familyEn: string
  /** A Chinese name for customers who write in Chinese; null otherwise. */
  nameZh: string | null
  signupAt: number
  /** Relative ticket activity (gamma distributed): a few customers write a lot. */
  activity: number
  phoneTail: string
}

/** Customers: profiles for the generators and records for the store, in the same order. */
export function generateCustomers(
  manifest: DemoManifest,
  rng: Rng
): { profiles: CustomerProfile[]; records: CustomerRecord[] } {
  const spec = manifest.customers
  const names = manifest.vocabulary.names
  const signupFrom = dayStart(spec.signup.from)
  const yearStart = Date.UTC(manifest.year, 0, 1)
  const signupTo = dayStart(spec.signup.to) + DAY_MS
  const profiles: CustomerProfile[] = []
  const records: CustomerRecord[] = []
  for (let i = 0; i < spec.count; i++) {
    const region = rng.weighted(spec.regions, (r) => r.share)
    const tier = rng.weighted(spec.tiers, (t) => t.share)
    const platform = rng.weighted(spec.platforms, (p) => p.share).id
    const language: Language = rng.chance(region.zhShare) ? 'zh' : 'en'
    const signupAt = Math.floor(
      rng.chance(spec.signup.shareBeforeYear)
        ? rng.uniform(signupFrom, yearStart)
        : rng.uniform(yearStart, signupTo)
    )
    const givenEn = rng.pick(names.enGiven)
    const familyEn = rng.pick(names.enFamily)
    const nameZh = language === 'zh' ? rng.pick(names.zhFamily) + rng.pick(names.zhGiven) : null
    const customerId = spec.idPrefix + String(i + 1).padStart(spec.idDigits, '0')
    const revenue = Math.round(rng.logNormal(tier.revenueMedian, tier.revenueSigma) * 100) / 100
    const city = rng.pick(region.cities)
    const profile: CustomerProfile = {
      customerId,
      language,
      platform,
      region,
      tier: tier.id,
      tierShift: tier.satisfactionShift,
      givenEn,
      familyEn,
      nameZh,
      signupAt,
      activity: rng.gamma(spec.activityShape),
      phoneTail: String(rng.int(0, 9999)).padStart(4, '0')
    }
    profiles.push(profile)
    records.push({
      customerId,
      // Customers in mainland China are on file under their Chinese name.
      name: nameZh !== null && region.currency.zhSuffix !== undefined ? nameZh : `${givenEn} ${familyEn}`,
      tier: tier.id,
      region: region.id,
      revenue,
      signupAt,
      attributes: { platform, language: language === 'zh' ? 'zh-CN' : 'en', city: city.en }
    })
  }
  return { profiles, records }
}

/**
 * Draws customers in proportion to their activity, among those who had signed up by a given
 * time and match a filter (a topic may concern only Android users, or only paying tiers).
 */
export class CustomerSampler {
  private readonly groups = new Map<
    string,
    { members: CustomerProfile[]; signups: number[]; cumulative: number[] }
  >()
  private readonly bySignup: CustomerProfile[]

  constructor(profiles: readonly CustomerProfile[]) {
    this.bySignup = [...profiles].sort(
      (a, b) => a.signupAt - b.signupAt || (a.customerId < b.customerId ? -1 : 1)
    )
  }

  /** A customer who had signed up before `at` and passes the filter; undefined if none did. */
  sample(
    rng: Rng,
    at: number,
    filter: { platforms?: readonly string[] | undefined; tiers?: readonly string[] | undefined } = {}
  ): CustomerProfile | undefined {
    const group = this.group(filter)
    const eligible = upperBound(group.signups, at)
    if (eligible === 0) return undefined
    const total = group.cumulative[eligible - 1] ?? 0
    const target = rng.next() * total
    const index = upperBound(group.cumulative, target, eligible)
    return group.members[Math.min(index, eligible - 1)]
  }

  private group(filter: {
    platforms?: readonly string[] | undefined
    tiers?: readonly string[] | undefined
  }): {
    members: CustomerProfile[]
    signups: number[]
    cumulative: number[]
  } {
    const key = `${filter.platforms?.join(',') ?? '*'}|${filter.tiers?.join(',') ?? '*'}`
    let group = this.groups.get(key)
    if (!group) {
      const members = this.bySignup.filter(
        (c) =>
          (!filter.platforms || filter.platforms.includes(c.platform)) &&
          (!filter.tiers || filter.tiers.includes(c.tier))
      )
      let sum = 0
      group = {
        members,
        signups: members.map((c) => c.signupAt),
        cumulative: members.map((c) => (sum += c.activity))
      }
      this.groups.set(key, group)
    }
    return group
  }
}

/** The number of entries of a sorted array (within its first `length`) that are <= value. */
function upperBound(sorted: readonly number[], value: number, length = sorted.length): number {
  let lo = 0
  let hi = length
  while (lo < hi) {
    const mid = (lo + hi) >>> 1
    if ((sorted[mid] ?? Infinity) <= value) lo = mid + 1
    else hi = mid
  }
  return lo
}
