import type { Locator, Page } from '@playwright/test'

/** The editor tab strip. Tab ids: `welcome`, `settings`, `table:<name>`. */
export class EditorTabs {
  readonly strip: Locator
  readonly all: Locator
  readonly active: Locator

  constructor(readonly page: Page) {
    this.strip = page.getByTestId('editor-tabs')
    this.all = this.strip.getByRole('tab')
    this.active = this.strip.locator('[role="tab"][aria-selected="true"]')
  }

  tab(id: string): Locator {
    return this.page.getByTestId(`tab-${id}`)
  }

  /** The ids of the open tabs, left to right. */
  async ids(): Promise<string[]> {
    return this.all.evaluateAll((tabs) => tabs.map((t) => t.getAttribute('data-tab-id') ?? ''))
  }

  async activeId(): Promise<string | null> {
    return (await this.active.count()) === 0 ? null : this.active.getAttribute('data-tab-id')
  }

  async closeWithButton(id: string): Promise<void> {
    await this.tab(id).hover()
    await this.page.getByTestId(`tab-close-${id}`).click()
  }

  async closeWithMiddleClick(id: string): Promise<void> {
    await this.tab(id).click({ button: 'middle' })
  }

  /** Drags a tab onto the left half of another, dropping it before that tab. */
  async dragBefore(id: string, targetId: string): Promise<void> {
    const target = this.tab(targetId)
    const box = await target.boundingBox()
    if (!box) throw new Error(`Tab ${targetId} is not visible`)
    await this.tab(id).dragTo(target, { targetPosition: { x: 6, y: box.height / 2 } })
  }
}
