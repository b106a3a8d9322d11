import type { ColumnProfile } from '@shared/domain/import'
import { inferDateOrder } from './infer-date-order'
import { inferEpochUnit } from './infer-epoch-unit'
import { cleanCell } from './normalize-text'
import { isBinaryWord } from './parse-binary'
import { parseDateTime } from './parse-date-time'
import { parseNumber } from './parse-number'

const MAX_EXAMPLES = 5
const EXAMPLE_LENGTH = 80
/** Share of non-empty values that must agree before a type is inferred. */
const AGREEMENT = 0.9

const ID_HEADER = /(?:^|[\s_\-.#])(?:id|uuid|guid|key|no|number|code)$|^#$|编号|单号|工单号|[Ii][Dd]$|号码$/i
const CODE_VALUE = /^(?=[^\s]*\d)[A-Za-z0-9][A-Za-z0-9_\-:.#/]{1,63}$/
const LEADING_ZERO = /^0\d+$/

function share(count: number, total: number): number {
  return total === 0 ? 0 : count / total
}

/**
 * The value type a column's cells suggest, for the mapping editor's type badges: empty, id
 * (identifier-like header or codes such as TKT-0042 and 00123 — kept as text), binary, datetime
 * (with the day/month order the column forces, or 'ambiguous'), percent, integer, number or text.
 */
export function profileColumn(header: string, values: readonly string[], index = 0): ColumnProfile {
  const cells = values.map((v) => cleanCell(v))
  const filled = cells.filter((v) => v !== '')
  const examples: string[] = []
  for (const value of filled) {
    const example = value.length > EXAMPLE_LENGTH ? `${value.slice(0, EXAMPLE_LENGTH - 1)}…` : value
    if (!examples.includes(example)) examples.push(example)
    if (examples.length >= MAX_EXAMPLES) break
  }
  const base = { index, header, examples, emptyShare: share(cells.length - filled.length, cells.length) }
  if (filled.length === 0) return { ...base, inferredType: 'empty', dateOrder: null }

  const idHeader = ID_HEADER.test(header.normalize('NFKC').trim())
  if (filled.some((v) => LEADING_ZERO.test(v))) return { ...base, inferredType: 'id', dateOrder: null }

  const binary = filled.filter(isBinaryWord)
  const distinct = new Set(filled.map((v) => v.toLowerCase()))
  if (!idHeader && binary.length === filled.length && distinct.size <= 2) {
    return { ...base, inferredType: 'binary', dateOrder: null }
  }

  const numbers = filled.map((v) => parseNumber(v))
  const numeric = numbers.filter((n) => n.ok)
  const allNumeric = numeric.length === filled.length
  const epoch = allNumeric ? inferEpochUnit(filled) : null
  if (epoch !== null && !idHeader) return { ...base, inferredType: 'datetime', dateOrder: null }

  if (!allNumeric || filled.some((v) => /^\d{8}$/.test(v))) {
    const order = inferDateOrder(filled)
    const probe = order === 'ambiguous' ? 'dmy' : order
    const dates = filled.filter((v) => parseDateTime(v, { order: probe }).ok)
    if (share(dates.length, filled.length) >= AGREEMENT) {
      return { ...base, inferredType: 'datetime', dateOrder: order }
    }
  }

  if (allNumeric) {
    const values = numeric.map((n) => (n.ok ? n.value : { value: NaN, percent: false }))
    if (idHeader && values.every((n) => Number.isInteger(n.value) && !n.percent)) {
      return { ...base, inferredType: 'id', dateOrder: null }
    }
    if (values.every((n) => n.percent)) return { ...base, inferredType: 'percent', dateOrder: null }
    if (values.every((n) => Number.isInteger(n.value) && !n.percent)) {
      return { ...base, inferredType: 'integer', dateOrder: null }
    }
    return { ...base, inferredType: 'number', dateOrder: null }
  }

  const codes = filled.filter((v) => CODE_VALUE.test(v))
  if (share(codes.length, filled.length) >= AGREEMENT && (idHeader || distinct.size === filled.length)) {
    return { ...base, inferredType: 'id', dateOrder: null }
  }
  return { ...base, inferredType: 'text', dateOrder: null }
}
