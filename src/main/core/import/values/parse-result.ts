/** The outcome of parsing one raw cell: a value, or a short reason a user can act on. */
export type Parsed<T> = { ok: true; value: T } | { ok: false; reason: string }

/** A successful parse. */
export function parsed<T>(value: T): Parsed<T> {
  return { ok: true, value }
}

/** A failed parse with its reason. */
export function failed<T>(reason: string): Parsed<T> {
  return { ok: false, reason }
}

/** Quotes a raw value for a reason, shortened so a long cell does not flood the message. */
export function quote(raw: string): string {
  const text = raw.length > 60 ? `${raw.slice(0, 57)}…` : raw
  return `'${text}'`
}
