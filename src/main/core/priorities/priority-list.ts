import type {
  PriorityChange,
  PriorityEvidence,
  PriorityFormula,
  PriorityList,
  PriorityRow
} from '@shared/domain/priorities'
import { describeFormula } from '@shared/domain/priorities'
import type { AnalysisSettings } from '@shared/domain/settings'
import { analyzeExperiment } from '../experiments/analyze'
import { experimentSettings } from '../experiments/experiment-settings'
import { loadExperiments } from '../experiments/load-experiments'
import type { PriorityItem } from '../store/repositories/priority-items'
import { listPriorityItems, readPrioritySnapshot } from '../store/repositories/priority-items'
import { prepared } from '../store/repositories/statements'
import type { Db } from '../store/sqlite'
import { resolveTicketQuarter, themeGroupFigures } from '../themes/theme-metrics'
import type { ThemeRow } from '../themes/theme-store'
import { liveTheme, readThemes } from '../themes/theme-store'
import { readPriorityFormula } from './priority-formula-store'
import { scoreItem } from './priority-score'

/**
 * The quarterly feature-priority list. Every priority item is a row, scored over its themes
 * together; every active theme that no item covers is a candidate row of its own (editing one
 * makes it an item). Rows are ranked by score (ties: more reach, then items before themes, then
 * id); manual overrides of the quarter then take their ranks.
 *
 * Overrides: the latest override of an item in a quarter counts (a cleared one — rank null — removes
 * it). They are placed newest first; an override whose rank an newer one already took gets the
 * nearest free rank below and is marked as a conflict. An override beyond the end of the list
 * puts the row last.
 *
 * A frozen quarter's list is the snapshot taken when it was frozen (see priority-edits.ts).
 */
export function priorityList(db: Db, settings: AnalysisSettings, quarter?: string): PriorityList {
  const resolved = resolveTicketQuarter(db, settings, quarter)
  const frozen = resolved.quarter === null ? null : frozenList(db, resolved.quarter)
  if (frozen) return { ...frozen, quarters: resolved.quarters }
  return livePriorityList(db, settings, resolved.quarter ?? undefined)
}

/**
 * The list as the data and edits give it now, even for a frozen quarter (what freezing stores).
 * The previous quarter's ranks come from its snapshot when it was frozen.
 */
export function livePriorityList(db: Db, settings: AnalysisSettings, quarter?: string): PriorityList {
  const formula = readPriorityFormula(db)
  const candidates = candidateRows(db)
  // Evidence does not depend on the quarter: experiments are analysed once for both lists.
  const evidence = evidenceOf(db, settings, candidates)
  const current = rankedRows(db, settings, formula, candidates, evidence, quarter)
  const overrides = overridesOf(db, current.quarter)
  const items = applyOverrides(current.rows, overrides)

  // The previous quarter's list, where that quarter has tickets: its snapshot when frozen, else
  // by the same rules (with its own overrides).
  let previousRanks: Map<string, number> | null = null
  const previousQuarter = current.previousQuarter
  const previousFrozen = previousQuarter === null ? null : frozenList(db, previousQuarter)
  if (previousFrozen) {
    previousRanks = ranksOf(previousFrozen.items)
  } else if (previousQuarter && current.quarters.includes(previousQuarter)) {
    const previous = rankedRows(db, settings, formula, candidates, evidence, previousQuarter)
    previousRanks = ranksOf(applyOverrides(previous.rows, overridesOf(db, previous.quarter)))
  }
  for (const row of items) {
    row.previousRank = previousRanks?.get(row.id) ?? null
    row.change = previousRanks === null ? null : changeOf(row)
  }

  return {
    quarter: current.quarter,
    previousQuarter: current.previousQuarter,
    formula: describeFormula(formula),
    constants: formula,
    items,
    quarters: current.quarters,
    frozenAt: null,
    previousFrozen: previousFrozen !== null
  }
}

/** A frozen quarter's list as it was stored. */
function frozenList(db: Db, quarter: string): PriorityList | null {
  const snapshot = readPrioritySnapshot(db, quarter)
  if (!snapshot) return null
  return { ...(JSON.parse(snapshot.listJson) as PriorityList), frozenAt: snapshot.frozenAt }
}

/** Ranks of the rows that had tickets: a row with none was not raised that quarter. */
const ranksOf = (rows: readonly PriorityRow[]): Map<string, number> =>
  new Map(rows.filter((r) => r.tickets > 0).map((r) => [r.id, r.rank]))

function changeOf(row: PriorityRow): PriorityChange {
  const { previousQuarter, currentQuarter } = row.components.trend
  if (row.status === 'shipped' && currentQuarter < previousQuarter) return 'resolved'
  if (row.previousRank === null) return 'new'
  if (row.previousRank > row.rank) return 'rising'
  if (row.previousRank < row.rank) return 'falling'
  return 'steady'
}

/** A row before it is scored: an item or a lone theme, with the live themes it covers. */
interface Candidate {
  id: string
  kind: 'item' | 'theme'
  title: string
  themes: number[]
  item: PriorityItem | null
  experiments: number[]
}

function candidateRows(db: Db): Candidate[] {
  const themes = readThemes(db)
  const byId = new Map(themes.map((t) => [t.id, t]))
  const linkedThemes = groupPairs(
    prepared(
      db,
      'SELECT item_id AS item, theme_id AS other FROM priority_item_themes ORDER BY item_id, theme_id'
    ).all() as Pair[]
  )
  const linkedExperiments = groupPairs(
    prepared(
      db,
      'SELECT item_id AS item, experiment_id AS other FROM priority_item_experiments ORDER BY item_id, experiment_id'
    ).all() as Pair[]
  )
  const covered = new Set<number>()
  const rows: Candidate[] = listPriorityItems(db).map((item) => {
    // A theme merged away since it was linked counts as the theme it went into.
    const live = new Set<number>()
    for (const id of linkedThemes.get(item.id) ?? []) {
      const theme = liveTheme(byId, id)
      if (theme && isCandidate(theme)) live.add(theme.id)
    }
    for (const id of live) covered.add(id)
    return {
      id: `item-${item.id}`,
      kind: 'item',
      title: item.title,
      themes: [...live].sort((a, b) => a - b),
      item,
      experiments: linkedExperiments.get(item.id) ?? []
    }
  })
  for (const theme of themes) {
    if (!isCandidate(theme) || covered.has(theme.id)) continue
    rows.push({
      id: `theme-${theme.id}`,
      kind: 'theme',
      title: theme.userLabel ?? theme.label,
      themes: [theme.id],
      item: null,
      experiments: []
    })
  }
  return rows
}

/** Complaint themes a customer raised: not the other bucket, not excluded, not merged away. */
const isCandidate = (t: ThemeRow): boolean => t.kind !== 'other' && t.status === 'active'

interface Pair {
  item: number
  other: number
}

function groupPairs(pairs: readonly Pair[]): Map<number, number[]> {
  const out = new Map<number, number[]>()
  for (const { item, other } of pairs) {
    const list = out.get(item)
    if (list) list.push(other)
    else out.set(item, [other])
  }
  return out
}

function rankedRows(
  db: Db,
  settings: AnalysisSettings,
  formula: PriorityFormula,
  candidates: readonly Candidate[],
  evidence: ReadonlyMap<string, PriorityEvidence[]>,
  quarter: string | undefined
): { quarter: string | null; previousQuarter: string | null; quarters: string[]; rows: PriorityRow[] } {
  const figures = themeGroupFigures(db, settings, new Map(candidates.map((c, i) => [i, c.themes])), quarter)
  const rows = candidates.map((c, i): PriorityRow => {
    const f = figures.byGroup.get(i)!
    const scored = scoreItem(
      {
        reach: f.reach,
        tickets: f.tickets,
        previousTickets: f.previousTickets,
        impact: f.impact,
        effortWeeks: c.item?.effortWeeks ?? null,
        effortSize: c.item?.effortSize ?? null,
        evidence: evidence.get(c.id) ?? []
      },
      formula
    )
    return {
      rank: 0,
      id: c.id,
      kind: c.kind,
      title: c.title,
      themes: c.themes,
      score: scored.score,
      components: scored.components,
      severity: scored.severity,
      tickets: f.tickets,
      share: figures.quarterTickets > 0 ? f.tickets / figures.quarterTickets : 0,
      impactKnown: scored.impactKnown,
      effortSet: scored.effortSet,
      effortSize: c.item?.effortSize ?? null,
      effortWeeks: c.item?.effortWeeks ?? null,
      experiments: c.experiments,
      status: c.item?.status ?? 'new',
      owner: c.item?.owner ?? null,
      note: c.item?.note ?? null,
      override: null,
      previousRank: null,
      change: null
    }
  })
  rows.sort(
    (a, b) =>
      b.score - a.score ||
      b.components.reach - a.components.reach ||
      (a.kind === b.kind ? 0 : a.kind === 'item' ? -1 : 1) ||
      idNumber(a.id) - idNumber(b.id)
  )
  rows.forEach((r, i) => (r.rank = i + 1))
  // The quarter themeGroupFigures resolved: null only in a workspace without tickets.
  return {
    quarter: figures.quarter,
    previousQuarter: figures.previousQuarter,
    quarters: figures.quarters,
    rows
  }
}

const idNumber = (id: string): number => Number(id.slice(id.indexOf('-') + 1))

/** The linked experiments of each item, analysed with the workspace's settings. */
function evidenceOf(
  db: Db,
  settings: AnalysisSettings,
  candidates: readonly Candidate[]
): Map<string, PriorityEvidence[]> {
  const wanted = new Set(candidates.flatMap((c) => c.experiments))
  const out = new Map<string, PriorityEvidence[]>()
  if (wanted.size === 0) return out
  const analysis = experimentSettings(settings)
  const analysed = new Map<number, PriorityEvidence>()
  for (const data of loadExperiments(db)) {
    if (!wanted.has(data.id)) continue
    const result = analyzeExperiment(data, analysis)
    const primary = result.metrics.find((m) => m.primary) ?? result.metrics[0]
    // The comparison that decides: a shipping arm if there is one, else the first.
    const comparison = primary?.comparisons.find((c) => c.decision === 'ship') ?? primary?.comparisons[0]
    analysed.set(data.id, {
      experimentId: data.id,
      key: result.key,
      name: result.name,
      decision: comparison?.decision ?? null,
      relLift: comparison?.relLift ?? null,
      relLiftCi95: comparison?.relLiftCi95 ?? null
    })
  }
  for (const c of candidates) {
    // An experiment the loader could not read (no data yet) is evidence of nothing.
    const list = c.experiments.flatMap((id) => {
      const e = analysed.get(id)
      return e ? [e] : []
    })
    if (list.length > 0) out.set(c.id, list)
  }
  return out
}

interface Override {
  id: string
  rank: number
  note: string
}

/** The overrides in force for a quarter, newest first. */
function overridesOf(db: Db, quarter: string | null): Override[] {
  if (quarter === null) return []
  const rows = prepared(
    db,
    `SELECT o.item_id AS item, o.rank AS rank, o.note AS note
     FROM priority_overrides o
     WHERE o.quarter = ? AND o.id = (SELECT max(id) FROM priority_overrides p WHERE p.item_id = o.item_id AND p.quarter = o.quarter)
     ORDER BY o.id DESC`
  ).all(quarter) as Array<{ item: number; rank: number | null; note: string }>
  return rows.flatMap((r) => (r.rank === null ? [] : [{ id: `item-${r.item}`, rank: r.rank, note: r.note }]))
}

/** The rows in their final order: overrides in their ranks (see {@link priorityList}), the rest by score. */
function applyOverrides(rows: readonly PriorityRow[], overrides: readonly Override[]): PriorityRow[] {
  const n = rows.length
  const byId = new Map(rows.map((r) => [r.id, r]))
  const slots: Array<PriorityRow | null> = new Array<PriorityRow | null>(n).fill(null)
  const placed = new Set<string>()
  for (const o of overrides) {
    const row = byId.get(o.id)
    if (!row) continue
    const wanted = Math.min(Math.max(o.rank, 1), n) - 1
    let slot = wanted
    while (slot < n && slots[slot] !== null) slot++
    if (slot === n) {
      slot = wanted
      while (slot >= 0 && slots[slot] !== null) slot--
    }
    slots[slot] = row
    row.override = { rank: o.rank, note: o.note, conflict: slot !== wanted }
    placed.add(row.id)
  }
  const rest = rows.filter((r) => !placed.has(r.id))
  let next = 0
  for (let i = 0; i < n; i++) if (slots[i] === null) slots[i] = rest[next++]!
  return slots.map((row, i) => ({ ...row!, rank: i + 1 }))
}
