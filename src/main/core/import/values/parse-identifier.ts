import { failed, parsed, type Parsed } from './parse-result'

/**
 * An identifier cell → the identifier exactly as written (leading zeros, letters and dashes kept;
 * never read as a number). Surrounding whitespace is dropped, and the `="00123"` wrapper that
 * spreadsheet exports use to protect leading zeros is unwrapped.
 */
export function parseIdentifier(raw: string): Parsed<string> {
  let text = raw.replace(/^[\s\ufeff]+|\s+$/g, '')
  const wrapped = /^="(.*)"$/.exec(text)
  if (wrapped) text = wrapped[1]!
  if (text === '') return failed('empty identifier')
  return parsed(text)
}
