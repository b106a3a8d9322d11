import { cleanCell } from './normalize-text'

// Unix times between 2001-09-09 and 2286-11-20 have 10 digits in seconds and 13 in milliseconds.
const SECONDS = /^1\d{9}$|^[2-9]\d{9}$/
const MILLISECONDS = /^1\d{12}$|^[2-9]\d{12}$/

/**
 * Whether a column clearly holds Unix times: every non-empty value a 10-digit (seconds) or
 * 13-digit (milliseconds) integer, at least three values. Anything else is not treated as epochs.
 */
export function inferEpochUnit(values: Iterable<string>): 'seconds' | 'milliseconds' | null {
  let seconds = 0
  let milliseconds = 0
  let other = 0
  for (const raw of values) {
    const text = cleanCell(raw)
    if (text === '') continue
    if (SECONDS.test(text)) seconds++
    else if (MILLISECONDS.test(text)) milliseconds++
    else other++
  }
  if (other > 0) return null
  if (seconds >= 3 && milliseconds === 0) return 'seconds'
  if (milliseconds >= 3 && seconds === 0) return 'milliseconds'
  return null
}
