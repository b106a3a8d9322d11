import { closeSync, openSync, rmSync } from 'node:fs'
import { openReadOnly } from './sqlite'
import { existingCompanions, removeCreatedCompanions } from './workspace-file'

/**
 * Writes a consistent copy of the SQLite database at `source` to `dest` with SQLite's online
 * backup, which sees committed data only (also what still sits in the write-ahead log) and works
 * while other connections use the file. `dest` is created first, empty and readable by its owner
 * only (SQLite gives its journal the same mode), so that the copy is never readable by others and
 * an existing file is never replaced (`EEXIST`). On failure nothing is left at `dest`.
 */
export async function writeOnlineCopy(source: string, dest: string): Promise<void> {
  closeSync(openSync(dest, 'wx', 0o600))
  const companionsBefore = existingCompanions(source)
  try {
    const db = openReadOnly(source)
    try {
      await db.backup(dest)
    } finally {
      db.close()
      // A read-only connection leaves -wal/-shm beside a WAL database it opened alone.
      removeCreatedCompanions(source, companionsBefore)
    }
  } catch (error) {
    for (const suffix of ['', '-journal']) rmSync(dest + suffix, { force: true })
    throw error
  }
}
