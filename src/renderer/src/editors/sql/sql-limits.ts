/** The console's limits, as the contract allows them. */
export const MAX_ROWS = { min: 1, max: 100_000, default: 10_000 } as const
export const TIMEOUT_SECONDS = { min: 0.1, max: 300, default: 10 } as const

/** Digits as typed, with grouping separators and spaces ignored. */
const clean = (text: string): string => text.trim().replace(/[,\s_]/g, '')

/** The row limit typed in the field, or null when it is not a whole number in range. */
export function parseMaxRows(text: string): number | null {
  const value = clean(text)
  if (!/^\d+$/.test(value)) return null
  const n = Number(value)
  return n >= MAX_ROWS.min && n <= MAX_ROWS.max ? n : null
}

/** The time limit typed in seconds as milliseconds, or null when it is out of range. */
export function parseTimeoutMs(text: string): number | null {
  const value = text.trim().replace(/，/g, '.').replace(/,/g, '.')
  if (!/^\d+(\.\d+)?$|^\.\d+$/.test(value)) return null
  const seconds = Number(value)
  if (seconds < TIMEOUT_SECONDS.min || seconds > TIMEOUT_SECONDS.max) return null
  return Math.round(seconds * 1000)
}
