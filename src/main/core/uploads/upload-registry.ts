import { randomUUID } from 'node:crypto'
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { ApiError } from '@shared/api/errors'

export interface UploadedFile {
  uploadId: string
  /** The file name the user chose (display only; never used as a path). */
  name: string
  /** Where the bytes are on disk, inside the registry's private folder. */
  path: string
  size: number
}

/**
 * Files that reached the backend by upload (web host) rather than by path. They live in a
 * private temporary folder (owner-only) that is removed when the host stops.
 */
export class UploadRegistry {
  readonly dir: string
  private readonly files = new Map<string, UploadedFile>()

  constructor(parent: string = tmpdir()) {
    this.dir = mkdtempSync(join(parent, 'loopbench-uploads-'))
  }

  /** A fresh id and the path its bytes should be written to. */
  reserve(): { uploadId: string; path: string } {
    const uploadId = randomUUID()
    return { uploadId, path: join(this.dir, uploadId) }
  }

  register(file: UploadedFile): void {
    this.files.set(file.uploadId, file)
  }

  /** The uploaded file with this id, or a `not_found` error. */
  resolve(uploadId: string): UploadedFile {
    const file = this.files.get(uploadId)
    if (!file)
      throw new ApiError('not_found', 'That upload is no longer available; upload the file again.', {
        uploadId
      })
    return file
  }

  dispose(): void {
    this.files.clear()
    rmSync(this.dir, { recursive: true, force: true })
  }
}
