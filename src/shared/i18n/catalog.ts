import type { LanguageId } from '../domain/preferences'
import { commandMessages } from './messages/commands'
import { menuMessages } from './messages/menu'

/**
 * Every message of the product, by language. Each namespace file is owned by one part of the
 * product; add a namespace here when a capability brings its own.
 */
export const CATALOG = {
  en: { ...commandMessages.en, ...menuMessages.en },
  'zh-CN': { ...commandMessages['zh-CN'], ...menuMessages['zh-CN'] }
} as const satisfies Record<LanguageId, Record<string, string>>

export type MessageKey = keyof (typeof CATALOG)['en']
