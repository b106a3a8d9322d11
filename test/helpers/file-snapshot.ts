import { createHash } from 'node:crypto'
import { existsSync, readFileSync, statSync } from 'node:fs'

export interface FileSnapshot {
  sha256: string
  size: number
  mtimeMs: number
  companions: string[]
}

/** Content hash, size, mtime and which SQLite companion files exist beside a file. */
export function snapshotFile(path: string): FileSnapshot {
  const bytes = readFileSync(path)
  return {
    sha256: createHash('sha256').update(bytes).digest('hex'),
    size: bytes.length,
    mtimeMs: statSync(path).mtimeMs,
    companions: ['-wal', '-shm', '-journal'].filter((s) => existsSync(path + s))
  }
}
