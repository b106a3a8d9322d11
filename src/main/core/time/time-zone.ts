/**
 * Wall-clock time ↔ instant conversion in an IANA time zone, using only `Intl.DateTimeFormat`
 * (no time-zone library): the zone's offset at an instant is read back from Intl's formatting of
 * that instant. Offsets are cached per UTC hour because Intl formatting costs microseconds and an
 * import parses millions of dates.
 */

const HOUR_MS = 3_600_000
const CACHE_LIMIT = 200_000

const formatters = new Map<string, Intl.DateTimeFormat>()
const offsetCache = new Map<string, number>()

/** A calendar date and time of day as written, without a zone. */
export interface WallTime {
  year: number
  month: number
  day: number
  hour: number
  minute: number
  second: number
  millisecond: number
}

function formatterFor(timeZone: string): Intl.DateTimeFormat {
  let formatter = formatters.get(timeZone)
  if (!formatter) {
    formatter = new Intl.DateTimeFormat('en-US', {
      timeZone,
      hourCycle: 'h23',
      year: 'numeric',
      month: 'numeric',
      day: 'numeric',
      hour: 'numeric',
      minute: 'numeric',
      second: 'numeric',
      era: 'short'
    })
    formatters.set(timeZone, formatter)
  }
  return formatter
}

/** Whether Intl knows this IANA time zone name. */
export function isValidTimeZone(timeZone: string): boolean {
  try {
    formatterFor(timeZone)
    return true
  } catch {
    return false
  }
}

/** True for the names of UTC itself, which need no Intl look-up. */
function isUtc(timeZone: string): boolean {
  return timeZone === 'UTC' || timeZone === 'Etc/UTC' || timeZone === 'Etc/GMT' || timeZone === 'GMT'
}

/** The wall time an instant shows in a zone (seconds precision from Intl, milliseconds carried over). */
export function wallTimeAt(epochMs: number, timeZone: string): WallTime {
  const millisecond = ((epochMs % 1000) + 1000) % 1000
  if (isUtc(timeZone)) {
    const d = new Date(epochMs)
    return {
      year: d.getUTCFullYear(),
      month: d.getUTCMonth() + 1,
      day: d.getUTCDate(),
      hour: d.getUTCHours(),
      minute: d.getUTCMinutes(),
      second: d.getUTCSeconds(),
      millisecond
    }
  }
  const parts = formatterFor(timeZone).formatToParts(new Date(epochMs - millisecond))
  const get = (type: Intl.DateTimeFormatPartTypes): number =>
    Number(parts.find((p) => p.type === type)?.value ?? NaN)
  const era = parts.find((p) => p.type === 'era')?.value ?? 'AD'
  const year = era === 'BC' || era === 'B' ? 1 - get('year') : get('year')
  return {
    year,
    month: get('month'),
    day: get('day'),
    hour: get('hour'),
    minute: get('minute'),
    second: get('second'),
    millisecond
  }
}

/** Milliseconds since the epoch of a wall time read as if it were UTC. */
export function wallTimeAsUtc(w: WallTime): number {
  const d = new Date(0)
  // setUTCFullYear keeps years 0–99 as written, where Date.UTC would add 1900.
  d.setUTCFullYear(w.year, w.month - 1, w.day)
  d.setUTCHours(w.hour, w.minute, w.second, w.millisecond)
  return d.getTime()
}

function computeOffset(epochMs: number, timeZone: string): number {
  const wall = wallTimeAt(epochMs, timeZone)
  return wallTimeAsUtc(wall) - epochMs
}

/**
 * The zone's offset from UTC (ms, local minus UTC) at an instant. Cached per UTC hour when the
 * offset is the same at both ends of that hour, which holds for every hour except those with a
 * transition inside them.
 */
export function offsetAt(epochMs: number, timeZone: string): number {
  if (isUtc(timeZone)) return 0
  const bucket = Math.floor(epochMs / HOUR_MS)
  const key = `${timeZone}|${bucket}`
  const cached = offsetCache.get(key)
  if (cached !== undefined) return cached
  const start = bucket * HOUR_MS
  const atStart = computeOffset(start, timeZone)
  const atEnd = computeOffset(start + HOUR_MS - 1, timeZone)
  if (atStart !== atEnd) return computeOffset(epochMs, timeZone)
  if (offsetCache.size >= CACHE_LIMIT) offsetCache.clear()
  offsetCache.set(key, atStart)
  return atStart
}

/**
 * The instant a wall time denotes in a zone. Like Temporal's `compatible` disambiguation: a time
 * that occurs twice (clocks go back) is the earlier instant; a time skipped when clocks go forward
 * is moved forward by the size of the gap (02:30 on a spring-forward night becomes 03:30).
 */
export function zonedWallTimeToEpoch(w: WallTime, timeZone: string): number {
  const asUtc = wallTimeAsUtc(w)
  if (isUtc(timeZone)) return asUtc
  // The offsets one day either side bracket any transition near this wall time.
  const before = offsetAt(asUtc - 86_400_000, timeZone)
  const after = offsetAt(asUtc + 86_400_000, timeZone)
  // No transition within a day either side (nearly always): one offset, no ambiguity.
  if (before === after) return asUtc - before
  const candidates = [...new Set([before, after])]
    .map((offset) => asUtc - offset)
    .filter((t) => offsetAt(t, timeZone) === asUtc - t)
    .sort((a, b) => a - b)
  if (candidates.length > 0) return candidates[0]!
  // A gap: read the wall time with the offset in force before the transition.
  return asUtc - before
}
