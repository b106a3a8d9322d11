import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { redactText } from '../../../../src/main/core/import/redact/redact-text'

const none = { email: 0, phone: 0, idNumber: 0, card: 0 }

describe('redactText: personal data is replaced', () => {
  it.each([
    ['Contact me at aisha.rahman@example.com please', 'Contact me at [email] please', { email: 1 }],
    ['邮箱：li.na+orders@mail.example.cn，谢谢', '邮箱：[email]，谢谢', { email: 1 }],
    ['two: a@b.co, x_y-z@sub.example.org.', 'two: [email], [email].', { email: 2 }],
    ['Call +65 9123 4567 after 6pm', 'Call [phone] after 6pm', { phone: 1 }],
    ['UK office +44 20 7946 0958.', 'UK office [phone].', { phone: 1 }],
    ['US: +1 (415) 555-0132', 'US: [phone]', { phone: 1 }],
    ['HK +852 9123-4567', 'HK [phone]', { phone: 1 }],
    ['Berlin +49 30 1234567', 'Berlin [phone]', { phone: 1 }],
    ['我的手机13812345678，请回电', '我的手机[phone]，请回电', { phone: 1 }],
    ['电话：138 1234 5678', '电话：[phone]', { phone: 1 }],
    ['tel 138-1234-5678', 'tel [phone]', { phone: 1 }],
    ['+86 138 1234 5678', '[phone]', { phone: 1 }],
    ['+8613812345678', '[phone]', { phone: 1 }],
    ['008613812345678', '[phone]', { phone: 1 }],
    ['座机 010-12345678 或 0755-87654321', '座机 [phone] 或 [phone]', { phone: 2 }],
    ['call (415) 555-0132 today', 'call [phone] today', { phone: 1 }],
    ['全角：１３８１２３４５６７８', '全角：[phone]', { phone: 1 }],
    ['身份证号11010519491231002X已提交', '身份证号[id-number]已提交', { idNumber: 1 }],
    [
      'ID 440304199003071234 wrong, 44030419900307123X right',
      'ID 440304199003071234 wrong, [id-number] right',
      { idNumber: 1 }
    ],
    ['spaced 110105 19491231 002X', 'spaced [id-number]', { idNumber: 1 }],
    ['card 4111 1111 1111 1111 exp 12/27', 'card [card] exp 12/27', { card: 1 }],
    ['card 4111-1111-1111-1111', 'card [card]', { card: 1 }],
    ['amex 3782 822463 10005', 'amex [card]', { card: 1 }],
    ['银联卡6222021234567890003', '银联卡[card]', { card: 1 }],
    ['mc 5555555555554444.', 'mc [card].', { card: 1 }]
  ])('%s', (text, expected, counts) => {
    expect(redactText(text)).toEqual({ text: expected, counts: { ...none, ...counts } })
  })

  it('counts several kinds in one text', () => {
    const result = redactText(
      'Aisha (aisha@example.com, +65 9123 4567) paid with 4111111111111111, ID 11010519491231002X.'
    )
    expect(result.text).toBe('Aisha ([email], [phone]) paid with [card], ID [id-number].')
    expect(result.counts).toEqual({ email: 1, phone: 1, idNumber: 1, card: 1 })
  })
})

describe('redactText: look-alikes are left alone', () => {
  it.each([
    'Order BB26092394529 was cancelled',
    '订单BB26092394529取消后一周了',
    'Delivered on 2026-03-05 at 14:22:31',
    '2026-03-05T14:22:31Z',
    '2026/03/05 2:22:31 PM GMT+8',
    'Total S$79.23 incl. GST',
    'Refund of ¥1,234.50 and HK$15,600.00',
    '1,234,567.89',
    '订单号 123456789012',
    '订单号：13812345678 已发货',
    '运单号 SF1234567890123',
    'order no. 4111111111111111',
    'Tracking: 5555555555554444',
    'App version 6.4.1 crashes',
    'v2.13.140 and build 20260305.1',
    'Ticket TKT-383876 and #48213',
    'Issue SUP-1201, id 10412',
    'Response R_1f2GhIjKlMnOpQr',
    'Conversation 215468134091',
    'user 851104 in group control',
    'IP 192.168.100.200 and 203.0.113.24',
    'uuid 3f2b8c1e-9d4a-4e1b-8c2f-1a2b3c4d5e6f',
    'epoch 1772720551123 ms',
    'Between 09:00-18:00, Mon-Fri',
    'Invoice INV-2026-000123',
    'Score 9/10, NPS +42',
    'Rated +5 with 12 clicks',
    'Weight 1.5kg, 12 x 330ml',
    'Luhn-valid but no scheme 1234567812345670',
    'not a card 4111 1111 1111 1112',
    'grouped unlike a card: 41 1111 1111 1111 11',
    'mixed separators 4111-1111 1111-1111',
    'email-ish: user@localhost and @mention',
    'ID 110105194912310021 with a wrong check digit',
    '共计 20260305 笔',
    'Coordinates 1.2897, 103.8501',
    'Phone-like amounts +1,234.50 and -138.12'
  ])('%s', (text) => {
    expect(redactText(text)).toEqual({ text, counts: none })
  })
})

const personal = fc.constantFrom(
  'aisha.rahman@example.com',
  'x@y.io',
  '+65 9123 4567',
  '+44 20 7946 0958',
  '13812345678',
  '+86 138 1234 5678',
  '010-12345678',
  '11010519491231002X',
  '4111 1111 1111 1111',
  '378282246310005',
  '6222021234567890003'
)
const harmless = fc.constantFrom(
  'BB26092394529',
  '2026-03-05',
  '14:22:31',
  'S$79.23',
  '订单号 123456789012',
  '6.4.1',
  'TKT-383876',
  '¥1,234.50',
  'refund',
  '退款',
  '没有到账',
  ' ',
  ', ',
  '(',
  ')',
  '-',
  '+',
  '@',
  '.',
  'abc',
  '12',
  '0'
)

describe('redactText: properties', () => {
  it('is idempotent and finds nothing on a second pass', () => {
    fc.assert(
      fc.property(
        fc.array(fc.oneof(personal, harmless, fc.string({ maxLength: 6 })), { maxLength: 12 }),
        (parts) => {
          const once = redactText(parts.join(''))
          const twice = redactText(once.text)
          expect(twice.text).toBe(once.text)
          expect(twice.counts).toEqual(none)
        }
      ),
      { numRuns: 1000 }
    )
  })

  it('never counts more on a second pass, for any text', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 80, unit: 'grapheme' }), (text) => {
        const once = redactText(text)
        const twice = redactText(once.text)
        const total = (c: typeof none): number => c.email + c.phone + c.idNumber + c.card
        expect(total(twice.counts)).toBeLessThanOrEqual(total(once.counts))
        expect(twice.text).toBe(once.text)
      }),
      { numRuns: 1000 }
    )
  })

  it('leaves text without personal data unchanged', () => {
    fc.assert(
      fc.property(fc.array(harmless, { maxLength: 15 }), (parts) => {
        const text = parts.join(' ')
        expect(redactText(text)).toEqual({ text, counts: none })
      }),
      { numRuns: 1000 }
    )
  })

  it('finds each piece of personal data placed between harmless words', () => {
    fc.assert(
      fc.property(harmless, personal, harmless, (before, pii, after) => {
        const result = redactText(`${before} ${pii} ${after}`)
        expect(result.text).not.toContain(pii)
        const total = result.counts.email + result.counts.phone + result.counts.idNumber + result.counts.card
        expect(total).toBe(1)
      }),
      { numRuns: 500 }
    )
  })
})
