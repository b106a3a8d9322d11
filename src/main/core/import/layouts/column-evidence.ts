import { cleanCell } from '../values/normalize-text'
import { isBinaryWord } from '../values/parse-binary'
import { parseDateTime } from '../values/parse-date-time'
import { parseNumber } from '../values/parse-number'
import { inferEpochUnit } from '../values/infer-epoch-unit'
import { normalizeHeader } from './normalize-header'

/** What a column's header and sample values say, computed once and read by every matcher. */
export interface ColumnEvidence {
  index: number
  header: string
  normalized: string
  /** Qualtrics: the question text under the column id, normalised; else null. */
  description: string | null
  values: string[]
  filled: number
  dateRate: number
  numberRate: number
  integerRate: number
  binaryRate: number
  uniqueRate: number
  distinct: number
  avgLength: number
  min: number | null
  max: number | null
  /** Every value 0 or 1 (or another yes/no word), at most two distinct values. */
  binaryOnly: boolean
}

const isDate = (value: string): boolean =>
  parseDateTime(value, { order: 'dmy' }).ok || parseDateTime(value, { order: 'mdy' }).ok

/** Evidence about one column from its header, optional description and sample values. */
export function columnEvidence(
  index: number,
  header: string,
  description: string | null,
  sample: readonly string[]
): ColumnEvidence {
  const values = sample.map((v) => cleanCell(v)).filter((v) => v !== '')
  const n = values.length
  const rate = (count: number): number => (n === 0 ? 0 : count / n)
  let dates = 0
  let numbers = 0
  let integers = 0
  let binary = 0
  let length = 0
  let min: number | null = null
  let max: number | null = null
  const epoch = inferEpochUnit(values)
  for (const value of values) {
    length += value.length
    const num = parseNumber(value)
    const isPlainNumber = num.ok && !num.value.percent
    if (num.ok) {
      numbers++
      if (Number.isInteger(num.value.value) && !num.value.percent) integers++
      min = min === null ? num.value.value : Math.min(min, num.value.value)
      max = max === null ? num.value.value : Math.max(max, num.value.value)
    }
    if (isBinaryWord(value)) binary++
    if (epoch !== null || (!isPlainNumber && isDate(value))) dates++
  }
  const distinct = new Set(values.map((v) => v.toLowerCase())).size
  return {
    index,
    header,
    normalized: normalizeHeader(header),
    description: description ? normalizeHeader(description) : null,
    values,
    filled: n,
    dateRate: rate(dates),
    numberRate: rate(numbers),
    integerRate: rate(integers),
    binaryRate: rate(binary),
    uniqueRate: rate(distinct),
    distinct,
    avgLength: rate(length),
    min,
    max,
    binaryOnly: n > 0 && binary === n && distinct <= 2
  }
}

/** The sample values of a column that are plain numbers (not percentages), in order. */
export function numericValues(column: ColumnEvidence): number[] {
  const out: number[] = []
  for (const value of column.values) {
    const parsed = parseNumber(value)
    if (parsed.ok && !parsed.value.percent) out.push(parsed.value.value)
  }
  return out
}
