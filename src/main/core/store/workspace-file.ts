import { accessSync, closeSync, constants, existsSync, openSync, readSync, rmSync, statSync } from 'node:fs'
import { dirname } from 'node:path'
import { ApiError } from '@shared/api/errors'
import { SQLITE_HEADER } from './sqlite'

/** What the 100-byte SQLite header says about a file. */
export interface DatabaseHeader {
  /** `PRAGMA application_id` (offset 68). */
  applicationId: number
  /** `PRAGMA user_version` (offset 60); Loopbench keeps its schema version there. */
  userVersion: number
}

/**
 * Checks a path before SQLite touches it, so that a file that is not ours is refused without
 * being opened at all (even a read-only connection leaves `-wal`/`-shm` files beside a WAL
 * database). Returns the header fields the caller needs.
 */
export function readDatabaseHeader(path: string): DatabaseHeader {
  let size: number
  try {
    const stat = statSync(path)
    if (stat.isDirectory()) {
      throw new ApiError('workspace_not_a_file', `${path} is a folder, not a workspace file.`, { path })
    }
    size = stat.size
  } catch (error) {
    if (error instanceof ApiError) throw error
    const code = (error as NodeJS.ErrnoException).code
    if (code === 'ENOENT' || code === 'ENOTDIR') {
      throw new ApiError(
        'workspace_not_found',
        `There is no workspace at ${path}. Check the path, or create a new workspace there.`,
        { path }
      )
    }
    throw new ApiError(
      'workspace_not_writable',
      `Loopbench cannot read ${path} (${code ?? 'unknown error'}).`,
      {
        path,
        reason: code
      }
    )
  }
  if (size < 100) {
    throw new ApiError(
      'workspace_not_a_workspace',
      `${path} is not a Loopbench workspace (the file is ${size === 0 ? 'empty' : 'too short to be a database'}). It was left unchanged.`,
      { path, reason: size === 0 ? 'empty' : 'too_short' }
    )
  }
  const header = Buffer.alloc(100)
  let fd: number | undefined
  try {
    fd = openSync(path, 'r')
    readSync(fd, header, 0, header.length, 0)
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code
    throw new ApiError(
      'workspace_not_writable',
      `Loopbench cannot read ${path} (${code ?? 'unknown error'}).`,
      {
        path,
        reason: code
      }
    )
  } finally {
    if (fd !== undefined) closeSync(fd)
  }
  if (!header.subarray(0, SQLITE_HEADER.length).equals(SQLITE_HEADER)) {
    throw new ApiError(
      'workspace_not_a_workspace',
      `${path} is not a Loopbench workspace (it is not an SQLite database). It was left unchanged.`,
      { path, reason: 'not_sqlite' }
    )
  }
  return { applicationId: header.readUInt32BE(68), userVersion: header.readUInt32BE(60) }
}

const COMPANION_SUFFIXES = ['-wal', '-shm', '-journal'] as const

/** Which SQLite companion files exist beside a database now. */
export function existingCompanions(path: string): Set<string> {
  return new Set(COMPANION_SUFFIXES.filter((suffix) => existsSync(path + suffix)))
}

/**
 * Removes companion files that a refused inspection created, so that refusing a file leaves
 * the folder as it was. Files that existed before (another program has the database open) and
 * a write-ahead log with content are never removed.
 */
export function removeCreatedCompanions(path: string, before: ReadonlySet<string>): void {
  const wal = path + '-wal'
  if (!before.has('-wal') && existsSync(wal) && statSync(wal).size > 0) return
  for (const suffix of COMPANION_SUFFIXES) {
    if (!before.has(suffix)) rmSync(path + suffix, { force: true })
  }
}

/**
 * A workspace needs write access to its file and its folder (SQLite keeps its WAL beside it).
 * A file whose write bits are all cleared (`chmod a-w`, the read-only attribute) counts as
 * read-only even for an administrator: the user asked for it not to change.
 */
export function assertWritable(path: string): void {
  if ((statSync(path).mode & 0o222) === 0) {
    throw new ApiError(
      'workspace_not_writable',
      `${path} is marked read-only. Allow writing to it, or copy it somewhere writable. It was left unchanged.`,
      { path, reason: 'read_only_file' }
    )
  }
  for (const [target, what] of [
    [path, 'file'],
    [dirname(path), 'folder']
  ] as const) {
    try {
      accessSync(target, constants.R_OK | constants.W_OK)
    } catch {
      throw new ApiError(
        'workspace_not_writable',
        `Loopbench cannot write to ${what === 'file' ? path : `the folder of ${path}`}. Check its permissions, or copy the workspace somewhere writable. It was left unchanged.`,
        { path, reason: what }
      )
    }
  }
}

/** A new workspace goes into an existing, writable folder and never replaces a file. */
export function assertCanCreate(path: string): void {
  if (existsSync(path)) {
    throw new ApiError(
      'workspace_exists',
      `${path} already exists. Open it, or choose another name for the new workspace.`,
      { path }
    )
  }
  const dir = dirname(path)
  try {
    if (!statSync(dir).isDirectory()) throw new Error('not a directory')
  } catch {
    throw new ApiError('workspace_not_found', `The folder ${dir} does not exist.`, { path, reason: 'folder' })
  }
  try {
    accessSync(dir, constants.W_OK)
  } catch {
    throw new ApiError(
      'workspace_not_writable',
      `Loopbench cannot create files in ${dir}. Choose a folder you can write to.`,
      { path, reason: 'folder' }
    )
  }
}
