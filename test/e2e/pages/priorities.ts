import type { Locator, Page } from '@playwright/test'
import { expect } from '@playwright/test'

/** The Priorities editor. */
export class PrioritiesEditor {
  readonly root: Locator
  readonly content: Locator
  readonly rows: Locator
  readonly quarter: Locator
  readonly freeze: Locator
  readonly frozenBanner: Locator
  readonly openReport: Locator

  constructor(readonly page: Page) {
    this.root = page.getByTestId('priorities-editor')
    this.content = page.getByTestId('priorities-content')
    this.rows = page.getByTestId('priorities-row')
    this.quarter = page.getByTestId('priorities-quarter')
    this.freeze = page.getByTestId('priorities-freeze')
    this.frozenBanner = page.getByTestId('priorities-frozen')
    this.openReport = page.getByTestId('priorities-open-report')
  }

  /** Waits until the list on screen is the one the data and edits call for. */
  async waitLoaded(): Promise<void> {
    await expect(this.content).toHaveAttribute('data-ready', 'true', { timeout: 60_000 })
  }

  /** The row titled `title`. */
  row(title: string): Locator {
    return this.rows.filter({
      has: this.page.getByTestId('priorities-title').getByText(title, { exact: true })
    })
  }

  /** The row at a rank. */
  atRank(rank: number): Locator {
    return this.page.locator(`[data-testid="priorities-row"][data-rank="${rank}"]`)
  }

  async titleAt(rank: number): Promise<string> {
    return (await this.atRank(rank).getByTestId('priorities-title').innerText()).trim()
  }
}

/** The report preview tab. */
export class ReportPreview {
  readonly root: Locator
  readonly frame: Locator
  readonly language: Locator
  readonly exportHtml: Locator
  readonly exportPdf: Locator

  constructor(readonly page: Page) {
    this.root = page.getByTestId('report-preview')
    this.frame = page.getByTestId('report-frame')
    this.language = page.getByTestId('report-language')
    this.exportHtml = page.getByTestId('report-export-html')
    this.exportPdf = page.getByTestId('report-export-pdf')
  }

  async waitLoaded(): Promise<void> {
    await expect(this.frame).toHaveAttribute('data-ready', 'true', { timeout: 60_000 })
  }
}
