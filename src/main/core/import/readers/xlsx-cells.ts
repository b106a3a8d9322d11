/**
 * Excel cell values (as exceljs gives them) to the text the importers read: numbers as JavaScript
 * writes them, dates as wall-clock ISO without a zone, formulas as their cached result, errors
 * such as #N/A as empty.
 */

/** Two-digit zero padding. */
function pad(value: number): string {
  return value < 10 ? `0${value}` : String(value)
}

/**
 * A date cell as `YYYY-MM-DDTHH:mm:ss`, no zone: Excel dates are wall-clock values (exceljs puts
 * them in UTC fields), and the import applies its time zone later. Rounded to the second, since
 * serial fractions land a millisecond off. A time with no date (serial below 1) is `HH:mm:ss`.
 */
export function wallClockIso(date: Date): string {
  const ms = date.getTime()
  if (Number.isNaN(ms)) return ''
  const d = new Date(Math.round(ms / 1000) * 1000)
  const time = `${pad(d.getUTCHours())}:${pad(d.getUTCMinutes())}:${pad(d.getUTCSeconds())}`
  const year = d.getUTCFullYear()
  // Serial 0..1 is 1899-12-30 (1900 system) or 1904-01-01 (1904 system): a time of day only.
  if ((year === 1899 && d.getUTCMonth() === 11 && d.getUTCDate() === 30) || ms === Date.UTC(1904, 0, 1))
    return time
  const yyyy = year >= 0 && year <= 9999 ? String(year).padStart(4, '0') : String(year)
  return `${yyyy}-${pad(d.getUTCMonth() + 1)}-${pad(d.getUTCDate())}T${time}`
}

/** An Excel serial day number as a date (1900 or 1904 date system), as exceljs converts it. */
export function serialToDate(serial: number, date1904: boolean): Date {
  return new Date(Math.round((serial - 25569 + (date1904 ? 1462 : 0)) * 86_400_000))
}

/** True for number formats that show a date or time (after dropping [colour] and "literal" parts). */
export function isDateFormat(format: string | undefined): boolean {
  if (format === undefined || format === '') return false
  const stripped = format.replace(/\[[^\]]*\]/g, '').replace(/"[^"]*"/g, '')
  return /[ymdhsb]/i.test(stripped.replace(/General/gi, '').replace(/E[+-]/g, ''))
}

/** Undoes the _xHHHH_ escapes OOXML uses for control characters in text (e.g. _x000D_ for CR). */
export function unescapeOoxml(text: string): string {
  if (text.indexOf('_x') === -1) return text
  return text.replace(/_x([0-9A-Fa-f]{4})_/g, (_match, hex: string) => String.fromCharCode(parseInt(hex, 16)))
}

/** The text of a cell value of any kind exceljs produces. */
export function cellText(value: unknown, numFmt: string | undefined, date1904: boolean): string {
  if (value === null || value === undefined) return ''
  switch (typeof value) {
    case 'string':
      return unescapeOoxml(value)
    case 'number':
      if (!Number.isFinite(value)) return ''
      // Plain cells arrive as Date already; a formula's cached result arrives as a number.
      return isDateFormat(numFmt) ? wallClockIso(serialToDate(value, date1904)) : String(value)
    case 'boolean':
      return value ? 'TRUE' : 'FALSE'
    case 'object':
      break
    default:
      return String(value)
  }
  if (value instanceof Date) return wallClockIso(value)
  const v = value as Record<string, unknown>
  if ('error' in v) return ''
  if (Array.isArray(v.richText)) {
    return unescapeOoxml(
      (v.richText as Array<{ text?: unknown }>)
        .map((run) => (typeof run.text === 'string' ? run.text : ''))
        .join('')
    )
  }
  if ('formula' in v || 'sharedFormula' in v) return cellText(v.result, numFmt, date1904)
  if ('hyperlink' in v) return cellText(v.text, numFmt, date1904)
  if ('text' in v) return cellText(v.text, numFmt, date1904)
  return ''
}
