/**
 * Where JSON text first goes wrong. `JSON.parse` reports a position for most errors but not for
 * all ("Unexpected token …" carries only a snippet), and a person needs the line. Only called for
 * text that has already failed to parse, so it favours being small over being fast. Iterative, so
 * deep nesting cannot overflow the stack.
 */

const WHITESPACE = new Set([0x20, 0x09, 0x0a, 0x0d])
const NUMBER = /-?(?:0|[1-9]\d*)(?:\.\d+)?(?:[eE][+-]?\d+)?/y
const ESCAPES = new Set(['"', '\\', '/', 'b', 'f', 'n', 'r', 't'])

/** Expectations of the scanner between tokens. */
type Expect = 'value' | 'value-or-end' | 'key-or-end' | 'key' | 'colon' | 'comma-or-end'

/** End of the string token that starts at `i` (index after its closing quote), or -(error offset + 1). */
function stringEnd(text: string, i: number): number {
  for (let k = i + 1; k < text.length; k++) {
    const c = text.charCodeAt(k)
    if (c === 0x22) return k + 1
    if (c < 0x20) return -(k + 1)
    if (c === 0x5c) {
      const next = text[k + 1] ?? ''
      if (next === 'u') {
        if (!/^[0-9a-fA-F]{4}$/.test(text.slice(k + 2, k + 6))) return -(k + 1)
        k += 5
      } else if (ESCAPES.has(next)) {
        k++
      } else {
        return -(k + 1)
      }
    }
  }
  return -(text.length + 1)
}

/** Offset of the first character where `text` stops being one valid JSON value, or -1. */
export function jsonErrorOffset(text: string): number {
  const stack: Array<'object' | 'array'> = []
  let expect: Expect = 'value'
  let i = 0
  const n = text.length
  for (;;) {
    while (i < n && WHITESPACE.has(text.charCodeAt(i))) i++
    if (i >= n) return expect === 'comma-or-end' && stack.length === 0 ? -1 : n
    const c = text[i] as string
    if (expect === 'comma-or-end' && stack.length === 0) return i // text after the value
    switch (expect) {
      case 'colon':
        if (c !== ':') return i
        expect = 'value'
        i++
        continue
      case 'comma-or-end': {
        const top = stack[stack.length - 1]
        if (c === ',') {
          expect = top === 'object' ? 'key' : 'value'
          i++
        } else if ((c === '}' && top === 'object') || (c === ']' && top === 'array')) {
          stack.pop()
          expect = 'comma-or-end'
          i++
        } else {
          return i
        }
        continue
      }
      case 'key-or-end':
      case 'key':
        if (c === '}' && expect === 'key-or-end') {
          stack.pop()
          expect = 'comma-or-end'
          i++
          continue
        }
        if (c !== '"') return i
        i = stringEnd(text, i)
        if (i < 0) return -i - 1
        expect = 'colon'
        continue
      case 'value-or-end':
        if (c === ']') {
          stack.pop()
          expect = 'comma-or-end'
          i++
          continue
        }
        break
      case 'value':
        break
    }
    // A value.
    if (c === '{') {
      stack.push('object')
      expect = 'key-or-end'
      i++
    } else if (c === '[') {
      stack.push('array')
      expect = 'value-or-end'
      i++
    } else if (c === '"') {
      i = stringEnd(text, i)
      if (i < 0) return -i - 1
      expect = 'comma-or-end'
    } else if (text.startsWith('true', i) || text.startsWith('null', i)) {
      i += 4
      expect = 'comma-or-end'
    } else if (text.startsWith('false', i)) {
      i += 5
      expect = 'comma-or-end'
    } else {
      NUMBER.lastIndex = i
      if (!NUMBER.test(text)) return i
      i = NUMBER.lastIndex
      expect = 'comma-or-end'
    }
  }
}
