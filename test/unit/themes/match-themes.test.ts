import { describe, expect, it } from 'vitest'
import type { ExistingTheme } from '../../../src/main/core/themes/match-themes'
import { MATCH_THRESHOLD, matchThemes } from '../../../src/main/core/themes/match-themes'
import type { Signature } from '../../../src/main/core/themes/signatures'

/** A unit-length signature of equally weighted terms. */
function sig(...terms: string[]): Signature {
  return new Map(terms.map((t) => [t, 1 / Math.sqrt(terms.length)]))
}
const theme = (
  id: number,
  signature: Signature,
  edited = false,
  parentId: number | null = null
): ExistingTheme => ({
  id,
  edited,
  parentId,
  signature
})

const REFUND = sig('refund', 'money', 'back', 'bank')
const REFUND_LIKE = sig('refund', 'money', 'back', 'late')
const DELIVERY = sig('parcel', 'courier', 'late', 'tracking')
const LOGIN = sig('password', 'login', 'code', 'sms')

describe('matching a re-run to the themes', () => {
  it('keeps the id of the most similar untouched theme, one to one, and drops what nothing matched', () => {
    const m = matchThemes([REFUND_LIKE, LOGIN], [theme(1, DELIVERY), theme(2, REFUND), theme(3, REFUND_LIKE)])
    expect(m.owners).toEqual([[3], []])
    expect(m.dropped).toEqual([1, 2])
    expect(m.conflicts).toEqual([])
  })

  it('needs MATCH_THRESHOLD similarity', () => {
    // refund·refund_like = 3/4.
    expect(matchThemes([REFUND_LIKE], [theme(1, REFUND)], 0.76).owners).toEqual([[]])
    expect(matchThemes([REFUND_LIKE], [theme(1, REFUND)], 0.74).owners).toEqual([[1]])
    expect(MATCH_THRESHOLD).toBeLessThan(0.75)
  })

  it('lets an edited theme take every cluster it is the best match of (a merge holds)', () => {
    const merged = theme(7, sig('refund', 'money', 'parcel', 'courier'), true)
    const m = matchThemes([REFUND, DELIVERY], [merged], 0.4)
    expect(m.owners).toEqual([[7], [7]])
  })

  it('keeps the clusters most of whose tickets were in an edited theme', () => {
    const m = matchThemes([LOGIN], [theme(5, REFUND, true)], 0.6, [[0.8]])
    expect(m.owners).toEqual([[5]])
    expect(matchThemes([LOGIN], [theme(5, REFUND, false)], 0.6, [[0.8]]).owners).toEqual([[]])
  })

  it('shares a cluster between the parts of a split without a conflict', () => {
    const m = matchThemes([REFUND], [theme(4, REFUND, true), theme(9, REFUND_LIKE, true, 4)])
    expect(m.owners).toEqual([[4, 9]])
    expect(m.conflicts).toEqual([])
  })

  it('reports two edited themes that claim one cluster as a conflict and keeps both', () => {
    const m = matchThemes([REFUND], [theme(4, REFUND, true), theme(8, REFUND_LIKE, true)])
    expect(m.owners).toEqual([[4, 8]])
    expect(m.conflicts).toEqual([[4, 8]])
    expect(m.dropped).toEqual([])
  })
})
