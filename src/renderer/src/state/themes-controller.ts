import type { MethodInput } from '@shared/api/contract'
import type { ApiErrorData } from '@shared/api/errors'
import type { JobInfo } from '@shared/domain/jobs'
import type {
  Taxonomy,
  ThemeEditResult,
  ThemeGranularity,
  ThemesOverview,
  ThemeSummary
} from '@shared/domain/themes'
import { TaxonomySchema } from '@shared/domain/themes'
import { toErrorData } from '../i18n/error-message'
import type { Store } from './store'
import { createStore } from './store'
import type { SessionState, WorkbenchController } from './workbench-controller'

/** The themes on screen and the list being loaded. */
export interface ThemesState {
  /** The key `overview` and `error` belong to; null before the first answer. */
  key: string | null
  overview: ThemesOverview | null
  error: ApiErrorData | null
  /** The key being loaded; null when idle. */
  pending: string | null
}

/** Background jobs that change the themes: a run, and new tickets assigned after an import. */
const THEME_JOBS: ReadonlySet<string> = new Set(['themes.run', 'themes.assign'])

const isRunning = (job: JobInfo): boolean => job.state === 'running' || job.state === 'queued'

/**
 * What the list depends on: the workspace and its data, the quarter shown, and every change of
 * the themes themselves (an edit, a run, the backend's `themes.changed`). Null without a workspace.
 */
export function themesKey(session: SessionState, quarter: string | null, version: number): string | null {
  if (!session.workspace) return null
  return `${session.workspaceEpoch}|${session.dataVersion}|${quarter ?? ''}|${version}`
}

/** Why a taxonomy file cannot be imported, in a few lines (the first zod issues, with their paths). */
export function taxonomyIssues(value: unknown): string | null {
  const parsed = TaxonomySchema.safeParse(value)
  if (parsed.success) return null
  return parsed.error.issues
    .slice(0, 3)
    .map((issue) => {
      const path = issue.path
        .map((part, i) => (typeof part === 'number' ? `[${part}]` : `${i > 0 ? '.' : ''}${String(part)}`))
        .join('')
      return path ? `${path}: ${issue.message}` : issue.message
    })
    .join('; ')
}

/**
 * The workspace's complaint themes, loaded once (`themes.list` for the chosen quarter) and shared
 * by the side-bar view, every theme editor and the tickets filter; and the edits, each of which
 * reloads them. Failures are reported by {@link WorkbenchController.call}.
 */
export class ThemesController {
  readonly state: Store<ThemesState> = createStore<ThemesState>({
    key: null,
    overview: null,
    error: null,
    pending: null
  })
  /** The quarter the user picked; null for the latest with tickets. */
  readonly quarter: Store<string | null> = createStore<string | null>(null)
  /** Bumped by every change of the themes, so that views and editors reload. */
  readonly version: Store<number> = createStore(0)
  /** A run was asked for and its job has not shown up yet. */
  readonly starting: Store<boolean> = createStore(false)
  private epoch = 0

  constructor(private readonly wb: WorkbenchController) {}

  /** The key of the list the workbench calls for now. */
  currentKey(): string | null {
    return themesKey(this.wb.session.get(), this.quarter.get(), this.version.get())
  }

  /** Loads the list the workbench calls for, unless it is on screen or on its way. */
  ensure(): void {
    const session = this.wb.session.get()
    // Another workspace has other quarters: the choice does not carry over.
    if (session.workspaceEpoch !== this.epoch) {
      this.epoch = session.workspaceEpoch
      this.quarter.set(null)
    }
    const key = this.currentKey()
    const state = this.state.get()
    if (key === null) {
      if (state.key !== null || state.pending !== null) {
        this.state.set({ key: null, overview: null, error: null, pending: null })
      }
      return
    }
    if (state.key === key || state.pending === key) return
    this.state.set((s) => ({ ...s, pending: key }))
    const quarter = this.quarter.get()
    this.wb.call('themes.list', quarter ? { quarter } : {}, { quiet: true }).then(
      (overview) => {
        if (this.state.get().pending !== key) return
        this.state.set({ key, overview, error: null, pending: null })
        this.retitleTabs(overview.themes)
      },
      (e: unknown) => {
        if (this.state.get().pending !== key) return
        const error = toErrorData(e)
        if (error.code !== 'no_workspace') this.wb.recordError(error, 'themes.list')
        this.state.set((s) => ({ ...s, key, error, pending: null }))
      }
    )
  }

  /** The list the workbench calls for, once loaded (null without a workspace or when it failed). */
  async loaded(): Promise<ThemesOverview | null> {
    this.ensure()
    const settled = (): boolean => this.state.get().pending === null
    if (!settled()) {
      await new Promise<void>((resolve) => {
        const stop = this.state.subscribe(() => {
          if (!settled()) return
          stop()
          resolve()
        })
      })
    }
    return this.state.get().overview
  }

  /** Loads the themes again (the Refresh action, the backend's `themes.changed`, an edit). */
  refresh(): void {
    this.version.set((n) => n + 1)
    this.ensure()
  }

  /** Shows another quarter's figures. */
  setQuarter(quarter: string | null): void {
    this.quarter.set(quarter)
    this.ensure()
  }

  /** The running (or queued) theme job, if any: a run, or new tickets being assigned. */
  runningJob(): JobInfo | undefined {
    return this.wb.session.get().jobs.find((j) => THEME_JOBS.has(j.kind) && isRunning(j))
  }

  /** Follows the theme jobs: once one ends the themes are loaded again (whatever the events say). */
  onJobUpdated(job: JobInfo, previous: JobInfo | undefined): void {
    if (!THEME_JOBS.has(job.kind)) return
    if (job.kind === 'themes.run') this.starting.set(false)
    if (!isRunning(job) && (previous === undefined || isRunning(previous))) this.refresh()
  }

  /** A theme of the list on screen, by id. */
  find(id: number): ThemeSummary | undefined {
    return this.state.get().overview?.themes.find((t) => t.id === id)
  }

  // ---------------------------------------------------------------- edits

  /** Clusters every ticket again (a background job; the status bar shows its progress). */
  async run(granularity?: ThemeGranularity): Promise<void> {
    if (this.runningJob()?.kind === 'themes.run' || this.starting.get()) {
      this.wb.notify('info', { key: 'themes.run.already' })
      return
    }
    this.starting.set(true)
    try {
      await this.wb.call('themes.run', granularity ? { granularity } : {})
    } catch {
      this.starting.set(false)
      // Reported by call().
    }
  }

  /** Renames a theme; an empty label gives it back its generated one. */
  rename(theme: ThemeSummary, label: string): Promise<boolean> {
    const trimmed = label.trim()
    return this.edit('themes.rename', { id: theme.id, label: trimmed }, (): DoneText =>
      trimmed === ''
        ? { key: 'themes.done.restored', params: { label: theme.generatedLabel } }
        : { key: 'themes.done.renamed', params: { from: theme.label, to: trimmed } }
    )
  }

  merge(theme: ThemeSummary, into: ThemeSummary): Promise<boolean> {
    return this.edit('themes.merge', { ids: [theme.id], into: into.id }, (r) => ({
      key: 'themes.done.merged',
      params: { from: theme.label, into: into.label, count: r.tickets }
    }))
  }

  split(theme: ThemeSummary, parts?: number): Promise<boolean> {
    return this.edit('themes.split', parts ? { id: theme.id, parts } : { id: theme.id }, (r) => ({
      key: 'themes.done.split',
      params: { label: theme.label, count: r.themes.length }
    }))
  }

  exclude(theme: ThemeSummary, value: boolean): Promise<boolean> {
    return this.edit('themes.exclude', { id: theme.id, value }, () => ({
      key: value ? 'themes.done.excluded' : 'themes.done.included',
      params: { label: theme.label }
    }))
  }

  pin(theme: ThemeSummary, value: boolean): Promise<boolean> {
    return this.edit('themes.pin', { id: theme.id, value }, () => null)
  }

  moveTicket(ticket: { id: number; ticketId: string }, into: ThemeSummary): Promise<boolean> {
    return this.edit('themes.moveTicket', { ticket: ticket.id, into: into.id }, () => ({
      key: 'themes.done.moved',
      params: { ticket: ticket.ticketId, into: into.label }
    }))
  }

  /** Creates a theme of the tickets a rule matches and opens it. */
  async createFromRule(label: string, rule: string): Promise<boolean> {
    let created: number | undefined
    const done = await this.edit('themes.createFromRule', { label: label.trim(), rule: rule.trim() }, (r) => {
      created = r.themes[0]
      return { key: 'themes.done.created', params: { label: label.trim(), count: r.tickets } }
    })
    if (done && created !== undefined) this.wb.openEditor({ kind: 'theme', id: created, label: label.trim() })
    return done
  }

  /** The taxonomy as a file's contents (pretty JSON), or null when the export failed (reported). */
  async exportTaxonomy(): Promise<string | null> {
    try {
      const taxonomy: Taxonomy = await this.wb.call('themes.exportTaxonomy', {})
      return `${JSON.stringify(taxonomy, null, 2)}\n`
    } catch {
      return null
    }
  }

  /**
   * Imports a taxonomy file's text: it must be JSON and a Loopbench taxonomy (checked here with
   * the contract's schema, so that the user reads which field is wrong before anything is sent).
   */
  async importTaxonomy(name: string, text: string): Promise<boolean> {
    let value: unknown
    try {
      value = JSON.parse(text.replace(/^\uFEFF/, ''))
    } catch (error) {
      this.fail({ key: 'themes.taxonomy.notJson', params: { file: name, reason: (error as Error).message } })
      return false
    }
    const issues = taxonomyIssues(value)
    if (issues !== null) {
      this.fail({ key: 'themes.taxonomy.invalid', params: { file: name, issues } })
      return false
    }
    return this.edit('themes.importTaxonomy', { taxonomy: value as Taxonomy }, (r) => ({
      key: 'themes.done.imported',
      params: { file: name, count: r.themes.length }
    }))
  }

  private fail(text: {
    key: 'themes.taxonomy.notJson' | 'themes.taxonomy.invalid'
    params: Record<string, string>
  }): void {
    this.wb.output('error', text)
    this.wb.notify('error', text, { label: 'themes.action.showOutput', commandId: 'workbench.showOutput' })
  }

  /** Runs an edit, says what it did, and reloads the themes. Returns false when it failed (reported). */
  private async edit<M extends EditMethod>(
    method: M,
    args: MethodInput<M>,
    done: (result: ThemeEditResult) => DoneText | null
  ): Promise<boolean> {
    try {
      // Every edit answers with what it changed (see the contract); the cast names that type.
      const result = (await this.wb.call(method, args)) as ThemeEditResult
      const text = done(result)
      if (text) {
        this.wb.output('info', text)
        this.wb.notify('info', text)
      }
      return true
    } catch {
      return false
    } finally {
      this.refresh()
    }
  }

  /** Gives open theme editors the labels of the list (a rename shows in the tab at once). */
  private retitleTabs(themes: readonly ThemeSummary[]): void {
    for (const tab of this.wb.tabs.get().tabs) {
      if (tab.input.kind !== 'theme') continue
      const id = tab.input.id
      const theme = themes.find((t) => t.id === id)
      if (theme && theme.label !== tab.input.label) {
        this.wb.dispatchTabs({ type: 'retitle', input: { kind: 'theme', id, label: theme.label } })
      }
    }
  }
}

type EditMethod =
  | 'themes.rename'
  | 'themes.merge'
  | 'themes.split'
  | 'themes.exclude'
  | 'themes.pin'
  | 'themes.moveTicket'
  | 'themes.createFromRule'
  | 'themes.importTaxonomy'

type DoneText = {
  key:
    | 'themes.done.restored'
    | 'themes.done.renamed'
    | 'themes.done.merged'
    | 'themes.done.split'
    | 'themes.done.excluded'
    | 'themes.done.included'
    | 'themes.done.moved'
    | 'themes.done.created'
    | 'themes.done.imported'
  params: Record<string, string | number>
}
