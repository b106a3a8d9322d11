/**
 * The Luhn (mod 10) check of ISO/IEC 7812-1 that payment card numbers carry in their last digit:
 * from the right, double every second digit (subtracting 9 when the result exceeds 9) and the sum
 * of all digits must be a multiple of 10.
 */
export function passesLuhn(digits: string): boolean {
  if (!/^\d+$/.test(digits)) return false
  let sum = 0
  let double = false
  for (let i = digits.length - 1; i >= 0; i--) {
    let d = digits.charCodeAt(i) - 48
    if (double) {
      d *= 2
      if (d > 9) d -= 9
    }
    sum += d
    double = !double
  }
  return sum % 10 === 0
}

/**
 * Whether a digit string has the length and issuer prefix of a card scheme (ISO/IEC 7812 IIN
 * ranges): Visa 4 (13, 16, 19 digits), Mastercard 51–55 and 2221–2720 (16), American Express 34/37
 * (15), Diners 36, 38 and 300–305 (14), Discover 6011, 644–649 and 65 (16–19), JCB 3528–3589
 * (16–19), UnionPay 62 (16–19). Order and ticket numbers rarely fit both length and prefix.
 */
export function hasCardPrefix(digits: string): boolean {
  const n = digits.length
  const p2 = Number(digits.slice(0, 2))
  const p3 = Number(digits.slice(0, 3))
  const p4 = Number(digits.slice(0, 4))
  if (digits[0] === '4') return n === 13 || n === 16 || n === 19
  if ((p2 >= 51 && p2 <= 55) || (p4 >= 2221 && p4 <= 2720)) return n === 16
  if (p2 === 34 || p2 === 37) return n === 15
  if (p2 === 36 || p2 === 38 || (p3 >= 300 && p3 <= 305)) return n === 14
  if (p4 === 6011 || (p3 >= 644 && p3 <= 649) || p2 === 65) return n >= 16 && n <= 19
  if (p4 >= 3528 && p4 <= 3589) return n >= 16 && n <= 19
  if (p2 === 62) return n >= 16 && n <= 19
  return false
}

/** Whether a 13–19 digit string is a plausible payment card number: scheme prefix and Luhn. */
export function isCardNumber(digits: string): boolean {
  return digits.length >= 13 && digits.length <= 19 && hasCardPrefix(digits) && passesLuhn(digits)
}
