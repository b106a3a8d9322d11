import { describe, expect, it } from 'vitest'
import { ApiError } from '../../../src/shared/api/errors'
import { DEFAULT_PRIORITY_FORMULA } from '../../../src/shared/domain/priorities'
import type { PriorityList, PriorityRow } from '../../../src/shared/domain/priorities'
import type { Workspace } from '../../../src/main/core/store/workspace'
import { insertPriorityItems } from '../../../src/main/core/store/repositories/priority-items'
import { priorityList } from '../../../src/main/core/priorities/priority-list'
import { writePriorityFormula } from '../../../src/main/core/priorities/priority-formula-store'
import { themeGroupFigures, themeMetrics } from '../../../src/main/core/themes/theme-metrics'
import { tempWorkspaceForEachTest } from '../../helpers/temp-workspace'
import type { RowWriter } from '../../helpers/workspace-rows'
import { many, rowWriter } from '../../helpers/workspace-rows'

let ws: Workspace
let rows: RowWriter
const NOW = Date.parse('2026-11-01T00:00:00Z')

tempWorkspaceForEachTest('priorities.loopbench', (created) => {
  ws = created
  ws.settings.update({ timeZone: 'UTC' })
  rows = rowWriter(ws, NOW)
})

const Q2 = '2026-05-10T12:00:00Z'
const Q3 = '2026-08-10T12:00:00Z'

/**
 * Two refund themes (A, B) grouped into one item, an app-crash theme (C) on its own, an excluded
 * theme and the other bucket. Q3: A 40 tickets from customers a1–a40; B 10 from a1–a10 (already
 * counted) and 10 from b1–b10; C 30 without customer ids; excluded 50; other 10. Q2: A 20 tickets.
 */
function scenario(): { a: number; b: number; c: number; item: number } {
  const a = rows.theme('refund is slow')
  const b = rows.theme('refund missing')
  const c = rows.theme('app crashes')
  const excluded = rows.theme('thank you', { status: 'excluded' })
  const other = rows.theme('other', { kind: 'other' })
  rows.tickets([
    ...Array.from({ length: 40 }, (_, i) => ({ at: Q3, theme: a, customer: `a${i + 1}` })),
    ...Array.from({ length: 10 }, (_, i) => ({ at: Q3, theme: b, customer: `a${i + 1}` })),
    ...Array.from({ length: 10 }, (_, i) => ({ at: Q3, theme: b, customer: `b${i + 1}` })),
    ...many(30, { at: Q3, theme: c }),
    ...many(50, { at: Q3, theme: excluded, customer: 'x' }),
    ...many(10, { at: Q3, theme: other }),
    ...many(20, { at: Q2, theme: a, customer: 'a1' })
  ])
  const [item] = ws.db.transaction(() =>
    insertPriorityItems(ws.db, [
      {
        title: 'Refund speed',
        description: null,
        status: 'planned',
        owner: 'payments',
        note: null,
        effortWeeks: null,
        effortSize: 'S',
        createdAt: NOW,
        updatedAt: NOW
      }
    ])
  )()
  const link = ws.db.prepare('INSERT INTO priority_item_themes (item_id, theme_id) VALUES (?, ?)')
  link.run(item, a)
  link.run(item, b)
  return { a, b, c, item: item! }
}

const list = (quarter?: string): PriorityList => priorityList(ws.db, ws.settings.get(), quarter)

function row(l: PriorityList, id: string): PriorityRow {
  const found = l.items.find((r) => r.id === id)
  if (!found) throw new Error(`no row ${id}`)
  return found
}

function override(item: number, quarter: string, rank: number | null, note: string): void {
  ws.db
    .prepare(
      'INSERT INTO priority_overrides (item_id, quarter, rank, note, created_at) VALUES (?, ?, ?, ?, ?)'
    )
    .run(item, quarter, rank, note, NOW)
}

describe('the priority list', () => {
  it('scores items over their themes together and lone themes on their own, without excluded themes or the other bucket', () => {
    const { a, b, c, item } = scenario()
    const l = list('2026-Q3')
    expect(l.quarter).toBe('2026-Q3')
    expect(l.previousQuarter).toBe('2026-Q2')
    expect(l.items.map((r) => r.id)).toEqual([`item-${item}`, `theme-${c}`])

    const refund = row(l, `item-${item}`)
    expect(refund.themes).toEqual([a, b].sort((x, y) => x - y))
    // a1–a40 and b1–b10: fifty people, sixty tickets.
    expect(refund.components.reach).toBe(50)
    expect(refund.tickets).toBe(60)
    expect(refund.share).toBeCloseTo(60 / 150, 12)
    expect(refund.components.trend).toEqual({
      previousQuarter: 20,
      currentQuarter: 60,
      change: 2,
      new: false
    })
    // No surveys, no ratings: impact unknown (1), doubled by growth (capped at +100%).
    expect(refund.impactKnown).toBe(false)
    expect(refund.severity.drag).toBeNull()
    expect(refund.components.impact).toBe(2)
    expect(refund.components.confidence).toBe(0.5)
    expect(refund.effortSet).toBe(true)
    expect(refund.components.effort).toBe(1)
    expect(refund.score).toBeCloseTo((50 * 2 * 0.5) / 1, 12)
    expect(refund.status).toBe('planned')
    expect(refund.owner).toBe('payments')

    const crash = row(l, `theme-${c}`)
    expect(crash.kind).toBe('theme')
    expect(crash.title).toBe('app crashes')
    // No customer ids: each ticket is one person.
    expect(crash.components.reach).toBe(30)
    expect(crash.components.trend.new).toBe(true)
    expect(crash.components.impact).toBe(2)
    expect(crash.effortSet).toBe(false)
    expect(crash.components.effort).toBe(DEFAULT_PRIORITY_FORMULA.effortDefault)
    expect(crash.score).toBeCloseTo(30 * 2 * 0.5, 12)
    expect(crash.status).toBe('new')
  })

  it('gives an item the severity of its themes together, and full confidence when the drag is clear', () => {
    const { item } = scenario()
    // Customers who raised the item: half detractors, half promoters (NPS 0, 150 answers); the
    // rest all promoters (NPS 100, 150 answers). Drag 100 points: impact 3, doubled by growth.
    const raised = [
      ...Array.from({ length: 40 }, (_, i) => `a${i + 1}`),
      ...Array.from({ length: 10 }, (_, i) => `b${i + 1}`)
    ]
    rows.responses([
      ...raised.flatMap((customer, i) =>
        many(3, { at: '2026-08-20T00:00:00Z', customer, nps: (i * 3) % 2 === 0 ? 0 : 10 })
      ),
      ...Array.from({ length: 150 }, (_, i) => ({ at: '2026-08-20T00:00:00Z', customer: `z${i}`, nps: 10 }))
    ])
    const refund = row(list('2026-Q3'), `item-${item}`)
    expect(refund.severity.source).toBe('surveys')
    expect(refund.severity.n).toBe(150)
    const nps = refund.severity.npsDiff!
    expect(refund.severity.drag).toBeCloseTo(-nps, 12)
    expect(refund.severity.drag!).toBeGreaterThanOrEqual(30)
    expect(refund.severity.baseImpact).toBe(3)
    expect(refund.components.impact).toBe(6)
    expect(refund.severity.npsDiffCi95![1]).toBeLessThan(0)
    expect(refund.components.confidence).toBe(1)
    expect(refund.score).toBeCloseTo(50 * 6 * 1, 9)
  })

  it('matches the themes’ own figures for a group of one theme', () => {
    const { a, c } = scenario()
    rows.responses(
      Array.from({ length: 60 }, (_, i) => ({
        at: '2026-08-20T00:00:00Z',
        customer: i < 30 ? `a${i + 1}` : `z${i}`,
        csat: 1 + (i % 5),
        nps: i % 11
      }))
    )
    const settings = ws.settings.get()
    const groups = themeGroupFigures(
      ws.db,
      settings,
      new Map([
        [7, [a]],
        [8, [c]]
      ]),
      '2026-Q3'
    )
    const themes = themeMetrics(ws.db, settings, '2026-Q3')
    for (const [key, id] of [
      [7, a],
      [8, c]
    ] as const) {
      const g = groups.byGroup.get(key)!
      const t = themes.byTheme.get(id)!
      expect(g.tickets).toBe(t.trend.currentQuarter)
      expect(g.previousTickets).toBe(t.trend.previousQuarter)
      expect(g.impact).toEqual(t.impact)
    }
  })

  it('puts manual ranks first, newest first, and shows a conflict', () => {
    const { c, item } = scenario()
    // Make the lone theme an item so it can be overridden.
    const [crashItem] = ws.db.transaction(() =>
      insertPriorityItems(ws.db, [
        {
          title: 'App stability',
          description: null,
          status: 'new',
          owner: null,
          note: null,
          effortWeeks: 2,
          effortSize: null,
          createdAt: NOW,
          updatedAt: NOW
        }
      ])
    )()
    ws.db.prepare('INSERT INTO priority_item_themes (item_id, theme_id) VALUES (?, ?)').run(crashItem, c)
    expect(list('2026-Q3').items.map((r) => r.id)).toEqual([`item-${item}`, `item-${crashItem}`])

    override(crashItem!, '2026-Q3', 1, 'Board asked for stability first')
    let l = list('2026-Q3')
    expect(l.items.map((r) => r.id)).toEqual([`item-${crashItem}`, `item-${item}`])
    expect(row(l, `item-${crashItem}`).override).toEqual({
      rank: 1,
      note: 'Board asked for stability first',
      conflict: false
    })
    // Overrides are per quarter.
    expect(row(list('2026-Q2'), `item-${crashItem}`).override).toBeNull()

    // A newer override of the other item to rank 1 wins the rank; the older one moves down, marked.
    override(item, '2026-Q3', 1, 'Refunds are a legal risk')
    l = list('2026-Q3')
    expect(l.items.map((r) => r.id)).toEqual([`item-${item}`, `item-${crashItem}`])
    expect(row(l, `item-${crashItem}`).override!.conflict).toBe(true)
    expect(l.items.map((r) => r.rank)).toEqual([1, 2])

    // Clearing an override (rank null) removes it.
    override(item, '2026-Q3', null, 'Back to the score')
    override(crashItem!, '2026-Q3', null, 'Back to the score')
    l = list('2026-Q3')
    expect(l.items.map((r) => r.id)).toEqual([`item-${item}`, `item-${crashItem}`])
    expect(l.items.every((r) => r.override === null)).toBe(true)
  })

  it('shows each row’s rank in the previous quarter', () => {
    const { c, item } = scenario()
    const l = list('2026-Q3')
    // In Q2 only the refund item had tickets.
    expect(row(l, `item-${item}`).previousRank).toBe(1)
    expect(row(l, `theme-${c}`).previousRank).toBeNull()
    expect(list('2026-Q2').items.every((r) => r.previousRank === null)).toBe(true)
  })

  it('follows a theme merged into another, uses a saved formula, and is the same on every call', () => {
    const { b, c, item } = scenario()
    ws.db.prepare("UPDATE themes SET status = 'merged', merged_into = ? WHERE id = ?").run(c, b)
    ws.db.prepare('UPDATE ticket_themes SET theme_id = ? WHERE theme_id = ?').run(c, b)
    const l = list('2026-Q3')
    // The item now covers the theme B went into, so that theme is no longer a row of its own.
    expect(l.items.map((r) => r.id)).toEqual([`item-${item}`])
    expect(row(l, `item-${item}`).themes).toContain(c)

    writePriorityFormula(ws.db, { ...DEFAULT_PRIORITY_FORMULA, impactUnknown: 3, growthCap: 0 }, NOW)
    const again = list('2026-Q3')
    expect(row(again, `item-${item}`).components.impact).toBe(3)
    expect(again.formula).toContain('unknown 3')
    expect(list('2026-Q3')).toEqual(again)
  })

  it('refuses a quarter without tickets and lists nothing in an empty workspace', () => {
    scenario()
    let error: unknown
    try {
      list('2025-Q1')
    } catch (e) {
      error = e
    }
    expect(error).toBeInstanceOf(ApiError)
    expect((error as ApiError).code).toBe('invalid_input')
    expect((error as ApiError).message).toContain('2026-Q2, 2026-Q3')
  })
})

describe('an empty workspace', () => {
  it('has no quarter and no rows', () => {
    const l = list()
    expect(l.quarter).toBeNull()
    expect(l.items).toEqual([])
  })
})
