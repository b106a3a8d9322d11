import type { Locator, Page } from '@playwright/test'
import { expect } from '@playwright/test'

/** The metrics dashboard: toolbar, cards, charts, segment table and comments pane. */
export class MetricsDashboard {
  readonly root: Locator
  readonly content: Locator
  readonly grain: Locator
  readonly segment: Locator
  readonly from: Locator
  readonly to: Locator
  readonly allDates: Locator
  readonly refresh: Locator
  readonly changePeriod: Locator
  readonly range: Locator
  readonly empty: Locator
  readonly emptyImport: Locator
  readonly segmentTable: Locator
  readonly segmentRows: Locator
  readonly segmentFilter: Locator
  readonly comments: Locator
  readonly commentItems: Locator
  readonly commentsTitle: Locator
  readonly commentsTotal: Locator
  readonly commentsMore: Locator
  readonly commentsClose: Locator
  readonly plan: Locator
  readonly planMetric: Locator
  readonly planMode: Locator
  readonly planInput: Locator
  readonly planMix: Locator
  readonly planResult: Locator
  readonly planError: Locator

  constructor(readonly page: Page) {
    this.root = page.getByTestId('metrics-dashboard')
    this.content = page.getByTestId('metrics-content')
    this.grain = page.getByTestId('metrics-grain')
    this.segment = page.getByTestId('metrics-segment')
    this.from = page.getByTestId('metrics-from')
    this.to = page.getByTestId('metrics-to')
    this.allDates = page.getByTestId('metrics-all-dates')
    this.refresh = page.getByTestId('metrics-refresh')
    this.changePeriod = page.getByTestId('metrics-change-period')
    this.range = page.getByTestId('metrics-range')
    this.empty = page.getByTestId('metrics-empty')
    this.emptyImport = page.getByTestId('metrics-empty-import')
    this.segmentTable = page.getByTestId('metrics-segment-table')
    this.segmentRows = page.getByTestId('metrics-segment-row')
    this.segmentFilter = page.getByTestId('metrics-segment-filter')
    this.comments = page.getByTestId('metrics-comments')
    this.commentItems = page.getByTestId('metrics-comment')
    this.commentsTitle = page.getByTestId('metrics-comments-title')
    this.commentsTotal = page.getByTestId('metrics-comments-total')
    this.commentsMore = page.getByTestId('metrics-comments-more')
    this.commentsClose = page.getByTestId('metrics-comments-close')
    this.plan = page.getByTestId('metrics-plan')
    this.planMetric = page.getByTestId('metrics-plan-metric')
    this.planMode = page.getByTestId('metrics-plan-mode')
    this.planInput = page.getByTestId('metrics-plan-input')
    this.planMix = page.getByTestId('metrics-plan-mix')
    this.planResult = page.getByTestId('metrics-plan-result')
    this.planError = page.getByTestId('metrics-plan-error')
  }

  /** Waits until both reports are on screen and nothing is being computed. */
  async waitLoaded(): Promise<void> {
    await expect(this.content).toHaveAttribute('data-ready', 'true', { timeout: 30_000 })
  }

  /** A card's value (`csat` or `nps`; `value`, `interval`, `n`, `mean`, `change`, `promoters`…). */
  card(metric: 'csat' | 'nps', field: string): Locator {
    return this.page.getByTestId(`metrics-card-${metric}-${field}`)
  }

  /** The row of a group; null is the row of responses without the segment. */
  row(key: string | null): Locator {
    return key === null
      ? this.page.locator('[data-testid="metrics-segment-row"][data-not-set="true"]')
      : this.page.locator(`[data-testid="metrics-segment-row"][data-key="${key}"]`)
  }

  /** One cell of a row (`csat-n`, `csat-value`, `csat-interval`, `csat-change`, `csat-p`, `nps-…`). */
  cell(row: Locator, column: string): Locator {
    return row.getByTestId(`metrics-cell-${column}`)
  }

  /** The header button that sorts by a column (`group`, `csat-n`, …). */
  sortButton(column: string): Locator {
    return this.page.getByTestId(`metrics-sort-${column}`)
  }

  /** A chart (`csat-trend`, `nps-trend`, `nps-distribution`). */
  chart(id: string): Locator {
    return this.page.getByTestId(`metrics-chart-${id}`)
  }

  /** The clickable area over a period of a trend chart. */
  trendPoint(chart: 'csat-trend' | 'nps-trend', key: string): Locator {
    return this.chart(chart).locator(`[data-testid="metrics-hit-${chart}"][data-key="${key}"]`)
  }

  /** The clickable area over a bar of the NPS distribution. */
  distributionBar(score: number): Locator {
    return this.chart('nps-distribution').locator(
      `[data-testid="metrics-hit-nps-distribution"][data-score="${score}"]`
    )
  }

  exportButton(chart: string, format: 'png' | 'svg'): Locator {
    return this.page.getByTestId(`metrics-export-${format}-${chart}`)
  }

  /** The planner's answer once it belongs to the inputs on screen (not the last one, dimmed). */
  planAnswer(): Locator {
    return this.page.locator('[data-testid="metrics-plan-result"][data-pending="false"]')
  }

  /** The keys of the table's rows, top to bottom (null for "Not set"). */
  async rowKeys(): Promise<Array<string | null>> {
    return this.segmentRows.evaluateAll((rows) =>
      rows.map((r) => (r.getAttribute('data-not-set') === 'true' ? null : r.getAttribute('data-key')))
    )
  }
}
