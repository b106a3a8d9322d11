import type { ThemeId } from '@shared/domain/preferences'

/** The theme the operating system asks for: high contrast when forced colours are on, else dark or light. */
export function systemTheme(matchMedia: ((query: string) => { matches: boolean }) | undefined): ThemeId {
  if (!matchMedia) return 'dark'
  if (matchMedia('(forced-colors: active)').matches || matchMedia('(prefers-contrast: more)').matches) {
    return 'high-contrast'
  }
  return matchMedia('(prefers-color-scheme: light)').matches ? 'light' : 'dark'
}

/** Applies a theme and a language to the document root, where the CSS variables hang. */
export function applyToDocument(root: HTMLElement, theme: ThemeId, language: string): void {
  if (root.dataset.theme !== theme) root.dataset.theme = theme
  if (root.lang !== language) root.lang = language
}
