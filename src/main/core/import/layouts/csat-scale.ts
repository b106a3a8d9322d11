import type { ColumnEvidence } from './column-evidence'
import { numericValues } from './column-evidence'

/** The usual tops of CSAT scales, smallest first. */
const SCALE_TOPS = [5, 7, 10] as const

/** Samples at least this large may hold a stray value above the scale (1% of them, at least one). */
const STRAY_SAMPLE = 20

/** The scale a CSAT column implies, and how many sample values lie above it. */
export interface CsatScale {
  top: number
  above: number
}

/**
 * The top of the CSAT scale a column's values imply: the smallest usual scale (5, 7 or 10) that
 * holds its values — all of them in a small sample; in a sample of 20 or more, all but 1% (at
 * least one), so that one mistyped 7 among hundreds of 1–5 answers is rejected as outside the
 * scale rather than turning the whole survey into a 1–7 scale. Null when there are no numbers or
 * too many exceed 10.
 */
export function inferCsatScale(column: ColumnEvidence): CsatScale | null {
  const numbers = numericValues(column)
  if (numbers.length === 0) return null
  const stray = numbers.length >= STRAY_SAMPLE ? Math.max(1, Math.floor(numbers.length / 100)) : 0
  for (const top of SCALE_TOPS) {
    const above = numbers.filter((v) => v > top).length
    if (above <= stray) return { top, above }
  }
  return null
}
