import { readFileSync } from 'node:fs'
import { basename } from 'node:path'
import type { Locator, Page } from '@playwright/test'
import { expect } from '@playwright/test'

/** The import wizard editor, step by step. */
export class ImportWizard {
  readonly root: Locator
  readonly chooseButton: Locator
  readonly dropOverlay: Locator
  readonly detected: Locator
  readonly kind: Locator
  readonly startButton: Locator
  readonly startStatus: Locator
  readonly running: Locator
  readonly cancelButton: Locator
  readonly result: Locator
  readonly failed: Locator
  readonly cancelled: Locator
  readonly rejects: Locator
  readonly dateOrder: Locator
  readonly missingRequired: Locator

  constructor(readonly page: Page) {
    this.root = page.getByTestId('import-wizard')
    this.chooseButton = page.getByTestId('import-choose')
    this.dropOverlay = page.getByTestId('drop-overlay')
    this.detected = page.getByTestId('import-detected')
    this.kind = page.getByTestId('import-kind')
    this.startButton = page.getByTestId('import-start')
    this.startStatus = page.getByTestId('import-start-status')
    this.running = page.getByTestId('import-running')
    this.cancelButton = page.getByTestId('import-cancel')
    this.result = page.getByTestId('import-result')
    this.failed = page.getByTestId('import-failed')
    this.cancelled = page.getByTestId('import-cancelled')
    this.rejects = page.getByTestId('import-reject')
    this.dateOrder = page.getByTestId('import-date-order')
    this.missingRequired = page.getByTestId('import-missing-required')
  }

  /** The wizard's current step (`choose`, `preview`, `importing`, `result` …). */
  step(): Promise<string | null> {
    return this.root.getAttribute('data-step')
  }

  /** Chooses a file through "Choose file…" and the browser's file chooser. */
  async chooseFile(path: string): Promise<void> {
    const chooser = this.page.waitForEvent('filechooser')
    await this.chooseButton.click()
    await (await chooser).setFiles(path)
  }

  /**
   * Drags a file over the window and drops it, as a user dragging it from the desktop would: the
   * DataTransfer is built in the page, and dragenter, dragover and drop are dispatched on the body.
   */
  async dropFile(path: string, options: { checkOverlay?: boolean } = {}): Promise<void> {
    const content = readFileSync(path, 'utf8')
    const name = basename(path)
    const dataTransfer = await this.page.evaluateHandle(
      ([fileName, text]) => {
        const transfer = new DataTransfer()
        transfer.items.add(new File([text], fileName, { type: 'text/csv' }))
        return transfer
      },
      [name, content] as const
    )
    await this.page.dispatchEvent('body', 'dragenter', { dataTransfer })
    await this.page.dispatchEvent('body', 'dragover', { dataTransfer })
    // A browser repeats dragover while the pointer hovers, and the overlay hides 350 ms after the
    // last one: keep hovering until it shows, or a slow machine sees it come and go unobserved.
    if (options.checkOverlay ?? true)
      await expect(async () => {
        await this.page.dispatchEvent('body', 'dragover', { dataTransfer })
        await expect(this.dropOverlay).toBeVisible({ timeout: 250 })
      }).toPass({ timeout: 10_000 })
    await this.page.dispatchEvent('body', 'drop', { dataTransfer })
    await dataTransfer.dispose()
  }

  /** Waits for the preview and mapping of the chosen file. */
  async waitForPreview(): Promise<void> {
    await expect(this.root).toHaveAttribute('data-step', 'preview', { timeout: 30_000 })
  }

  /** The role dropdown of a column (0-based). */
  role(index: number): Locator {
    return this.page.getByTestId(`import-role-${index}`)
  }

  column(index: number): Locator {
    return this.page.getByTestId(`import-column-${index}`)
  }

  /** A count of the result (`inserted`, `updated`, `unchanged`, `rejected`) as shown. */
  count(name: 'inserted' | 'updated' | 'unchanged' | 'rejected'): Locator {
    return this.page.getByTestId(`import-count-${name}-value`)
  }

  /** Starts the import and waits for its result. */
  async startAndWait(): Promise<void> {
    await expect(this.startButton).toBeEnabled()
    await this.startButton.click()
    await expect(this.result).toBeVisible({ timeout: 60_000 })
  }

  button(
    id: 'open-table' | 'another' | 'undo' | 'details' | 'rejects-to-problems' | 'back' | 'choose-another'
  ): Locator {
    return this.page.getByTestId(`import-${id}`)
  }
}
