import type { RawRow, ReadInfo, ReadWarning } from './table-source'
import type { WidthPolicy } from './table-shape'

/**
 * What every format reader produces: the file's rows as raw cells, in batches, before any header
 * interpretation. `openTableSource` and `peekRows` are built on it.
 */
export interface RowStream {
  info: ReadInfo
  /**
   * How rows are held to the header. 'keyed' (JSON, NDJSON): the first row is the keys and every
   * later row is already aligned to them.
   */
  shape: WidthPolicy | 'keyed'
  /** Batches of rows in file order; throws `import_unreadable` for structural problems. */
  batches: AsyncGenerator<RawRow[], void, undefined>
  progress(): { bytesRead: number; totalBytes: number }
  /** Warnings the reader found while reading (JSON: keys first seen late). */
  warnings(): ReadWarning[]
  close(): Promise<void>
}
