/** Typing pauses this long before the search runs. */
export const SEARCH_DEBOUNCE_MS = 250

/** The tickets table's filter as the filter bar edits it. */
export interface TicketFilterDraft {
  search: string
  /** Calendar dates `yyyy-mm-dd` in the workspace's time zone, or '' for open. */
  from: string
  to: string
  channels: readonly string[]
  statuses: readonly string[]
  /** Theme ids, as the choices of the filter bar write them. */
  themes: readonly string[]
}

/** The filter as `data.page` takes it; absent fields do not filter. */
export interface TicketFilterRequest {
  search?: string
  /** Epoch ms: tickets created at or after this instant. */
  from?: number
  /** Epoch ms, exclusive: tickets created before this instant (the start of the day after "To"). */
  to?: number
  /** `null` selects tickets without a value. */
  channels?: Array<string | null>
  statuses?: Array<string | null>
  /** Tickets in any of these themes. */
  themes?: number[]
}

/** How the filter bar writes "no value" among its choices (`data.distinct` reports it as null). */
export const EMPTY_CHOICE = ''

export const EMPTY_FILTER: TicketFilterDraft = {
  search: '',
  from: '',
  to: '',
  channels: [],
  statuses: [],
  themes: []
}

/** Longest search the bar sends. */
export const MAX_SEARCH = 200

const DATE = /^(\d{4})-(\d{2})-(\d{2})$/

/** The offset of a time zone from UTC at an instant, in ms (UTC+8 → +28,800,000). */
export function timeZoneOffsetMs(epochMs: number, timeZone: string): number {
  const parts = new Intl.DateTimeFormat('en-US', {
    timeZone,
    hourCycle: 'h23',
    year: 'numeric',
    month: 'numeric',
    day: 'numeric',
    hour: 'numeric',
    minute: 'numeric',
    second: 'numeric'
  }).formatToParts(new Date(epochMs))
  const get = (type: string): number => Number(parts.find((p) => p.type === type)?.value ?? 0)
  const asUtc = Date.UTC(get('year'), get('month') - 1, get('day'), get('hour'), get('minute'), get('second'))
  return asUtc - Math.floor(epochMs / 1000) * 1000
}

/** The instant a calendar day starts in a time zone (midnight there, or the first instant after a gap). */
export function zonedStartOfDay(year: number, month: number, day: number, timeZone: string): number {
  const guess = Date.UTC(year, month - 1, day)
  let instant = guess - timeZoneOffsetMs(guess, timeZone)
  // A second pass settles days when the offset changes around midnight (daylight saving).
  instant = guess - timeZoneOffsetMs(instant, timeZone)
  return instant
}

/** Parses `yyyy-mm-dd`; null for anything else. */
export function parseDay(value: string): { year: number; month: number; day: number } | null {
  const match = DATE.exec(value)
  if (!match) return null
  const year = Number(match[1])
  const month = Number(match[2])
  const day = Number(match[3])
  const check = new Date(Date.UTC(year, month - 1, day))
  return check.getUTCMonth() === month - 1 && check.getUTCDate() === day ? { year, month, day } : null
}

/** True when the draft filters anything. */
export function isFilterActive(draft: TicketFilterDraft): boolean {
  return (
    draft.search.trim() !== '' ||
    draft.from !== '' ||
    draft.to !== '' ||
    draft.channels.length > 0 ||
    draft.statuses.length > 0 ||
    draft.themes.length > 0
  )
}

/** True when both dates are set and "from" is after "to". */
export function isRangeInverted(draft: TicketFilterDraft): boolean {
  return draft.from !== '' && draft.to !== '' && draft.from > draft.to
}

/** Choices as the request carries them: sorted, unique, "no value" as null (last). */
function choices(values: readonly string[]): Array<string | null> {
  const unique = [...new Set(values)]
  const named = unique.filter((v) => v !== EMPTY_CHOICE).sort()
  return unique.includes(EMPTY_CHOICE) ? [...named, null] : named
}

/**
 * The `data.page` filter for a draft: the search trimmed (and collapsed); the chosen days as
 * [start of "From", start of the day after "To") in the workspace's time zone; choices (and theme
 * ids) sorted so that the same choice makes the same request. Returns undefined when nothing filters.
 */
export function ticketFilterRequest(
  draft: TicketFilterDraft,
  timeZone: string
): TicketFilterRequest | undefined {
  const request: TicketFilterRequest = {}
  const search = draft.search.trim().replace(/\s+/g, ' ').slice(0, MAX_SEARCH)
  if (search) request.search = search
  const from = parseDay(draft.from)
  const to = parseDay(draft.to)
  if (from) request.from = zonedStartOfDay(from.year, from.month, from.day, timeZone)
  if (to) {
    const next = new Date(Date.UTC(to.year, to.month - 1, to.day + 1))
    request.to = zonedStartOfDay(next.getUTCFullYear(), next.getUTCMonth() + 1, next.getUTCDate(), timeZone)
  }
  if (request.from !== undefined && request.to !== undefined && request.from > request.to) {
    // An inverted range matches nothing (the bar says why) rather than being swapped silently.
    request.to = request.from
  }
  if (draft.channels.length > 0) request.channels = choices(draft.channels)
  if (draft.statuses.length > 0) request.statuses = choices(draft.statuses)
  const themes = [...new Set(draft.themes.map(Number))]
    .filter((id) => Number.isInteger(id) && id >= 1)
    .sort((a, b) => a - b)
  if (themes.length > 0) request.themes = themes
  return Object.keys(request).length > 0 ? request : undefined
}

/** A stable key of a request, to tell whether the filter really changed. */
export function filterKey(request: TicketFilterRequest | undefined): string {
  return request ? JSON.stringify(request) : ''
}
