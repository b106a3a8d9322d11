import type { LanguageId } from '../domain/preferences'

/** Messages of one namespace; `{name}` placeholders are filled by `translate`. */
export type Messages = Readonly<Record<string, string>>

/**
 * Declares a namespace's messages. The Chinese table must have exactly the English keys, so a
 * missing translation is a compile error rather than an English string on a Chinese screen.
 */
export function defineMessages<const E extends Messages>(
  en: E,
  zhCN: { readonly [K in keyof E]: string }
): Readonly<Record<LanguageId, { readonly [K in keyof E]: string }>> {
  return { en, 'zh-CN': zhCN }
}
