import type { ImportSource } from '@shared/domain/import'

/** A file on its way to the backend, as the wizard follows it. */
export interface PreparedFile {
  /** The source to inspect and import; rejects with an ApiError (cancelled, payload_too_large…). */
  readonly source: Promise<ImportSource>
  /** Stops an upload in progress; nothing to do for a path. */
  abort(): void
}

/** Upload progress in bytes. */
export type ProgressListener = (sent: number, total: number) => void

/**
 * How files reach the backend, chosen once at start like the API transport: uploaded to the web
 * host, or handed over by path on the desktop. The wizard knows nothing else about the host.
 */
export interface ImportFiles {
  /** `upload`: bytes travel to the web host first (progress is shown); `path`: the backend reads the file. */
  readonly mode: 'upload' | 'path'
  /** How "Choose file…" works: the page's file input, or the backend's native dialog. */
  readonly picker: 'input' | 'native'
  /** Prepares a dropped or chosen browser file. */
  prepare(file: File, onProgress?: ProgressListener): PreparedFile
}

/** `details.reason` of the error when the desktop cannot tell where a dropped file lives. */
export const NO_PATH_REASON = 'no_path'
