import { ApiError } from '@shared/api/errors'
import type { ThemeGranularity } from '@shared/domain/themes'
import type { Db } from '../store/sqlite'
import type { BuildStep } from './build-themes'
import { buildThemes } from './build-themes'
import type { CsrMatrix } from './linalg/matrix'
import { matchThemes } from './match-themes'
import { matchesRule } from './rule-match'
import {
  columnNames,
  groupSignatures,
  nearestSignature,
  signatureColumns,
  signatureToJson
} from './signatures'
import { segmentChinese } from './text/segment-chinese'
import { labelThemes } from './theme-labels'
import { NO_THEME, serializeModel } from './theme-model'
import {
  activeRules,
  liveTheme,
  otherThemeId,
  readAssignments,
  readThemes,
  readTicketTexts,
  roundScore
} from './theme-store'

export interface RunThemesOptions {
  granularity: ThemeGranularity
  seed?: number
  sampleSize?: number
  now?: () => number
  onProgress?: (fraction: number, message: string) => void
  isCancelled?: () => boolean
}

export interface RunThemesSummary {
  runId: number
  /** Active themes from the clustering after the run (rule themes and the other bucket not counted). */
  themes: number
  tickets: number
  sampled: number
  /** Themes the run created, kept (matched), and dropped. */
  created: number
  matched: number
  dropped: number
  conflicts: number
  elapsedMs: number
}

/** Representative tickets kept per theme. */
const EXAMPLES = 5

/** Where each step's progress starts, as a share of the whole run. */
const STEP_START: Record<BuildStep | 'label' | 'save', number> = {
  features: 0,
  reduce: 0.05,
  neighbors: 0.25,
  communities: 0.35,
  refine: 0.4,
  assign: 0.8,
  label: 0.88,
  save: 0.95
}
const STEP_END: Record<BuildStep | 'label' | 'save', number> = {
  features: 0.05,
  reduce: 0.25,
  neighbors: 0.35,
  communities: 0.4,
  refine: 0.8,
  assign: 0.88,
  label: 0.95,
  save: 1
}

/**
 * Finds the themes of every ticket again and saves them, keeping what the user made of the
 * themes: matched themes keep their ids, names and edits (match-themes.ts); tickets the user
 * moved stay where they put them; rule themes take the tickets their rule matches; untouched
 * themes nothing matched are dropped. Everything is written in one transaction at the end, so a
 * failed or cancelled run leaves the workspace as it was.
 */
export function runThemes(db: Db, options: RunThemesOptions): RunThemesSummary {
  const now = options.now ?? Date.now
  const started = now()
  const progress = (step: keyof typeof STEP_START, fraction: number): void => {
    if (options.isCancelled?.()) throw new ApiError('cancelled', 'Finding themes was cancelled.')
    const at = STEP_START[step] + (STEP_END[step] - STEP_START[step]) * Math.min(1, Math.max(0, fraction))
    options.onProgress?.(at, step)
  }
  const tickets = readTicketTexts(db)
  if (tickets.length === 0)
    throw new ApiError('invalid_input', 'There are no tickets to find themes in. Import tickets first.')
  const texts = tickets.map((t) => t.text)
  const built = buildThemes(texts, {
    granularity: options.granularity,
    seed: options.seed ?? 1,
    ...(options.sampleSize !== undefined ? { sampleSize: options.sampleSize } : {}),
    onProgress: (step, fraction) => progress(step, fraction)
  })
  const names = columnNames(built.model.features)
  const columnOf = new Map(names.map((name, c) => [name, c]))

  // The themes a re-run can match, with centroids of their present tickets in the new space.
  const rows = readThemes(db)
  const byId = new Map(rows.map((r) => [r.id, r]))
  const assignments = readAssignments(db)
  const candidates = rows.filter((r) => r.kind === 'cluster' && r.status !== 'merged')
  const candidateIndex = new Map(candidates.map((t, j) => [t.id, j]))
  const oldGroup = new Int32Array(tickets.length).fill(-1)
  tickets.forEach((t, i) => {
    const a = assignments.get(t.id)
    const live = a ? liveTheme(byId, a.themeId) : null
    const j = live ? candidateIndex.get(live.id) : undefined
    if (j !== undefined) oldGroup[i] = j
  })
  const memberSignatures = groupSignatures(built.x, oldGroup, candidates.length, names)
  // A merged theme still stands for what it was: its last centroid leads its clusters to the
  // theme it was merged into, so a merge holds even when the two were far apart.
  const aliases = rows.flatMap((r) => {
    const live = r.status === 'merged' ? liveTheme(byId, r.id) : null
    return live && live.kind === 'cluster' && r.signature.size > 0
      ? [{ id: live.id, edited: true, parentId: live.parentId, signature: r.signature }]
      : []
  })
  const match = matchThemes(
    groupSignatures(built.x, built.clusters, built.count, names),
    [
      ...candidates.map((t, j) => ({
        id: t.id,
        edited: t.edited,
        parentId: t.parentId,
        signature: memberSignatures[j]!.size > 0 ? memberSignatures[j]! : t.signature
      })),
      ...aliases
    ],
    undefined,
    overlapShares(built.clusters, built.count, oldGroup, candidates.length)
  )

  // Each ticket's theme. New clusters get placeholder ids −(c + 1) until they are inserted.
  const OTHER_KEY = 0
  const final = new Int32Array(tickets.length)
  const by: Array<'model' | 'user' | 'rule'> = new Array(tickets.length).fill('model')
  const ownerColumns = new Map<number, Map<number, number>>()
  const columnsOf = (id: number): Map<number, number> => {
    let cols = ownerColumns.get(id)
    if (!cols) {
      const j = candidateIndex.get(id)!
      const sig = memberSignatures[j]!.size > 0 ? memberSignatures[j]! : candidates[j]!.signature
      cols = signatureColumns(sig, columnOf)
      ownerColumns.set(id, cols)
    }
    return cols
  }
  tickets.forEach((t, i) => {
    const a = assignments.get(t.id)
    if (a?.assignedBy === 'user') {
      const live = liveTheme(byId, a.themeId)
      if (live) {
        final[i] = live.id
        by[i] = 'user'
        return
      }
    }
    const c = built.clusters[i]!
    const owners = c < 0 ? [] : match.owners[c]!
    const previous = oldGroup[i]! >= 0 ? candidates[oldGroup[i]!]! : null
    if (c < 0) final[i] = OTHER_KEY
    // A ticket stays where it was when its cluster went to that theme, to one beside it, or
    // to another part of the same split: the parts keep the borders the user's split drew.
    else if (
      previous !== null &&
      (owners.includes(previous.id) ||
        (previous.edited && owners.some((o) => familyOf(byId, o) === familyOf(byId, previous.id))))
    )
      final[i] = previous.id
    else final[i] = nearestOwner(owners, c, built.x, i, columnsOf)
  })
  const rules = activeRules(rows)
  tickets.forEach((t, i) => {
    if (by[i] === 'user') return
    const hit = rules.find((r) => matchesRule(r.rule, t.ruleText))
    if (hit) {
      final[i] = hit.id
      by[i] = 'rule'
    }
  })

  // Labels, terms, signatures and examples of every theme that has tickets.
  progress('label', 0)
  const keys = [...new Set(final)].filter((k) => k !== OTHER_KEY).sort((a, b) => a - b)
  const group = new Map(keys.map((k, g) => [k, g]))
  const groups = Int32Array.from(final, (k) => group.get(k) ?? -1)
  const labels = labelThemes(texts, groups, keys.length, segmentChinese, { seed: options.seed ?? 1 })
  const signatures = groupSignatures(built.x, groups, keys.length, names)
  const examples = topExamples(groups, keys.length, built.confidence, by)

  progress('save', 0)
  const time = now()
  const save = db.transaction(() => {
    const otherId = otherThemeId(db, time)
    const insertTheme = db.prepare(
      "INSERT INTO themes (kind, label, created_at, updated_at) VALUES ('cluster', '', ?, ?)"
    )
    const ids = new Map<number, number>([[OTHER_KEY, otherId]])
    // New themes numbered as their clusters are (largest first).
    for (const k of [...keys].sort((a, b) => (a < 0 && b < 0 ? b - a : a - b)))
      ids.set(k, k < 0 ? Number(insertTheme.run(time, time).lastInsertRowid) : k)
    const runId = Number(
      db
        .prepare(
          `INSERT INTO theme_runs (started_at, finished_at, granularity, settings_json, ticket_count, sampled, status)
           VALUES (?, ?, ?, ?, ?, ?, 'succeeded')`
        )
        .run(
          started,
          time,
          options.granularity,
          JSON.stringify({ seed: options.seed ?? 1 }),
          tickets.length,
          built.sampled
        ).lastInsertRowid
    )
    db.prepare('DELETE FROM ticket_themes').run()
    const insertAssignment = db.prepare(
      'INSERT INTO ticket_themes (ticket_id, theme_id, score, assigned_by) VALUES (?, ?, ?, ?)'
    )
    tickets.forEach((t, i) =>
      insertAssignment.run(t.id, ids.get(final[i]!)!, roundScore(built.confidence[i]!), by[i]!)
    )
    const update = db.prepare(
      `UPDATE themes SET label = ?, key_terms_json = ?, signature_json = ?, examples_json = ?, run_id = ?,
         conflict_with = NULL, updated_at = ? WHERE id = ?`
    )
    keys.forEach((k, g) => {
      const name = labels[g]!
      update.run(
        name.label || name.terms[0] || 'Theme',
        JSON.stringify(name.terms),
        JSON.stringify(signatureToJson(signatures[g]!)),
        JSON.stringify(examples[g]!.map((i) => tickets[i]!.id)),
        runId,
        time,
        ids.get(k)!
      )
    })
    db.prepare('UPDATE themes SET examples_json = ?, updated_at = ? WHERE id = ?').run(
      JSON.stringify(otherExamples(final, OTHER_KEY).map((i) => tickets[i]!.id)),
      time,
      otherId
    )
    // Themes nothing matched and nobody edited end here; they have no tickets left.
    const drop = db.prepare('DELETE FROM themes WHERE id = ? AND edited = 0')
    for (const id of match.dropped) drop.run(id)
    db.prepare('UPDATE themes SET conflict_with = NULL WHERE conflict_with IS NOT NULL').run()
    const conflict = db.prepare('UPDATE themes SET conflict_with = ? WHERE id = ?')
    for (const [a, b] of match.conflicts) {
      conflict.run(b, a)
      conflict.run(a, b)
    }
    // The classifier, its classes mapped to the themes that took their clusters' tickets.
    const themeIds = Int32Array.from(built.model.themeIds, (t) => {
      if (t === NO_THEME) return otherId
      const c = t - 1
      const owners = match.owners[c]!
      return owners.length > 0 ? largestOwner(owners, c, built.clusters, final) : ids.get(-(c + 1))!
    })
    db.prepare('UPDATE theme_runs SET model = ? WHERE id = ?').run(
      serializeModel({ ...built.model, themeIds }),
      runId
    )
    return runId
  })
  const runId = save.immediate()
  const created = keys.filter((k) => k < 0).length
  return {
    runId,
    themes: keys.filter((k) => byId.get(k)?.kind !== 'rule').length,
    tickets: tickets.length,
    sampled: built.sampled,
    created,
    matched: keys.length - created,
    dropped: match.dropped.length,
    conflicts: match.conflicts.length,
    elapsedMs: now() - started
  }
}

/** The owner of a cluster a ticket goes to: the only one, or the one whose centroid is nearest. */
function nearestOwner(
  owners: readonly number[],
  cluster: number,
  x: CsrMatrix,
  row: number,
  columnsOf: (id: number) => Map<number, number>
): number {
  if (owners.length === 0) return -(cluster + 1)
  if (owners.length === 1) return owners[0]!
  return owners[nearestSignature(x, row, owners.map(columnsOf))]!
}

/** Of the themes that took a cluster's tickets, the one that took most (ties: lowest id). */
function largestOwner(
  owners: readonly number[],
  cluster: number,
  clusters: Int32Array,
  final: Int32Array
): number {
  const counts = new Map<number, number>(owners.map((o) => [o, 0]))
  clusters.forEach((c, i) => {
    if (c === cluster && counts.has(final[i]!)) counts.set(final[i]!, counts.get(final[i]!)! + 1)
  })
  return [...counts.entries()].sort((a, b) => b[1] - a[1] || a[0] - b[0])[0]![0]
}

/** The most typical tickets of each group: highest scores among the ones the model placed. */
function topExamples(
  groups: Int32Array,
  count: number,
  confidence: Float32Array,
  by: ReadonlyArray<'model' | 'user' | 'rule'>
): number[][] {
  const members: number[][] = Array.from({ length: count }, () => [])
  groups.forEach((g, i) => {
    if (g >= 0) members[g]!.push(i)
  })
  return members.map((rows) =>
    rows
      .sort(
        (a, b) =>
          Number(by[a] !== 'model') - Number(by[b] !== 'model') || confidence[b]! - confidence[a]! || a - b
      )
      .slice(0, EXAMPLES)
  )
}

function otherExamples(final: Int32Array, otherKey: number): number[] {
  const rows: number[] = []
  for (let i = 0; i < final.length && rows.length < EXAMPLES; i++) if (final[i] === otherKey) rows.push(i)
  return rows
}

/** overlap[c][j]: the share of cluster c's previously themed tickets that were in candidate j. */
function overlapShares(
  clusters: Int32Array,
  count: number,
  oldGroup: Int32Array,
  candidates: number
): Float64Array[] {
  const overlap = Array.from({ length: count }, () => new Float64Array(candidates))
  const totals = new Float64Array(count)
  clusters.forEach((c, i) => {
    const j = oldGroup[i]!
    if (c < 0 || j < 0) return
    overlap[c]![j]! += 1
    totals[c]! += 1
  })
  overlap.forEach((row, c) => {
    if (totals[c]! > 0) for (let j = 0; j < row.length; j++) row[j]! /= totals[c]!
  })
  return overlap
}

/** The theme a split started from (the theme itself when it was not split off). */
function familyOf(themes: ReadonlyMap<number, { parentId: number | null }>, id: number): number {
  return themes.get(id)?.parentId ?? id
}
