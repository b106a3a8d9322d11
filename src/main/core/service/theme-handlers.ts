import type { WorkbenchHandlers } from '@shared/api/contract'
import { ApiError } from '@shared/api/errors'
import type { ThemeEditResult } from '@shared/domain/themes'
import type { AssignNewSummary } from '../themes/assign-new'
import type { RunThemesSummary } from '../themes/run-themes'
import {
  createRuleTheme,
  exportTaxonomy,
  importTaxonomy,
  mergeThemes,
  moveTicket,
  renameTheme,
  setExcluded,
  setPinned,
  splitTheme
} from '../themes/theme-edits'
import { themeAssignments, themeDetail, themesOverview, themeTickets } from '../themes/theme-queries'
import type { ServiceContext } from './service-context'

type ThemeMethods =
  | 'themes.list'
  | 'themes.detail'
  | 'themes.tickets'
  | 'themes.run'
  | 'themes.rename'
  | 'themes.merge'
  | 'themes.split'
  | 'themes.exclude'
  | 'themes.pin'
  | 'themes.moveTicket'
  | 'themes.createFromRule'
  | 'themes.assignments'
  | 'themes.exportTaxonomy'
  | 'themes.importTaxonomy'

/** Handlers of complaint themes: the overview, the editor, runs and the user's edits. */
export function createThemeHandlers(ctx: ServiceContext): Pick<WorkbenchHandlers, ThemeMethods> {
  /** The running themes job of each workspace: one run at a time. */
  const running = new Map<string, string>()

  /** Tells the clients; the workspace's counts (active themes) only when they may have moved. */
  const changed = (counts = true): void => {
    ctx.events.emit({ type: 'themes.changed' })
    if (counts) ctx.workspaceChanged()
  }
  /** An edit: refused while a run would overwrite it, announced when done. */
  const edit = (apply: () => ThemeEditResult, counts = true): ThemeEditResult => {
    const ws = ctx.requireWorkspace()
    if (running.has(ws.path))
      throw new ApiError(
        'workspace_busy',
        'Themes are being found again; edit them when the run has finished.'
      )
    const result = apply()
    changed(counts)
    return result
  }
  const db = (): ReturnType<ServiceContext['requireWorkspace']>['db'] => ctx.requireWorkspace().db

  return {
    'themes.list': ({ quarter }) => {
      const ws = ctx.requireWorkspace()
      return themesOverview(ws.db, ws.settings.get(), quarter)
    },
    'themes.detail': ({ id, quarter, by }) => {
      const ws = ctx.requireWorkspace()
      return themeDetail(ws.db, ws.settings.get(), id, quarter, by)
    },
    'themes.tickets': ({ id, offset, limit }) => themeTickets(db(), id, offset, limit),
    'themes.run': ({ granularity, newTicketsOnly }) => {
      const ws = ctx.requireWorkspace()
      const current = running.get(ws.path)
      if (current) return { jobId: current }
      if (newTicketsOnly) {
        const job = ctx.jobs.start<AssignNewSummary>('themes.assign', 'Assigning new tickets to themes', {
          workspacePath: ws.path
        })
        job.result.then(
          () => changed(),
          () => undefined
        )
        return { jobId: job.id }
      }
      const job = ctx.jobs.start<RunThemesSummary>('themes.run', 'Finding themes', {
        workspacePath: ws.path,
        granularity: granularity ?? lastGranularity(ws.db) ?? 'normal'
      })
      running.set(ws.path, job.id)
      job.result.then(
        () => {
          running.delete(ws.path)
          changed()
        },
        () => running.delete(ws.path)
      )
      return { jobId: job.id }
    },
    'themes.rename': ({ id, label }) => edit(() => renameTheme(db(), id, label, Date.now()), false),
    'themes.merge': ({ ids, into }) => edit(() => mergeThemes(db(), ids, into, Date.now())),
    'themes.split': ({ id, parts }) => edit(() => splitTheme(db(), id, parts, Date.now())),
    'themes.exclude': ({ id, value }) => edit(() => setExcluded(db(), id, value, Date.now())),
    'themes.pin': ({ id, value }) => edit(() => setPinned(db(), id, value, Date.now()), false),
    'themes.moveTicket': ({ ticket, into }) => edit(() => moveTicket(db(), ticket, into, Date.now()), false),
    'themes.createFromRule': ({ label, rule }) => edit(() => createRuleTheme(db(), label, rule, Date.now())),
    'themes.assignments': () => themeAssignments(db()),
    'themes.exportTaxonomy': () => exportTaxonomy(db(), Date.now()),
    'themes.importTaxonomy': ({ taxonomy }) => edit(() => importTaxonomy(db(), taxonomy, Date.now()))
  }
}

/** The granularity of the last run, which a plain re-run keeps. */
function lastGranularity(
  db: ReturnType<ServiceContext['requireWorkspace']>['db']
): 'coarse' | 'normal' | 'fine' | null {
  const row = db.prepare('SELECT granularity FROM theme_runs ORDER BY id DESC LIMIT 1').get() as
    { granularity: 'coarse' | 'normal' | 'fine' } | undefined
  return row?.granularity ?? null
}
