/** The outcome of parsing one cell: a value, or why the cell is not one. */
export type Parsed<T> = { ok: true; value: T } | { ok: false; reason: string }

/**
 * The cell parsers the record builder uses, configured for one file (date order, time zone,
 * Excel serials). Implemented over the value modules in `import/values`.
 */
export interface ValueParsers {
  /** A point in time as epoch milliseconds. */
  dateTime(raw: string): Parsed<number>
  /** A number; `percent` when it was written with a % sign (12% → value 12, percent true). */
  number(raw: string): Parsed<{ value: number; percent: boolean }>
  integer(raw: string): Parsed<number>
  binary(raw: string): Parsed<0 | 1>
  tags(raw: string): string[]
}
