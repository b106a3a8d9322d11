import type { WorkbenchHandlers } from '@shared/api/contract'
import { exportPriorities } from '../priorities/export-priorities'
import { priorityList } from '../priorities/priority-list'
import type { ServiceContext } from './service-context'

type PriorityMethods = 'priorities.list' | 'priorities.export'

const EXTENSION = { md: 'md', csv: 'csv', json: 'json', 'jira-csv': 'csv' } as const

/** Handlers of the quarterly feature-priority list. */
export function createPriorityHandlers(ctx: ServiceContext): Pick<WorkbenchHandlers, PriorityMethods> {
  return {
    'priorities.list': ({ quarter }) => {
      const ws = ctx.requireWorkspace()
      return priorityList(ws.db, ws.settings.get(), quarter)
    },
    'priorities.export': ({ quarter, format }) => {
      const ws = ctx.requireWorkspace()
      const list = priorityList(ws.db, ws.settings.get(), quarter)
      const suffix = format === 'jira-csv' ? '-jira' : ''
      return {
        fileName: `loopbench-priorities-${list.quarter ?? 'empty'}${suffix}.${EXTENSION[format]}`,
        content: exportPriorities(list, format)
      }
    }
  }
}
