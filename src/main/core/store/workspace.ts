import { closeSync, existsSync, openSync, rmSync, statSync } from 'node:fs'
import { basename, dirname, extname, join } from 'node:path'
import { ApiError } from '@shared/api/errors'
import type { WorkspaceCounts, WorkspaceInfo } from '@shared/domain/workspace'
import type { Migration } from './migrations/migration'
import { MIGRATIONS } from './migrations/index'
import type { HistoryCheck } from './migrator'
import { applyMigrations, checkHistory, readAppliedMigrations } from './migrator'
import type { Db } from './sqlite'
import { APPLICATION_ID, isCorruptionError, openReadOnly, openReadWrite } from './sqlite'
import {
  assertCanCreate,
  assertWritable,
  existingCompanions,
  readDatabaseHeader,
  removeCreatedCompanions
} from './workspace-file'
import type { DatabaseHeader } from './workspace-file'
import { SettingsRepository } from './settings-repository'
import { rebuildPendingIndexes } from './pending-indexes'
import { writeOnlineCopy } from './online-copy'

export interface WorkspaceOptions {
  /** Defaults to the shipped migrations; tests pass other lists to exercise upgrades. */
  migrations?: readonly Migration[]
  now?: () => number
  /** Time zone given to a new workspace's settings. */
  systemTimeZone?: string
  /** Recorded in a new workspace. */
  appVersion?: string
}

interface ResolvedOptions {
  migrations: readonly Migration[]
  now: () => number
  systemTimeZone: string
  appVersion: string
}

function resolveOptions(options: WorkspaceOptions): ResolvedOptions {
  return {
    migrations: options.migrations ?? MIGRATIONS,
    now: options.now ?? Date.now,
    systemTimeZone: options.systemTimeZone ?? Intl.DateTimeFormat().resolvedOptions().timeZone,
    appVersion: options.appVersion ?? '0.0.0'
  }
}

/** An open workspace: one SQLite file, one read-write connection. */
export class Workspace {
  readonly settings: SettingsRepository

  private constructor(
    readonly path: string,
    readonly db: Db,
    readonly schemaVersion: number,
    readonly backupsWritten: readonly string[],
    options: ResolvedOptions
  ) {
    this.settings = new SettingsRepository(db, options.systemTimeZone, options.now)
  }

  /**
   * Opens an existing workspace. Refuses, without modifying the file, anything that is not a
   * Loopbench workspace, a damaged file, or a workspace written by a newer version. When
   * migrations are pending, writes a backup of the file (SQLite online backup) first.
   */
  static async open(path: string, options: WorkspaceOptions = {}): Promise<Workspace> {
    const resolved = resolveOptions(options)
    const header = readDatabaseHeader(path)
    assertOurs(path, header, resolved.migrations)
    assertWritable(path)

    const pending = inspectReadOnly(path, resolved.migrations)
    const backups: string[] = []
    if (pending.length > 0 && pending[0] && pending[0].version > 1) {
      backups.push(await backupBeforeMigration(path, pending[0].version - 1, resolved.now()))
    }
    const db = openReadWrite(path)
    try {
      if (pending.length > 0) migrateOrExplain(db, path, pending, resolved.now, backups)
      // A large import that died between its commit and its index rebuild left this to do.
      rebuildPendingIndexes(db)
      const version = readAppliedMigrations(db).at(-1)?.version ?? 0
      return new Workspace(path, db, version, backups, resolved)
    } catch (error) {
      db.close()
      throw toWorkspaceError(path, error)
    }
  }

  /** Creates a new, empty workspace readable by its owner only. Never replaces a file. */
  static async create(
    path: string,
    options: WorkspaceOptions & { isDemo?: boolean } = {}
  ): Promise<Workspace> {
    const resolved = resolveOptions(options)
    assertCanCreate(path)
    closeSync(openSync(path, 'wx', 0o600))
    let db: Db | undefined
    try {
      db = openReadWrite(path)
      db.pragma(`application_id = ${APPLICATION_ID}`)
      applyMigrations(db, resolved.migrations, resolved.now)
      const meta = db.prepare('INSERT INTO workspace_meta (key, value) VALUES (?, ?)')
      db.transaction(() => {
        meta.run('created_at', String(resolved.now()))
        meta.run('created_by', resolved.appVersion)
        meta.run('is_demo', options.isDemo ? '1' : '0')
      })()
      const workspace = new Workspace(path, db, resolved.migrations.at(-1)?.version ?? 0, [], resolved)
      // Persist the defaults so every host computes with the same settings, whatever its zone.
      workspace.settings.update({})
      return workspace
    } catch (error) {
      db?.close()
      removeWorkspaceFiles(path)
      throw toWorkspaceError(path, error)
    }
  }

  /** A short name for title bars and lists. */
  get name(): string {
    return basename(this.path, extname(this.path))
  }

  /** Reads a value of the workspace_meta table. */
  meta(key: string): string | undefined {
    const row = this.db.prepare('SELECT value FROM workspace_meta WHERE key = ?').get(key) as
      { value: string } | undefined
    return row?.value
  }

  /** Row counts of the main tables. */
  counts(): WorkspaceCounts {
    const count = (table: string): number =>
      (this.db.prepare(`SELECT count(*) AS n FROM ${table}`).get() as { n: number }).n
    return {
      tickets: count('tickets'),
      surveyResponses: count('survey_responses'),
      customers: count('customers'),
      experiments: count('experiments'),
      importBatches: count("import_batches WHERE status = 'committed'"),
      themes: count("themes WHERE status = 'active'"),
      priorityItems: count('priority_items')
    }
  }

  /** What the workbench shows about this workspace. */
  info(): WorkspaceInfo {
    const sizeBytes = existsSync(this.path) ? statSync(this.path).size : 0
    return {
      path: this.path,
      name: this.name,
      schemaVersion: this.schemaVersion,
      createdAt: Number(this.meta('created_at') ?? 0),
      sizeBytes,
      isDemo: this.meta('is_demo') === '1',
      counts: this.counts(),
      backupsWritten: [...this.backupsWritten]
    }
  }

  /** Closes the connection; the WAL is checkpointed into the file. */
  close(): void {
    if (!this.db.open) return
    try {
      this.db.pragma('optimize')
      this.db.pragma('wal_checkpoint(TRUNCATE)')
    } finally {
      this.db.close()
    }
  }
}

/** What `inspectWorkspace` finds in a workspace file. */
export interface WorkspaceInspection {
  /** The schema version the file is at. */
  schemaVersion: number
  /** How many migrations opening it would apply. */
  pendingMigrations: number
}

/**
 * Checks, without changing it, that a file is a workspace this version can open: the same
 * checks as `Workspace.open` (header, application id, integrity, schema history), throwing
 * the same errors.
 */
export function inspectWorkspace(
  path: string,
  options: Pick<WorkspaceOptions, 'migrations'> = {}
): WorkspaceInspection {
  const migrations = options.migrations ?? MIGRATIONS
  assertOurs(path, readDatabaseHeader(path), migrations)
  const companionsBefore = existingCompanions(path)
  const pending = inspectReadOnly(path, migrations)
  // Nothing opens the file after this check: leave no empty -wal/-shm behind.
  removeCreatedCompanions(path, companionsBefore)
  const first = pending[0]
  return {
    schemaVersion: first ? first.version - 1 : (migrations.at(-1)?.version ?? 0),
    pendingMigrations: pending.length
  }
}

/**
 * Reads a workspace read-only and returns the migrations it still needs; throws the error a
 * user should see for anything that must not be opened for writing.
 */
function inspectReadOnly(path: string, migrations: readonly Migration[]): Migration[] {
  const companionsBefore = existingCompanions(path)
  let db: Db | undefined
  try {
    db = openReadOnly(path)
    const check = db.pragma('quick_check', { simple: true }) as string
    if (check !== 'ok') {
      throw new ApiError(
        'workspace_corrupt',
        `${path} is damaged (SQLite reports: ${check}). It was left unchanged; restore it from a backup.`,
        { path, detail: check }
      )
    }
    return pendingFromHistory(path, checkHistory(readAppliedMigrations(db), migrations))
  } catch (error) {
    db?.close()
    db = undefined
    removeCreatedCompanions(path, companionsBefore)
    throw toWorkspaceError(path, error)
  } finally {
    db?.close()
  }
}

function migrateOrExplain(
  db: Db,
  path: string,
  pending: readonly Migration[],
  now: () => number,
  backups: readonly string[]
): void {
  try {
    applyMigrations(db, pending, now)
  } catch (error) {
    const reached = readAppliedMigrations(db).at(-1)?.version ?? 0
    const target = pending.at(-1)?.version ?? reached
    const backup = backups[0]
    throw new ApiError(
      'workspace_migration_failed',
      `Upgrading ${path} to workspace schema ${target} failed (${(error as Error).message}). The workspace stays at schema ${reached}${backup ? `; a backup from before the upgrade is at ${backup}` : ''}.`,
      { path, reached, target, ...(backup ? { backup } : {}) }
    )
  }
}

/** Decides from the file header alone whether a database is a workspace this version reads. */
function assertOurs(path: string, header: DatabaseHeader, migrations: readonly Migration[]): void {
  if (header.applicationId !== APPLICATION_ID) {
    throw new ApiError(
      'workspace_not_a_workspace',
      `${path} is an SQLite database, but not a Loopbench workspace. It was left unchanged.`,
      { path, reason: 'foreign_database' }
    )
  }
  const supportedVersion = migrations.at(-1)?.version ?? 0
  if (header.userVersion > supportedVersion) throw tooNew(path, header.userVersion, supportedVersion)
}

function tooNew(path: string, workspaceVersion: number, supportedVersion: number): ApiError {
  return new ApiError(
    'workspace_too_new',
    `${path} was written by a newer version of Loopbench (workspace schema ${workspaceVersion}; this version reads up to ${supportedVersion}). Update Loopbench to open it. It was left unchanged.`,
    { path, workspaceVersion, supportedVersion }
  )
}

function pendingFromHistory(path: string, history: HistoryCheck): Migration[] {
  switch (history.kind) {
    case 'current':
      return []
    case 'pending':
      return history.pending
    case 'too_new':
      throw tooNew(path, history.workspaceVersion, history.supportedVersion)
    case 'diverged':
      throw new ApiError(
        'workspace_incompatible_history',
        `${path} has a schema history this version does not know (from version ${history.atVersion}). It was left unchanged.`,
        { path, atVersion: history.atVersion }
      )
  }
}

/**
 * Writes `NAME.vN-backup-TIMESTAMP.EXT` beside the workspace (owner-only, never replacing a
 * file). The upgrade runs only when this succeeds.
 */
async function backupBeforeMigration(path: string, fromVersion: number, at: number): Promise<string> {
  const stamp = new Date(at).toISOString().replace(/[-:]/g, '').replace(/\..*$/, '')
  const ext = extname(path) || '.loopbench'
  const target = join(dirname(path), `${basename(path, extname(path))}.v${fromVersion}-backup-${stamp}${ext}`)
  try {
    await writeOnlineCopy(path, target)
  } catch (error) {
    throw new ApiError(
      'workspace_not_writable',
      `Could not write a backup to ${target} before upgrading ${path} (${(error as Error).message}). The workspace was left unchanged and was not upgraded.`,
      { path, backup: target, reason: 'backup_failed' }
    )
  }
  return target
}

function removeWorkspaceFiles(path: string): void {
  for (const suffix of ['', '-wal', '-shm', '-journal']) rmSync(path + suffix, { force: true })
}

function toWorkspaceError(path: string, error: unknown): ApiError {
  if (error instanceof ApiError) return error
  if (isCorruptionError(error)) {
    return new ApiError(
      'workspace_corrupt',
      `${path} is damaged or not a database (${(error as Error).message}). It was left unchanged; restore it from a backup.`,
      { path, detail: (error as Error).message }
    )
  }
  const code = (error as { code?: string }).code
  if (code === 'SQLITE_BUSY' || code === 'SQLITE_LOCKED') {
    return new ApiError(
      'workspace_busy',
      `${path} is locked by another program. Close it there and try again.`,
      {
        path
      }
    )
  }
  if (code === 'SQLITE_READONLY' || code === 'SQLITE_CANTOPEN' || code === 'SQLITE_PERM') {
    return new ApiError('workspace_not_writable', `Loopbench cannot write to ${path} (${code}).`, {
      path,
      reason: code
    })
  }
  return new ApiError('internal', `Could not open ${path}: ${(error as Error).message}`, { path })
}
