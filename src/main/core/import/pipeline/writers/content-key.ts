import { createHash } from 'node:crypto'

/**
 * Ids for records whose file has no id column: a hash of the record's content plus how often
 * that content occurred so far in the file, so a re-import of the same export finds the same
 * ids and a genuinely repeated row is kept. One keyer per file.
 */
export class ContentKeyer {
  private readonly seen = new Map<string, number>()

  /** The id of the next record with this content. */
  next(content: unknown): string {
    const hash = createHash('sha1').update(JSON.stringify(content)).digest('base64url')
    const occurrence = (this.seen.get(hash) ?? 0) + 1
    this.seen.set(hash, occurrence)
    return `h:${hash}#${occurrence}`
  }
}
