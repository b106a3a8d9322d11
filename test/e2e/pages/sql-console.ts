import type { Locator, Page } from '@playwright/test'
import { expect } from '@playwright/test'

/** The read-only SQL console. */
export class SqlConsole {
  readonly root: Locator
  readonly editor: Locator
  readonly run: Locator
  readonly cancel: Locator
  readonly maxRows: Locator
  readonly timeout: Locator
  readonly summary: Locator
  readonly truncated: Locator
  readonly error: Locator
  readonly errorMessage: Locator
  readonly sqliteMessage: Locator
  readonly exportButton: Locator
  readonly grid: Locator
  readonly schema: Locator

  constructor(readonly page: Page) {
    this.root = page.getByTestId('sql-console')
    this.editor = page.getByTestId('sql-editor')
    this.run = page.getByTestId('sql-run')
    this.cancel = page.getByTestId('sql-cancel')
    this.maxRows = page.getByTestId('sql-max-rows')
    this.timeout = page.getByTestId('sql-timeout')
    this.summary = page.getByTestId('sql-summary')
    this.truncated = page.getByTestId('sql-truncated')
    this.error = page.getByTestId('sql-error')
    this.errorMessage = page.getByTestId('sql-error-message')
    this.sqliteMessage = page.getByTestId('sql-error-sqlite')
    this.exportButton = page.getByTestId('sql-export')
    this.grid = page.getByTestId('sql-grid')
    this.schema = page.getByTestId('sql-schema')
  }

  /** Replaces the query and runs it with Ctrl+Enter. */
  async query(sql: string): Promise<void> {
    await this.editor.fill(sql)
    await this.editor.press('Control+Enter')
    await expect(this.page.getByTestId('sql-result')).not.toHaveAttribute('aria-busy', 'true', {
      timeout: 30_000
    })
  }

  /** The header labels of the result grid. */
  headers(): Promise<string[]> {
    return this.grid.locator('[role="columnheader"]:not(.lb-table-gutter)').allInnerTexts()
  }

  /** The cells of one row of the result grid. */
  cells(row: number): Promise<string[]> {
    return this.grid.locator(`[data-row-index="${row}"] [role="gridcell"]`).allInnerTexts()
  }
}
