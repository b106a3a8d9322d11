import { z } from 'zod'
import manifestJson from '../../../../resources/demo/manifest.json' with { type: 'json' }

/** Slots a phrasing may use; the text generator fills each one from the ticket's context. */
export const TEXT_SLOTS = [
  'order',
  'amount',
  'date',
  'days',
  'version',
  'city',
  'product',
  'courier',
  'card',
  'coins',
  'phoneTail',
  'seller',
  'payment',
  'voucher',
  'device',
  'agent',
  'signupYear',
  'name',
  'fullName',
  'nameZh'
] as const
export type TextSlot = (typeof TEXT_SLOTS)[number]

/** The five experiment intents the demo must show (issue 2, item 5). */
export const EXPERIMENT_INTENTS = [
  'clear_win',
  'multi_arm',
  'underpowered',
  'significant_not_practical',
  'sample_ratio_mismatch'
] as const
export type ExperimentIntent = (typeof EXPERIMENT_INTENTS)[number]

const SLOT_PATTERN = /\{([A-Za-z]+)\}/g
const day = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'a date as YYYY-MM-DD')
const share = z.number().min(0).max(1)
const positive = z.number().positive()
const quarterKey = z.string().regex(/^\d{4}-Q[1-4]$/)

/** A template string whose `{slots}` are all known. */
const template = z
  .string()
  .min(1)
  .refine((text) => [...text.matchAll(SLOT_PATTERN)].every((m) => isTextSlot(m[1] ?? '')), {
    message: `unknown slot; known slots: ${TEXT_SLOTS.join(', ')}`
  })

const distinct = <T extends z.ZodType<string>>(item: T, min: number) =>
  z
    .array(item)
    .min(min)
    .refine((list) => new Set(list).size === list.length, { message: 'entries must be distinct' })

const bilingual = (min: number) =>
  z.strictObject({ en: distinct(template, min), zh: distinct(template, min) })
const satisfaction = z.strictObject({ csat: z.number(), nps: z.number() })
const distribution = (length: number) =>
  z
    .array(z.number().nonnegative())
    .length(length)
    .refine((w) => Math.abs(w.reduce((a, b) => a + b, 0) - 1) < 1e-6, { message: 'shares must sum to 1' })

const RegionSchema = z.strictObject({
  id: z.string().min(1),
  share: positive,
  /** Share of this region's customers who write in Simplified Chinese. */
  zhShare: share,
  utcOffsetHours: z.number().min(-12).max(14),
  dateStyle: z.enum(['day-month', 'month-day']),
  currency: z.strictObject({ symbol: z.string().min(1), perUsd: positive, zhSuffix: z.string().optional() }),
  cities: z.array(z.strictObject({ en: z.string().min(1), zh: z.string().min(1) })).min(1),
  couriers: z.array(z.string().min(1)).min(1)
})

const TopicSchema = z.strictObject({
  id: z.string().regex(/^[a-z][a-z0-9_]*$/),
  name: z.strictObject({ en: z.string().min(1), zh: z.string().min(1) }),
  /** The intended shape over the year; tests hold the data to it. */
  trend: z.enum(['rising', 'falling', 'new', 'seasonal', 'stable', 'mild_rise']),
  story: z.string().min(1),
  /** Expected tickets per full quarter (a rate: days before `startsOn`, after `fix` and after `today` scale it). */
  volume: z.record(quarterKey, z.number().nonnegative()),
  startsOn: day.optional(),
  fix: z
    .strictObject({
      date: day,
      version: z.string().min(1),
      /** Share of the rate that remains after the fix shipped. */
      residualFactor: share,
      note: z.string().min(1)
    })
    .optional(),
  platforms: z
    .array(z.enum(['ios', 'android', 'web']))
    .min(1)
    .optional(),
  tiers: z.array(z.string().min(1)).min(1).optional(),
  /** 1 (annoyance) to 3 (money or access at stake); drives ticket priority. */
  severity: z.union([z.literal(1), z.literal(2), z.literal(3)]),
  impact: z.enum(['low', 'medium', 'high']),
  /** Shift of a respondent's latent satisfaction, in points of each scale, per topic raised recently. */
  satisfactionEffect: satisfaction,
  /** Multiplies the channel's resolution time. */
  resolutionFactor: positive,
  effort: z
    .strictObject({
      size: z.enum(['S', 'M', 'L', 'XL']),
      weeks: positive,
      owner: z.string().min(1),
      proposal: z.string().min(1)
    })
    .optional(),
  phrasings: bilingual(8)
})

const MetricSchema = z.strictObject({
  name: z.string().regex(/^[a-z][a-z0-9_]*$/),
  kind: z.enum(['binary', 'numeric']),
  primary: z.boolean().optional(),
  /** The metric can only be non-zero for units where this binary metric is 1. */
  given: z.string().optional()
})

const ArmMetricSchema = z
  .strictObject({
    rate: share.optional(),
    median: positive.optional(),
    sigma: positive.optional(),
    mean: z.number().optional(),
    sd: z.number().nonnegative().optional()
  })
  .refine(
    (m) => m.rate !== undefined || (m.median !== undefined && m.sigma !== undefined) || m.mean !== undefined,
    {
      message: 'an arm metric needs a rate, a median and sigma, or a mean'
    }
  )

const ExperimentSchema = z.strictObject({
  key: z.string().regex(/^[a-z][a-z0-9_]*$/),
  name: z.string().min(1),
  intent: z.enum(EXPERIMENT_INTENTS),
  /** Per-unit rows (a user-level event export) or a per-arm summary table. */
  storage: z.enum(['units', 'summaries']),
  description: z.string().min(1),
  start: day,
  end: day,
  units: z.number().int().positive(),
  exposureShare: share.optional(),
  unitIdPrefix: z.string().min(1).optional(),
  metrics: z.array(MetricSchema).min(1),
  arms: z
    .array(
      z.strictObject({
        name: z.string().regex(/^[a-z][a-z0-9_]*$/),
        control: z.boolean(),
        intendedShare: z.number().gt(0).lte(1),
        /** The share actually assigned when it differs from the intended one (a broken split). */
        assignmentShare: z.number().gt(0).lte(1).optional(),
        metrics: z.record(z.string(), ArmMetricSchema)
      })
    )
    .min(2),
  intendedDecision: z.string().min(1)
})

const commentSet = z.strictObject({ positive: bilingual(6), neutral: bilingual(6), negative: bilingual(6) })

const ManifestObjectSchema = z.strictObject({
  version: z.literal(1),
  seed: z.string().min(1),
  timeZone: z.string().min(1),
  year: z.number().int().min(2000).max(2100),
  /** The demo's "now": nothing is generated after it. */
  today: z.iso.datetime(),
  company: z.strictObject({
    name: z.string().min(1),
    nameZh: z.string().min(1),
    product: z.string().min(1),
    markets: z.string().min(1),
    supportEmail: z.string().min(3),
    helpdesk: z.string().min(1),
    revenueCurrency: z.string().length(3)
  }),
  releases: z.array(z.strictObject({ version: z.string().min(1), date: day, note: z.string() })).min(2),
  customers: z.strictObject({
    count: z.number().int().min(100),
    idPrefix: z.string().min(1),
    idDigits: z.number().int().min(3).max(10),
    /** Shape of the gamma distribution of customer activity (lower: more skewed). */
    activityShape: positive,
    signup: z.strictObject({ from: day, to: day, shareBeforeYear: share }),
    /** Share of a customer's tickets written in their other language. */
    otherLanguageShare: share,
    tiers: z
      .array(
        z.strictObject({
          id: z.string().min(1),
          share: positive,
          revenueMedian: positive,
          revenueSigma: positive,
          satisfactionShift: satisfaction
        })
      )
      .min(1),
    platforms: z.array(z.strictObject({ id: z.enum(['ios', 'android', 'web']), share: positive })).min(1),
    regions: z.array(RegionSchema).min(1)
  }),
  channels: z
    .array(
      z.strictObject({
        id: z.string().min(1),
        share: positive,
        firstResponseMedianMinutes: positive,
        firstResponseSigma: positive,
        resolutionMedianHours: positive,
        resolutionSigma: positive
      })
    )
    .min(1),
  priorities: z.strictObject({
    levels: z.array(z.strictObject({ id: z.string().min(1), timeFactor: positive })).length(4),
    weightsBySeverity: z.array(distribution(4)).length(3),
    premierBumpShare: share
  }),
  seasonality: z.strictObject({
    /** Sunday first, as `Date.getUTCDay()` counts. */
    weekdayFactors: z.array(positive).length(7),
    localHourWeights: z.array(z.number().nonnegative()).length(24),
    peaks: z.array(
      z.strictObject({
        name: z.string().min(1),
        date: day,
        offsetDays: z.number(),
        widthDays: positive,
        factor: z.number().min(1)
      })
    )
  }),
  tickets: z.strictObject({
    noiseShare: share,
    mixedLanguageShare: share,
    typoShare: z.strictObject({ en: share, zh: share }),
    externalIdStart: z.number().int().positive(),
    openerShare: share,
    detailShare: share,
    greetingShare: share,
    closingShare: share,
    signoffShare: share,
    mobileSignatureShare: share,
    quotedReplyShare: share,
    subjectFirstWordsShare: share,
    subjectGenericShare: share,
    closedAfterDays: positive,
    pendingShareOfOpen: share
  }),
  text: z.strictObject({
    greetings: bilingual(4),
    openers: bilingual(4),
    closings: bilingual(4),
    details: bilingual(4),
    signoffs: bilingual(2),
    mobileSignatures: z.strictObject({
      ios: z.array(z.string()).min(1),
      android: z.array(z.string()).min(1)
    }),
    quotedReplies: bilingual(1),
    genericSubjects: bilingual(4),
    channelSubjects: z.record(z.string(), z.strictObject({ share, en: template, zh: template })),
    mixing: z.strictObject({
      zhTermsToEnglish: z.array(z.tuple([z.string().min(1), z.string().min(1)])).min(5),
      englishAdditionsForZh: z.array(z.string().min(1)).min(3),
      chineseAdditionsForEn: z.array(z.string().min(1)).min(3),
      maxTermSwaps: z.number().int().min(1)
    }),
    typos: z.strictObject({
      enMisspellings: z.array(z.tuple([z.string().min(1), z.string().min(1)])).min(5),
      zhConfusions: z.array(z.tuple([z.string().min(1), z.string().min(1)])).min(5),
      maxPerTicket: z.number().int().min(1)
    })
  }),
  vocabulary: z.strictObject({
    amountMedianUsd: positive,
    amountSigma: positive,
    names: z.strictObject({
      enGiven: z.array(z.string().min(1)).min(5),
      enFamily: z.array(z.string().min(1)).min(5),
      zhFamily: z.array(z.string().min(1)).min(5),
      zhGiven: z.array(z.string().min(1)).min(5)
    }),
    products: z.strictObject({ en: z.array(z.string()).min(5), zh: z.array(z.string()).min(5) }),
    sellers: z.strictObject({ en: z.array(z.string()).min(3), zh: z.array(z.string()).min(3) }),
    payments: z.strictObject({ en: z.array(z.string()).min(3), zh: z.array(z.string()).min(3) }),
    cardBrands: z.array(z.string()).min(1),
    cardKindsZh: z.array(z.string()).min(1),
    devices: z.strictObject({
      ios: z.strictObject({ en: z.array(z.string()).min(1), zh: z.array(z.string()).min(1) }),
      android: z.strictObject({ en: z.array(z.string()).min(1), zh: z.array(z.string()).min(1) }),
      web: z.strictObject({ en: z.array(z.string()).min(1), zh: z.array(z.string()).min(1) })
    }),
    couriersZh: z.array(z.string().min(1)).min(1),
    vouchers: z.array(z.string().regex(/\d/, 'voucher codes contain a digit')).min(3),
    agents: z.strictObject({ en: z.array(z.string()).min(1), zh: z.array(z.string()).min(1) })
  }),
  noise: z.strictObject({
    kinds: z
      .array(
        z.strictObject({
          id: z.string().min(1),
          share: positive,
          /** Whether greetings, closings and sign-offs may be added around it. */
          wrap: z.boolean(),
          noResponseShare: share,
          phrasings: bilingual(5)
        })
      )
      .min(1)
  }),
  topics: z.array(TopicSchema).min(15).max(30),
  surveys: z.strictObject({
    /** A topic lowers a response's scores when the customer raised it within this many days before. */
    effectWindowDays: positive,
    latent: z.strictObject({ csatSd: positive, npsSd: positive, correlation: z.number().min(-1).max(1) }),
    npsScoreWeights: z.strictObject({
      detractors: z.array(z.number().nonnegative()).length(7),
      passives: z.array(z.number().nonnegative()).length(2),
      promoters: z.array(z.number().nonnegative()).length(2)
    }),
    relationship: z.strictObject({
      name: z.string().min(1),
      sourceSystem: z.string().min(1),
      responses: z.record(quarterKey, z.number().int().nonnegative()),
      channels: z.array(z.strictObject({ id: z.string().min(1), share: positive })).min(1),
      csatMissingShare: share,
      npsMissingShare: share,
      commentShare: share,
      topicCommentShare: share,
      npsTargets: z.record(quarterKey, z.strictObject({ promoters: share, detractors: share })),
      csatTargets: z.record(quarterKey, distribution(5))
    }),
    postSupport: z.strictObject({
      name: z.string().min(1),
      sourceSystem: z.string().min(1),
      channel: z.string().min(1),
      shareOfSolvedTickets: share,
      maxDelayHours: positive,
      commentShare: share,
      csatTargets: distribution(5)
    }),
    npsChanges: z
      .array(
        z.strictObject({
          from: quarterKey,
          to: quarterKey,
          intendedChangePoints: z.number(),
          significant: z.boolean(),
          note: z.string()
        })
      )
      .min(2),
    segments: z.array(z.enum(['region', 'tier', 'platform', 'language'])).min(1),
    comments: z.strictObject({ relationship: commentSet, support: commentSet })
  }),
  experiments: z.array(ExperimentSchema).min(4).max(6)
})

/** The demo manifest: field types plus the cross-references between them. */
export const DemoManifestSchema = ManifestObjectSchema.superRefine(checkConsistency)

export type DemoManifest = z.infer<typeof DemoManifestSchema>
export type DemoTopic = DemoManifest['topics'][number]
export type DemoExperiment = DemoManifest['experiments'][number]
export type DemoRegion = DemoManifest['customers']['regions'][number]
export type Language = 'en' | 'zh'

/** True for a slot name the text generator knows. */
export function isTextSlot(name: string): name is TextSlot {
  return (TEXT_SLOTS as readonly string[]).includes(name)
}

/** The four quarter keys of the demo year, e.g. `2026-Q1`. */
export function quarterKeys(year: number): string[] {
  return [1, 2, 3, 4].map((q) => `${year}-Q${q}`)
}

function checkConsistency(m: z.infer<typeof ManifestObjectSchema>, ctx: z.RefinementCtx): void {
  const quarters = quarterKeys(m.year)
  const issue = (path: (string | number)[], message: string): void => {
    ctx.addIssue({ code: 'custom', path, message })
  }
  const ids = new Set<string>()
  m.topics.forEach((topic, i) => {
    if (ids.has(topic.id)) issue(['topics', i, 'id'], `duplicate topic id ${topic.id}`)
    ids.add(topic.id)
    for (const q of quarters) {
      if (topic.volume[q] === undefined) issue(['topics', i, 'volume'], `missing volume for ${q}`)
    }
    for (const tier of topic.tiers ?? []) {
      if (!m.customers.tiers.some((t) => t.id === tier)) issue(['topics', i, 'tiers'], `unknown tier ${tier}`)
    }
  })
  for (const [key, record] of [
    ['responses', m.surveys.relationship.responses],
    ['npsTargets', m.surveys.relationship.npsTargets],
    ['csatTargets', m.surveys.relationship.csatTargets]
  ] as const) {
    for (const q of quarters) {
      if (record[q] === undefined) issue(['surveys', 'relationship', key], `missing ${q}`)
    }
  }
  const intents = new Set(m.experiments.map((e) => e.intent))
  for (const intent of EXPERIMENT_INTENTS) {
    if (!intents.has(intent)) issue(['experiments'], `no experiment with intent ${intent}`)
  }
  m.experiments.forEach((e, i) => {
    if (e.arms.filter((a) => a.control).length !== 1)
      issue(['experiments', i, 'arms'], 'exactly one control arm')
    const shares = e.arms.reduce((s, a) => s + a.intendedShare, 0)
    if (Math.abs(shares - 1) > 1e-6) issue(['experiments', i, 'arms'], 'intended shares must sum to 1')
    if (e.metrics.filter((x) => x.primary).length !== 1)
      issue(['experiments', i, 'metrics'], 'exactly one primary metric')
    if (e.storage === 'units' && !e.unitIdPrefix)
      issue(['experiments', i, 'unitIdPrefix'], 'required for per-unit rows')
    for (const metric of e.metrics) {
      if (metric.given && !e.metrics.some((x) => x.name === metric.given && x.kind === 'binary')) {
        issue(['experiments', i, 'metrics'], `${metric.name} is given an unknown binary metric`)
      }
      for (const arm of e.arms) {
        if (!arm.metrics[metric.name])
          issue(['experiments', i, 'arms'], `arm ${arm.name} lacks ${metric.name}`)
      }
    }
  })
  const release = (d: string): number => Date.parse(`${d}T00:00:00Z`)
  for (let i = 1; i < m.releases.length; i++) {
    const prev = m.releases[i - 1]
    const cur = m.releases[i]
    if (prev && cur && release(cur.date) <= release(prev.date))
      issue(['releases', i], 'releases must be in date order')
  }
}

/** Validates a manifest; throws with every problem listed. */
export function parseDemoManifest(value: unknown): DemoManifest {
  const parsed = DemoManifestSchema.safeParse(value)
  if (!parsed.success) {
    const problems = parsed.error.issues.map((i) => `${i.path.join('.') || '(root)'}: ${i.message}`)
    throw new Error(`The demo manifest is invalid:\n${problems.join('\n')}`)
  }
  return parsed.data
}

let shipped: DemoManifest | undefined

/** The manifest shipped in `resources/demo/manifest.json`, validated once. */
export function loadDemoManifest(): DemoManifest {
  shipped ??= parseDemoManifest(manifestJson)
  return shipped
}
