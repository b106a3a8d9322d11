import type { Db } from '../store/sqlite'
import { matchesRule } from './rule-match'
import { columnNames, nearestSignature, signatureColumns } from './signatures'
import { assignmentFeatures, assignRows, deserializeModel } from './theme-model'
import {
  activeRules,
  liveTheme,
  otherThemeId,
  readLastModel,
  readThemes,
  readTicketTexts,
  roundScore
} from './theme-store'

export interface AssignNewSummary {
  /** Tickets given a theme. */
  assigned: number
  elapsedMs: number
}

/**
 * Gives a theme to every ticket that has none (imported since the last run) without a re-run:
 * the last run's classifier in its feature space picks the cluster, which leads to the theme that
 * took it (through merges; among the parts of a split, the part whose centroid is nearest), and
 * rule themes take the tickets their rule matches. Nothing happens before the first run.
 */
export function assignNewTickets(db: Db, now: () => number = Date.now): AssignNewSummary {
  const started = now()
  const stored = readLastModel(db)
  if (!stored) return { assigned: 0, elapsedMs: 0 }
  const tickets = readTicketTexts(db, { unassigned: true })
  if (tickets.length === 0) return { assigned: 0, elapsedMs: now() - started }
  const model = deserializeModel(stored.model)
  const x = assignmentFeatures(
    model.features,
    tickets.map((t) => t.text)
  )
  const { themeIds, scores } = assignRows(model, x)

  const rows = readThemes(db)
  const byId = new Map(rows.map((r) => [r.id, r]))
  const columnOf = new Map(columnNames(model.features).map((name, c) => [name, c]))
  const columns = new Map<number, Map<number, number>>()
  const columnsOf = (id: number): Map<number, number> => {
    let cols = columns.get(id)
    if (!cols) {
      cols = signatureColumns(byId.get(id)?.signature ?? new Map(), columnOf)
      columns.set(id, cols)
    }
    return cols
  }
  const rules = activeRules(rows)
  // The parts of a split share the clusters of the theme they came from: each family's members.
  const families = new Map<number, number[]>()
  for (const r of rows) {
    if (r.status === 'merged' || r.kind !== 'cluster') continue
    const root = r.parentId ?? r.id
    families.set(root, [...(families.get(root) ?? []), r.id])
  }

  const write = db.transaction(() => {
    const otherId = otherThemeId(db, now())
    const insert = db.prepare(
      'INSERT OR IGNORE INTO ticket_themes (ticket_id, theme_id, score, assigned_by) VALUES (?, ?, ?, ?)'
    )
    let assigned = 0
    tickets.forEach((t, i) => {
      const rule = rules.find((r) => matchesRule(r.rule, t.ruleText))
      if (rule) {
        assigned += insert.run(t.id, rule.id, 0, 'rule').changes
        return
      }
      const live = liveTheme(byId, themeIds[i]!)
      let themeId = live?.id ?? otherId
      const family = live && live.kind === 'cluster' ? (families.get(live.parentId ?? live.id) ?? []) : []
      if (family.length > 1) themeId = family[nearestSignature(x, i, family.map(columnsOf))]!
      assigned += insert.run(t.id, themeId, roundScore(scores[i]!), 'model').changes
    })
    return assigned
  })
  const assigned = write.immediate()
  return { assigned, elapsedMs: now() - started }
}
