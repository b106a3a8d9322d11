import type { Locator, Page } from '@playwright/test'
import { expect } from '@playwright/test'
import { WORKBENCH_READY_SELECTOR } from '../harness/ready'
import { EditorTabs } from './editor-tabs'
import { ExplorerView } from './explorer-view'
import { PanelPart } from './panel-part'
import { QuickInput } from './quick-input'
import { ImportWizard } from './import-wizard'
import { SettingsEditor } from './settings-editor'
import { SqlConsole } from './sql-console'
import { StatusBar } from './status-bar'
import { TableEditor } from './table-editor'

/** The whole workbench window, as a user sees it; specs talk to it through its parts. */
export class WorkbenchPage {
  readonly root: Locator
  readonly explorer: ExplorerView
  readonly tabs: EditorTabs
  readonly quickInput: QuickInput
  readonly statusBar: StatusBar
  readonly panel: PanelPart
  readonly settings: SettingsEditor
  readonly importWizard: ImportWizard
  readonly sql: SqlConsole
  readonly notifications: Locator
  readonly dialog: Locator

  constructor(readonly page: Page) {
    this.root = page.getByTestId('workbench')
    this.explorer = new ExplorerView(page)
    this.tabs = new EditorTabs(page)
    this.quickInput = new QuickInput(page)
    this.statusBar = new StatusBar(page)
    this.panel = new PanelPart(page)
    this.settings = new SettingsEditor(page)
    this.importWizard = new ImportWizard(page)
    this.sql = new SqlConsole(page)
    this.notifications = page.getByTestId('notification')
    this.dialog = page.getByTestId('dialog')
  }

  /** Waits until the workbench shows the open workspace's contents. */
  async waitReady(): Promise<void> {
    await expect(this.page.locator(WORKBENCH_READY_SELECTOR)).toBeVisible()
  }

  /** The editor of one table. */
  table(name: string): TableEditor {
    return new TableEditor(this.page, name)
  }

  /** The theme in effect, as set on the root element. */
  theme(): Promise<string | null> {
    return this.page.locator('html').getAttribute('data-theme')
  }

  /** Presses a shortcut written the way Playwright writes them (`Control+Shift+P`). */
  async press(keys: string): Promise<void> {
    await this.page.keyboard.press(keys)
  }

  /** Runs a command by typing its title into the command palette. */
  async runCommand(title: string): Promise<void> {
    await this.quickInput.openCommands()
    await this.quickInput.type(title)
    await this.quickInput.accept()
  }

  /** The current value of the backend's user preferences (to check what was saved). */
  async savedPreferences(): Promise<{
    theme: string | null
    language: string | null
    layout: Record<string, unknown>
  }> {
    return this.api('preferences.get', {}) as never
  }

  /** Calls the web host's API from the page (same origin, same session cookie). */
  async api(method: string, args: unknown): Promise<unknown> {
    const envelope = await this.page.evaluate(
      async ([m, a]) => {
        const response = await fetch(`/api/${m}`, {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body: JSON.stringify(a)
        })
        return (await response.json()) as { ok: boolean; value?: unknown; error?: unknown }
      },
      [method, args] as const
    )
    if (!envelope.ok) throw new Error(`${method} failed: ${JSON.stringify(envelope.error)}`)
    return envelope.value
  }

  /** Row counts of the workspace's tables, straight from the backend. */
  async tableCounts(): Promise<Record<string, number>> {
    const tables = (await this.api('data.tables', {})) as Array<{ table: string; rows: number }>
    return Object.fromEntries(tables.map((t) => [t.table, t.rows]))
  }

  /** Sets theme and language through the API and reloads (for screenshots). */
  async usePreferences(theme: string, language: string): Promise<void> {
    await this.api('preferences.update', { patch: { theme, language } })
    await this.page.reload()
    await this.waitReady()
    await expect(this.page.locator('html')).toHaveAttribute('data-theme', theme)
    await expect(this.page.locator('html')).toHaveAttribute('lang', language)
  }
}
