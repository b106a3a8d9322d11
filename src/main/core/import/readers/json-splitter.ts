import { MAX_RECORD_CHARS, MAX_RECORD_LABEL } from './read-limits'

/** One element of the list of records, as JSON text, with the line where it starts. */
export interface JsonElement {
  line: number
  text: string
  /** A number of 16 or more digits appears: parse it keeping the digits (ids lose them as doubles). */
  bigNumbers: boolean
}

/** The text is not a JSON list of records; `line` is where the problem is. */
export class JsonSyntaxError extends Error {
  constructor(
    readonly line: number,
    readonly reason: string
  ) {
    super(reason)
    this.name = 'JsonSyntaxError'
  }
}

const QUOTE = 0x22
const BACKSLASH = 0x5c
const LF = 0x0a
const CR = 0x0d
const SPACE = 0x20
const TAB = 0x09
const COMMA = 0x2c
const COLON = 0x3a
const OPEN_ARRAY = 0x5b
const CLOSE_ARRAY = 0x5d
const OPEN_OBJECT = 0x7b
const CLOSE_OBJECT = 0x7d
const BOM = 0xfeff

const S = {
  /** Before the document: `[` (a list) or `{` (an object that wraps the list). */
  Start: 0,
  /** After the list's `[`: an element or `]`. */
  ArrayFirst: 1,
  /** After an element: `,` or `]`. */
  ArrayNext: 2,
  /** After a `,` in the list: an element. */
  ArrayElement: 3,
  /** Inside an element. */
  Element: 4,
  /** After the document: whitespace only. */
  Done: 5,
  /** In the wrapping object, after `{`: a key or `}`. */
  WrapKeyOrEnd: 6,
  /** In the wrapping object, after `,`: a key. */
  WrapKey: 7,
  /** Inside a key of the wrapping object. */
  WrapKeyString: 8,
  WrapColon: 9,
  WrapValue: 10,
  /** After `[` of a property: its first element says whether it is the list of records. */
  WrapArrayPeek: 11,
  /** Skipping a property value that is not the list of records. */
  WrapSkip: 12,
  WrapAfterValue: 13
} as const
type S = (typeof S)[keyof typeof S]

/** What a JSON document that starts with `c` holds, in words. */
function startsWhat(c: number): string {
  if (c === QUOTE) return 'a single text value'
  if (c === 0x2d || (c >= 0x30 && c <= 0x39)) return 'a single number'
  if (c === 0x74 || c === 0x66 || c === 0x6e) return 'a single value (true, false or null)'
  return `text that starts with ${shown(c)}, not JSON`
}

/** A short, printable form of the character at a problem. */
function shown(c: number): string {
  if (c === LF || c === CR) return 'a line break'
  return `“${String.fromCharCode(c)}”`
}

/**
 * Splits the text of a JSON document into the elements of its list of records without holding
 * the document: element by element, each with the line where it starts, so that memory holds
 * one record at most. The document is an array (`[{…},{…}]`) or an object with one array of
 * objects among its properties (`{"results":[…],"next":null}`, as APIs export). Everything outside
 * the elements is checked here; each element is checked by `JSON.parse` when it is converted.
 *
 * Written by hand rather than with stream-json: its tokens carry no positions, so it cannot give
 * the line of a record or of an error, and tokenising every value is slower than `JSON.parse`.
 */
export class JsonListSplitter {
  private state: S = S.Start
  private currentLine = 1
  private afterCr = false
  private wrapped = false
  private key = ''
  /** The wrapping object's property that holds the records. */
  private listKey: string | null = null
  private sawEmptyList = false
  // Element (and skipped value) state.
  private part = ''
  private elementLine = 1
  private depth = 0
  private inString = false
  private escape = false
  private scalar = false
  private digitRun = 0
  private bigNumbers = false

  constructor(private readonly maxElementChars = MAX_RECORD_CHARS) {}

  /** The line the scanner has reached (where a decoding problem would be). */
  get line(): number {
    return this.currentLine
  }

  /** The property of a wrapping object that holds the records, if the list is wrapped. */
  get wrappingKey(): string | null {
    return this.listKey
  }

  /** Splits the next chunk of the document; appends the elements it completes to `out`. */
  push(text: string, out: JsonElement[]): void {
    const n = text.length
    let i = 0
    while (i < n) {
      if (this.state === S.Element) {
        i = this.scanElement(text, i, out)
        continue
      }
      if (this.state === S.WrapSkip) {
        i = this.scanSkip(text, i)
        continue
      }
      if (this.state === S.WrapKeyString) {
        i = this.scanKey(text, i)
        continue
      }
      const c = text.charCodeAt(i)
      if (this.whitespace(c)) {
        i++
        continue
      }
      i = this.structural(c, text, i)
    }
  }

  /** End of the document: everything must be closed. */
  end(): void {
    if (this.state === S.Start) {
      throw new JsonSyntaxError(this.currentLine, 'the file holds no JSON, only blank space')
    }
    if (this.state !== S.Done) {
      throw new JsonSyntaxError(
        this.currentLine,
        'the file ends before the JSON list is closed — it may be truncated (copied or downloaded only in part)'
      )
    }
    if (this.wrapped && this.listKey === null && !this.sawEmptyList) {
      throw new JsonSyntaxError(
        1,
        'this JSON object holds no list of records (an array of objects) — Loopbench reads a list like [{…}, {…}], or an object with one such list'
      )
    }
  }

  /** True for JSON whitespace; counts line breaks. */
  private whitespace(c: number): boolean {
    if (c === LF) {
      if (!this.afterCr) this.currentLine++
      this.afterCr = false
      return true
    }
    this.afterCr = false
    if (c === CR) {
      this.currentLine++
      this.afterCr = true
      return true
    }
    return c === SPACE || c === TAB || (c === BOM && this.state === S.Start)
  }

  private fail(reason: string): never {
    throw new JsonSyntaxError(this.currentLine, reason)
  }

  /** Handles a significant character outside elements; returns the next index. */
  private structural(c: number, text: string, i: number): number {
    switch (this.state) {
      case S.Start:
        if (c === OPEN_ARRAY) {
          this.state = S.ArrayFirst
          return i + 1
        }
        if (c === OPEN_OBJECT) {
          this.wrapped = true
          this.state = S.WrapKeyOrEnd
          return i + 1
        }
        return this.fail(
          `this is not a JSON list of records: the file holds ${startsWhat(c)} — Loopbench reads a list like [{…}, {…}]`
        )
      case S.ArrayFirst:
        if (c === CLOSE_ARRAY) return this.closeList(i)
        return this.startElement(c, i)
      case S.ArrayElement:
        if (c === CLOSE_ARRAY)
          return this.fail('a comma before “]” is not valid JSON (a record is missing after it)')
        return this.startElement(c, i)
      case S.ArrayNext:
        if (c === COMMA) {
          this.state = S.ArrayElement
          return i + 1
        }
        if (c === CLOSE_ARRAY) return this.closeList(i)
        return this.fail(
          `a comma or “]” should follow the record before, but there is ${shown(c)} — the JSON is not valid here`
        )
      case S.Done:
        return this.fail(
          `there is more text after the end of the JSON ${this.wrapped ? 'object' : 'list'} — if the file has one JSON object per line, choose the NDJSON format`
        )
      case S.WrapKeyOrEnd:
        if (c === CLOSE_OBJECT) {
          this.state = S.Done
          return i + 1
        }
        return this.expectKey(c, i)
      case S.WrapKey:
        return this.expectKey(c, i)
      case S.WrapColon:
        if (c !== COLON)
          return this.fail(
            `a colon should follow the property name “${this.key}” — the JSON is not valid here`
          )
        this.state = S.WrapValue
        return i + 1
      case S.WrapValue:
        if (c === OPEN_ARRAY) {
          this.state = S.WrapArrayPeek
          return i + 1
        }
        this.beginSkip(c, 0)
        return i
      case S.WrapArrayPeek:
        if (c === OPEN_OBJECT) {
          if (this.listKey !== null) {
            return this.fail(
              `the file holds more than one list of records (“${this.listKey}” and “${this.key}”) — Loopbench reads one list per file`
            )
          }
          this.listKey = this.key
          return this.startElement(c, i)
        }
        if (c === CLOSE_ARRAY) {
          this.sawEmptyList = true
          this.state = S.WrapAfterValue
          return i + 1
        }
        // A list of something else (tags, numbers): not the records; skip it whole.
        this.beginSkip(c, 1)
        return i
      case S.WrapAfterValue:
        if (c === COMMA) {
          this.state = S.WrapKey
          return i + 1
        }
        if (c === CLOSE_OBJECT) {
          this.state = S.Done
          return i + 1
        }
        return this.fail(`a comma or “}” should follow the value of “${this.key}”, but there is ${shown(c)}`)
      default:
        return this.fail('the JSON is not valid here')
    }
  }

  private expectKey(c: number, i: number): number {
    if (c !== QUOTE)
      return this.fail(
        `a property name in quotes should come here, but there is ${shown(c)} — the JSON is not valid here`
      )
    this.state = S.WrapKeyString
    this.part = ''
    this.escape = false
    return i + 1
  }

  private closeList(i: number): number {
    this.state = this.wrapped ? S.WrapAfterValue : S.Done
    return i + 1
  }

  /** Begins an element at `text[i]`. */
  private startElement(c: number, i: number): number {
    this.elementLine = this.currentLine
    this.part = ''
    this.inString = false
    this.escape = false
    this.digitRun = 0
    this.bigNumbers = false
    if (c === OPEN_OBJECT || c === OPEN_ARRAY) {
      this.depth = 0
      this.scalar = false
    } else if (c === QUOTE) {
      this.depth = 0
      this.scalar = false
    } else if (c === 0x2d || (c >= 0x30 && c <= 0x39) || c === 0x74 || c === 0x66 || c === 0x6e) {
      this.depth = 0
      this.scalar = true
    } else {
      return this.fail(`a record should start here, but there is ${shown(c)} — the JSON is not valid here`)
    }
    this.state = S.Element
    this.elementStart = i
    return i
  }

  /** Where the element began in the current chunk (0 when it began in an earlier one). */
  private elementStart = 0

  /** Scans an element from `i`; completes it when its last character is reached. */
  private scanElement(text: string, i: number, out: JsonElement[]): number {
    const n = text.length
    const start = this.elementStart
    this.elementStart = 0
    let depth = this.depth
    let inString = this.inString
    let escape = this.escape
    let digitRun = this.digitRun
    let line = this.currentLine
    let afterCr = this.afterCr
    let end = -1
    if (this.scalar) {
      for (; i < n; i++) {
        const c = text.charCodeAt(i)
        if (
          c === COMMA ||
          c === CLOSE_ARRAY ||
          c === CLOSE_OBJECT ||
          c === SPACE ||
          c === TAB ||
          c === LF ||
          c === CR
        ) {
          end = i
          break
        }
        if (c >= 0x30 && c <= 0x39) {
          if (++digitRun >= 16) this.bigNumbers = true
        } else digitRun = 0
      }
    } else {
      for (; i < n; i++) {
        let c = text.charCodeAt(i)
        if (inString) {
          if (escape) {
            escape = false
            continue
          }
          // Skip ordinary string content quickly.
          while (c !== QUOTE && c !== BACKSLASH) {
            if (++i === n) break
            c = text.charCodeAt(i)
          }
          if (i === n) break
          if (c === BACKSLASH) {
            escape = true
            continue
          }
          inString = false
          if (depth === 0) {
            end = i + 1
            break
          }
          continue
        }
        if (c === QUOTE) {
          inString = true
          digitRun = 0
        } else if (c === OPEN_OBJECT || c === OPEN_ARRAY) {
          depth++
          digitRun = 0
        } else if (c === CLOSE_OBJECT || c === CLOSE_ARRAY) {
          digitRun = 0
          if (--depth === 0) {
            end = i + 1
            break
          }
        } else if (c >= 0x30 && c <= 0x39) {
          if (++digitRun >= 16) this.bigNumbers = true
        } else {
          digitRun = 0
          if (c === LF) {
            if (!afterCr) line++
            afterCr = false
            continue
          }
          if (c === CR) {
            line++
            afterCr = true
            continue
          }
        }
        afterCr = false
      }
    }
    this.currentLine = line
    this.afterCr = afterCr
    this.depth = depth
    this.inString = inString
    this.escape = escape
    this.digitRun = digitRun
    if (end === -1) {
      this.part += text.slice(start, n)
      if (this.part.length > this.maxElementChars) this.tooLong()
      return n
    }
    const element = this.part + text.slice(start, end)
    this.part = ''
    if (element.length > this.maxElementChars) this.tooLong()
    out.push({ line: this.elementLine, text: element, bigNumbers: this.bigNumbers })
    this.state = S.ArrayNext
    return end
  }

  /** Skips a property value of the wrapping object that is not the list of records. */
  private beginSkip(c: number, depth: number): void {
    this.depth = depth
    this.inString = false
    this.escape = false
    this.scalar = depth === 0 && c !== OPEN_OBJECT && c !== OPEN_ARRAY && c !== QUOTE
    this.state = S.WrapSkip
  }

  private scanSkip(text: string, i: number): number {
    const n = text.length
    for (; i < n; i++) {
      const c = text.charCodeAt(i)
      if (this.scalar) {
        if (c === COMMA || c === CLOSE_OBJECT || c === SPACE || c === TAB || c === LF || c === CR) {
          this.state = S.WrapAfterValue
          return i
        }
        continue
      }
      if (this.inString) {
        if (this.escape) this.escape = false
        else if (c === BACKSLASH) this.escape = true
        else if (c === QUOTE) {
          this.inString = false
          if (this.depth === 0) {
            this.state = S.WrapAfterValue
            return i + 1
          }
        }
        continue
      }
      if (c === QUOTE) this.inString = true
      else if (c === OPEN_OBJECT || c === OPEN_ARRAY) this.depth++
      else if (c === CLOSE_OBJECT || c === CLOSE_ARRAY) {
        if (--this.depth === 0) {
          this.state = S.WrapAfterValue
          return i + 1
        }
      } else this.whitespace(c)
    }
    return n
  }

  /** Reads a property name of the wrapping object. */
  private scanKey(text: string, i: number): number {
    const n = text.length
    const start = i
    for (; i < n; i++) {
      const c = text.charCodeAt(i)
      if (this.escape) this.escape = false
      else if (c === BACKSLASH) this.escape = true
      else if (c === QUOTE) break
    }
    this.part += text.slice(start, i)
    if (this.part.length > this.maxElementChars)
      this.fail(`a property name is longer than ${MAX_RECORD_LABEL}`)
    if (i === n) return n
    try {
      this.key = JSON.parse(`"${this.part}"`) as string
    } catch {
      this.fail('a property name is not a valid JSON string')
    }
    this.part = ''
    this.state = S.WrapColon
    return i + 1
  }

  private tooLong(): never {
    throw new JsonSyntaxError(
      this.elementLine,
      `a record that starts on this line is longer than ${MAX_RECORD_LABEL} — the file may be damaged (a missing quote or bracket)`
    )
  }
}
