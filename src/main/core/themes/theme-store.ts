import type { ThemeKind, ThemeStatus } from '@shared/domain/themes'
import type { Db } from '../store/sqlite'
import type { Signature } from './signatures'
import { signatureFromJson } from './signatures'
import { cleanTicketText } from './text/clean-ticket'
import type { ThemeRule } from './rule-match'
import { parseRule, ruleText } from './rule-match'

/** A row of `themes`, parsed. */
export interface ThemeRow {
  id: number
  kind: ThemeKind
  label: string
  userLabel: string | null
  terms: string[]
  signature: Signature
  /** Internal ticket ids of the most representative tickets. */
  examples: number[]
  rule: string | null
  status: ThemeStatus
  pinned: boolean
  edited: boolean
  mergedInto: number | null
  parentId: number | null
  conflictWith: number | null
  runId: number | null
}

interface RawThemeRow {
  id: number
  kind: ThemeKind
  label: string
  user_label: string | null
  key_terms_json: string
  signature_json: string
  examples_json: string
  rule: string | null
  status: ThemeStatus
  pinned: number
  edited: number
  merged_into: number | null
  parent_id: number | null
  conflict_with: number | null
  run_id: number | null
}

function parseJson<T>(text: string, fallback: T): T {
  try {
    return JSON.parse(text) as T
  } catch {
    return fallback
  }
}

const toThemeRow = (r: RawThemeRow): ThemeRow => ({
  id: r.id,
  kind: r.kind,
  label: r.label,
  userLabel: r.user_label,
  terms: parseJson<string[]>(r.key_terms_json, []),
  signature: signatureFromJson(parseJson<unknown>(r.signature_json, {})),
  examples: parseJson<number[]>(r.examples_json, []),
  rule: r.rule,
  status: r.status,
  pinned: r.pinned === 1,
  edited: r.edited === 1,
  mergedInto: r.merged_into,
  parentId: r.parent_id,
  conflictWith: r.conflict_with,
  runId: r.run_id
})

/** Every theme row, by id. */
export function readThemes(db: Db): ThemeRow[] {
  return (db.prepare('SELECT * FROM themes ORDER BY id').all() as RawThemeRow[]).map(toThemeRow)
}

export function readTheme(db: Db, id: number): ThemeRow | null {
  const row = db.prepare('SELECT * FROM themes WHERE id = ?').get(id) as RawThemeRow | undefined
  return row ? toThemeRow(row) : null
}

/** The theme a (possibly merged) theme lives on in: its merge target, followed to the end. */
export function liveTheme(themes: ReadonlyMap<number, ThemeRow>, id: number): ThemeRow | null {
  let theme = themes.get(id) ?? null
  const seen = new Set<number>()
  while (theme && theme.status === 'merged' && theme.mergedInto !== null && !seen.has(theme.id)) {
    seen.add(theme.id)
    theme = themes.get(theme.mergedInto) ?? null
  }
  return theme && theme.status !== 'merged' ? theme : null
}

/** The rule themes that take tickets (not merged away), with their parsed rules, oldest first. */
export function activeRules(themes: readonly ThemeRow[]): Array<{ id: number; rule: ThemeRule }> {
  return themes
    .filter((t) => t.kind === 'rule' && t.status !== 'merged' && t.rule)
    .map((t) => ({ id: t.id, rule: parseRule(t.rule!) }))
}

/** A decision score as stored with an assignment (4 decimals; 0 when there is none). */
export const roundScore = (s: number): number => (Number.isFinite(s) ? Math.round(s * 1e4) / 1e4 : 0)

/** A ticket as the themes read it. */
export interface ThemeTicketText {
  id: number
  /** Subject and description, cleaned for clustering. */
  text: string
  /** Subject and description as rules read them. */
  ruleText: string
}

/** Which tickets to read: all, those without a theme, or those of one theme. */
export type TicketSelection = { all: true } | { unassigned: true } | { theme: number }

/** Tickets in id order. */
export function readTicketTexts(db: Db, which: TicketSelection = { all: true }): ThemeTicketText[] {
  const sql =
    'theme' in which
      ? 'SELECT t.id, t.subject, t.text FROM tickets t JOIN ticket_themes tt ON tt.ticket_id = t.id WHERE tt.theme_id = ? ORDER BY t.id'
      : 'unassigned' in which
        ? 'SELECT t.id, t.subject, t.text FROM tickets t WHERE NOT EXISTS (SELECT 1 FROM ticket_themes tt WHERE tt.ticket_id = t.id) ORDER BY t.id'
        : 'SELECT t.id, t.subject, t.text FROM tickets t ORDER BY t.id'
  const rows = db.prepare(sql).all(...('theme' in which ? [which.theme] : [])) as Array<{
    id: number
    subject: string | null
    text: string
  }>
  return rows.map((r) => ({
    id: r.id,
    text: cleanTicketText(r.subject, r.text),
    ruleText: ruleText(r.subject, r.text)
  }))
}

/** Each ticket's theme and who put it there. */
export function readAssignments(
  db: Db
): Map<number, { themeId: number; assignedBy: 'model' | 'user' | 'rule' }> {
  const rows = db.prepare('SELECT ticket_id, theme_id, assigned_by FROM ticket_themes').all() as Array<{
    ticket_id: number
    theme_id: number
    assigned_by: 'model' | 'user' | 'rule'
  }>
  return new Map(rows.map((r) => [r.ticket_id, { themeId: r.theme_id, assignedBy: r.assigned_by }]))
}

/** The id of the other bucket, created when missing. */
export function otherThemeId(db: Db, now: number): number {
  const row = db.prepare("SELECT id FROM themes WHERE kind = 'other'").get() as { id: number } | undefined
  if (row) return row.id
  return Number(
    db
      .prepare("INSERT INTO themes (kind, label, created_at, updated_at) VALUES ('other', 'Other', ?, ?)")
      .run(now, now).lastInsertRowid
  )
}

/** The last succeeded run's stored model and id, if any. */
export function readLastModel(db: Db): { runId: number; model: Buffer } | null {
  const row = db
    .prepare(
      "SELECT id, model FROM theme_runs WHERE status = 'succeeded' AND model IS NOT NULL ORDER BY id DESC LIMIT 1"
    )
    .get() as { id: number; model: Buffer } | undefined
  return row ? { runId: row.id, model: row.model } : null
}
