import Database from 'better-sqlite3'

export type Db = Database.Database

/** `PRAGMA application_id` of every Loopbench workspace ("LOOP"). */
export const APPLICATION_ID = 0x4c4f4f50

/** The 16-byte header every SQLite 3 database file starts with. */
export const SQLITE_HEADER = Buffer.from('SQLite format 3\u0000', 'latin1')

/** Opens a connection with the settings every read-write workspace connection uses. */
export function openReadWrite(path: string): Db {
  const db = new Database(path, { fileMustExist: true })
  db.pragma('journal_mode = WAL')
  db.pragma('foreign_keys = ON')
  db.pragma('busy_timeout = 5000')
  db.pragma('synchronous = NORMAL')
  return db
}

/** Opens a read-only connection that cannot change the file. */
export function openReadOnly(path: string): Db {
  const db = new Database(path, { readonly: true, fileMustExist: true })
  db.pragma('busy_timeout = 5000')
  return db
}

/** True for errors SQLite raises on damaged or foreign files. */
export function isCorruptionError(error: unknown): boolean {
  const code = (error as { code?: unknown } | null)?.code
  return code === 'SQLITE_CORRUPT' || code === 'SQLITE_NOTADB' || code === 'SQLITE_CORRUPT_VTAB'
}
