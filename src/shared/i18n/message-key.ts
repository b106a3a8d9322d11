import type { MessageKey } from './catalog'
import { CATALOG } from './catalog'

/** True when `key` names a message (for keys built at run time, e.g. from a column id). */
export function isMessageKey(key: string): key is MessageKey {
  return Object.prototype.hasOwnProperty.call(CATALOG.en, key)
}
