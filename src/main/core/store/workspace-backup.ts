import { randomBytes } from 'node:crypto'
import { closeSync, existsSync, fsyncSync, openSync, renameSync, rmSync, statSync } from 'node:fs'
import { basename, dirname, join, resolve } from 'node:path'
import Database from 'better-sqlite3'
import { ApiError } from '@shared/api/errors'
import type { Db } from './sqlite'
import { APPLICATION_ID, isCorruptionError } from './sqlite'
import { writeOnlineCopy } from './online-copy'
import { inspectWorkspace } from './workspace'
import type { WorkspaceOptions } from './workspace'
import { assertCanCreate, assertWritable, readDatabaseHeader } from './workspace-file'

/** What `backupWorkspace` wrote. */
export interface BackupResult {
  workspace: string
  out: string
  bytes: number
  schemaVersion: number
}

/** What `restoreWorkspace` did. */
export interface RestoreResult {
  workspace: string
  from: string
  schemaVersion: number
  /** False when there was no workspace at the path before. */
  replaced: boolean
}

type CopyOptions = Pick<WorkspaceOptions, 'migrations'>

const COMPANIONS = ['-wal', '-shm', '-journal'] as const

/**
 * Writes a consistent copy of a workspace to `out` (SQLite's online backup: committed data only,
 * also while the app has the workspace open). The copy is readable by its owner only and never
 * replaces a file.
 */
export async function backupWorkspace(
  workspace: string,
  out: string,
  options: CopyOptions = {}
): Promise<BackupResult> {
  const source = resolve(workspace)
  const target = resolve(out)
  if (source === target) {
    throw new ApiError('invalid_input', `The backup must go to another file than ${source}.`, {
      path: source
    })
  }
  const { schemaVersion } = inspectWorkspace(source, options)
  if (existsSync(target)) {
    throw new ApiError(
      'workspace_exists',
      `${target} already exists. A backup never replaces a file; choose another name.`,
      { path: target }
    )
  }
  assertCanCreate(target)
  await copyOrExplain(source, target)
  return { workspace: source, out: target, bytes: statSync(target).size, schemaVersion }
}

/**
 * Replaces the workspace at `workspace` with the backup `from`, which must pass the checks that
 * opening a workspace makes. The copy is written to a temporary file in the workspace's folder
 * and renamed over it in one step, so a crash leaves either the old or the restored workspace.
 * Refuses while another program has the workspace open, and never replaces a file that is not a
 * Loopbench workspace.
 */
export async function restoreWorkspace(
  workspace: string,
  from: string,
  options: CopyOptions = {}
): Promise<RestoreResult> {
  const target = resolve(workspace)
  const source = resolve(from)
  if (source === target) {
    throw new ApiError('invalid_input', `${source} cannot be restored over itself.`, { path: source })
  }
  const { schemaVersion } = inspectWorkspace(source, options)
  const replaced = existsSync(target)
  if (replaced) assertReplaceable(target)
  else assertCanCreate(target)

  const temp = join(dirname(target), `.${basename(target)}.${randomBytes(6).toString('hex')}.restoring`)
  let lock: Db | undefined
  try {
    await copyOrExplain(source, temp)
    // The copy is checked like any workspace before it takes the place of one.
    inspectWorkspace(temp, options)
    if (replaced) lock = lockExclusively(target)
    // A write-ahead log or journal left beside the old file would be applied to the new one.
    for (const suffix of COMPANIONS) rmSync(target + suffix, { force: true })
    try {
      renameSync(temp, target)
    } catch (error) {
      // Windows does not rename over a file that is open: give up the lock, then rename.
      if (!lock) throw error
      lock.close()
      lock = undefined
      renameSync(temp, target)
    }
    syncFolder(dirname(target))
  } catch (error) {
    for (const suffix of ['', ...COMPANIONS]) rmSync(temp + suffix, { force: true })
    throw error
  } finally {
    lock?.close()
  }
  return { workspace: target, from: source, schemaVersion, replaced }
}

async function copyOrExplain(source: string, target: string): Promise<void> {
  try {
    await writeOnlineCopy(source, target)
  } catch (error) {
    if (error instanceof ApiError) throw error
    const code = (error as { code?: string }).code
    if (code === 'SQLITE_BUSY' || code === 'SQLITE_LOCKED') throw busy(source)
    throw new ApiError(
      'workspace_not_writable',
      `Could not copy ${source} to ${target} (${(error as Error).message}). Nothing was written.`,
      { path: source, target, reason: 'backup_failed' }
    )
  }
}

/** Only a Loopbench workspace (damaged or not) is ever replaced by a restore. */
function assertReplaceable(target: string): void {
  const header = readDatabaseHeader(target)
  if (header.applicationId !== APPLICATION_ID) {
    throw new ApiError(
      'workspace_not_a_workspace',
      `${target} is not a Loopbench workspace, so restoring will not replace it. Move it away or choose another path. It was left unchanged.`,
      { path: target, reason: 'foreign_database' }
    )
  }
  assertWritable(target)
}

/**
 * Takes the workspace for this connection alone: leaving WAL mode needs every other connection
 * closed (SQLite answers SQLITE_BUSY at once with no busy timeout), and in exclusive locking
 * mode the lock is held until the connection closes, so that nobody opens the old file between
 * the check and the rename. A damaged file cannot be checked and is replaced all the same.
 */
function lockExclusively(target: string): Db | undefined {
  let db: Db | undefined
  try {
    db = new Database(target, { fileMustExist: true, timeout: 0 })
    db.pragma('locking_mode = EXCLUSIVE')
    db.pragma('journal_mode = DELETE')
    db.exec('BEGIN EXCLUSIVE; COMMIT')
    return db
  } catch (error) {
    db?.close()
    const code = (error as { code?: string }).code
    if (code === 'SQLITE_BUSY' || code === 'SQLITE_LOCKED') throw busy(target)
    if (isCorruptionError(error)) return undefined
    throw new ApiError(
      'workspace_not_writable',
      `Loopbench cannot write to ${target} (${code ?? 'error'}).`,
      {
        path: target,
        reason: code
      }
    )
  }
}

function busy(path: string): ApiError {
  return new ApiError(
    'workspace_busy',
    `${path} is open in another program (Loopbench itself, or a database tool). Close it there and try again. Nothing was changed.`,
    { path }
  )
}

/** Makes the rename durable where folders can be synced (not on Windows). */
function syncFolder(dir: string): void {
  let fd: number | undefined
  try {
    fd = openSync(dir, 'r')
    fsyncSync(fd)
  } catch {
    // Best effort: the rename itself is already atomic.
  } finally {
    if (fd !== undefined) closeSync(fd)
  }
}
