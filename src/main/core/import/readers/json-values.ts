/**
 * JSON values as table cells: a record's nested objects flattened to dotted keys, lists of plain
 * values joined, and parsing that keeps long numbers (ids) exactly as written.
 */

import { jsonErrorOffset } from './json-error-offset'

/** Nesting below this depth is kept as JSON text rather than flattened further. */
const MAX_FLATTEN_DEPTH = 32

/** A plain object (not an array, not null). */
export function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value)
}

/** A scalar as cell text: null is empty, numbers as JavaScript writes them, booleans as words. */
function scalarText(value: unknown): string | null {
  if (value === null || value === undefined) return ''
  switch (typeof value) {
    case 'string':
      return value
    case 'number':
    case 'boolean':
      return String(value)
    default:
      return null
  }
}

/** Any JSON value as cell text (lists of scalars joined with ', ', other lists as JSON). */
function valueText(value: unknown): string {
  const scalar = scalarText(value)
  if (scalar !== null) return scalar
  if (Array.isArray(value)) {
    const parts: string[] = []
    for (const item of value) {
      const text = scalarText(item)
      if (text === null) return JSON.stringify(value)
      parts.push(text)
    }
    return parts.join(', ')
  }
  return JSON.stringify(value)
}

/** Receives one flattened field of a record: its dotted key and its text. */
export type FieldSink = (key: string, value: string) => void

/**
 * Flattens a record into `emit(key, text)` calls, in key order: `{"customer":{"id":7}}` gives
 * `customer.id` = "7"; an empty object gives its key an empty value. A callback rather than a
 * Map, so that a million records do not allocate a million Maps.
 */
export function flattenRecord(
  record: Record<string, unknown>,
  emit: FieldSink,
  prefix = '',
  depth = 0
): void {
  for (const key in record) {
    if (!Object.prototype.hasOwnProperty.call(record, key)) continue
    const value = record[key]
    const path = prefix === '' ? key : `${prefix}.${key}`
    if (isRecord(value) && depth < MAX_FLATTEN_DEPTH) {
      let empty = true
      for (const inner in value) {
        if (Object.prototype.hasOwnProperty.call(value, inner)) {
          empty = false
          break
        }
      }
      if (empty) emit(path, '')
      else flattenRecord(value, emit, path, depth + 1)
      continue
    }
    emit(path, valueText(value))
  }
}

/** Reviver argument added by "JSON.parse source text access" (V8 11.4+, Node 21+). */
interface ReviverContext {
  source?: string
}

/** Keeps numbers with 16 or more digits as written (a double keeps about 15). */
function keepLongNumbers(_key: string, value: unknown, context?: ReviverContext): unknown {
  if (typeof value === 'number' && context?.source !== undefined && /\d{16}/.test(context.source)) {
    return context.source
  }
  return value
}

/** `JSON.parse`, keeping long numbers' digits when `longNumbers` says the text has some. */
export function parseJson(text: string, longNumbers: boolean): unknown {
  if (!longNumbers) return JSON.parse(text)
  // The lib types know only (key, value); Node passes the source-text context as a third argument.
  return JSON.parse(text, keepLongNumbers as (key: string, value: unknown) => unknown)
}

/** What a JSON value is, in words ("a number", "a list"), for messages. */
export function describeJson(value: unknown): string {
  if (value === null) return 'null'
  if (Array.isArray(value)) return 'a list'
  switch (typeof value) {
    case 'string':
      return 'a text value'
    case 'number':
      return 'a number'
    case 'boolean':
      return `the value ${String(value)}`
    default:
      return 'an object'
  }
}

/**
 * The line and a readable reason for a `JSON.parse` error in text that starts on `firstLine`.
 * The line comes from {@link jsonErrorOffset}: V8 gives a position for some errors only.
 */
export function jsonErrorAt(
  error: unknown,
  text: string,
  firstLine: number
): { line: number; reason: string } {
  const message = error instanceof Error ? error.message : String(error)
  let line = firstLine
  const offset = jsonErrorOffset(text)
  const position = offset === -1 ? 0 : offset
  for (let i = text.indexOf('\n'); i !== -1 && i < position; i = text.indexOf('\n', i + 1)) line++
  const cleaned = message
    .replace(/, ".*" is not valid JSON$/s, '')
    .replace(/ in JSON at position \d+.*$/s, '')
    .replace(/ \(line \d+ column \d+\)/, '')
  return { line, reason: `the JSON is not valid here (${cleaned})` }
}
