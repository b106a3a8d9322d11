import { describe, expect, it } from 'vitest'
import { ApiError } from '../../../src/shared/api/errors'
import { contract } from '../../../src/shared/api/contract'
import type { PriorityList, PriorityRow } from '../../../src/shared/domain/priorities'
import type { Workspace } from '../../../src/main/core/store/workspace'
import { priorityList } from '../../../src/main/core/priorities/priority-list'
import {
  createPriorityItem,
  deletePriorityRow,
  editPriorityRow,
  freezePriorityQuarter,
  overridePriorityRank,
  priorityOverrides
} from '../../../src/main/core/priorities/priority-edits'
import { tempWorkspaceForEachTest } from '../../helpers/temp-workspace'
import type { RowWriter } from '../../helpers/workspace-rows'
import { many, rowWriter } from '../../helpers/workspace-rows'
import { writeReportScenario } from '../../helpers/report-workspace'

let ws: Workspace
let rows: RowWriter
const NOW = Date.parse('2026-11-01T00:00:00Z')

tempWorkspaceForEachTest('edits.loopbench', (created) => {
  ws = created
  ws.settings.update({ timeZone: 'UTC' })
  rows = rowWriter(ws, NOW)
})

const Q1 = '2026-02-10T12:00:00Z'
const Q2 = '2026-05-10T12:00:00Z'
const Q3 = '2026-08-10T12:00:00Z'

/** Three themes without surveys (impact unknown, 1): a, b and c with 40, 20 and 30 tickets in Q3. */
function scenario(): { a: number; b: number; c: number; other: number } {
  const a = rows.theme('refund is slow')
  const b = rows.theme('refund missing')
  const c = rows.theme('app crashes')
  const other = rows.theme('other', { kind: 'other' })
  rows.tickets([
    ...many(40, { at: Q3, theme: a }),
    ...many(20, { at: Q3, theme: b }),
    ...many(30, { at: Q3, theme: c }),
    ...many(10, { at: Q2, theme: a }),
    ...many(10, { at: Q2, theme: b }),
    ...many(10, { at: Q2, theme: c }),
    ...many(5, { at: Q3, theme: other })
  ])
  return { a, b, c, other }
}

const list = (quarter?: string): PriorityList => priorityList(ws.db, ws.settings.get(), quarter)
const byId = (l: PriorityList, id: string): PriorityRow => {
  const found = l.items.find((r) => r.id === id)
  if (!found) throw new Error(`no row ${id} in ${l.items.map((r) => r.id).join(', ')}`)
  return found
}
const counts = (): unknown =>
  ws.db
    .prepare(
      `SELECT (SELECT count(*) FROM priority_items) AS items, (SELECT count(*) FROM priority_item_themes) AS links,
       (SELECT count(*) FROM priority_overrides) AS overrides, (SELECT count(*) FROM priority_snapshots) AS snapshots`
    )
    .get()

function expectApiError(run: () => unknown, code: string, message: RegExp): void {
  try {
    run()
  } catch (e) {
    expect(e).toBeInstanceOf(ApiError)
    expect((e as ApiError).code).toBe(code)
    expect((e as ApiError).message).toMatch(message)
    return
  }
  throw new Error('expected an error')
}

describe('editing the priority list', () => {
  it('makes a theme’s row an item when it is edited, and scores it with the effort entered', () => {
    const { c } = scenario()
    const before = byId(list('2026-Q3'), `theme-${c}`)
    expect(before.effortSet).toBe(false)

    const { row: id } = editPriorityRow(
      ws.db,
      `theme-${c}`,
      { effort: { size: 'L' }, status: 'planned', owner: 'mobile team', note: 'Crash on launch' },
      NOW
    )
    const after = byId(list('2026-Q3'), id)
    expect(id).toMatch(/^item-\d+$/)
    expect(list('2026-Q3').items.some((r) => r.id === `theme-${c}`)).toBe(false)
    expect(after.title).toBe('app crashes')
    expect(after.themes).toEqual([c])
    expect(after).toMatchObject({ status: 'planned', owner: 'mobile team', note: 'Crash on launch' })
    expect(after.effortSet).toBe(true)
    expect(after.effortSize).toBe('L')
    expect(after.components.effort).toBe(8)
    expect(after.score).toBeCloseTo(before.score / 8, 12)

    // Weeks replace the size; null clears the effort, and only the fields given change.
    editPriorityRow(ws.db, id, { effort: { weeks: 2.5 } }, NOW)
    expect(byId(list('2026-Q3'), id)).toMatchObject({
      effortSize: null,
      effortWeeks: 2.5,
      owner: 'mobile team'
    })
    editPriorityRow(ws.db, id, { effort: null, owner: null }, NOW)
    const cleared = byId(list('2026-Q3'), id)
    expect(cleared).toMatchObject({ effortSet: false, effortSize: null, effortWeeks: null, owner: null })
    expect(cleared.status).toBe('planned')
  })

  it('groups themes into an item by hand; a theme in another item moves to the new one', () => {
    const { a, b, c } = scenario()
    const first = createPriorityItem(ws.db, { title: 'Refund speed', themes: [a, b] }, NOW)
    expect(first.movedThemes).toEqual([])
    const second = createPriorityItem(ws.db, { title: 'Stability', themes: [b, c, c] }, NOW)
    expect(second.movedThemes).toEqual([b])
    const l = list('2026-Q3')
    expect(byId(l, first.row).themes).toEqual([a])
    expect(byId(l, second.row).themes).toEqual([b, c].sort((x, y) => x - y))
    expect(byId(l, second.row).tickets).toBe(50)
    expect(l.items.filter((r) => r.kind === 'theme')).toEqual([])

    // An item added by hand, without themes: on the list with nothing behind it.
    const manual = createPriorityItem(ws.db, { title: 'Dark mode', effort: { size: 'M' } }, NOW)
    const dark = byId(list('2026-Q3'), manual.row)
    expect(dark).toMatchObject({ tickets: 0, score: 0, themes: [], effortSize: 'M' })

    deletePriorityRow(ws.db, first.row)
    expect(byId(list('2026-Q3'), `theme-${a}`).kind).toBe('theme')
  })

  it('refuses unknown themes, the other bucket and unknown experiments, leaving the workspace as it was', () => {
    const { a, other } = scenario()
    createPriorityItem(ws.db, { title: 'Refund speed', themes: [a] }, NOW)
    const before = counts()
    expectApiError(
      () => createPriorityItem(ws.db, { title: 'x', themes: [a, 9999] }, NOW),
      'not_found',
      /theme 9999/
    )
    expectApiError(
      () => createPriorityItem(ws.db, { title: 'x', themes: [other] }, NOW),
      'invalid_input',
      /other bucket/
    )
    expectApiError(
      () => editPriorityRow(ws.db, `theme-${other}`, { status: 'planned' }, NOW),
      'invalid_input',
      /other bucket/
    )
    expectApiError(
      () => createPriorityItem(ws.db, { title: 'x', experiments: [42] }, NOW),
      'not_found',
      /experiment 42/
    )
    expectApiError(
      () => editPriorityRow(ws.db, 'item-777', { status: 'planned' }, NOW),
      'not_found',
      /item-777/
    )
    expectApiError(() => deletePriorityRow(ws.db, `theme-${a}`), 'invalid_input', /is a theme/)
    expect(counts()).toEqual(before)
  })

  it('links experiments as evidence: a decided one raises confidence to 1, an undecided one does not', () => {
    const { item, experiments } = writeReportScenario(ws)
    const row = `item-${item}`
    const before = byId(list('2026-Q3'), row)
    expect(before.components.evidence).toEqual([])
    expect(before.components.confidence).toBeLessThan(1)

    // 10% against 13% of 10,000 units each: a clear win, shipped.
    editPriorityRow(ws.db, row, { experiments: [experiments.inQ3] }, NOW)
    const won = byId(list('2026-Q3'), row)
    expect(won.experiments).toEqual([experiments.inQ3])
    expect(won.components.evidence).toHaveLength(1)
    expect(won.components.evidence[0]).toMatchObject({ key: 'checkout_copy', decision: 'ship' })
    expect(won.components.evidence[0]!.relLift).toBeCloseTo(0.3, 9)
    expect(won.components.confidence).toBe(1)
    expect(won.score).toBeCloseTo((before.score / before.components.confidence) * 1, 9)

    // 10% against 10.1%: no decision to ship, so the confidence stays what the data give.
    editPriorityRow(ws.db, row, { experiments: [experiments.undated] }, NOW)
    const flat = byId(list('2026-Q3'), row)
    expect(flat.components.evidence[0]!.decision).not.toBe('ship')
    expect(flat.components.confidence).toBe(before.components.confidence)
  })

  it('validates requests at the contract: titles, notes, effort, row ids', () => {
    const edit = contract['priorities.editItem'].input
    expect(edit.safeParse({ row: 'theme-3', patch: { effort: { size: 'XXL' } } }).success).toBe(false)
    expect(edit.safeParse({ row: 'theme-3', patch: { effort: { weeks: 0 } } }).success).toBe(false)
    expect(edit.safeParse({ row: 'item-0', patch: {} }).success).toBe(false)
    expect(edit.safeParse({ row: 'item-1; DROP', patch: {} }).success).toBe(false)
    expect(edit.safeParse({ row: 'item-1', patch: { title: '   ' } }).success).toBe(false)
    expect(edit.safeParse({ row: 'item-1', patch: { status: 'done' } }).success).toBe(false)
    expect(edit.safeParse({ row: 'item-1', patch: { status: 'wont_do', effort: null } }).success).toBe(true)
    // Text is trimmed; empty text clears the field.
    expect(edit.parse({ row: 'item-1', patch: { owner: ' mobile team ', note: '  ' } }).patch).toEqual({
      owner: 'mobile team',
      note: null
    })
    const override = contract['priorities.override'].input
    expect(override.safeParse({ row: 'item-1', quarter: '2026-Q3', rank: 1, note: '  ' }).success).toBe(false)
    expect(override.safeParse({ row: 'item-1', quarter: 'Q3', rank: 1, note: 'why' }).success).toBe(false)
    expect(override.safeParse({ row: 'item-1', quarter: '2026-Q3', rank: 0, note: 'why' }).success).toBe(
      false
    )
    expect(override.safeParse({ row: 'item-1', quarter: '2026-Q3', rank: null, note: 'why' }).success).toBe(
      true
    )
  })
})

describe('overrides and their audit trail', () => {
  it('puts a row at the rank given, keeps every override with its note, and gives the row back when cleared', () => {
    const { c } = scenario()
    const byScore = list('2026-Q3').items.map((r) => r.id)

    const crash = `theme-${c}`
    expect(byScore.indexOf(crash)).toBeGreaterThan(0)

    const { row: id } = overridePriorityRank(
      ws.db,
      ws.settings.get(),
      { row: crash, quarter: '2026-Q3', rank: 1, note: 'Legal asked for it' },
      NOW
    )
    const l = list('2026-Q3')
    expect(l.items[0]!.id).toBe(id)
    expect(l.items[0]!.override).toEqual({ rank: 1, note: 'Legal asked for it', conflict: false })
    // Only that quarter: Q2's list is by score.
    expect(byId(list('2026-Q2'), id).override).toBeNull()

    overridePriorityRank(
      ws.db,
      ws.settings.get(),
      { row: id, quarter: '2026-Q3', rank: null, note: 'Back to the score' },
      NOW + 1
    )
    expect(list('2026-Q3').items.map((r) => r.id)).toEqual(byScore.map((r) => (r === crash ? id : r)))

    const trail = priorityOverrides(ws.db, '2026-Q3')
    expect(trail.map((o) => [o.row, o.rank, o.note])).toEqual([
      [id, null, 'Back to the score'],
      [id, 1, 'Legal asked for it']
    ])
    expect(trail[0]!.title).toBe('app crashes')
    expect(priorityOverrides(ws.db, '2026-Q2')).toEqual([])
  })

  it('refuses a quarter without tickets', () => {
    const { c } = scenario()
    expectApiError(
      () =>
        overridePriorityRank(
          ws.db,
          ws.settings.get(),
          { row: `theme-${c}`, quarter: '2025-Q1', rank: 1, note: 'x' },
          NOW
        ),
      'invalid_input',
      /no tickets in 2025-Q1/
    )
    expect(priorityOverrides(ws.db, null)).toEqual([])
  })
})

describe('frozen quarters and the comparison with the previous quarter', () => {
  it('compares with the previous quarter: new, rising, falling, and resolved once the item shipped', () => {
    const a = rows.theme('refund is slow')
    const b = rows.theme('login fails')
    const c = rows.theme('new crash')
    rows.tickets([
      ...many(30, { at: Q2, theme: a }),
      ...many(10, { at: Q2, theme: b }),
      ...many(5, { at: Q3, theme: a }),
      ...many(20, { at: Q3, theme: b }),
      ...many(8, { at: Q3, theme: c })
    ])
    const first = list('2026-Q2')
    expect(first.items.every((r) => r.change === null)).toBe(true)
    const l = list('2026-Q3')
    expect(byId(l, `theme-${b}`)).toMatchObject({ rank: 1, previousRank: 2, change: 'rising' })
    expect(byId(l, `theme-${c}`)).toMatchObject({ previousRank: null, change: 'new' })
    expect(byId(l, `theme-${a}`)).toMatchObject({ rank: 3, previousRank: 1, change: 'falling' })

    const { row: shipped } = editPriorityRow(ws.db, `theme-${a}`, { status: 'shipped' }, NOW)
    expect(byId(list('2026-Q3'), shipped)).toMatchObject({ previousRank: 1, change: 'resolved' })
  })

  it('freezes a quarter as it was decided: later data and edits leave it, and the next quarter compares with it', () => {
    const { a, b, c } = scenario()
    rows.tickets(many(3, { at: Q1, theme: a }))
    // Q2 by score would be a, b, c (10 each: ties by id). Decide c first, then freeze.
    overridePriorityRank(
      ws.db,
      ws.settings.get(),
      { row: `theme-${c}`, quarter: '2026-Q2', rank: 1, note: 'Launch risk' },
      NOW
    )
    const live = list('2026-Q2')
    const frozen = freezePriorityQuarter(ws.db, ws.settings.get(), '2026-Q2', true, NOW + 5)
    expect(frozen.frozenAt).toBe(NOW + 5)
    expect(frozen.items).toEqual(live.items)

    // Later: more Q2 tickets for b and the override taken back — the frozen list does not move.
    rows.tickets(many(50, { at: Q2, theme: b }))
    expectApiError(
      () =>
        overridePriorityRank(
          ws.db,
          ws.settings.get(),
          { row: `theme-${c}`, quarter: '2026-Q2', rank: null, note: 'x' },
          NOW
        ),
      'invalid_input',
      /frozen/
    )
    const after = list('2026-Q2')
    expect(after.items).toEqual(live.items)
    expect(after.frozenAt).toBe(NOW + 5)

    // Q3 compares with what was decided: c was first in the frozen Q2.
    const q3 = list('2026-Q3')
    expect(q3.previousFrozen).toBe(true)
    expect(q3.frozenAt).toBeNull()
    const crashItem = live.items[0]!.id
    expect(byId(q3, crashItem).previousRank).toBe(1)

    // Unfrozen, Q2 is live again: b leads with its 60 tickets.
    const unfrozen = freezePriorityQuarter(ws.db, ws.settings.get(), '2026-Q2', false, NOW + 6)
    expect(unfrozen.frozenAt).toBeNull()
    expect(unfrozen.items.find((r) => r.themes.includes(b))!.tickets).toBe(60)
    expect(list('2026-Q3').previousFrozen).toBe(false)
  })

  it('refuses to freeze a quarter without tickets, changing nothing', () => {
    scenario()
    const before = counts()
    expectApiError(
      () => freezePriorityQuarter(ws.db, ws.settings.get(), '2024-Q4', true, NOW),
      'invalid_input',
      /2024-Q4/
    )
    expect(counts()).toEqual(before)
  })
})
