import type { Locator, Page } from '@playwright/test'
import { expect } from '@playwright/test'
import type { ThemesOverview } from '../../../src/shared/domain/themes'

/** How long a clustering run of the demo workspace may take on a slow machine. */
export const RUN_TIMEOUT = 600_000

/**
 * Finds themes through the API (as Find Themes does) and waits until the run is saved, so that the
 * Themes view, a theme's editor and the priorities have content.
 */
export async function findThemes(wb: {
  api(method: string, args: unknown): Promise<unknown>
}): Promise<void> {
  await wb.api('themes.run', {})
  await expect
    .poll(async () => ((await wb.api('themes.list', {})) as ThemesOverview).run !== null, {
      timeout: RUN_TIMEOUT
    })
    .toBe(true)
}

/** The Themes view in the side bar: the ranked themes, the excluded ones, empty states and runs. */
export class ThemesView {
  readonly root: Locator
  readonly activityButton: Locator
  readonly list: Locator
  readonly items: Locator
  readonly excluded: Locator
  readonly find: Locator
  readonly emptyRun: Locator
  readonly emptyTickets: Locator
  readonly running: Locator
  readonly run: Locator
  readonly quarter: Locator
  readonly quarterLabel: Locator
  readonly exportButton: Locator
  readonly importButton: Locator
  readonly summary: Locator

  constructor(readonly page: Page) {
    this.root = page.getByTestId('themes-view')
    this.activityButton = page.getByTestId('activity-themes')
    this.list = page.getByTestId('themes-list')
    this.items = this.list.getByTestId('themes-item')
    this.excluded = page.getByTestId('themes-excluded')
    this.find = page.getByTestId('themes-find')
    this.emptyRun = page.getByTestId('themes-empty-run')
    this.emptyTickets = page.getByTestId('themes-empty-tickets')
    this.running = page.getByTestId('themes-running')
    this.run = page.getByTestId('themes-run')
    this.quarter = page.getByTestId('themes-quarter')
    this.quarterLabel = page.getByTestId('themes-quarter-label')
    this.exportButton = page.getByTestId('themes-export')
    this.importButton = page.getByTestId('themes-import')
    this.summary = page.getByTestId('themes-summary')
  }

  /** Shows the view (a click on its activity-bar icon, unless it is showing). */
  async show(): Promise<void> {
    if (!(await this.root.isVisible())) await this.activityButton.click()
    await expect(this.root).toBeVisible()
  }

  /** Waits until the list shows the themes the data, quarter and edits call for, and no run is under way. */
  async waitLoaded(timeout = 30_000): Promise<void> {
    await expect(this.list).toHaveAttribute('data-ready', 'true', { timeout })
  }

  /** A theme's row, by id. */
  item(id: number): Locator {
    return this.page.locator(`[data-testid="themes-item"][data-id="${id}"]`)
  }

  label(id: number): Locator {
    return this.item(id).getByTestId('themes-item-label')
  }

  /** Opens a theme's context menu with a right-click. */
  async menu(id: number): Promise<Locator> {
    await this.item(id).getByTestId('themes-item-label').click({ button: 'right' })
    const menu = this.page.getByTestId('context-menu')
    await expect(menu).toBeVisible()
    return menu
  }

  /** Runs an action of a theme's context menu (`theme-merge`, `theme-split`, `theme-tickets`…). */
  async action(id: number, action: string): Promise<void> {
    const menu = await this.menu(id)
    await menu.getByTestId(`menu-${action}`).click()
  }

  /** The ids of the ranked themes, top to bottom. */
  async ids(): Promise<number[]> {
    return this.items.evaluateAll((els) => els.map((el) => Number(el.getAttribute('data-id'))))
  }
}

/** The editor of one theme. */
export class ThemeEditor {
  readonly root: Locator
  readonly content: Locator
  readonly label: Locator
  readonly generated: Locator
  readonly renameInput: Locator
  readonly terms: Locator
  readonly tickets: Locator
  readonly more: Locator

  constructor(readonly page: Page) {
    this.root = page.locator('[data-testid="theme-editor"]:visible')
    this.content = this.root.getByTestId('theme-content')
    this.label = this.root.getByTestId('theme-label')
    this.generated = this.root.getByTestId('theme-generated')
    this.renameInput = this.root.getByTestId('theme-rename-input')
    this.terms = this.root.getByTestId('theme-terms')
    this.tickets = this.root.getByTestId('theme-ticket')
    this.more = this.root.getByTestId('theme-tickets-more')
  }

  async waitLoaded(): Promise<void> {
    await expect(this.content).toHaveAttribute('data-ready', 'true', { timeout: 30_000 })
  }

  /** A toolbar button: `tickets`, `rename`, `merge`, `split`, `pin`, `exclude`. */
  action(name: string): Locator {
    return this.root.getByTestId(`theme-action-${name}`)
  }

  card(name: string): Locator {
    return this.root.getByTestId(`theme-card-${name}`)
  }

  /** Renames the theme in place: the label becomes a field, Enter saves. */
  async rename(label: string): Promise<void> {
    await this.action('rename').click()
    await this.renameInput.fill(label)
    await this.renameInput.press('Enter')
  }
}
