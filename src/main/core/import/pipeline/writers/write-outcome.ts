/** What writing one record did. */
export type WriteOutcome =
  | { action: 'inserted' | 'updated' | 'unchanged'; id: number }
  /** The same key appeared earlier in this file; the row is rejected with that line. */
  | { action: 'duplicate'; firstLine: number }

/** Writes records of one kind for one batch; must run inside the import's transaction. */
export interface RecordWriter<R> {
  write(record: R, line: number): WriteOutcome
  /** Writes many records at once (faster); outcomes in the same order. */
  writeMany?(items: ReadonlyArray<{ record: R; line: number }>): WriteOutcome[]
}
