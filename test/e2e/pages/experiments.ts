import type { Locator, Page } from '@playwright/test'
import { expect } from '@playwright/test'

/** The Experiments view in the side bar: one item per experiment, or what to import. */
export class ExperimentsView {
  readonly root: Locator
  readonly activityButton: Locator
  readonly list: Locator
  readonly items: Locator
  readonly empty: Locator
  readonly emptyImport: Locator
  readonly emptyCalculator: Locator
  readonly calculator: Locator
  readonly settings: Locator

  constructor(readonly page: Page) {
    this.root = page.getByTestId('experiments-view')
    this.activityButton = page.getByTestId('activity-experiments')
    this.list = page.getByTestId('experiments-list')
    this.items = page.getByTestId('experiments-item')
    this.empty = page.getByTestId('experiments-empty')
    this.emptyImport = page.getByTestId('experiments-empty-import')
    this.emptyCalculator = page.getByTestId('experiments-empty-calculator')
    this.calculator = page.getByTestId('experiments-calculator')
    this.settings = page.getByTestId('experiments-settings')
  }

  /** Waits until the list shows the analysis the current data and settings call for. */
  async waitLoaded(): Promise<void> {
    await expect(this.list).toHaveAttribute('data-ready', 'true', { timeout: 30_000 })
  }

  item(name: string): Locator {
    return this.page.locator(`[data-testid="experiments-item"][data-name="${cssString(name)}"]`)
  }

  decision(name: string): Locator {
    return this.item(name).getByTestId('experiments-item-decision')
  }

  /** The experiments' names, top to bottom. */
  async names(): Promise<string[]> {
    return this.items.evaluateAll((els) => els.map((el) => el.getAttribute('data-name') ?? ''))
  }
}

/** The editor of one experiment. */
export class ExperimentEditor {
  readonly root: Locator
  readonly content: Locator
  readonly name: Locator
  readonly control: Locator
  readonly units: Locator
  readonly cleaning: Locator
  readonly srmBanner: Locator
  readonly decisionCards: Locator
  readonly omnibus: Locator

  constructor(readonly page: Page) {
    this.root = page.locator('[data-testid="experiment-editor"]:visible')
    this.content = this.root.getByTestId('experiment-content')
    this.name = this.root.getByTestId('experiment-name')
    this.control = this.root.getByTestId('experiment-control')
    this.units = this.root.getByTestId('experiment-units')
    this.cleaning = this.root.getByTestId('experiment-cleaning')
    this.srmBanner = this.root.getByTestId('experiment-srm-banner')
    this.decisionCards = this.root.getByTestId('experiment-decision-card')
    this.omnibus = this.root.getByTestId('experiment-omnibus')
  }

  async waitLoaded(): Promise<void> {
    await expect(this.content).toHaveAttribute('data-ready', 'true', { timeout: 30_000 })
  }

  /** The decision card of a treatment arm (primary metric). */
  decisionCard(arm: string): Locator {
    return this.root.locator(`[data-testid="experiment-decision-card"][data-arm="${cssString(arm)}"]`)
  }

  decision(arm: string): Locator {
    return this.decisionCard(arm).getByTestId('experiment-decision')
  }

  reason(arm: string): Locator {
    return this.decisionCard(arm).getByTestId('experiment-reason')
  }

  power(arm: string): Locator {
    return this.decisionCard(arm).getByTestId('experiment-power')
  }

  unitsNeeded(arm: string): Locator {
    return this.decisionCard(arm).getByTestId('experiment-units-needed')
  }

  armRows(): Locator {
    return this.root.getByTestId('experiment-arm-row')
  }

  armRow(metric: string, arm: string): Locator {
    return this.root.locator(
      `[data-testid="experiment-arm-row"][data-metric="${cssString(metric)}"][data-arm="${cssString(arm)}"]`
    )
  }

  comparisonRows(): Locator {
    return this.root.getByTestId('experiment-comparison-row')
  }

  comparisonRow(metric: string, arm: string): Locator {
    return this.root.locator(
      `[data-testid="experiment-comparison-row"][data-metric="${cssString(metric)}"][data-arm="${cssString(arm)}"]`
    )
  }

  /** A cell of a row (`cell-n`, `cell-value`, `cell-lift`, `cell-p-adj`, …). */
  cell(row: Locator, cell: string): Locator {
    return row.getByTestId(cell)
  }

  chart(): Locator {
    return this.root.getByTestId('metrics-chart-experiment-forest')
  }

  forestRows(): Locator {
    return this.root.getByTestId('metrics-hit-experiment-forest')
  }

  exportButton(format: 'png' | 'svg'): Locator {
    return this.root.getByTestId(`metrics-export-${format}-experiment-forest`)
  }
}

/** The sample-size calculator. */
export class SampleSizeCalculator {
  readonly root: Locator
  readonly baseline: Locator
  readonly mde: Locator
  readonly mdeKind: Locator
  readonly alpha: Locator
  readonly power: Locator
  readonly daily: Locator
  readonly perArm: Locator
  readonly cohen: Locator
  readonly total: Locator
  readonly days: Locator
  readonly summary: Locator
  readonly result: Locator
  readonly reset: Locator

  constructor(readonly page: Page) {
    this.root = page.getByTestId('sample-size-editor')
    this.baseline = page.getByTestId('sample-size-baseline')
    this.mde = page.getByTestId('sample-size-mde')
    this.mdeKind = page.getByTestId('sample-size-mde-kind')
    this.alpha = page.getByTestId('sample-size-alpha')
    this.power = page.getByTestId('sample-size-power')
    this.daily = page.getByTestId('sample-size-daily')
    this.perArm = page.getByTestId('sample-size-per-arm')
    this.cohen = page.getByTestId('sample-size-cohen')
    this.total = page.getByTestId('sample-size-total')
    this.days = page.getByTestId('sample-size-days')
    this.summary = page.getByTestId('sample-size-summary')
    this.result = page.getByTestId('sample-size-result')
    this.reset = page.getByTestId('sample-size-reset')
  }

  /** The answer once it belongs to the inputs on screen (not the last one, dimmed). */
  answer(): Locator {
    return this.page.locator('[data-testid="sample-size-result"][data-pending="false"]')
  }

  error(field: string): Locator {
    return this.page.getByTestId(`sample-size-error-${field}`)
  }
}

/** A value for a double-quoted CSS attribute selector. */
function cssString(value: string): string {
  return value.replace(/\\/g, '\\\\').replace(/"/g, '\\"')
}
