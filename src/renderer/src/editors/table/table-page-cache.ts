/** A row of a table page: strings, numbers (datetimes as epoch ms) or null. */
export type Row = ReadonlyArray<string | number | null>

/**
 * Pages of a large table held in memory, least recently used evicted first, so that scrolling
 * through a million rows keeps a bounded number of rows in memory.
 */
export class TablePageCache {
  private readonly pages = new Map<number, readonly Row[]>()
  private readonly inFlight = new Set<number>()

  constructor(
    readonly pageSize: number,
    private readonly maxPages: number
  ) {
    if (pageSize < 1 || maxPages < 1) throw new RangeError('pageSize and maxPages must be positive')
  }

  /** The row at an absolute index, or undefined when its page is not loaded. */
  row(index: number): Row | undefined {
    const page = this.pages.get(Math.floor(index / this.pageSize))
    return page?.[index % this.pageSize]
  }

  /** Pages covering rows `first`…`last` (inclusive) that are neither loaded nor being loaded. */
  missingPages(first: number, last: number, total: number): number[] {
    if (total <= 0 || last < first) return []
    const from = Math.max(0, Math.floor(first / this.pageSize))
    const to = Math.min(
      Math.floor((total - 1) / this.pageSize),
      Math.floor(Math.max(first, last) / this.pageSize)
    )
    const missing: number[] = []
    for (let page = from; page <= to; page += 1) {
      if (!this.pages.has(page) && !this.inFlight.has(page)) missing.push(page)
    }
    return missing
  }

  /** Marks a page as being loaded so that it is not requested twice. */
  markLoading(page: number): void {
    this.inFlight.add(page)
  }

  /** Stores a loaded page and evicts the least recently stored beyond the limit. */
  store(page: number, rows: readonly Row[]): void {
    this.inFlight.delete(page)
    this.pages.delete(page)
    this.pages.set(page, rows)
    while (this.pages.size > this.maxPages) {
      const oldest = this.pages.keys().next().value
      if (oldest === undefined) break
      this.pages.delete(oldest)
    }
  }

  /** Forgets a failed load so that it can be retried. */
  failed(page: number): void {
    this.inFlight.delete(page)
  }

  /** Marks pages as recently used (those on screen), so eviction takes others first. */
  touch(pages: readonly number[]): void {
    for (const page of pages) {
      const rows = this.pages.get(page)
      if (rows) {
        this.pages.delete(page)
        this.pages.set(page, rows)
      }
    }
  }

  clear(): void {
    this.pages.clear()
    this.inFlight.clear()
  }

  get size(): number {
    return this.pages.size
  }
}
