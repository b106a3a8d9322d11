import type { LanguageId } from '@shared/domain/preferences'

/**
 * The `Intl` locale for a UI language. English follows the system's English variant (so a British
 * user reads 10 May 2026), falling back to US English; Chinese is always mainland Chinese.
 */
export function intlLocale(language: LanguageId, systemLanguage?: string): string {
  if (language === 'zh-CN') return 'zh-CN'
  if (systemLanguage && /^en(-|$)/i.test(systemLanguage)) {
    try {
      return Intl.getCanonicalLocales(systemLanguage)[0] ?? 'en-US'
    } catch {
      return 'en-US'
    }
  }
  return 'en-US'
}
