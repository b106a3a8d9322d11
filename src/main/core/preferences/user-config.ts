import { chmodSync, existsSync, mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs'
import { homedir } from 'node:os'
import { join } from 'node:path'
import { z } from 'zod'
import type { RecentWorkspace, UserPreferences, UserPreferencesPatch } from '@shared/domain/preferences'
import {
  DEFAULT_PREFERENCES,
  LayoutSchema,
  RecentWorkspaceSchema,
  UserPreferencesSchema
} from '@shared/domain/preferences'

const MAX_RECENT = 10

const FileSchema = z.object({
  preferences: z.unknown().optional(),
  recent: z.array(z.unknown()).optional()
})

/**
 * The per-user configuration folder Loopbench uses when no host gives one: `LOOPBENCH_CONFIG_DIR`,
 * else the platform's convention (XDG on Linux, Application Support on macOS, AppData on Windows).
 */
export function defaultConfigDir(env: NodeJS.ProcessEnv = process.env, platform = process.platform): string {
  if (env.LOOPBENCH_CONFIG_DIR) return env.LOOPBENCH_CONFIG_DIR
  if (platform === 'win32') return join(env.APPDATA ?? join(homedir(), 'AppData', 'Roaming'), 'Loopbench')
  if (platform === 'darwin') return join(homedir(), 'Library', 'Application Support', 'Loopbench')
  return join(env.XDG_CONFIG_HOME ?? join(homedir(), '.config'), 'loopbench')
}

/**
 * Interface preferences and the recent-workspace list of one user, in one JSON file that the
 * desktop app and the web host share. A damaged file falls back to defaults, value by value.
 */
export class UserConfigStore {
  private readonly file: string
  private preferences: UserPreferences
  private recent: RecentWorkspace[]

  constructor(readonly dir: string) {
    this.file = join(dir, 'preferences.json')
    const loaded = this.load()
    this.preferences = loaded.preferences
    this.recent = loaded.recent
  }

  getPreferences(): UserPreferences {
    return structuredClone(this.preferences)
  }

  updatePreferences(patch: UserPreferencesPatch): UserPreferences {
    const next: UserPreferences = {
      theme: patch.theme === undefined ? this.preferences.theme : patch.theme,
      language: patch.language === undefined ? this.preferences.language : patch.language,
      layout: { ...this.preferences.layout, ...stripUndefined(patch.layout ?? {}) }
    }
    this.preferences = UserPreferencesSchema.parse(next)
    this.save()
    return this.getPreferences()
  }

  getRecent(): RecentWorkspace[] {
    return this.recent.map((r) => ({ ...r }))
  }

  /** Moves a workspace to the top of the recent list. */
  touchRecent(entry: RecentWorkspace): RecentWorkspace[] {
    this.recent = [entry, ...this.recent.filter((r) => r.path !== entry.path)].slice(0, MAX_RECENT)
    this.save()
    return this.getRecent()
  }

  forgetRecent(path: string): RecentWorkspace[] {
    this.recent = this.recent.filter((r) => r.path !== path)
    this.save()
    return this.getRecent()
  }

  private load(): { preferences: UserPreferences; recent: RecentWorkspace[] } {
    const fallback = { preferences: structuredClone(DEFAULT_PREFERENCES), recent: [] }
    if (!existsSync(this.file)) return fallback
    let raw: unknown
    try {
      raw = JSON.parse(readFileSync(this.file, 'utf8'))
    } catch {
      return fallback
    }
    const file = FileSchema.safeParse(raw)
    if (!file.success) return fallback
    const p = (file.data.preferences ?? {}) as Record<string, unknown>
    const layoutIn = (p.layout ?? {}) as Record<string, unknown>
    const layout = { ...DEFAULT_PREFERENCES.layout }
    for (const key of Object.keys(layout) as Array<keyof typeof layout>) {
      const candidate = { ...layout, [key]: layoutIn[key] }
      if (layoutIn[key] !== undefined && LayoutSchema.safeParse(candidate).success) {
        ;(layout as Record<string, unknown>)[key] = layoutIn[key]
      }
    }
    const preferences: UserPreferences = {
      theme: UserPreferencesSchema.shape.theme.safeParse(p.theme).data ?? null,
      language: UserPreferencesSchema.shape.language.safeParse(p.language).data ?? null,
      layout
    }
    const recent = (file.data.recent ?? [])
      .map((r) => RecentWorkspaceSchema.safeParse(r))
      .filter((r) => r.success)
      .map((r) => r.data)
      .slice(0, MAX_RECENT)
    return { preferences, recent }
  }

  private save(): void {
    mkdirSync(this.dir, { recursive: true, mode: 0o700 })
    const tmp = `${this.file}.${process.pid}.tmp`
    writeFileSync(tmp, JSON.stringify({ preferences: this.preferences, recent: this.recent }, null, 2), {
      mode: 0o600
    })
    chmodSync(tmp, 0o600)
    renameSync(tmp, this.file)
  }
}

function stripUndefined<T extends object>(value: T): Partial<T> {
  return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined)) as Partial<T>
}
