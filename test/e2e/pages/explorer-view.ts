import type { Locator, Page } from '@playwright/test'

/** The Explorer in the side bar: the workspace and its tables. */
export class ExplorerView {
  readonly root: Locator
  readonly workspaceName: Locator
  readonly sideBar: Locator
  readonly activityButton: Locator

  constructor(readonly page: Page) {
    this.root = page.getByTestId('explorer')
    this.sideBar = page.getByTestId('side-bar')
    this.workspaceName = page.getByTestId('explorer-workspace-name')
    this.activityButton = page.getByTestId('activity-explorer')
  }

  /** The row count shown for a table. */
  count(table: string): Locator {
    return this.page.getByTestId(`explorer-count-${table}`)
  }

  fact(id: 'schema' | 'size' | 'created'): Locator {
    return this.page.getByTestId(`explorer-fact-${id}`)
  }

  /** The Explorer's import batches, newest first. */
  batches(): Locator {
    return this.page.getByTestId('batch-item')
  }

  /** The batch of a file (the newest one when imported several times). */
  batch(fileName: string): Locator {
    return this.batches()
      .filter({ has: this.page.getByTestId('batch-name').getByText(fileName, { exact: true }) })
      .first()
  }

  /** Undoes a batch with its inline action and confirms. */
  async undoBatch(fileName: string): Promise<void> {
    const item = this.batch(fileName)
    await item.hover()
    await item.getByTestId('batch-undo').click()
    await this.page.getByTestId('dialog-undo').click()
  }

  async openTable(table: string): Promise<void> {
    await this.page.getByTestId(`explorer-table-${table}`).click()
  }

  /** The side bar's width in CSS pixels. */
  async width(): Promise<number> {
    const box = await this.sideBar.boundingBox()
    if (!box) throw new Error('The side bar is not visible')
    return Math.round(box.width)
  }
}
