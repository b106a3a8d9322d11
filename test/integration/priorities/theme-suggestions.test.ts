import { describe, expect, it } from 'vitest'
import { contract } from '../../../src/shared/api/contract'
import { ApiError } from '../../../src/shared/api/errors'
import { createPriorityItem } from '../../../src/main/core/priorities/priority-edits'
import {
  linkSuggestedThemes,
  shownWords,
  suggestThemesForItem,
  titleTerms
} from '../../../src/main/core/priorities/theme-suggestions'
import { indexPendingTickets } from '../../../src/main/core/search/index-tickets'
import type { Workspace } from '../../../src/main/core/store/workspace'
import { tempWorkspaceForEachTest } from '../../helpers/temp-workspace'
import type { RowWriter } from '../../helpers/workspace-rows'
import { many, rowWriter } from '../../helpers/workspace-rows'

let ws: Workspace
let rows: RowWriter
const NOW = Date.parse('2026-11-01T00:00:00Z')
const AT = '2026-08-10T12:00:00Z'

tempWorkspaceForEachTest('suggest.loopbench', (created) => {
  ws = created
  rows = rowWriter(ws, NOW)
})

/** Six themes in two languages, one excluded, and the other bucket. */
function scenario(): Record<
  'smsEn' | 'smsZh' | 'promo' | 'refund' | 'parcel' | 'excluded' | 'other',
  number
> {
  const ids = {
    smsEn: rows.theme('no sms'),
    smsZh: rows.theme('收不到'),
    promo: rows.theme('promo code invalid'),
    refund: rows.theme('refund missing'),
    parcel: rows.theme('parcel late'),
    excluded: rows.theme('sms spam', { status: 'excluded' }),
    other: rows.theme('Other', { kind: 'other' })
  }
  rows.tickets([
    ...many(20, {
      at: AT,
      theme: ids.smsEn,
      text: 'I never got the SMS verification code, tried three times'
    }),
    ...many(20, { at: AT, theme: ids.smsZh, text: '一直收不到短信验证码，换了手机也不行' }),
    ...many(20, { at: AT, theme: ids.promo, text: 'The promo code says invalid at checkout' }),
    ...many(30, {
      at: AT,
      theme: ids.refund,
      text: 'Still waiting for my refund, not received after two weeks'
    }),
    ...many(100, { at: AT, theme: ids.parcel, text: 'The parcel is late again' }),
    ...many(10, { at: AT, theme: ids.excluded, text: 'Spam SMS again with a verification code' }),
    ...many(10, { at: AT, theme: ids.other, text: 'thanks' })
  ])
  return ids
}

const item = (title: string, themes: number[] = []): number =>
  Number(createPriorityItem(ws.db, { title, themes }, NOW).row.slice('item-'.length))

const links = (): Array<[number, number]> =>
  (
    ws.db.prepare('SELECT item_id, theme_id FROM priority_item_themes ORDER BY 1, 2').raw().all() as Array<
      [number, number]
    >
  ).map(([i, t]) => [i, t])

describe('titleTerms', () => {
  it('keeps words that are not stop words or negations, and the character pairs of Chinese runs, once each', () => {
    expect(titleTerms('SMS verification codes not arriving / 收不到短信验证码')).toEqual([
      'sms',
      'verification',
      'codes',
      'arriving',
      '收不',
      '不到',
      '到短',
      '短信',
      '信验',
      '验证',
      '证码'
    ])
    expect(titleTerms('The app, the APP and 2026')).toEqual(['app'])
    expect(titleTerms('')).toEqual([])
  })
})

describe('shownWords', () => {
  it('joins neighbouring Chinese pairs into the stretch of the title they cover, best first', () => {
    const gains = new Map([
      ['短信', 1],
      ['信验', 1],
      ['验证', 1],
      ['退款', 0.5],
      ['sms', 3]
    ])
    expect(shownWords('SMS 收不到短信验证码 / 退款', gains)).toEqual(['sms', '短信验证', '退款'])
    expect(shownWords('nothing here', gains)).toEqual([])
  })
})

describe('theme suggestions for a priority item', () => {
  it('waits for the search index, then ranks the themes the title is about in both languages', async () => {
    const ids = scenario()
    const sms = item('SMS verification codes not arriving / 收不到短信验证码')
    expect(suggestThemesForItem(ws.db, sms)).toEqual({ ready: false, suggestions: [] })

    await indexPendingTickets(ws.db)
    const { ready, suggestions } = suggestThemesForItem(ws.db, sms)
    expect(ready).toBe(true)
    const order = suggestions.map((s) => s.themeId)
    // Both SMS themes first; the promo-code theme shares only "code"; refunds, the excluded
    // theme, the other bucket and the parcels are never suggested.
    expect(order.slice(0, 2).sort()).toEqual([ids.smsEn, ids.smsZh].sort())
    expect(order).not.toContain(ids.refund)
    expect(order).not.toContain(ids.parcel)
    expect(order).not.toContain(ids.excluded)
    expect(order).not.toContain(ids.other)
    const en = suggestions.find((s) => s.themeId === ids.smsEn)!
    expect(en).toMatchObject({ label: 'no sms', tickets: 20, itemRow: null })
    expect(en.words).toContain('sms')
    // The Chinese words are shown as the title writes them, not as character pairs.
    expect(suggestions.find((s) => s.themeId === ids.smsZh)!.words).toEqual(['收不到短信验证码'])
    const promo = suggestions.find((s) => s.themeId === ids.promo)
    if (promo) expect(promo.affinity).toBeLessThan(en.affinity / 2)
    for (const s of suggestions) expect(s.affinity).toBeGreaterThanOrEqual(2)
    // The affinity is q·ln(q/p) summed over the title's words: for "sms" in the English
    // theme q = 1 and p = 30/210 (the excluded theme's tickets say SMS too).
    expect(en.affinity).toBeGreaterThan(Math.log(210 / 30))
  })

  it("leaves out the item's own themes and says which item a suggested theme is in now", async () => {
    const ids = scenario()
    await indexPendingTickets(ws.db)
    const sms = item('SMS verification codes not arriving / 收不到短信验证码', [ids.smsEn])
    const other = item('短信 problems', [ids.smsZh])
    const { suggestions } = suggestThemesForItem(ws.db, sms)
    expect(suggestions.map((s) => s.themeId)).not.toContain(ids.smsEn)
    expect(suggestions.find((s) => s.themeId === ids.smsZh)?.itemRow).toBe(`item-${other}`)
    expect(() => suggestThemesForItem(ws.db, 999)).toThrow(ApiError)
  })

  it('groups every free theme under the item it is most about, leaving items that have themes alone', async () => {
    const ids = scenario()
    const sms = item('SMS verification codes not arriving / 收不到短信验证码')
    const refund = item('Refund not received / 退款未到账')
    const chosen = item('Promo code problems', [ids.promo])
    const nothing = item('Dark mode')
    expect(() => linkSuggestedThemes(ws.db)).toThrow(/search index/)
    expect(links()).toEqual([[chosen, ids.promo]])

    await indexPendingTickets(ws.db)
    const result = linkSuggestedThemes(ws.db)
    const linked = links()
    expect(linked).toContainEqual([sms, ids.smsEn])
    expect(linked).toContainEqual([sms, ids.smsZh])
    expect(linked).toContainEqual([refund, ids.refund])
    expect(linked).toContainEqual([chosen, ids.promo])
    expect(linked.filter(([i]) => i === nothing)).toEqual([])
    expect(linked.map(([, t]) => t)).not.toContain(ids.excluded)
    expect(linked.map(([, t]) => t)).not.toContain(ids.other)
    expect(linked.map(([, t]) => t)).not.toContain(ids.parcel)
    expect(result).toEqual({ items: 2, themes: 3 })
    // A second call finds nothing left to do.
    expect(linkSuggestedThemes(ws.db)).toEqual({ items: 0, themes: 0 })
    expect(links()).toEqual(linked)
  })

  it('is asked for by item row only, through the validated contract', () => {
    const schema = contract['priorities.suggestThemes'].input
    expect(schema.safeParse({ row: 'item-3' }).success).toBe(true)
    expect(schema.safeParse({ row: 'theme-3' }).success).toBe(false)
    expect(schema.safeParse({ row: 'item-3', limit: 0 }).success).toBe(false)
    expect(schema.safeParse({ row: 'item-3', extra: 1 }).success).toBe(false)
  })
})
