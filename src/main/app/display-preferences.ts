import type { LanguageId, ThemeId, UserPreferences } from '@shared/domain/preferences'
import { matchLanguage } from '@shared/i18n/translate'

/** What the OS says when a preference follows the system. */
export interface SystemDisplay {
  locale: string
  prefersDark: boolean
}

/** The language the native parts show: the preference, else the OS locale. */
export function effectiveLanguage(
  preferences: Pick<UserPreferences, 'language'>,
  system: SystemDisplay
): LanguageId {
  return preferences.language ?? matchLanguage(system.locale)
}

/** The theme in effect: the preference, else dark or light as the OS prefers. */
export function effectiveTheme(preferences: Pick<UserPreferences, 'theme'>, system: SystemDisplay): ThemeId {
  return preferences.theme ?? (system.prefersDark ? 'dark' : 'light')
}

/** Editor backgrounds of the renderer's themes (src/renderer/src/theme/themes.css), painted before the first frame (no white flash). */
export const THEME_BACKGROUNDS: Readonly<Record<ThemeId, string>> = {
  dark: '#1f1f1f',
  light: '#ffffff',
  'high-contrast': '#000000'
}
