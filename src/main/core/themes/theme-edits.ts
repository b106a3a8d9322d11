import { ApiError } from '@shared/api/errors'
import type { Taxonomy, ThemeEditResult } from '@shared/domain/themes'
import type { Db } from '../store/sqlite'
import { clusterTickets } from './cluster-tickets'
import { matchesRule, parseRule } from './rule-match'
import {
  columnNames,
  groupSignatures,
  nearestSignature,
  signatureColumns,
  signatureFromJson,
  signatureToJson
} from './signatures'
import { segmentChinese } from './text/segment-chinese'
import { hstackRows } from './text/tfidf'
import { fitTicketFeatures } from './text/ticket-features'
import { labelThemes } from './theme-labels'
import type { ThemeRow } from './theme-store'
import { readTheme, readThemes, readTicketTexts } from './theme-store'

/** Edits of themes by the user. Each runs in one transaction and marks what it touched as edited. */

function requireTheme(db: Db, id: number, what = 'theme'): ThemeRow {
  const theme = readTheme(db, id)
  if (!theme || theme.status === 'merged')
    throw new ApiError(
      'not_found',
      `There is no ${what} with id ${id}; it may have been merged or removed.`,
      { id }
    )
  return theme
}

function requireClusterTheme(db: Db, id: number, action: string): ThemeRow {
  const theme = requireTheme(db, id)
  if (theme.kind === 'other')
    throw new ApiError('invalid_input', `The other bucket cannot be ${action}.`, { id })
  return theme
}

export function renameTheme(db: Db, id: number, label: string, now: number): ThemeEditResult {
  requireTheme(db, id)
  const name = label.trim()
  db.prepare('UPDATE themes SET user_label = ?, edited = 1, updated_at = ? WHERE id = ?').run(
    name || null,
    now,
    id
  )
  return { themes: [id], tickets: 0 }
}

export function setExcluded(db: Db, id: number, excluded: boolean, now: number): ThemeEditResult {
  requireTheme(db, id)
  db.prepare('UPDATE themes SET status = ?, edited = 1, updated_at = ? WHERE id = ?').run(
    excluded ? 'excluded' : 'active',
    now,
    id
  )
  return { themes: [id], tickets: 0 }
}

export function setPinned(db: Db, id: number, pinned: boolean, now: number): ThemeEditResult {
  requireTheme(db, id)
  db.prepare('UPDATE themes SET pinned = ?, edited = 1, updated_at = ? WHERE id = ?').run(
    pinned ? 1 : 0,
    now,
    id
  )
  return { themes: [id], tickets: 0 }
}

/** Merges themes into another: their tickets move to it, they stay merged at every re-run. */
export function mergeThemes(db: Db, ids: readonly number[], into: number, now: number): ThemeEditResult {
  return db.transaction(() => {
    requireClusterTheme(db, into, 'merged into')
    let tickets = 0
    for (const id of new Set(ids)) {
      requireClusterTheme(db, id, 'merged')
      tickets += db.prepare('UPDATE ticket_themes SET theme_id = ? WHERE theme_id = ?').run(into, id).changes
      db.prepare(
        "UPDATE themes SET status = 'merged', merged_into = ?, pinned = 0, conflict_with = NULL, edited = 1, updated_at = ? WHERE id = ?"
      ).run(into, now, id)
      // Parts split off a merged theme now belong to the target's family.
      db.prepare('UPDATE themes SET parent_id = ? WHERE parent_id = ?').run(into, id)
      db.prepare('UPDATE themes SET conflict_with = NULL WHERE conflict_with = ?').run(id)
    }
    db.prepare('UPDATE themes SET edited = 1, conflict_with = NULL, updated_at = ? WHERE id = ?').run(
      now,
      into
    )
    return { themes: [into, ...ids], tickets }
  })()
}

/**
 * Splits a theme into sub-themes found in its own tickets (communities at a fine granularity,
 * the smallest joined to their nearest until `parts` remain). The theme keeps its id and its
 * largest part; the other parts become new themes split off from it.
 */
export function splitTheme(db: Db, id: number, parts: number | undefined, now: number): ThemeEditResult {
  const theme = requireClusterTheme(db, id, 'split')
  const members = readTicketTexts(db, { theme: theme.id })
  if (members.length < 10)
    throw new ApiError(
      'invalid_input',
      `"${theme.userLabel ?? theme.label}" has too few tickets to split (${members.length}).`,
      { id }
    )
  const texts = members.map((m) => m.text)
  const { model, features } = fitTicketFeatures(texts)
  const found = clusterTickets(features, { granularity: 'fine', reembed: false, seed: 7 })
  const x = hstackRows(features.words, features.chars)
  const names = columnNames(model)
  let labels = found.labels
  let count = found.count
  // Tickets in no community join the nearest part below.
  const want = Math.min(parts ?? Math.max(2, count), Math.max(2, count))
  if (count < 2)
    throw new ApiError(
      'invalid_input',
      `The tickets of "${theme.userLabel ?? theme.label}" do not fall into distinct parts.`,
      { id }
    )
  if (want < count || labels.some((l) => l < 0)) {
    // Keep the `want` largest parts; every other ticket goes to the part whose centroid is nearest.
    const signatures = groupSignatures(x, labels, want, names)
    const columnOf = new Map(names.map((n, c) => [n, c]))
    const centroids = signatures.map((sig) => signatureColumns(sig, columnOf))
    labels = labels.map((l, r) => (l >= 0 && l < want ? l : nearestSignature(x, r, centroids)))
    count = want
  }
  const named = labelThemes(texts, labels, count, segmentChinese)
  const signatures = groupSignatures(x, labels, count, names)
  return db.transaction(() => {
    const created: number[] = []
    const move = db.prepare(
      "UPDATE ticket_themes SET theme_id = ?, assigned_by = CASE assigned_by WHEN 'user' THEN 'user' ELSE 'model' END WHERE ticket_id = ?"
    )
    const root = theme.parentId ?? theme.id
    for (let k = 0; k < count; k++) {
      const themeId =
        k === 0
          ? theme.id
          : Number(
              db
                .prepare(
                  `INSERT INTO themes (kind, label, key_terms_json, signature_json, status, edited, parent_id, run_id, created_at, updated_at)
                   VALUES ('cluster', ?, ?, ?, ?, 1, ?, ?, ?, ?)`
                )
                .run(
                  named[k]!.label || named[k]!.terms[0] || 'Theme',
                  JSON.stringify(named[k]!.terms),
                  JSON.stringify(signatureToJson(signatures[k]!)),
                  theme.status,
                  root,
                  theme.runId,
                  now,
                  now
                ).lastInsertRowid
            )
      if (k === 0) {
        db.prepare(
          'UPDATE themes SET label = ?, key_terms_json = ?, signature_json = ?, edited = 1, updated_at = ? WHERE id = ?'
        ).run(
          named[0]!.label || named[0]!.terms[0] || theme.label,
          JSON.stringify(named[0]!.terms),
          JSON.stringify(signatureToJson(signatures[0]!)),
          now,
          theme.id
        )
      } else created.push(themeId)
      const examples: number[] = []
      members.forEach((m, i) => {
        if (labels[i] !== k) return
        if (k !== 0) move.run(themeId, m.id)
        if (examples.length < 5) examples.push(m.id)
      })
      db.prepare('UPDATE themes SET examples_json = ? WHERE id = ?').run(JSON.stringify(examples), themeId)
    }
    return { themes: [theme.id, ...created], tickets: members.length - labels.filter((l) => l === 0).length }
  })()
}

/** Puts one ticket in a theme; a re-run leaves it there. */
export function moveTicket(db: Db, ticket: number, into: number, now: number): ThemeEditResult {
  requireTheme(db, into)
  const exists = db.prepare('SELECT 1 FROM tickets WHERE id = ?').get(ticket)
  if (!exists) throw new ApiError('not_found', `There is no ticket with id ${ticket}.`, { ticket })
  db.transaction(() => {
    db.prepare(
      `INSERT INTO ticket_themes (ticket_id, theme_id, score, assigned_by) VALUES (?, ?, NULL, 'user')
       ON CONFLICT(ticket_id) DO UPDATE SET theme_id = excluded.theme_id, assigned_by = 'user'`
    ).run(ticket, into)
    db.prepare('UPDATE themes SET updated_at = ? WHERE id = ?').run(now, into)
  })()
  return { themes: [into], tickets: 1 }
}

/** A theme of the tickets a keyword rule matches (tickets the user placed stay where they are). */
export function createRuleTheme(db: Db, label: string, rule: string, now: number): ThemeEditResult {
  const parsed = parseRule(rule)
  if (parsed.terms.length === 0) throw new ApiError('invalid_input', 'The rule has no words to look for.')
  const tickets = readTicketTexts(db).filter((t) => matchesRule(parsed, t.ruleText))
  return db.transaction(() => {
    const id = Number(
      db
        .prepare(
          "INSERT INTO themes (kind, label, user_label, rule, edited, created_at, updated_at) VALUES ('rule', ?, ?, ?, 1, ?, ?)"
        )
        .run(label, label, rule, now, now).lastInsertRowid
    )
    const put = db.prepare(
      `INSERT INTO ticket_themes (ticket_id, theme_id, score, assigned_by) VALUES (?, ?, NULL, 'rule')
       ON CONFLICT(ticket_id) DO UPDATE SET theme_id = excluded.theme_id, assigned_by = 'rule'
       WHERE ticket_themes.assigned_by <> 'user'`
    )
    let moved = 0
    const examples: number[] = []
    for (const t of tickets) {
      moved += put.run(t.id, id).changes
      if (examples.length < 5) examples.push(t.id)
    }
    db.prepare('UPDATE themes SET examples_json = ? WHERE id = ?').run(JSON.stringify(examples), id)
    return { themes: [id], tickets: moved }
  })()
}

/** The whole taxonomy: names, rules, pins, exclusions, merges and splits, with centroids. */
export function exportTaxonomy(db: Db, now: number): Taxonomy {
  return {
    format: 'loopbench-taxonomy',
    version: 1,
    exportedAt: new Date(now).toISOString(),
    themes: readThemes(db)
      .filter((t) => t.kind !== 'other')
      .map((t) => ({
        key: t.id,
        label: t.userLabel ?? t.label,
        generatedLabel: t.label,
        renamed: t.userLabel !== null,
        kind: t.kind,
        status: t.status,
        pinned: t.pinned,
        rule: t.rule,
        parentKey: t.parentId,
        mergedIntoKey: t.mergedInto,
        terms: t.terms.slice(0, 50),
        signature: signatureToJson(t.signature)
      }))
  }
}

/**
 * Adds a taxonomy's themes to the workspace as edited themes, which the next run fills: each
 * claims the clusters that resemble its signature, rule themes their rule's tickets. Themes of
 * the file keep their names, pins, exclusions, merges and splits. Tickets are not moved now.
 */
export function importTaxonomy(db: Db, taxonomy: Taxonomy, now: number): ThemeEditResult {
  return db.transaction(() => {
    const ids = new Map<number, number>()
    const insert = db.prepare(
      `INSERT INTO themes (kind, label, user_label, key_terms_json, signature_json, rule, status, pinned, edited, created_at, updated_at)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, 1, ?, ?)`
    )
    for (const t of taxonomy.themes) {
      if (ids.has(t.key)) throw new ApiError('invalid_input', `The taxonomy lists theme ${t.key} twice.`)
      if (t.kind === 'other')
        throw new ApiError('invalid_input', 'A taxonomy cannot bring its own other bucket.')
      if (t.kind === 'rule' && !t.rule)
        throw new ApiError('invalid_input', `Rule theme "${t.label}" has no rule.`)
      const id = Number(
        insert.run(
          t.kind,
          t.generatedLabel || t.label,
          t.renamed || t.kind === 'rule' ? t.label : null,
          JSON.stringify(t.terms),
          JSON.stringify(signatureToJson(signatureFromJson(t.signature))),
          t.rule,
          t.status,
          t.pinned ? 1 : 0,
          now,
          now
        ).lastInsertRowid
      )
      ids.set(t.key, id)
    }
    const link = db.prepare('UPDATE themes SET merged_into = ?, parent_id = ? WHERE id = ?')
    for (const t of taxonomy.themes) {
      const mergedInto = t.mergedIntoKey === null ? null : (ids.get(t.mergedIntoKey) ?? null)
      const parent = t.parentKey === null ? null : (ids.get(t.parentKey) ?? null)
      if (t.status === 'merged' && mergedInto === null)
        throw new ApiError(
          'invalid_input',
          `Theme "${t.label}" is merged into a theme the file does not have.`
        )
      link.run(mergedInto, parent, ids.get(t.key)!)
    }
    return { themes: [...ids.values()], tickets: 0 }
  })()
}
