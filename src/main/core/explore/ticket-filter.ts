import { ApiError } from '@shared/api/errors'
import { buildMatchExpression } from '../search/query'

import type { TicketFilter } from '@shared/domain/data-browser'

export { TicketFilterSchema } from '@shared/domain/data-browser'
export type { TicketFilter } from '@shared/domain/data-browser'

/** A filter as SQL over `tickets`: a WHERE clause (or '') with its parameters and a cache key. */
export interface FilterSql {
  where: string
  params: unknown[]
  /** Equal for filters that select the same rows (the search in its MATCH form). */
  key: string
  /** The FTS5 expression when the filter searches text. */
  match: string | null
  /** The conditions other than the search, for queries that let the FTS index drive. */
  others: string[]
  otherParams: unknown[]
}

export const NO_FILTER: FilterSql = {
  where: '',
  params: [],
  key: '',
  match: null,
  others: [],
  otherParams: []
}

/** Translates a ticket filter into SQL; the user's values travel only as bound parameters. */
export function ticketFilterSql(filter: TicketFilter | undefined): FilterSql {
  if (!filter) return NO_FILTER
  const clauses: string[] = []
  const params: unknown[] = []
  const match = filter.search === undefined ? null : buildMatchExpression(filter.search)
  if (filter.from !== undefined) {
    clauses.push('created_at >= ?')
    params.push(filter.from)
  }
  if (filter.to !== undefined) {
    clauses.push('created_at < ?')
    params.push(filter.to)
  }
  for (const [column, values] of [
    ['channel', filter.channels],
    ['status', filter.statuses]
  ] as const) {
    if (!values || values.length === 0) continue
    const named = [...new Set(values.filter((v): v is string => v !== null))].sort()
    const withNull = values.includes(null)
    const parts: string[] = []
    if (named.length > 0) parts.push(`${column} IN (${named.map(() => '?').join(', ')})`)
    if (withNull) parts.push(`${column} IS NULL`)
    clauses.push(parts.length === 1 ? parts[0]! : `(${parts.join(' OR ')})`)
    params.push(...named)
  }
  if (filter.themes && filter.themes.length > 0) {
    // Sorted and unique, so that the same choice makes the same cache key.
    const themes = [...new Set(filter.themes)].sort((a, b) => a - b)
    clauses.push(
      `id IN (SELECT ticket_id FROM ticket_themes WHERE theme_id IN (${themes.map(() => '?').join(', ')}))`
    )
    params.push(...themes)
  }
  const all = match
    ? ['id IN (SELECT rowid FROM ticket_search WHERE ticket_search MATCH ?)', ...clauses]
    : clauses
  const allParams = match ? [match, ...params] : params
  if (all.length === 0) return NO_FILTER
  return {
    where: `WHERE ${all.join(' AND ')}`,
    params: allParams,
    key: JSON.stringify([all, allParams]),
    match,
    others: clauses,
    otherParams: params
  }
}

/** Turns SQLite's complaint about a MATCH expression into an error a user can act on. */
export function searchError(error: unknown, search: string | undefined): unknown {
  const message = (error as Error | null)?.message ?? ''
  if (/fts5|MATCH/i.test(message)) {
    return new ApiError('invalid_input', `The search "${search ?? ''}" could not be run: ${message}`, {
      search: search ?? ''
    })
  }
  return error
}
