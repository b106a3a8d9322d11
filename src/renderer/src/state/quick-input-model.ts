import type { MessageKey } from '@shared/i18n/catalog'
import type { MessageParams } from '@shared/i18n/translate'
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
  /** Values of the placeholder's `{name}`s (the theme an action is about). */
  placeholderParams?: MessageParams
  items(i18n: I18n): PickItem[]
  /** The item focused when the picker opens. */
  activeId?: string
  onAccept(id: string): void
  /** Called as the focus moves, e.g. to preview a theme. */
  onActive?(id: string): void
  /** Called when the picker closes without a choice. */
  onCancel?(): void
}

/** A line of text the user types (a name, a rule), as VS Code's input box asks for one. */
export interface InputBox {
  id: string
  placeholder: MessageKey
  placeholderParams?: MessageParams
  /** What to type and what Enter does, shown under the box. */
  prompt(i18n: I18n): string
  /** The text the box starts with (selected, so that typing replaces it). */
  value?: string
  /** Longest text the box takes. */
  maxLength?: number
  /** Why the text cannot be accepted, or null when it can; checked as the user types and on Enter. */
  validate?(value: string, i18n: I18n): string | null
  onAccept(value: string): void
  /** Called when the box closes without a value. */
  onCancel?(): void
}

/**
 * The quick input at the top of the window: either the palette (Quick Open, or commands when the
 * text starts with `>`, as in VS Code), a picker, or an input box.
 */
export type QuickInputState =
  | { mode: 'palette'; value: string; seq: number }
  | { mode: 'pick'; picker: Picker; seq: number }
  | { mode: 'input'; input: InputBox; seq: number }

/** The prefix that switches Quick Open to commands. */
export const COMMAND_PREFIX = '>'
