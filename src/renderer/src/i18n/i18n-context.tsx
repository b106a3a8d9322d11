import { createContext, useContext } from 'react'
import type { I18n } from './i18n'
import { createI18n } from './i18n'

const I18nContext = createContext<I18n>(createI18n('en'))

/** Provides the current language's helpers to the tree. */
export const I18nProvider = I18nContext.Provider

/** The current language's messages and formatters. */
export function useI18n(): I18n {
  return useContext(I18nContext)
}
