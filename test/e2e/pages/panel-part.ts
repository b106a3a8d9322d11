import type { Locator, Page } from '@playwright/test'

/** The bottom panel with Problems and Output. */
export class PanelPart {
  readonly root: Locator
  readonly problemsTab: Locator
  readonly outputTab: Locator
  readonly problems: Locator
  readonly output: Locator
  readonly sash: Locator

  constructor(readonly page: Page) {
    this.root = page.getByTestId('panel')
    this.problemsTab = page.getByTestId('panel-tab-problems')
    this.outputTab = page.getByTestId('panel-tab-output')
    this.problems = page.getByTestId('problem')
    this.output = page.getByTestId('output-log')
    this.sash = page.getByTestId('sash-panel')
  }

  async height(): Promise<number> {
    const box = await this.root.boundingBox()
    if (!box) throw new Error('The panel is not visible')
    return Math.round(box.height)
  }
}
