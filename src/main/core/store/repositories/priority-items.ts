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
