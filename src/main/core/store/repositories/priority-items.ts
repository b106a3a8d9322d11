import type { Db } from '../sqlite'
import { assertInTransaction, prepared } from './statements'

import type { EffortSize, PriorityStatus } from '@shared/domain/priorities'

export { PRIORITY_STATUSES } from '@shared/domain/priorities'
export type { EffortSize, PriorityStatus } from '@shared/domain/priorities'

/** An entry of the feature-priority list. */
export interface PriorityItemRecord {
  title: string
  description: string | null
  status: PriorityStatus
  owner: string | null
  note: string | null
  effortWeeks: number | null
  effortSize: EffortSize | null
  createdAt: number
  updatedAt: number
}

/** A stored priority item. */
export interface PriorityItem extends PriorityItemRecord {
  id: number
}

/** Inserts priority items inside the caller's transaction; returns their ids in order. */
export function insertPriorityItems(db: Db, items: readonly PriorityItemRecord[]): number[] {
  assertInTransaction(db, 'insertPriorityItems')
  const statement = prepared(
    db,
    `INSERT INTO priority_items (title, description, status, owner, note, effort_weeks, effort_size, created_at, updated_at)
     VALUES (@title, @description, @status, @owner, @note, @effortWeeks, @effortSize, @createdAt, @updatedAt)`
  )
  return items.map((item) => Number(statement.run(item).lastInsertRowid))
}

/** Every priority item, in id order. */
export function listPriorityItems(db: Db): PriorityItem[] {
  const rows = prepared(db, 'SELECT * FROM priority_items ORDER BY id').all() as Array<{
    id: number
    title: string
    description: string | null
    status: PriorityStatus
    owner: string | null
    note: string | null
    effort_weeks: number | null
    effort_size: EffortSize | null
    created_at: number
    updated_at: number
  }>
  return rows.map((r) => ({
    id: r.id,
    title: r.title,
    description: r.description,
    status: r.status,
    owner: r.owner,
    note: r.note,
    effortWeeks: r.effort_weeks,
    effortSize: r.effort_size,
    createdAt: r.created_at,
    updatedAt: r.updated_at
  }))
}

/** Changes an item's fields (those given). */
export function updatePriorityItem(
  db: Db,
  id: number,
  fields: Partial<Omit<PriorityItemRecord, 'createdAt' | 'updatedAt'>>,
  now: number
): void {
  assertInTransaction(db, 'updatePriorityItem')
  const columns: Record<keyof typeof fields, string> = {
    title: 'title',
    description: 'description',
    status: 'status',
    owner: 'owner',
    note: 'note',
    effortWeeks: 'effort_weeks',
    effortSize: 'effort_size'
  }
  const keys = (Object.keys(columns) as Array<keyof typeof fields>).filter((k) => fields[k] !== undefined)
  const sets = keys.map((k) => `${columns[k]} = @${k}`)
  const values: Record<string, unknown> = { id, now }
  for (const k of keys) values[k] = fields[k]
  db.prepare(`UPDATE priority_items SET ${[...sets, 'updated_at = @now'].join(', ')} WHERE id = @id`).run(
    values
  )
}

export function deletePriorityItem(db: Db, id: number): boolean {
  return prepared(db, 'DELETE FROM priority_items WHERE id = ?').run(id).changes > 0
}

/**
 * Makes `themes` the item's themes. A theme belongs to one item at most: one in another item
 * moves here. Returns the themes that moved.
 */
export function setPriorityItemThemes(db: Db, itemId: number, themes: readonly number[]): number[] {
  assertInTransaction(db, 'setPriorityItemThemes')
  const moved: number[] = []
  const owner = prepared(
    db,
    'SELECT item_id FROM priority_item_themes WHERE theme_id = ? AND item_id <> ?'
  ).pluck()
  const take = prepared(db, 'DELETE FROM priority_item_themes WHERE theme_id = ?')
  const add = prepared(db, 'INSERT OR IGNORE INTO priority_item_themes (item_id, theme_id) VALUES (?, ?)')
  prepared(db, 'DELETE FROM priority_item_themes WHERE item_id = ?').run(itemId)
  for (const theme of themes) {
    if (owner.get(theme, itemId) !== undefined) {
      moved.push(theme)
      take.run(theme)
    }
    add.run(itemId, theme)
  }
  return moved
}

export function setPriorityItemExperiments(db: Db, itemId: number, experiments: readonly number[]): void {
  assertInTransaction(db, 'setPriorityItemExperiments')
  prepared(db, 'DELETE FROM priority_item_experiments WHERE item_id = ?').run(itemId)
  const add = prepared(
    db,
    'INSERT OR IGNORE INTO priority_item_experiments (item_id, experiment_id) VALUES (?, ?)'
  )
  for (const experiment of experiments) add.run(itemId, experiment)
}

/** The item a theme belongs to, if any. */
export function itemOfTheme(db: Db, themeId: number): number | null {
  const id = prepared(
    db,
    'SELECT item_id FROM priority_item_themes WHERE theme_id = ? ORDER BY item_id LIMIT 1'
  )
    .pluck()
    .get(themeId) as number | undefined
  return id ?? null
}

/** One entry of the audit trail of manual ranks (rank null: the override was taken back). */
export interface PriorityOverrideRecord {
  itemId: number
  quarter: string
  rank: number | null
  note: string
  createdAt: number
}

export function insertPriorityOverride(db: Db, o: PriorityOverrideRecord): number {
  return Number(
    prepared(
      db,
      'INSERT INTO priority_overrides (item_id, quarter, rank, note, created_at) VALUES (@itemId, @quarter, @rank, @note, @createdAt)'
    ).run(o).lastInsertRowid
  )
}

/** The audit trail, newest first: every override of a quarter, or of all quarters. */
export function listPriorityOverrides(
  db: Db,
  quarter: string | null
): Array<PriorityOverrideRecord & { id: number; title: string }> {
  const rows = prepared(
    db,
    `SELECT o.id, o.item_id AS itemId, i.title, o.quarter, o.rank, o.note, o.created_at AS createdAt
     FROM priority_overrides o JOIN priority_items i ON i.id = o.item_id
     WHERE @quarter IS NULL OR o.quarter = @quarter
     ORDER BY o.id DESC`
  ).all({ quarter })
  return rows as Array<PriorityOverrideRecord & { id: number; title: string }>
}

/** A frozen quarter's list, as JSON, with when it was frozen. */
export function readPrioritySnapshot(db: Db, quarter: string): { frozenAt: number; listJson: string } | null {
  const row = prepared(
    db,
    'SELECT frozen_at AS frozenAt, list_json AS listJson FROM priority_snapshots WHERE quarter = ?'
  ).get(quarter) as { frozenAt: number; listJson: string } | undefined
  return row ?? null
}

export function writePrioritySnapshot(db: Db, quarter: string, frozenAt: number, listJson: string): void {
  prepared(
    db,
    'INSERT INTO priority_snapshots (quarter, frozen_at, list_json) VALUES (?, ?, ?) ON CONFLICT(quarter) DO UPDATE SET frozen_at = excluded.frozen_at, list_json = excluded.list_json'
  ).run(quarter, frozenAt, listJson)
}

export function deletePrioritySnapshot(db: Db, quarter: string): boolean {
  return prepared(db, 'DELETE FROM priority_snapshots WHERE quarter = ?').run(quarter).changes > 0
}
