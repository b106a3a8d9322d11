import type { Locator, Page } from '@playwright/test'
import { expect } from '@playwright/test'

/** The quick input: Quick Open (Ctrl+P), the command palette (Ctrl+Shift+P) and pickers. */
export class QuickInput {
  readonly root: Locator
  readonly box: Locator
  readonly items: Locator
  readonly activeItem: Locator

  constructor(readonly page: Page) {
    this.root = page.getByTestId('quick-input')
    this.box = page.getByTestId('quick-input-box')
    this.items = page.getByTestId('quick-input-item')
    this.activeItem = this.root.locator('[role="option"][aria-selected="true"]')
  }

  async openCommands(): Promise<void> {
    await this.page.keyboard.press('Control+Shift+P')
    await expect(this.root).toHaveAttribute('data-mode', 'commands')
  }

  async openQuickOpen(): Promise<void> {
    await this.page.keyboard.press('Control+P')
    await expect(this.root).toHaveAttribute('data-mode', 'quickOpen')
  }

  /** Types after what is already in the box (the `>` of the command palette stays). */
  async type(text: string): Promise<void> {
    await this.box.press('End')
    await this.box.pressSequentially(text)
  }

  /** Replaces what is in the box (an input box's suggested value). */
  async replace(text: string): Promise<void> {
    await this.box.fill(text)
  }

  /** Chooses the active item; the quick input closes, or another opens (a command's picker). */
  async accept(): Promise<void> {
    const seq = await this.root.getAttribute('data-seq')
    await this.box.press('Enter')
    await expect
      .poll(async () =>
        (await this.root.count()) === 0 ? 'closed' : await this.root.getAttribute('data-seq')
      )
      .not.toBe(seq)
  }

  /** The keybinding shown on an item, as the platform writes it (`Ctrl+P`). */
  keybinding(item: Locator): Locator {
    return item.locator('.lb-kbd')
  }

  /** The visible labels, top to bottom. */
  async labels(): Promise<string[]> {
    return this.items.locator('.lb-label').allInnerTexts()
  }

  item(id: string): Locator {
    return this.root.locator(`[data-item-id="${id}"]`)
  }
}
