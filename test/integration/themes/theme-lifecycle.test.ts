import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { ApiError } from '../../../src/shared/api/errors'
import { Workspace } from '../../../src/main/core/store/workspace'
import { assignNewTickets } from '../../../src/main/core/themes/assign-new'
import { runThemes } from '../../../src/main/core/themes/run-themes'
import { scoreClusters } from '../../../src/main/core/themes/scoring/cluster-scores'
import {
  createRuleTheme,
  exportTaxonomy,
  importTaxonomy,
  mergeThemes,
  moveTicket,
  renameTheme,
  setExcluded,
  setPinned,
  splitTheme
} from '../../../src/main/core/themes/theme-edits'
import { themeAssignments, themesOverview } from '../../../src/main/core/themes/theme-queries'
import { readThemes } from '../../../src/main/core/themes/theme-store'
import { makeTempDir } from '../../helpers/temp-dir'
import type { CorpusTicket } from '../../helpers/theme-corpus'
import { themeCorpus, writeCorpus } from '../../helpers/theme-corpus'
import { workspaceFingerprint } from '../../helpers/workspace-fingerprint'

let dir: string
// Each run clusters ~500 tickets (1–2 s here); generous for a loaded CI machine.
vi.setConfig({ testTimeout: 120_000 })
let cleanup: () => void
beforeEach(() => ({ dir, cleanup } = makeTempDir()))
afterEach(() => cleanup())

const NOW = Date.UTC(2026, 10, 1)
/** Words of some topics' vocabulary (see theme-corpus.ts). */
const TOPIC_WORDS: Record<string, string[]> = {
  refund: ['refund', 'money back', 'refunded', 'reimbursement', 'returned item', 'credit card statement'],
  delivery: ['parcel', 'delivery', 'courier', 'tracking number', 'package', 'shipment'],
  login: ['password', 'login', 'verification code', 'sms code', 'sign in', 'two factor'],
  退款: ['退款', '退钱', '退货', '银行卡', '到账', '退款进度'],
  物流: ['快递', '物流', '包裹', '配送', '快递员', '物流信息']
}
const corpus = themeCorpus(60)
const truth = new Map(corpus.map((t) => [t.externalId, t.topic]))

async function workspaceWith(tickets: readonly CorpusTicket[], name = 'w.loopbench'): Promise<Workspace> {
  const ws = await Workspace.create(join(dir, name))
  writeCorpus(ws.db, tickets)
  return ws
}

/** Theme of each ticket by its external id. */
const assignment = (ws: Workspace): Map<string, number | null> =>
  new Map(themeAssignments(ws.db).map((r) => [r.ticketId, r.themeId]))

/** The theme most of a topic's tickets are in. */
function themeOfTopic(ws: Workspace, topic: string): number {
  const counts = new Map<number, number>()
  for (const [ticket, theme] of assignment(ws))
    if (truth.get(ticket) === topic && theme !== null) counts.set(theme, (counts.get(theme) ?? 0) + 1)
  return [...counts.entries()].sort((a, b) => b[1] - a[1])[0]![0]
}

const themeById = (ws: Workspace, id: number) => readThemes(ws.db).find((t) => t.id === id)

describe('a themes run', () => {
  it('finds the topics of a small corpus and labels them with their words', async () => {
    const ws = await workspaceWith(corpus)
    const summary = runThemes(ws.db, { granularity: 'normal', now: () => NOW })
    const rows = themeAssignments(ws.db)
    const scores = scoreClusters(
      rows.map((r) => String(r.themeId)),
      rows.map((r) => truth.get(r.ticketId)!)
    )
    expect(summary.tickets).toBe(corpus.length)
    expect(rows.every((r) => r.themeId !== null)).toBe(true)
    expect(scores.nmi).toBeGreaterThan(0.8)
    // Every theme's key terms include a word of its topic's own vocabulary.
    for (const topic of ['refund', 'delivery', 'login', '退款', '物流']) {
      const theme = themeById(ws, themeOfTopic(ws, topic))!
      expect(
        theme.terms.some((term) => TOPIC_WORDS[topic]!.some((w) => w.includes(term))),
        topic
      ).toBe(true)
    }
    ws.close()
  })

  it('is deterministic: the same tickets give the same themes', async () => {
    const a = await workspaceWith(corpus, 'a.loopbench')
    const b = await workspaceWith(corpus, 'b.loopbench')
    runThemes(a.db, { granularity: 'normal', now: () => NOW })
    runThemes(b.db, { granularity: 'normal', now: () => NOW })
    expect(themeAssignments(a.db)).toEqual(themeAssignments(b.db))
    expect(readThemes(a.db).map((t) => [t.id, t.label, t.terms])).toEqual(
      readThemes(b.db).map((t) => [t.id, t.label, t.terms])
    )
    a.close()
    b.close()
  })

  it('keeps every theme id when run again on the same tickets', async () => {
    const ws = await workspaceWith(corpus)
    runThemes(ws.db, { granularity: 'normal', now: () => NOW })
    const before = assignment(ws)
    runThemes(ws.db, { granularity: 'normal', now: () => NOW })
    const after = assignment(ws)
    let same = 0
    for (const [ticket, theme] of before) if (after.get(ticket) === theme) same++
    expect(same / before.size).toBeGreaterThan(0.95)
    ws.close()
  })

  it('leaves the workspace as it was when cancelled', async () => {
    const ws = await workspaceWith(corpus)
    runThemes(ws.db, { granularity: 'normal', now: () => NOW })
    const before = workspaceFingerprint(ws.path)
    let calls = 0
    expect(() =>
      runThemes(ws.db, { granularity: 'fine', now: () => NOW, isCancelled: () => ++calls > 3 })
    ).toThrow(ApiError)
    expect(workspaceFingerprint(ws.path)).toEqual(before)
    ws.close()
  })
})

describe('edits survive re-runs', () => {
  const first = corpus.slice(0, Math.round(corpus.length * 0.8))
  const rest = corpus.slice(first.length)

  /** The tickets (external ids) of a theme. */
  const members = (ws: Workspace, theme: number): Set<string> =>
    new Set([...assignment(ws)].filter(([, t]) => t === theme).map(([ticket]) => ticket))

  /** The largest themes of a topic, biggest first. */
  function themesOfTopic(ws: Workspace, topic: string): number[] {
    const counts = new Map<number, number>()
    for (const [ticket, theme] of assignment(ws))
      if (truth.get(ticket) === topic && theme !== null) counts.set(theme, (counts.get(theme) ?? 0) + 1)
    return [...counts.entries()].sort((a, b) => b[1] - a[1]).map(([t]) => t)
  }

  async function editedWorkspace() {
    const ws = await workspaceWith(first)
    runThemes(ws.db, { granularity: 'normal', now: () => NOW })
    const renamed = themeOfTopic(ws, 'refund')
    const [mergedInto, mergedFrom] = themesOfTopic(ws, 'seller') as [number, number]
    const excluded = themeOfTopic(ws, 'crash')
    const pinned = themeOfTopic(ws, 'login')
    // A theme with two parts to split: two themes of one topic merged first.
    const [split, joined] = themesOfTopic(ws, 'delivery') as [number, number]
    mergeThemes(ws.db, [joined], split, NOW)
    const parts = splitTheme(ws.db, split, 2, NOW).themes
    renameTheme(ws.db, renamed, 'Refunds that never arrive', NOW)
    mergeThemes(ws.db, [mergedFrom], mergedInto, NOW)
    setExcluded(ws.db, excluded, true, NOW)
    setPinned(ws.db, pinned, true, NOW)
    const refundTicket = first.find((t) => t.topic === 'refund')!.externalId
    const ticket = ws.db.prepare('SELECT id FROM tickets WHERE external_id = ?').get(refundTicket) as {
      id: number
    }
    moveTicket(ws.db, ticket.id, pinned, NOW)
    const before = new Map([renamed, mergedInto, excluded, pinned, ...parts].map((t) => [t, members(ws, t)]))
    return {
      ws,
      renamed,
      mergedFrom,
      mergedInto,
      excluded,
      pinned,
      split,
      parts,
      movedTicket: ticket.id,
      before
    }
  }

  /** Most of each edited theme's tickets are still in it, with its edits. */
  function expectEditsKept(ws: Workspace, e: Awaited<ReturnType<typeof editedWorkspace>>): void {
    const themes = new Map(readThemes(ws.db).map((t) => [t.id, t]))
    for (const [theme, before] of e.before) {
      const now = members(ws, theme)
      const kept = [...before].filter((t) => now.has(t)).length
      expect(kept / before.size, `theme ${theme}`).toBeGreaterThan(0.8)
    }
    expect(themes.get(e.renamed)?.userLabel).toBe('Refunds that never arrive')
    expect(themes.get(e.mergedFrom)?.status).toBe('merged')
    expect(themes.get(e.mergedFrom)?.mergedInto).toBe(e.mergedInto)
    expect(members(ws, e.mergedFrom).size).toBe(0)
    expect(themes.get(e.excluded)?.status).toBe('excluded')
    expect(themes.get(e.pinned)?.pinned).toBe(true)
    expect(e.parts).toHaveLength(2)
    for (const part of e.parts) expect(themes.get(part)?.status).toBe('active')
    expect(themes.get(e.parts[1]!)?.parentId).toBe(e.split)
    const moved = ws.db
      .prepare('SELECT theme_id, assigned_by FROM ticket_themes WHERE ticket_id = ?')
      .get(e.movedTicket)
    expect(moved).toEqual({ theme_id: e.pinned, assigned_by: 'user' })
    expect(readThemes(ws.db).filter((t) => t.conflictWith !== null)).toEqual([])
  }

  it('new tickets join the existing themes without a re-run', async () => {
    const e = await editedWorkspace()
    writeCorpus(e.ws.db, rest)
    expect(themesOverview(e.ws.db, e.ws.settings.get()).unassigned).toBe(rest.length)
    const summary = assignNewTickets(e.ws.db)
    expect(summary.assigned).toBe(rest.length)
    expect(themesOverview(e.ws.db, e.ws.settings.get()).unassigned).toBe(0)
    // A new ticket lands in a theme whose tickets share its topic.
    const a = assignment(e.ws)
    const topicOfTheme = new Map<number, string>()
    for (const t of readThemes(e.ws.db)) {
      const topics = [...members(e.ws, t.id)]
        .filter((m) => first.some((f) => f.externalId === m))
        .map((m) => truth.get(m)!)
      const top = [...new Set(topics)].sort(
        (x, y) => topics.filter((v) => v === y).length - topics.filter((v) => v === x).length
      )[0]
      if (top) topicOfTheme.set(t.id, top)
    }
    const right = rest.filter((t) => topicOfTheme.get(a.get(t.externalId)!) === t.topic).length
    expect(right / rest.length).toBeGreaterThan(0.9)
    e.ws.close()
  })

  it('after 20% more tickets arrive and the themes are found again', async () => {
    const e = await editedWorkspace()
    writeCorpus(e.ws.db, rest)
    assignNewTickets(e.ws.db)
    for (const [theme, before] of e.before) for (const t of members(e.ws, theme)) before.add(t)
    runThemes(e.ws.db, { granularity: 'normal', now: () => NOW })
    expectEditsKept(e.ws, e)
    e.ws.close()
  })

  it('after a change of granularity', async () => {
    const e = await editedWorkspace()
    runThemes(e.ws.db, { granularity: 'fine', now: () => NOW })
    expectEditsKept(e.ws, e)
    runThemes(e.ws.db, { granularity: 'coarse', now: () => NOW })
    expectEditsKept(e.ws, e)
    e.ws.close()
  })

  it('rule themes take the tickets their rule matches, at once and after a re-run', async () => {
    const ws = await workspaceWith(corpus)
    runThemes(ws.db, { granularity: 'normal', now: () => NOW })
    const { themes, tickets } = createRuleTheme(ws.db, 'Promo codes', '"promo code"', NOW)
    const expected = corpus
      .filter((t) => t.text.toLowerCase().includes('promo code'))
      .map((t) => t.externalId)
    expect(expected.length).toBeGreaterThan(5)
    expect(tickets).toBe(expected.length)
    runThemes(ws.db, { granularity: 'normal', now: () => NOW })
    const a = assignment(ws)
    expect(expected.every((id) => a.get(id) === themes[0])).toBe(true)
    expect([...a.values()].filter((t) => t === themes[0])).toHaveLength(expected.length)
    ws.close()
  })
})

describe('the taxonomy file', () => {
  it('brings names, exclusions and pins to another workspace', async () => {
    const a = await workspaceWith(corpus, 'a.loopbench')
    runThemes(a.db, { granularity: 'normal', now: () => NOW })
    renameTheme(a.db, themeOfTopic(a, 'refund'), 'Refund delays', NOW)
    setExcluded(a.db, themeOfTopic(a, 'crash'), true, NOW)
    setPinned(a.db, themeOfTopic(a, 'login'), true, NOW)
    const taxonomy = JSON.parse(JSON.stringify(exportTaxonomy(a.db, NOW)))
    a.close()

    // Another quarter's tickets (same topics, other sentences) in a new workspace.
    const other = themeCorpus(50, 99, 5000)
    const b = await workspaceWith(other, 'b.loopbench')
    importTaxonomy(b.db, taxonomy, NOW)
    runThemes(b.db, { granularity: 'normal', now: () => NOW })
    const otherTruth = new Map(other.map((t) => [t.externalId, t.topic]))
    const topicTheme = (topic: string): number => {
      const counts = new Map<number, number>()
      for (const r of themeAssignments(b.db))
        if (otherTruth.get(r.ticketId) === topic) counts.set(r.themeId!, (counts.get(r.themeId!) ?? 0) + 1)
      return [...counts.entries()].sort((x, y) => y[1] - x[1])[0]![0]
    }
    // Each edited theme of the file found its tickets here: mostly of the topic it was made from.
    const themes = readThemes(b.db)
    const topicShare = (theme: number, topic: string): number => {
      const rows = themeAssignments(b.db).filter((r) => r.themeId === theme)
      return rows.length === 0
        ? 0
        : rows.filter((r) => otherTruth.get(r.ticketId) === topic).length / rows.length
    }
    const renamed = themes.find((t) => t.userLabel === 'Refund delays')!
    expect(topicShare(renamed.id, 'refund')).toBeGreaterThan(0.8)
    const excluded = themes.filter((t) => t.status === 'excluded')
    expect(excluded).toHaveLength(1)
    expect(topicShare(excluded[0]!.id, 'crash')).toBeGreaterThan(0.8)
    const pinned = themes.filter((t) => t.pinned)
    expect(pinned).toHaveLength(1)
    expect(topicShare(pinned[0]!.id, 'login')).toBeGreaterThan(0.8)
    void topicTheme
    b.close()
  })

  it('rejects a file whose merge points nowhere, and changes nothing', async () => {
    const ws = await workspaceWith(corpus.slice(0, 50))
    const before = workspaceFingerprint(ws.path)
    const bad = {
      format: 'loopbench-taxonomy' as const,
      version: 1 as const,
      exportedAt: '',
      themes: [
        {
          key: 1,
          label: 'A',
          generatedLabel: 'a',
          renamed: true,
          kind: 'cluster' as const,
          status: 'merged' as const,
          pinned: false,
          rule: null,
          parentKey: null,
          mergedIntoKey: 7,
          terms: [],
          signature: {}
        }
      ]
    }
    expect(() => importTaxonomy(ws.db, bad, NOW)).toThrow(/merged into a theme the file does not have/)
    expect(workspaceFingerprint(ws.path)).toEqual(before)
    ws.close()
  })
})
