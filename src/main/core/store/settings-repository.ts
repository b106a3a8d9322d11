import type { AnalysisSettings, AnalysisSettingsPatch } from '@shared/domain/settings'
import { AnalysisSettingsSchema, defaultAnalysisSettings } from '@shared/domain/settings'
import { ApiError } from '@shared/api/errors'
import type { Db } from './sqlite'

/** Reads and writes the analysis settings kept in the workspace. */
export class SettingsRepository {
  constructor(
    private readonly db: Db,
    private readonly systemTimeZone: string,
    private readonly now: () => number
  ) {}

  /** The stored settings, with defaults for keys a workspace does not have yet. */
  get(): AnalysisSettings {
    const stored = new Map<string, unknown>()
    for (const row of this.db.prepare('SELECT key, value_json AS v FROM settings').all() as Array<{
      key: string
      v: string
    }>) {
      try {
        stored.set(row.key, JSON.parse(row.v))
      } catch {
        // An unreadable value falls back to its default rather than blocking the workspace.
      }
    }
    const defaults = defaultAnalysisSettings(this.systemTimeZone)
    const merged: Record<string, unknown> = { ...defaults }
    for (const key of Object.keys(defaults)) if (stored.has(key)) merged[key] = stored.get(key)
    const parsed = AnalysisSettingsSchema.safeParse(merged)
    if (parsed.success) return parsed.data
    // Fall back per key: keep every stored value that is valid on its own.
    const repaired: Record<string, unknown> = { ...defaults }
    for (const key of Object.keys(defaults)) {
      const candidate = { ...repaired, [key]: merged[key] }
      if (AnalysisSettingsSchema.safeParse(candidate).success) repaired[key] = merged[key]
    }
    return AnalysisSettingsSchema.parse(repaired)
  }

  /** Applies a validated patch; the combined settings must still be consistent. */
  update(patch: AnalysisSettingsPatch): AnalysisSettings {
    const next = { ...this.get(), ...stripUndefined(patch) }
    const parsed = AnalysisSettingsSchema.safeParse(next)
    if (!parsed.success) {
      const issue = parsed.error.issues[0]
      throw new ApiError('invalid_input', `Settings not saved: ${issue?.message ?? 'invalid value'}.`, {
        issues: parsed.error.issues.map((i) => ({ path: i.path.join('.'), message: i.message }))
      })
    }
    const write = this.db.prepare(
      'INSERT INTO settings (key, value_json, updated_at) VALUES (?, ?, ?) ON CONFLICT(key) DO UPDATE SET value_json = excluded.value_json, updated_at = excluded.updated_at'
    )
    const at = this.now()
    this.db.transaction(() => {
      for (const [key, value] of Object.entries(parsed.data)) write.run(key, JSON.stringify(value), at)
    })()
    return parsed.data
  }
}

function stripUndefined<T extends object>(value: T): Partial<T> {
  return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined)) as Partial<T>
}
