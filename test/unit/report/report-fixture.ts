import type { ChangeTest, MetricsGroup } from '../../../src/shared/domain/metrics'
import type { PriorityList, PriorityRow } from '../../../src/shared/domain/priorities'
import { DEFAULT_PRIORITY_FORMULA, describeFormula } from '../../../src/shared/domain/priorities'
import type { ReportData, ReportTheme } from '../../../src/main/core/report/report-data'
import { unknownImpact } from '../../../src/main/core/themes/theme-metrics'

/**
 * A quarterly review's data written by hand (2026-Q3, calendar quarters), for tests of the page:
 * every section filled, with values a reader can check in the HTML.
 */

const tested = (diff: number, significant: boolean): ChangeTest => ({
  diff,
  se: 0.01,
  z: 2,
  p: significant ? 0.001 : 0.4,
  pAdjusted: significant ? 0.002 : 0.5,
  pAdjustedBH: significant ? 0.002 : 0.5,
  significant,
  reason: null
})

function group(
  key: string,
  from: string,
  to: string,
  csat: number | null,
  nps: number | null,
  n: number
): MetricsGroup {
  return {
    key,
    from,
    to,
    csat: {
      n: csat === null ? 0 : n,
      satisfied: csat === null ? 0 : Math.round(csat * n),
      value: csat,
      ci95: csat === null ? null : [csat - 0.03, csat + 0.03],
      mean: csat === null ? null : 4,
      reason: csat === null ? 'no_responses' : null
    },
    nps: {
      n: nps === null ? 0 : n,
      value: nps,
      se: nps === null ? null : 4,
      ci95: nps === null ? null : [nps - 8, nps + 8],
      ci95Clipped: nps === null ? null : [nps - 8, nps + 8],
      promoters: null,
      passives: null,
      detractors: null,
      counts: { promoters: 0, passives: 0, detractors: 0 },
      reason: nps === null ? 'no_responses' : null
    },
    change: {
      against: null,
      csat: csat === null ? null : tested(-0.066, true),
      nps: nps === null ? null : tested(5, false)
    }
  }
}

const QUARTERS: Array<[string, string, string]> = [
  ['2025-Q4', '2025-10-01', '2025-12-31'],
  ['2026-Q1', '2026-01-01', '2026-03-31'],
  ['2026-Q2', '2026-04-01', '2026-06-30'],
  ['2026-Q3', '2026-07-01', '2026-09-30']
]

/** October 2025 to September 2026. */
const MONTHS = Array.from({ length: 12 }, (_, i) => (i < 3 ? `2025-${10 + i}` : `2026-0${i - 2}`))

export function theme(id: number, label: string, tickets: number, previousTickets: number): ReportTheme {
  return {
    id,
    label,
    tickets,
    previousTickets,
    share: tickets / 400,
    change: previousTickets > 0 ? (tickets - previousTickets) / previousTickets : null,
    reach: tickets - 2,
    impact:
      id % 2 === 0
        ? unknownImpact()
        : { ...unknownImpact('surveys', 900), csatDiff: -0.12, npsDiff: -31.5, n: 80 }
  }
}

export function priorityRow(rank: number, title: string, overrides: Partial<PriorityRow> = {}): PriorityRow {
  return {
    rank,
    id: `item-${rank}`,
    kind: 'item',
    title,
    themes: [rank],
    score: 120 / rank,
    components: {
      reach: 60 - rank,
      impact: 2,
      confidence: 0.8,
      effort: 1,
      trend: { previousQuarter: 20, currentQuarter: 30, change: 0.5, new: false },
      evidence: []
    },
    severity: {
      source: 'surveys',
      csatDiff: -0.1,
      csatDiffCi95: [-0.15, -0.05],
      npsDiff: -20,
      npsDiffCi95: [-30, -10],
      n: 120,
      drag: 20,
      baseImpact: 2,
      growthFactor: 1
    },
    tickets: 40,
    share: 0.1,
    impactKnown: true,
    effortSet: true,
    effortSize: 'M',
    effortWeeks: null,
    experiments: [],
    status: 'planned',
    owner: null,
    note: null,
    override: null,
    previousRank: null,
    change: null,
    ...overrides
  }
}

export function priorityListOf(items: PriorityRow[]): PriorityList {
  return {
    quarter: '2026-Q3',
    previousQuarter: '2026-Q2',
    formula: describeFormula(DEFAULT_PRIORITY_FORMULA),
    constants: DEFAULT_PRIORITY_FORMULA,
    items,
    quarters: ['2026-Q2', '2026-Q3'],
    frozenAt: null,
    previousFrozen: false
  }
}

/** A full report of 2026-Q3. */
export function reportData(overrides: Partial<ReportData> = {}): ReportData {
  return {
    workspace: { name: 'Acme support', fileName: 'acme.loopbench' },
    generatedOn: '2026-10-05',
    timeZone: 'UTC',
    fiscalYearStartMonth: 1,
    quarter: '2026-Q3',
    previousQuarter: '2026-Q2',
    range: { from: '2026-07-01', to: '2026-09-30' },
    quarterMonths: ['2026-07', '2026-08', '2026-09'],
    satisfaction: {
      csatScaleMax: 5,
      csatSatisfiedThreshold: 4,
      significanceLevel: 0.05,
      minSampleSize: 30,
      quarters: QUARTERS.map(([key, from, to], i) => group(key, from, to, 0.7 - i * 0.01, 20 - i, 500)),
      months: MONTHS.map((key, i) =>
        group(key, `${key}-01`, `${key}-28`, i === 4 ? null : 0.65 + i * 0.005, i === 4 ? null : 10 + i, 150)
      )
    },
    themes: {
      quarterTickets: 400,
      hasThemes: true,
      top: [
        theme(1, 'Refund is slow', 90, 40),
        theme(2, '退款太慢', 60, 0),
        theme(3, 'App crashes on login', 30, 55)
      ],
      risers: [theme(1, 'Refund is slow', 90, 40), theme(2, '退款太慢', 60, 0)],
      fallers: [theme(3, 'App crashes on login', 30, 55)]
    },
    experiments: {
      settings: { alpha: 0.05, minLift: 0.05, minLiftKind: 'relative', power: 0.8 },
      undated: 1,
      concluded: [
        {
          id: 1,
          key: 'checkout_copy',
          name: 'Checkout button wording',
          endedOn: '2026-08-20',
          units: 60000,
          metric: 'converted',
          control: 'control',
          arm: 'buy_now',
          decision: 'ship',
          relLift: 0.115,
          relLiftCi95: [0.057, 0.172],
          reasonCode: 'ship',
          reasonParams: {
            arm: 'buy_now',
            lift: 0.115,
            liftKind: 'relative',
            p: 0.0001,
            alpha: 0.05,
            threshold: 0.05,
            unitsNeededPerArm: null,
            power: 0.8
          }
        }
      ]
    },
    priorities: priorityListOf([
      priorityRow(1, 'Refund speed', {
        components: {
          reach: 88,
          impact: 3,
          confidence: 1,
          effort: 3,
          trend: { previousQuarter: 40, currentQuarter: 90, change: 1.25, new: false },
          evidence: [
            {
              experimentId: 1,
              key: 'checkout_copy',
              name: 'Checkout button wording',
              decision: 'ship',
              relLift: 0.115,
              relLiftCi95: [0.057, 0.172]
            }
          ]
        },
        score: 88,
        previousRank: 3
      }),
      priorityRow(2, '退款太慢', {
        impactKnown: false,
        effortSet: false,
        effortSize: null,
        components: {
          reach: 58,
          impact: 1,
          confidence: 0.5,
          effort: 1,
          trend: { previousQuarter: 0, currentQuarter: 60, change: null, new: true },
          evidence: []
        },
        score: 29,
        status: 'new',
        override: { rank: 2, note: 'CEO asked for it', conflict: false }
      })
    ]),
    ...overrides
  }
}
