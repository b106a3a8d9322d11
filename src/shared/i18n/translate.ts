import type { LanguageId } from '../domain/preferences'
import type { MessageKey } from './catalog'
import { CATALOG } from './catalog'

export type MessageParams = Readonly<Record<string, string | number>>

/** The message for a key in a language, with `{name}` placeholders filled from `params`. */
export function translate(language: LanguageId, key: MessageKey, params?: MessageParams): string {
  const template: string = CATALOG[language][key] ?? CATALOG.en[key] ?? key
  if (!params) return template
  return template.replace(/\{(\w+)\}/g, (match, name: string) =>
    Object.prototype.hasOwnProperty.call(params, name) ? String(params[name]) : match
  )
}

/** The supported language closest to a BCP 47 tag (`zh`, `zh-Hans-CN` → `zh-CN`; else English). */
export function matchLanguage(tag: string | undefined | null): LanguageId {
  return tag && /^zh(-|_|$)/i.test(tag) && !/^zh[-_](hant|tw|hk|mo)/i.test(tag) ? 'zh-CN' : 'en'
}
