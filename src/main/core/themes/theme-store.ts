import type { ThemeKind, ThemeStatus } from '@shared/domain/themes'
import type { Db } from '../store/sqlite'
import type { Signature } from './signatures'
import { signatureFromJson } from './signatures'
import { cleanTicketText } from './text/clean-ticket'
import { ruleText } from './rule-match'

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

/** A ticket as the themes read it. */
export interface ThemeTicketText {
  id: number
  /** Subject and description, cleaned for clustering. */
  text: string
  /** Subject and description as rules read them. */
  ruleText: string
}

/** Tickets in id order; `where` limits them (e.g. those without a theme). */
export function readTicketTexts(db: Db, where = ''): ThemeTicketText[] {
  const rows = db
    .prepare(`SELECT t.id, t.subject, t.text FROM tickets t ${where} ORDER BY t.id`)
    .all() as Array<{ id: number; subject: string | null; text: string }>
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
