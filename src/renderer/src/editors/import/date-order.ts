/** The two calendar readings of an all-numeric date such as 05/03/2026. */
export interface DateReadings {
  /** The value as written in the file. */
  example: string
  year: number
  /** Day first (05/03/2026 → 5 March). */
  dmy: { month: number; day: number }
  /** Month first (05/03/2026 → 3 May). */
  mdy: { month: number; day: number }
}

const NUMERIC_DATE = /^\s*(\d{1,2})[/.-](\d{1,2})[/.-](\d{2}|\d{4})(?:\D|$)/

const isDay = (month: number, day: number): boolean => month >= 1 && month <= 12 && day >= 1 && day <= 31

/**
 * Both readings of the first example that really is ambiguous (both numbers 12 or less and
 * different), so the question shows the user a value where the answer matters.
 */
export function dateReadings(examples: readonly string[]): DateReadings | null {
  let fallback: DateReadings | null = null
  for (const example of examples) {
    const match = NUMERIC_DATE.exec(example)
    if (!match) continue
    const a = Number(match[1])
    const b = Number(match[2])
    const rawYear = Number(match[3])
    const year = (match[3] ?? '').length === 2 ? 2000 + rawYear : rawYear
    if (!isDay(b, a) || !isDay(a, b)) continue
    const readings: DateReadings = {
      example: example.trim(),
      year,
      dmy: { month: b, day: a },
      mdy: { month: a, day: b }
    }
    if (a !== b) return readings
    fallback ??= readings
  }
  return fallback
}
