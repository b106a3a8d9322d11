import type { Db } from '../store/sqlite'
import { matchesRule, parseRule } from './rule-match'
import { columnNames, nearestSignature, signatureColumns } from './signatures'
import { assignmentFeatures, assignRows, deserializeModel } from './theme-model'
import { liveTheme, otherThemeId, readLastModel, readThemes, readTicketTexts } from './theme-store'

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
  const tickets = readTicketTexts(
    db,
    'WHERE NOT EXISTS (SELECT 1 FROM ticket_themes tt WHERE tt.ticket_id = t.id)'
  )
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
  const rules = rows
    .filter((r) => r.kind === 'rule' && r.status !== 'merged' && r.rule)
    .map((r) => ({ id: r.id, rule: parseRule(r.rule!) }))

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
      if (live && live.kind === 'cluster') {
        // The parts of a split share the clusters of the theme they came from.
        const root = live.parentId ?? live.id
        const family = rows.filter(
          (r) => r.status !== 'merged' && r.kind === 'cluster' && (r.id === root || r.parentId === root)
        )
        if (family.length > 1)
          themeId =
            family[
              nearestSignature(
                x,
                i,
                family.map((f) => columnsOf(f.id))
              )
            ]!.id
      }
      assigned += insert.run(t.id, themeId, Math.round(scores[i]! * 1e4) / 1e4, 'model').changes
    })
    return assigned
  })
  const assigned = write.immediate()
  return { assigned, elapsedMs: now() - started }
}
