import type { DateOrder } from '@shared/domain/import'
import { parseBinary } from './parse-binary'
import { parseDateTime } from './parse-date-time'
import { parseInteger, parseNumber, type ParsedNumber } from './parse-number'
import type { Parsed } from './parse-result'
import { parseTags } from './parse-tags'

/** How one file's (or one column's) cells are read. */
export interface CellParserOptions {
  dateOrder: DateOrder | null
  /** IANA zone for wall-clock times; a column that declares its own zone gets its own parsers. */
  timeZone: string
  /** XLSX cells that hold Excel serial dates. */
  allowSerial?: boolean
  epoch?: 'seconds' | 'milliseconds' | null
}

/** The cell parsers of one file, configured once (the shape the record builder takes). */
export interface CellParsers {
  dateTime(raw: string): Parsed<number>
  number(raw: string): Parsed<ParsedNumber>
  integer(raw: string): Parsed<number>
  binary(raw: string): Parsed<0 | 1>
  tags(raw: string): string[]
}

/** Parsers for one file or column: dates in its order and zone, numbers, yes/no values, tags. */
export function createCellParsers(options: CellParserOptions): CellParsers {
  const dateOptions = {
    order: options.dateOrder,
    timeZone: options.timeZone,
    allowSerial: options.allowSerial ?? false,
    epoch: options.epoch ?? null
  }
  return {
    dateTime: (raw) => parseDateTime(raw, dateOptions),
    number: parseNumber,
    integer: parseInteger,
    binary: (raw) => {
      const result = parseBinary(raw)
      return result.ok ? { ok: true, value: result.value ? 1 : 0 } : result
    },
    tags: parseTags
  }
}
