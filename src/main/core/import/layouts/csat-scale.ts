import type { ColumnEvidence } from './column-evidence'

/** The usual tops of CSAT scales, smallest first. */
const SCALE_TOPS = [5, 7, 10] as const

/**
 * The top of the CSAT scale a column's values imply: the smallest usual scale (5, 7 or 10) that
 * holds its largest value; null when there are no values or they exceed 10.
 */
export function inferCsatScaleMax(column: ColumnEvidence): number | null {
  if (column.max === null) return null
  return SCALE_TOPS.find((top) => column.max! <= top) ?? null
}
