import type { Locator, Page } from '@playwright/test'

/** The virtualised table editor of one table. */
export class TableEditor {
  readonly root: Locator
  readonly grid: Locator
  readonly rowCount: Locator
  readonly rows: Locator

  constructor(
    readonly page: Page,
    readonly table: string
  ) {
    this.root = page.getByTestId(`table-editor-${table}`)
    this.grid = this.root.getByTestId('table-grid')
    this.rowCount = this.root.getByTestId('table-row-count')
    this.rows = this.grid.locator('[role="row"][data-row-index]')
  }

  header(column: string): Locator {
    return this.root.getByTestId(`table-header-${column}`)
  }

  /** Rows whose data has arrived (not placeholders). */
  loadedRows(): Locator {
    return this.grid.locator('[role="row"][data-row-index]:not(.is-loading)')
  }

  row(index: number): Locator {
    return this.grid.locator(`[role="row"][data-row-index="${index}"]`)
  }

  async scrollTo(top: number | 'bottom'): Promise<void> {
    await this.grid.evaluate((el, to) => {
      el.scrollTop = to === 'bottom' ? el.scrollHeight : to
    }, top)
  }

  /** How many DOM rows exist (virtualisation keeps this small whatever the table's size). */
  async renderedRowCount(): Promise<number> {
    return this.rows.count()
  }
}
