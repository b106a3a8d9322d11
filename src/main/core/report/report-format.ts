import type { ReportLanguage } from '@shared/domain/report'

/**
 * Numbers and dates as the report prints them, in its language's conventions. Every formatter
 * prints a missing or non-finite value as an em dash, so "NaN", "null" or "undefined" never reach
 * the page.
 */
export interface ReportFormat {
  readonly locale: string
  /** A count with grouping: 20,431. */
  integer(value: number | null | undefined): string
  /** Up to `digits` decimals (at least `minDigits`): 12.5. */
  number(value: number | null | undefined, digits?: number, minDigits?: number): string
  /** A share as a percentage: 0.054 → 5.4%. */
  percent(value: number | null | undefined, digits?: number): string
  /** A signed number: +3.2, −1.0. */
  signed(value: number | null | undefined, digits?: number): string
  /** A signed share as a percentage: +45%. */
  signedPercent(value: number | null | undefined, digits?: number): string
  /** A calendar day given as `YYYY-MM-DD`: 1 July 2026, 2026年7月1日. */
  day(text: string): string
  /** A month given as `YYYY-MM`, short: Jul 26, 26年7月. */
  month(text: string): string
  /** The name of a month (1–12): April, 四月. */
  monthName(month: number): string
}

export const MISSING = '—'

const LOCALES: Readonly<Record<ReportLanguage, string>> = { en: 'en-GB', 'zh-CN': 'zh-CN' }

const finite = (value: number | null | undefined): value is number =>
  typeof value === 'number' && Number.isFinite(value)

/** The report's formatters for a language. */
export function reportFormat(language: ReportLanguage): ReportFormat {
  const locale = LOCALES[language]
  const cache = new Map<string, Intl.NumberFormat>()
  const numbers = (key: string, options: Intl.NumberFormatOptions): Intl.NumberFormat => {
    let format = cache.get(key)
    if (!format) cache.set(key, (format = new Intl.NumberFormat(locale, options)))
    return format
  }
  // A missing value prints as a dash; a negative one with the typographic minus.
  const show = (value: number | null | undefined, key: string, options: Intl.NumberFormatOptions): string =>
    finite(value) ? numbers(key, options).format(value).replace(/^-/, '−') : MISSING
  const fixed = (digits: number): Intl.NumberFormatOptions => ({
    minimumFractionDigits: digits,
    maximumFractionDigits: digits
  })
  const calendar = (options: Intl.DateTimeFormatOptions): Intl.DateTimeFormat =>
    new Intl.DateTimeFormat(locale, { ...options, timeZone: 'UTC' })
  const longDay = calendar({ year: 'numeric', month: 'long', day: 'numeric' })
  const shortMonth = calendar({ year: '2-digit', month: 'short' })
  const monthOnly = calendar({ month: 'long' })
  const utc = (text: string): number => {
    const [year = 1970, month = 1, day = 1] = text.split('-').map(Number)
    return Date.UTC(year, month - 1, day)
  }
  return {
    locale,
    integer: (value) => show(value, 'int', { maximumFractionDigits: 0 }),
    number: (value, digits = 1, minDigits = 0) =>
      show(value, `n${digits}.${minDigits}`, {
        maximumFractionDigits: digits,
        minimumFractionDigits: minDigits
      }),
    percent: (value, digits = 1) => show(value, `p${digits}`, { style: 'percent', ...fixed(digits) }),
    signed: (value, digits = 1) => show(value, `s${digits}`, { signDisplay: 'exceptZero', ...fixed(digits) }),
    signedPercent: (value, digits = 0) =>
      show(value, `sp${digits}`, {
        style: 'percent',
        signDisplay: 'exceptZero',
        maximumFractionDigits: digits
      }),
    day: (text) => (/^\d{4}-\d{2}-\d{2}$/.test(text) ? longDay.format(utc(text)) : MISSING),
    month: (text) => (/^\d{4}-\d{2}$/.test(text) ? shortMonth.format(utc(`${text}-01`)) : MISSING),
    monthName: (month) => monthOnly.format(Date.UTC(2000, month - 1, 1))
  }
}
