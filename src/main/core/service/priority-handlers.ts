import type { WorkbenchHandlers } from '@shared/api/contract'
import { exportPriorities } from '../priorities/export-priorities'
import {
  createPriorityItem,
  deletePriorityRow,
  editPriorityRow,
  freezePriorityQuarter,
  overridePriorityRank,
  priorityOverrides
} from '../priorities/priority-edits'
import { writePriorityFormula } from '../priorities/priority-formula-store'
import { priorityList } from '../priorities/priority-list'
import { suggestThemesForItem } from '../priorities/theme-suggestions'
import type { ServiceContext } from './service-context'

type PriorityMethods =
  | 'priorities.list'
  | 'priorities.export'
  | 'priorities.createItem'
  | 'priorities.editItem'
  | 'priorities.deleteItem'
  | 'priorities.override'
  | 'priorities.overrides'
  | 'priorities.freeze'
  | 'priorities.suggestThemes'
  | 'priorities.setFormula'

const EXTENSION = { md: 'md', csv: 'csv', json: 'json', 'jira-csv': 'csv' } as const

/** Handlers of the quarterly feature-priority list: the list, its exports and the user's edits. */
export function createPriorityHandlers(ctx: ServiceContext): Pick<WorkbenchHandlers, PriorityMethods> {
  const ws = (): ReturnType<ServiceContext['requireWorkspace']> => ctx.requireWorkspace()
  /** An edit, announced to every client when done. */
  const edit = <T>(apply: () => T): T => {
    const result = apply()
    ctx.events.emit({ type: 'priorities.changed' })
    return result
  }
  return {
    'priorities.list': ({ quarter }) => priorityList(ws().db, ws().settings.get(), quarter),
    'priorities.export': ({ quarter, format }) => {
      const list = priorityList(ws().db, ws().settings.get(), quarter)
      const suffix = format === 'jira-csv' ? '-jira' : ''
      return {
        fileName: `loopbench-priorities-${list.quarter ?? 'empty'}${suffix}.${EXTENSION[format]}`,
        content: exportPriorities(list, format)
      }
    },
    'priorities.createItem': (patch) => edit(() => createPriorityItem(ws().db, patch, Date.now())),
    'priorities.editItem': ({ row, patch }) => edit(() => editPriorityRow(ws().db, row, patch, Date.now())),
    'priorities.deleteItem': ({ row }) =>
      edit(() => {
        deletePriorityRow(ws().db, row)
        return null
      }),
    'priorities.override': (request) =>
      edit(() => overridePriorityRank(ws().db, ws().settings.get(), request, Date.now())),
    'priorities.overrides': ({ quarter }) => priorityOverrides(ws().db, quarter ?? null),
    'priorities.suggestThemes': ({ row, limit }) =>
      suggestThemesForItem(ws().db, Number(row.slice('item-'.length)), limit),
    'priorities.freeze': ({ quarter, frozen }) =>
      edit(() => freezePriorityQuarter(ws().db, ws().settings.get(), quarter, frozen, Date.now())),
    'priorities.setFormula': ({ formula }) =>
      edit(() => {
        writePriorityFormula(ws().db, formula, Date.now())
        return null
      })
  }
}
