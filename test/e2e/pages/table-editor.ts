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

  /** The tickets table's filter bar. */
  get filters(): Locator {
    return this.root.getByTestId('ticket-filters')
  }

  get search(): Locator {
    return this.root.getByTestId('ticket-search')
  }

  /** "1,234 of 25,950 tickets" while a filter is set. */
  get filterCount(): Locator {
    return this.root.getByTestId('ticket-filter-count')
  }

  /** Search matches marked in the grid. */
  get matches(): Locator {
    return this.grid.locator('mark.lb-search-match')
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
