import type { ThemeImpact, ThemesOverview, ThemeSummary } from '../../../src/shared/domain/themes'

/** An impact measured from surveys: customers with the complaint are 6.2 points less satisfied. */
export const SURVEY_IMPACT: ThemeImpact = {
  source: 'surveys',
  csatDiff: -0.0624,
  csatDiffCi95: [-0.091, -0.033],
  npsDiff: -13.04,
  npsDiffCi95: [-20.5, -5.6],
  n: 123,
  nOthers: 4567
}

/** A theme as `themes.list` answers it; fields overridden per test. */
export function theme(over: Partial<ThemeSummary> & { id: number }): ThemeSummary {
  return {
    label: `Theme ${over.id}`,
    generatedLabel: `Theme ${over.id}`,
    renamed: false,
    terms: ['refund', 'late'],
    kind: 'cluster',
    status: 'active',
    pinned: false,
    rule: null,
    parentId: null,
    conflictWith: null,
    size: 100,
    share: 0.05,
    trend: { previousQuarter: 40, currentQuarter: 50, change: 0.25 },
    sparkline: [1, 2, 3],
    impact: SURVEY_IMPACT,
    examples: [],
    ...over
  }
}

/** An overview of a few themes after one run. */
export function overview(themes: ThemeSummary[], over: Partial<ThemesOverview> = {}): ThemesOverview {
  return {
    quarter: '2026-Q2',
    previousQuarter: '2026-Q1',
    quarters: ['2026-Q1', '2026-Q2'],
    run: {
      id: 1,
      startedAt: 1,
      finishedAt: 2,
      granularity: 'normal',
      ticketCount: 1000,
      sampled: 1000,
      status: 'succeeded'
    },
    themes,
    totalTickets: 1000,
    unassigned: 0,
    sparklineMonths: ['2026-04', '2026-05', '2026-06'],
    ...over
  }
}
