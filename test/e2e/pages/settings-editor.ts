import type { Locator, Page } from '@playwright/test'

/** The settings editor: appearance preferences and the workspace's analysis settings. */
export class SettingsEditor {
  readonly root: Locator
  readonly save: Locator
  readonly revert: Locator
  readonly state: Locator
  readonly fiscalPreview: Locator
  readonly theme: Locator
  readonly language: Locator

  constructor(readonly page: Page) {
    this.root = page.getByTestId('settings-editor')
    this.save = page.getByTestId('settings-save')
    this.revert = page.getByTestId('settings-revert')
    this.state = page.getByTestId('settings-state')
    this.fiscalPreview = page.getByTestId('settings-fiscal-preview')
    this.theme = page.getByTestId('settings-theme')
    this.language = page.getByTestId('settings-language')
  }

  /** The input of an analysis setting (`significanceLevel`, `timeZone`, `fiscalYearStartMonth`…). */
  input(field: string): Locator {
    return this.page.getByTestId(`setting-${field}-input`)
  }

  /** The inline error under a setting. */
  error(field: string): Locator {
    return this.page.getByTestId(`setting-${field}-error`)
  }
}
