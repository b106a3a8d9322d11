// ISO 7064 MOD 11-2 weights for the 17 body digits of a GB 11643-1999 citizen identity number:
// W(i) = 2^(i-1) mod 11, counted from the check digit's position (i = 18 … 2).
const WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2]
const CHECK_CHARS = '10X98765432'

/** The check character (0–9 or X) of the 17-digit body of a Chinese resident identity number. */
export function residentIdCheckChar(body: string): string {
  let sum = 0
  for (let i = 0; i < 17; i++) sum += (body.charCodeAt(i) - 48) * WEIGHTS[i]!
  // GB 11643-1999: check = (12 − S mod 11) mod 11, written as this table indexed by S mod 11.
  return CHECK_CHARS[sum % 11]!
}

function isRealDate(year: number, month: number, day: number): boolean {
  const d = new Date(Date.UTC(year, month - 1, day))
  return d.getUTCFullYear() === year && d.getUTCMonth() === month - 1 && d.getUTCDate() === day
}

/**
 * Whether 18 characters form a valid mainland-China resident identity number (GB 11643-1999):
 * a 6-digit region code not starting with 0, a real birth date YYYYMMDD between 1900 and today,
 * a 3-digit sequence, and the ISO 7064 MOD 11-2 check character (0–9 or X).
 */
export function isResidentId(id: string, today: Date = new Date()): boolean {
  const text = id.toUpperCase()
  if (!/^[1-9]\d{16}[\dX]$/.test(text)) return false
  const year = Number(text.slice(6, 10))
  const month = Number(text.slice(10, 12))
  const day = Number(text.slice(12, 14))
  if (year < 1900 || !isRealDate(year, month, day)) return false
  if (Date.UTC(year, month - 1, day) > today.getTime()) return false
  return residentIdCheckChar(text.slice(0, 17)) === text[17]
}
