import type { LanguageId } from '@shared/domain/preferences'
import type { MessageKey } from '@shared/i18n/catalog'
import type { MessageParams } from '@shared/i18n/translate'
import { translate } from '@shared/i18n/translate'
import type { LogParams, LogText } from '../state/log-model'
import { describeError } from './error-message'
import type { Formatter } from './format'
import { createFormatter } from './format'
import { intlLocale } from './locale'

/** Everything a component needs to speak the user's language. */
export interface I18n {
  language: LanguageId
  /** The translated message. */
  t(key: MessageKey, params?: MessageParams): string
  /** Number and date formatting for the language. */
  fmt: Formatter
  /** A stored log text (a key or an API error) in this language. */
  text(text: LogText): string
}

/** Translates the `{ key }` values among stored message parameters. */
export function resolveParams(
  t: (key: MessageKey) => string,
  params: LogParams | undefined
): MessageParams | undefined {
  if (!params) return undefined
  const out: Record<string, string | number> = {}
  for (const [name, value] of Object.entries(params))
    out[name] = typeof value === 'object' ? t(value.key) : value
  return out
}

/** Builds the i18n helpers of a language. */
export function createI18n(language: LanguageId, systemLanguage?: string): I18n {
  const fmt = createFormatter(intlLocale(language, systemLanguage))
  const t = (key: MessageKey, params?: MessageParams): string => translate(language, key, params)
  return {
    language,
    t,
    fmt,
    text: (text) =>
      'error' in text
        ? describeError(language, text.error).message
        : t(text.key, resolveParams(t, text.params))
  }
}
