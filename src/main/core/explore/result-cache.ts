import type { Db } from '../store/sqlite'
import { dataVersion } from './data-version'

/**
 * A small least-recently-used cache of query results per connection, valid for one data
 * version: counts of filtered sets, row orders, distinct values. At a million tickets a count
 * with a filter costs ~150 ms and a full row order up to ~1.5 s, while a virtualised table asks
 * for the same total and order with every page it scrolls to.
 */
export class ResultCache {
  private version = ''
  private readonly entries = new Map<string, unknown>()

  constructor(private readonly maxEntries: number) {}

  /** The cached value for `key` in the current data version, or what `compute` returns. */
  get<T>(db: Db, key: string, compute: () => T): T {
    const version = dataVersion(db)
    if (version !== this.version) {
      this.entries.clear()
      this.version = version
    }
    if (this.entries.has(key)) {
      const value = this.entries.get(key) as T
      // Re-insert so that Map order is recency order.
      this.entries.delete(key)
      this.entries.set(key, value)
      return value
    }
    const value = compute()
    this.entries.set(key, value)
    while (this.entries.size > this.maxEntries) {
      const oldest = this.entries.keys().next().value as string
      this.entries.delete(oldest)
    }
    return value
  }
}

const caches = new WeakMap<Db, Map<string, ResultCache>>()

/** The named cache of a connection (one per kind of result, each with its own size). */
export function resultCache(db: Db, name: string, maxEntries: number): ResultCache {
  let byName = caches.get(db)
  if (!byName) {
    byName = new Map()
    caches.set(db, byName)
  }
  let cache = byName.get(name)
  if (!cache) {
    cache = new ResultCache(maxEntries)
    byName.set(name, cache)
  }
  return cache
}
