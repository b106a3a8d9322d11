import type { Locator, Page } from '@playwright/test'

/** The status bar at the bottom of the window. */
export class StatusBar {
  readonly root: Locator
  readonly workspace: Locator
  readonly counts: Locator
  readonly problems: Locator
  readonly privacy: Locator
  readonly language: Locator
  readonly theme: Locator

  constructor(readonly page: Page) {
    this.root = page.getByTestId('status-bar')
    this.workspace = page.getByTestId('status-workspace')
    this.counts = page.getByTestId('status-counts')
    this.problems = page.getByTestId('status-problems')
    this.privacy = page.getByTestId('status-privacy')
    this.language = page.getByTestId('status-language')
    this.theme = page.getByTestId('status-theme')
  }
}
