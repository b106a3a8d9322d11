import { describe, expect, it } from 'vitest'
import { parseIdentifier } from '../../../../src/main/core/import/values/parse-identifier'

describe('parseIdentifier', () => {
  it('keeps identifiers exactly as written: leading zeros, letters, long digit strings', () => {
    expect(parseIdentifier('00100482')).toEqual({ ok: true, value: '00100482' })
    expect(parseIdentifier('TKT-383876')).toEqual({ ok: true, value: 'TKT-383876' })
    expect(parseIdentifier('215468134091000123')).toEqual({ ok: true, value: '215468134091000123' })
    expect(parseIdentifier('R_1f2GhIjKlMnOpQr')).toEqual({ ok: true, value: 'R_1f2GhIjKlMnOpQr' })
    expect(parseIdentifier('1.0')).toEqual({ ok: true, value: '1.0' })
  })

  it('drops surrounding whitespace and the ="…" wrapper spreadsheets use to keep zeros', () => {
    expect(parseIdentifier('  C-100482 ')).toEqual({ ok: true, value: 'C-100482' })
    expect(parseIdentifier('="00123"')).toEqual({ ok: true, value: '00123' })
  })

  it('rejects an empty identifier', () => {
    expect(parseIdentifier(' ')).toEqual({ ok: false, reason: 'empty identifier' })
  })
})
