import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { parseInteger, parseNumber } from '../../../../src/main/core/import/values/parse-number'

function value(raw: string): { value: number; percent: boolean } {
  const result = parseNumber(raw)
  if (!result.ok) throw new Error(`expected '${raw}' to parse, got: ${result.reason}`)
  return result.value
}

describe('parseNumber', () => {
  it.each([
    ['0', 0],
    ['42', 42],
    ['-7', -7],
    ['+7', 7],
    ['\u22127.5', -7.5],
    ['3.14', 3.14],
    ['.5', 0.5],
    ['1e3', 1000],
    ['1,234', 1234],
    ['1,234.50', 1234.5],
    ['1,234,567.89', 1234567.89],
    ['1.234.567', 1234567],
    ['1.234,50', 1234.5],
    ['1 234,5', 1234.5],
    ['1\u00a0234,50', 1234.5],
    ['1\u202f234,50', 1234.5],
    ['1 234 567', 1234567],
    ['1 234.5', 1234.5],
    ["1'234.50", 1234.5],
    ['1\u2019234.50', 1234.5],
    ['12,5', 12.5],
    ['0,125', 0.125],
    ['1234,567', 1234.567],
    ['(1,200)', -1200],
    ['(15.50)', -15.5],
    ['$1,200.00', 1200],
    ['-$5', -5],
    ['$-5', -5],
    ['S$79.23', 79.23],
    ['HK$1,200', 1200],
    ['US$ 19.99', 19.99],
    ['¥1,234', 1234],
    ['￥99', 99],
    ['€ 12,50', 12.5],
    ['£312.40', 312.4],
    ['RM 2,150.00', 2150],
    ['RMB 300', 300],
    ['300 USD', 300],
    ['1,234元', 1234],
    ['１２３', 123],
    ['１，２３４．５', 1234.5],
    ['  42  ', 42],
    ['0012', 12]
  ])('%s → %d', (raw, expected) => {
    const parsed = value(raw)
    expect(parsed.value).toBeCloseTo(expected, 10)
    expect(parsed.percent).toBe(false)
  })

  it.each([
    ['12%', 12],
    ['12.5 %', 12.5],
    ['-3,5%', -3.5],
    ['１２％', 12],
    ['(4%)', -4]
  ])('%s is a percentage of %d', (raw, expected) => {
    expect(value(raw)).toEqual({ value: expected, percent: true })
  })

  it.each([
    ['abc', "not a number: 'abc'"],
    ['12 34', "not a number: '12 34'"],
    ['1,23,456', "not a number: '1,23,456'"],
    ['1.234,56,7', "not a number: '1.234,56,7'"],
    ['1.', "not a number: '1.'"],
    ['--5', "not a number: '--5'"],
    ['NaN', "not a number: 'NaN'"],
    ['Infinity', "not a number: 'Infinity'"],
    ['2026-03-05', "not a number: '2026-03-05'"],
    ['6.4.1', "not a number: '6.4.1'"],
    ['1 234 5', "not a number: '1 234 5'"],
    ['', 'empty number']
  ])('rejects %s', (raw, reason) => {
    expect(parseNumber(raw)).toEqual({ ok: false, reason })
  })

  it('round-trips numbers formatted with grouping in several locales (property)', () => {
    const locales = ['en-US', 'en-GB', 'zh-CN', 'de-DE', 'fr-FR', 'es-ES', 'it-IT', 'de-CH', 'pt-BR', 'ru-RU']
    fc.assert(
      fc.property(
        fc.integer({ min: -99_999_999_999, max: 99_999_999_999 }),
        fc.constantFrom(...locales),
        (cents, locale) => {
          const n = cents / 100
          const text = n.toLocaleString(locale, {
            minimumFractionDigits: 2,
            maximumFractionDigits: 2,
            useGrouping: true
          })
          const parsed = value(text)
          expect(parsed.value).toBeCloseTo(n, 6)
        }
      ),
      { numRuns: 500 }
    )
  })

  it('round-trips currency amounts and percentages as Intl writes them (property)', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 9_999_999_99 }),
        fc.constantFrom(
          ['en-US', 'USD'],
          ['en-SG', 'SGD'],
          ['zh-CN', 'CNY'],
          ['en-GB', 'GBP'],
          ['de-DE', 'EUR'],
          ['zh-HK', 'HKD']
        ),
        (cents, [locale, currency]) => {
          const n = cents / 100
          const text = n.toLocaleString(locale!, {
            style: 'currency',
            currency: currency!,
            minimumFractionDigits: 2
          })
          expect(value(text).value).toBeCloseTo(n, 6)
          const pct = (n / 100).toLocaleString('en-US', { style: 'percent', minimumFractionDigits: 2 })
          expect(value(pct)).toEqual({ value: expect.closeTo(n, 6) as unknown as number, percent: true })
        }
      ),
      { numRuns: 300 }
    )
  })
})

describe('parseInteger', () => {
  it('reads whole numbers, with separators', () => {
    expect(parseInteger('10')).toEqual({ ok: true, value: 10 })
    expect(parseInteger('52,310')).toEqual({ ok: true, value: 52310 })
    expect(parseInteger('0')).toEqual({ ok: true, value: 0 })
  })

  it('rejects fractions, percentages and text with a reason', () => {
    expect(parseInteger('7.5')).toEqual({ ok: false, reason: "not a whole number: '7.5'" })
    expect(parseInteger('50%')).toEqual({ ok: false, reason: "not a whole number: '50%' (a percentage)" })
    expect(parseInteger('ten')).toEqual({ ok: false, reason: "not a number: 'ten'" })
    expect(parseInteger('99999999999999999')).toEqual({
      ok: false,
      reason: "not a whole number: '99999999999999999'"
    })
  })
})
