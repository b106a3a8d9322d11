import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { isResidentId, residentIdCheckChar } from '../../../../src/main/core/import/redact/china-resident-id'

// Check characters worked out by hand from GB 11643-1999 (ISO 7064 MOD 11-2), independently of the code.
describe('Chinese resident identity numbers (GB 11643-1999)', () => {
  it.each([
    ['11010519491231002X', 'the example of GB 11643-1999'],
    ['44030419900307123X', 'check character X'],
    ['310115198506154429', 'check digit 9'],
    ['510107197811200615', 'check digit 5'],
    ['110101200002293219', 'born on a 29 February'],
    ['32058219870506741X', 'Jiangsu'],
    ['622724199511302850', 'Gansu, check digit 0'],
    ['430624198809193725', 'Hunan'],
    ['650102197608139686', 'Xinjiang'],
    ['231123199312245870', 'Heilongjiang']
  ])('%s is valid (%s)', (id) => {
    expect(isResidentId(id)).toBe(true)
    expect(residentIdCheckChar(id.slice(0, 17))).toBe(id[17])
  })

  it('computes the check character as (12 − Σ aᵢ·(2^(17−i) mod 11) mod 11) mod 11 (property)', () => {
    // The oracle derives the weights from their definition; the code uses a table.
    const oracle = (body: string): string => {
      let sum = 0
      for (let i = 0; i < 17; i++) sum += Number(body[i]) * Number(2n ** BigInt(17 - i) % 11n)
      const check = (12 - (sum % 11)) % 11
      return check === 10 ? 'X' : String(check)
    }
    fc.assert(
      fc.property(fc.stringMatching(/^[0-9]{17}$/), (body) => {
        expect(residentIdCheckChar(body)).toBe(oracle(body))
      }),
      { numRuns: 500 }
    )
  })

  it('accepts a lower-case x', () => {
    expect(isResidentId('11010519491231002x')).toBe(true)
  })

  it.each([
    ['110105194912310021', 'wrong check digit'],
    ['110105194913310023', 'month 13'],
    ['110101200102293214', 'no 29 February in 2001'],
    ['110105189912310028', 'born before 1900'],
    ['011010194912310020', 'region code starting with 0'],
    ['11010519491231002', '17 characters'],
    ['1101051949123100211', '19 characters'],
    ['11010519491231002Y', 'check character Y']
  ])('%s is not (%s)', (id) => {
    expect(isResidentId(id)).toBe(false)
  })

  it('refuses birth dates in the future', () => {
    const body = '11010120300101123'
    const id = body + residentIdCheckChar(body)
    expect(isResidentId(id, new Date('2026-06-01T00:00:00Z'))).toBe(false)
    expect(isResidentId(id, new Date('2031-01-01T00:00:00Z'))).toBe(true)
  })
})
