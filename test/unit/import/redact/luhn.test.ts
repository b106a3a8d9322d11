import { describe, expect, it } from 'vitest'
import { hasCardPrefix, isCardNumber, passesLuhn } from '../../../../src/main/core/import/redact/luhn'

describe('Luhn check (ISO/IEC 7812-1)', () => {
  it.each([
    '4111111111111111',
    '5555555555554444',
    '378282246310005',
    '6011111111111117',
    '79927398713',
    '0'
  ])('%s passes', (digits) => {
    expect(passesLuhn(digits)).toBe(true)
  })

  it.each(['4111111111111112', '79927398710', '1234567812345678', '12a4'])('%s fails', (digits) => {
    expect(passesLuhn(digits)).toBe(false)
  })
})

describe('card numbers: scheme prefix, length and Luhn', () => {
  it.each([
    ['4111111111111111', 'Visa 16'],
    ['4012888888881881', 'Visa 16'],
    ['5555555555554444', 'Mastercard 51–55'],
    ['2223003122003222', 'Mastercard 2-series'],
    ['378282246310005', 'American Express'],
    ['30569309025904', 'Diners 14'],
    ['6011111111111117', 'Discover'],
    ['3530111333300000', 'JCB'],
    ['6212345678901232', 'UnionPay 16'],
    ['6222021234567890003', 'UnionPay 19']
  ])('%s (%s) is a card number', (digits) => {
    expect(isCardNumber(digits)).toBe(true)
  })

  it('refuses Luhn-valid numbers without a scheme prefix or of the wrong length', () => {
    expect(passesLuhn('1234567812345670')).toBe(true)
    expect(isCardNumber('1234567812345670')).toBe(false)
    expect(hasCardPrefix('411111111111111')).toBe(false)
    expect(hasCardPrefix('3782822463100051')).toBe(false)
    expect(isCardNumber('4111111111111112')).toBe(false)
  })
})
