import { ApiError } from '@shared/api/errors'
import type {
  PriorityEditResult,
  PriorityItemPatch,
  PriorityList,
  PriorityOverrideEntry
} from '@shared/domain/priorities'
import type { AnalysisSettings } from '@shared/domain/settings'
import type { PriorityItemRecord } from '../store/repositories/priority-items'
import {
  deletePriorityItem,
  deletePrioritySnapshot,
  insertPriorityItems,
  insertPriorityOverride,
  itemOfTheme,
  listPriorityOverrides,
  readPrioritySnapshot,
  setPriorityItemExperiments,
  setPriorityItemThemes,
  updatePriorityItem,
  writePrioritySnapshot
} from '../store/repositories/priority-items'
import { prepared } from '../store/repositories/statements'
import type { Db } from '../store/sqlite'
import { resolveTicketQuarter } from '../themes/theme-metrics'
import { readTheme } from '../themes/theme-store'
import { livePriorityList, priorityList } from './priority-list'

/**
 * The user's edits of the priority list. Each runs in one transaction: an edit that fails
 * (an unknown theme, a frozen quarter) leaves the workspace as it was.
 *
 * A row is `item-N` or `theme-N`; editing or overriding a theme's row first makes it an item of
 * that one theme, titled as the theme.
 */

/** Creates an item (by hand, or grouping themes). */
export function createPriorityItem(
  db: Db,
  patch: PriorityItemPatch & { title: string },
  now: number
): PriorityEditResult {
  return db.transaction(() => {
    const [id] = insertPriorityItems(db, [{ ...blankItem(patch.title, now) }])
    return applyPatch(db, id!, patch, now)
  })()
}

/** Changes an item, or makes a theme's row an item and changes that. */
export function editPriorityRow(
  db: Db,
  row: string,
  patch: PriorityItemPatch,
  now: number
): PriorityEditResult {
  return db.transaction(() => applyPatch(db, itemOfRow(db, row, now), patch, now))()
}

/** Removes an item; its themes become candidates of their own again. */
export function deletePriorityRow(db: Db, row: string): void {
  const { kind, id } = parseRow(row)
  if (kind !== 'item')
    throw new ApiError('invalid_input', `${row} is a theme, not an item: there is nothing to delete.`, {
      row
    })
  if (!deletePriorityItem(db, id)) throw notFound(row)
}

/**
 * A manual rank for a quarter (null gives the row back to its score), with the note that says
 * why. Every override is kept: the audit trail. A frozen quarter takes no overrides.
 */
export function overridePriorityRank(
  db: Db,
  settings: AnalysisSettings,
  request: { row: string; quarter: string; rank: number | null; note: string },
  now: number
): PriorityEditResult {
  const { quarter } = request
  priorityQuarterExists(db, settings, quarter)
  return db.transaction(() => {
    if (readPrioritySnapshot(db, quarter))
      throw new ApiError(
        'invalid_input',
        `The list of ${quarter} is frozen; unfreeze it to change its ranks.`,
        { quarter }
      )
    const item = itemOfRow(db, request.row, now)
    insertPriorityOverride(db, {
      itemId: item,
      quarter,
      rank: request.rank,
      note: request.note,
      createdAt: now
    })
    return { row: `item-${item}`, movedThemes: [] }
  })()
}

/** The audit trail of overrides, newest first: of one quarter, or of all. */
export function priorityOverrides(db: Db, quarter: string | null): PriorityOverrideEntry[] {
  return listPriorityOverrides(db, quarter).map((o) => ({
    id: o.id,
    row: `item-${o.itemId}`,
    title: o.title,
    quarter: o.quarter,
    rank: o.rank,
    note: o.note,
    createdAt: o.createdAt
  }))
}

/**
 * Freezes a quarter's list as it is now (frozen again: taken anew), or unfreezes it. Returns the
 * quarter's list as it then reads.
 */
export function freezePriorityQuarter(
  db: Db,
  settings: AnalysisSettings,
  quarter: string,
  frozen: boolean,
  now: number
): PriorityList {
  priorityQuarterExists(db, settings, quarter)
  if (frozen) {
    const list = livePriorityList(db, settings, quarter)
    const snapshot: PriorityList = { ...list, frozenAt: now }
    writePrioritySnapshot(db, quarter, now, JSON.stringify(snapshot))
  } else {
    deletePrioritySnapshot(db, quarter)
  }
  return priorityList(db, settings, quarter)
}

/** Only a quarter with tickets has a list; the error names the quarters there are. */
function priorityQuarterExists(db: Db, settings: AnalysisSettings, quarter: string): void {
  resolveTicketQuarter(db, settings, quarter)
}

const blankItem = (title: string, now: number): PriorityItemRecord => ({
  title,
  description: null,
  status: 'new',
  owner: null,
  note: null,
  effortWeeks: null,
  effortSize: null,
  createdAt: now,
  updatedAt: now
})

function parseRow(row: string): { kind: 'item' | 'theme'; id: number } {
  const dash = row.indexOf('-')
  return { kind: row.slice(0, dash) as 'item' | 'theme', id: Number(row.slice(dash + 1)) }
}

const notFound = (row: string): ApiError =>
  new ApiError('not_found', `There is no priority row ${row}; it may have been removed.`, { row })

/** The item behind a row; a theme's row becomes an item (inside the caller's transaction). */
function itemOfRow(db: Db, row: string, now: number): number {
  const { kind, id } = parseRow(row)
  if (kind === 'item') {
    if (prepared(db, 'SELECT 1 FROM priority_items WHERE id = ?').get(id) === undefined) throw notFound(row)
    return id
  }
  const existing = itemOfTheme(db, id)
  if (existing !== null) return existing
  const theme = requireCandidateTheme(db, id)
  const [item] = insertPriorityItems(db, [blankItem(theme.userLabel ?? theme.label, now)])
  setPriorityItemThemes(db, item!, [id])
  return item!
}

function requireCandidateTheme(db: Db, id: number): { label: string; userLabel: string | null } {
  const theme = readTheme(db, id)
  if (!theme || theme.status === 'merged')
    throw new ApiError('not_found', `There is no theme ${id}; it may have been merged or removed.`, { id })
  if (theme.kind === 'other')
    throw new ApiError('invalid_input', 'The other bucket is not a complaint theme and cannot be an item.', {
      id
    })
  return theme
}

function applyPatch(db: Db, item: number, patch: PriorityItemPatch, now: number): PriorityEditResult {
  const { effort, themes, experiments, ...fields } = patch
  updatePriorityItem(
    db,
    item,
    {
      ...fields,
      ...(effort === undefined
        ? {}
        : {
            effortSize: effort && 'size' in effort ? effort.size : null,
            effortWeeks: effort && 'weeks' in effort ? effort.weeks : null
          })
    },
    now
  )
  let movedThemes: number[] = []
  if (themes !== undefined) {
    const unique = [...new Set(themes)]
    for (const id of unique) requireCandidateTheme(db, id)
    movedThemes = setPriorityItemThemes(db, item, unique)
  }
  if (experiments !== undefined) {
    const unique = [...new Set(experiments)]
    const exists = prepared(db, 'SELECT 1 FROM experiments WHERE id = ?')
    for (const id of unique)
      if (exists.get(id) === undefined)
        throw new ApiError('not_found', `There is no experiment ${id} in this workspace.`, { id })
    setPriorityItemExperiments(db, item, unique)
  }
  return { row: `item-${item}`, movedThemes }
}
