import { open } from 'node:fs/promises'
import type { FileHandle } from 'node:fs/promises'
import { ApiError } from '@shared/api/errors'
import { readError } from './table-source'
import { READ_CHUNK_BYTES, SAMPLE_BYTES } from './read-limits'

/** An open file read by position: its size, its first bytes, and byte ranges on demand. */
export interface ByteSource {
  readonly size: number
  /** The first `min(size, SAMPLE_BYTES)` bytes, read once when the file is opened. */
  readonly sample: Buffer
  /** Bytes from `start` (inclusive) to `end` (exclusive, default the end of the file), in chunks. */
  chunks(start?: number, end?: number): AsyncGenerator<Buffer>
  /** Exactly the bytes in `[position, position + length)` (fewer at the end of the file). */
  read(position: number, length: number): Promise<Buffer>
  /** Bytes consumed so far, for progress (never more than `size`). */
  bytesRead(): number
  /** Marks every byte as consumed (a reader that finished early, e.g. XLSX after its sheet). */
  finish(): void
  close(): Promise<void>
}

/** What the operating system said, as something a person can act on. */
function openFailure(error: unknown): string {
  const code = (error as NodeJS.ErrnoException | null)?.code
  switch (code) {
    case 'ENOENT':
      return 'the file cannot be found — it may have been moved, renamed or deleted'
    case 'EACCES':
    case 'EPERM':
      return 'Loopbench is not allowed to read this file (check its permissions)'
    case 'EISDIR':
      return 'this is a folder, not a file'
    case 'EBUSY':
      return 'the file is locked by another program — close it there and try again'
    default:
      return `the file cannot be read (${code ?? (error instanceof Error ? error.message : String(error))})`
  }
}

/** Opens a file for positional reads; throws `import_unreadable` when it cannot be opened. */
export async function openByteSource(path: string, displayName: string): Promise<ByteSource> {
  let handle: FileHandle
  try {
    handle = await open(path, 'r')
  } catch (error) {
    throw readError(displayName, null, openFailure(error))
  }
  try {
    const stat = await handle.stat()
    if (stat.isDirectory()) throw readError(displayName, null, 'this is a folder, not a file')
    const size = stat.size
    const sample = await readExactly(handle, 0, Math.min(size, SAMPLE_BYTES))
    return new FileByteSource(handle, size, sample)
  } catch (error) {
    await handle.close().catch(() => undefined)
    if (error instanceof ApiError) throw error
    throw readError(displayName, null, openFailure(error))
  }
}

/** Reads until `length` bytes arrived or the file ended (a single read may return fewer). */
async function readExactly(handle: FileHandle, position: number, length: number): Promise<Buffer> {
  const buffer = Buffer.allocUnsafe(length)
  let filled = 0
  while (filled < length) {
    const { bytesRead } = await handle.read(buffer, filled, length - filled, position + filled)
    if (bytesRead === 0) break
    filled += bytesRead
  }
  return filled === length ? buffer : buffer.subarray(0, filled)
}

class FileByteSource implements ByteSource {
  private consumed = 0
  private closed = false

  constructor(
    private readonly handle: FileHandle,
    readonly size: number,
    readonly sample: Buffer
  ) {}

  async *chunks(start = 0, end = this.size): AsyncGenerator<Buffer> {
    let position = start
    // The sample is already in memory: hand out the part of it the range covers first.
    if (position < this.sample.length) {
      const piece = this.sample.subarray(position, Math.min(end, this.sample.length))
      position += piece.length
      this.advance(piece.length)
      if (piece.length > 0) yield piece
    }
    while (position < end && !this.closed) {
      const piece = await readExactly(this.handle, position, Math.min(READ_CHUNK_BYTES, end - position))
      if (piece.length === 0) break
      position += piece.length
      this.advance(piece.length)
      yield piece
    }
  }

  async read(position: number, length: number): Promise<Buffer> {
    const clamped = Math.max(0, Math.min(length, this.size - position))
    if (position + clamped <= this.sample.length) return this.sample.subarray(position, position + clamped)
    return readExactly(this.handle, position, clamped)
  }

  bytesRead(): number {
    return Math.min(this.consumed, this.size)
  }

  finish(): void {
    this.consumed = this.size
  }

  async close(): Promise<void> {
    if (this.closed) return
    this.closed = true
    await this.handle.close().catch(() => undefined)
  }

  private advance(bytes: number): void {
    this.consumed += bytes
  }
}
