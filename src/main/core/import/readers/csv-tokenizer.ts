import { MAX_RECORD_CHARS, MAX_RECORD_LABEL } from './read-limits'

/** One delimited record with the 1-based physical line where it starts (a {@link RawRow}). */
export interface CsvRecord {
  line: number
  cells: string[]
}

/** The text cannot be split into records; `line` is where the problem starts. */
export class CsvSyntaxError extends Error {
  constructor(
    readonly line: number,
    readonly reason: string
  ) {
    super(reason)
    this.name = 'CsvSyntaxError'
  }
}

const QUOTE = 0x22
const LF = 0x0a
const CR = 0x0d

/** Where the scanner is inside a record (plain constants: erasable syntax, no enum). */
const State = {
  /** At the first character of a field (a quote here opens a quoted field). */
  FieldStart: 0,
  /** Inside a field that is not quoted: everything up to a delimiter or line end. */
  Unquoted: 1,
  /** Inside a quoted field: delimiters and line ends are content; "" is a quote. */
  Quoted: 2,
  /** The previous chunk ended on a quote inside a quoted field: closing, or the first of "". */
  QuotePending: 3,
  /** After a closing quote: text up to the delimiter is kept as it is (lenient, like Excel). */
  AfterQuoted: 4
} as const
type State = (typeof State)[keyof typeof State]

/**
 * RFC 4180 record splitter over decoded text chunks: quoted fields with delimiters, doubled
 * quotes and line breaks; CRLF, LF and CR line ends (also mixed); the physical line where each
 * record starts; blank lines skipped. Incremental, so memory holds one record at most, and
 * strictly bounded by {@link MAX_RECORD_CHARS}. Lenient where real exports are sloppy but nothing
 * is ambiguous: a quote inside an unquoted field, or text after a closing quote, is kept as text.
 *
 * Written by hand rather than with csv-parse: csv-parse 7 reads 29 MB/s (about 160k rows/s) on
 * ticket exports, too slow for the import target, and reports the line where a record ends.
 */
export class CsvTokenizer {
  private readonly delimiter: number
  private state: State = State.FieldStart
  /** Physical line of the scan position. */
  private currentLine = 1
  /** The last character consumed ended a line with CR (an LF right after it is the same end). */
  private afterCr = false
  private fields: string[] = []
  /** A field's text so far when it spans chunks (and for "" inside quoted fields). */
  private field = ''
  private recordLine = 1
  private quoteLine = 1
  private recordChars = 0
  private firstFieldQuoted = false

  constructor(
    delimiter: string,
    private readonly maxRecordChars = MAX_RECORD_CHARS
  ) {
    if (delimiter.length !== 1 || delimiter === '"' || delimiter === '\n' || delimiter === '\r') {
      throw new Error(`unusable delimiter ${JSON.stringify(delimiter)}`)
    }
    this.delimiter = delimiter.charCodeAt(0)
  }

  /** The physical line the scanner has reached (where a decoding problem would be). */
  get line(): number {
    return this.currentLine
  }

  /** Splits `text` (the next chunk of the file) and appends every record it completes to `out`. */
  push(text: string, out: CsvRecord[]): void {
    const n = text.length
    const delimiter = this.delimiter
    let i = 0
    while (i < n) {
      switch (this.state) {
        case State.FieldStart: {
          let c = text.charCodeAt(i)
          if (this.afterCr) {
            this.afterCr = false
            if (c === LF) {
              i++
              continue
            }
          }
          if (this.fields.length === 0) this.recordLine = this.currentLine
          if (c === QUOTE) {
            if (this.fields.length === 0) this.firstFieldQuoted = true
            this.state = State.Quoted
            this.quoteLine = this.currentLine
            i++
            continue
          }
          const start = i
          // Unquoted field: find its end in this chunk (the common case, kept tight).
          while (c !== delimiter && c !== LF && c !== CR) {
            if (++i === n) break
            c = text.charCodeAt(i)
          }
          if (i === n) {
            this.state = State.Unquoted
            this.field = text.slice(start, n)
            this.checkSize()
            continue
          }
          this.endField(text.slice(start, i))
          i = this.afterDelimiterOrLineEnd(text, i, c, out)
          continue
        }
        case State.Unquoted:
        case State.AfterQuoted: {
          const start = i
          let c = text.charCodeAt(i)
          while (c !== delimiter && c !== LF && c !== CR) {
            if (++i === n) break
            c = text.charCodeAt(i)
          }
          if (i === n) {
            this.field += text.slice(start, n)
            this.checkSize()
            continue
          }
          const value = this.field + text.slice(start, i)
          this.field = ''
          this.endField(value)
          i = this.afterDelimiterOrLineEnd(text, i, c, out)
          continue
        }
        case State.Quoted: {
          const start = i
          let line = this.currentLine
          let afterCr = this.afterCr
          for (; i < n; i++) {
            const c = text.charCodeAt(i)
            if (c === QUOTE) break
            if (c === LF) {
              if (!afterCr) line++
              afterCr = false
            } else if (c === CR) {
              line++
              afterCr = true
            } else {
              afterCr = false
            }
          }
          this.currentLine = line
          this.afterCr = afterCr
          if (i === n) {
            this.field += text.slice(start, n)
            this.checkSize()
            continue
          }
          this.field += text.slice(start, i)
          if (i + 1 === n) {
            this.state = State.QuotePending
            i = n
            continue
          }
          if (text.charCodeAt(i + 1) === QUOTE) {
            this.field += '"'
            this.afterCr = false
            i += 2
            continue
          }
          this.afterCr = false
          this.state = State.AfterQuoted
          i++
          continue
        }
        case State.QuotePending: {
          this.afterCr = false
          if (text.charCodeAt(i) === QUOTE) {
            this.field += '"'
            this.state = State.Quoted
            i++
          } else {
            this.state = State.AfterQuoted
          }
          continue
        }
      }
    }
  }

  /** End of the text: completes the last record (a file need not end with a line break). */
  end(out: CsvRecord[]): void {
    switch (this.state) {
      case State.Quoted:
        throw new CsvSyntaxError(
          this.quoteLine,
          'a quoted field that starts on this line is never closed — a closing quote (") is missing'
        )
      case State.QuotePending:
      case State.Unquoted:
      case State.AfterQuoted: {
        const value = this.field
        this.field = ''
        this.endField(value)
        this.endRecord(out)
        break
      }
      case State.FieldStart:
        // A record that ended with a delimiter has one more, empty, field.
        if (this.fields.length > 0) {
          this.endField('')
          this.endRecord(out)
        }
        break
    }
    this.state = State.FieldStart
  }

  /** Handles the delimiter or line end at `i`; returns the index after it. */
  private afterDelimiterOrLineEnd(text: string, i: number, c: number, out: CsvRecord[]): number {
    this.state = State.FieldStart
    if (c === this.delimiter) return i + 1
    this.endRecord(out)
    this.currentLine++
    if (c === CR) {
      if (i + 1 < text.length) {
        return text.charCodeAt(i + 1) === LF ? i + 2 : i + 1
      }
      this.afterCr = true
    }
    return i + 1
  }

  private endField(value: string): void {
    this.fields.push(value)
    this.recordChars += value.length + 1
    if (this.recordChars > this.maxRecordChars) this.tooLong()
  }

  private endRecord(out: CsvRecord[]): void {
    const fields = this.fields
    this.fields = []
    this.recordChars = 0
    const quoted = this.firstFieldQuoted
    this.firstFieldQuoted = false
    // A blank (or whitespace-only) line is not a record.
    if (fields.length === 1 && !quoted && (fields[0] as string).trim() === '') return
    out.push({ line: this.recordLine, cells: fields })
  }

  private checkSize(): void {
    if (this.recordChars + this.field.length > this.maxRecordChars) this.tooLong()
  }

  private tooLong(): never {
    if (this.state === State.Quoted || this.state === State.QuotePending) {
      throw new CsvSyntaxError(
        this.quoteLine,
        `a quoted field that starts on this line runs on for more than ${MAX_RECORD_LABEL} — a closing quote (") is probably missing`
      )
    }
    throw new CsvSyntaxError(
      this.recordLine,
      `a record that starts on this line is longer than ${MAX_RECORD_LABEL} — is the delimiter right? (a line this long is not a table row)`
    )
  }
}
