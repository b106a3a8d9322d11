import { z } from 'zod'

export const THEME_IDS = ['dark', 'light', 'high-contrast'] as const
export type ThemeId = (typeof THEME_IDS)[number]

export const LANGUAGE_IDS = ['en', 'zh-CN'] as const
export type LanguageId = (typeof LANGUAGE_IDS)[number]

/** Sizes of the resizable parts, in CSS pixels, and which parts are shown. */
export const LayoutSchema = z.strictObject({
  sideBarWidth: z.number().int().gte(160).lte(800),
  panelHeight: z.number().int().gte(80).lte(900),
  sideBarVisible: z.boolean(),
  panelVisible: z.boolean(),
  activeView: z.string().max(64)
})
export type Layout = z.infer<typeof LayoutSchema>

/**
 * Interface preferences belong to the person, not the workspace: they are kept in the user's
 * configuration folder and shared by the desktop app and the web host. `null` follows the system.
 */
export const UserPreferencesSchema = z.strictObject({
  theme: z.enum(THEME_IDS).nullable(),
  language: z.enum(LANGUAGE_IDS).nullable(),
  layout: LayoutSchema
})
export type UserPreferences = z.infer<typeof UserPreferencesSchema>

export const UserPreferencesPatchSchema = z.strictObject({
  theme: z.enum(THEME_IDS).nullable().optional(),
  language: z.enum(LANGUAGE_IDS).nullable().optional(),
  layout: LayoutSchema.partial().optional()
})
export type UserPreferencesPatch = z.infer<typeof UserPreferencesPatchSchema>

export const DEFAULT_LAYOUT: Layout = {
  sideBarWidth: 280,
  panelHeight: 220,
  sideBarVisible: true,
  panelVisible: false,
  activeView: 'explorer'
}

export const DEFAULT_PREFERENCES: UserPreferences = {
  theme: null,
  language: null,
  layout: DEFAULT_LAYOUT
}

/** A workspace the user opened before, most recent first. */
export const RecentWorkspaceSchema = z.strictObject({
  path: z.string(),
  name: z.string(),
  openedAt: z.number()
})
export type RecentWorkspace = z.infer<typeof RecentWorkspaceSchema>
