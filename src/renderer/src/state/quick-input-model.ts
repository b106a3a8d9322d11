import type { MessageKey } from '@shared/i18n/catalog'
import type { I18n } from '../i18n/i18n'

/** One row of a quick pick. */
export interface PickItem {
  id: string
  label: string
  /** Shown after the label, dimmed. */
  description?: string
  /** Codicon name. */
  icon?: string
  /** A keybinding, formatted for the platform. */
  keybinding?: string
  /** Further texts the filter matches (the English title in a Chinese UI, a path…). */
  alternates?: readonly string[]
  /** Marks the current choice (theme, language). */
  checked?: boolean
  /** A heading above this item (e.g. "recently opened"). */
  group?: string
}

/** A list of choices the user picks one of (theme, language, job actions…). */
export interface Picker {
  id: string
  placeholder: MessageKey
  items(i18n: I18n): PickItem[]
  /** The item focused when the picker opens. */
  activeId?: string
  onAccept(id: string): void
  /** Called as the focus moves, e.g. to preview a theme. */
  onActive?(id: string): void
  /** Called when the picker closes without a choice. */
  onCancel?(): void
}

/**
 * The quick input at the top of the window: either the palette (Quick Open, or commands when the
 * text starts with `>`, as in VS Code) or a picker.
 */
export type QuickInputState =
  { mode: 'palette'; value: string; seq: number } | { mode: 'pick'; picker: Picker; seq: number }

/** The prefix that switches Quick Open to commands. */
export const COMMAND_PREFIX = '>'
