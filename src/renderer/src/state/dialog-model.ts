import type { MessageKey } from '@shared/i18n/catalog'
import type { LogParams } from './log-model'

/** A modal question, such as whether to save changes before closing an editor. */
export interface DialogRequest {
  title: MessageKey
  message: MessageKey
  params?: LogParams
  buttons: ReadonlyArray<{ id: string; label: MessageKey; primary?: boolean }>
  /** Called with the chosen button id, or null when dismissed. */
  resolve(choice: string | null): void
}
