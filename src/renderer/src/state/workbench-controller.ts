import type { AppInfo } from '@shared/api/contract'
import type { MethodInput, MethodName, MethodOutput } from '@shared/api/contract'
import type { WorkbenchClient } from '@shared/api/client'
import type { ApiErrorData } from '@shared/api/errors'
import type { WorkbenchEvent } from '@shared/api/events'
import type { TableSummary } from '@shared/domain/data-browser'
import type { JobInfo, JobKind } from '@shared/domain/jobs'
import type { AnalysisSettings } from '@shared/domain/settings'
import type {
  Layout,
  LanguageId,
  RecentWorkspace,
  ThemeId,
  UserPreferences,
  UserPreferencesPatch
} from '@shared/domain/preferences'
import { DEFAULT_PREFERENCES, LayoutSchema } from '@shared/domain/preferences'
import type { WorkspaceInfo } from '@shared/domain/workspace'
import type { MessageKey } from '@shared/i18n/catalog'
import { matchLanguage } from '@shared/i18n/translate'
import type { CommandContext } from '../commands/command-registry'
import { CommandRegistry } from '../commands/command-registry'
import type { Platform } from '../commands/keybinding'
import { toErrorData } from '../i18n/error-message'
import type { ImportFiles } from '../api/import-files'
import { jobTitleKey } from '../data/job-titles'
import { ExperimentsController } from './experiments-controller'
import { ImportController, unavailableImportFiles } from './import-controller'
import { ThemesController } from './themes-controller'
import type { DialogRequest } from './dialog-model'
import type { LogParams, LogState, LogText, Notification, Severity } from './log-model'
import { MAX_OUTPUT_LINES, MAX_PROBLEMS, appendBounded } from './log-model'
import type { InputBox, Picker, QuickInputState } from './quick-input-model'
import type { Store } from './store'
import { createStore } from './store'
import type { EditorInput, TabAction, TabState } from './tab-model'
import { EMPTY_TABS, activeTab, editorId, tabReducer } from './tab-model'

/** What the workbench knows about the backend and the open workspace. */
export interface SessionState {
  phase: 'booting' | 'ready'
  app: AppInfo | null
  workspace: WorkspaceInfo | null
  /** Increments whenever another workspace is opened, so editors reload their data. */
  workspaceEpoch: number
  /** Increments whenever the open workspace's data changed (an import, an undo), so views reload. */
  dataVersion: number
  tables: readonly TableSummary[] | null
  settings: AnalysisSettings | null
  recent: readonly RecentWorkspace[]
  jobs: readonly JobInfo[]
  /** False while the web host's event stream is down. */
  connected: boolean
  /** A workspace switch in progress (disables the Welcome actions). */
  switching: boolean
}

export interface PreferencesState {
  preferences: UserPreferences
  loaded: boolean
}

/** What the host environment tells the controller. */
export interface WorkbenchEnvironment {
  platform: Platform
  /** `navigator.language`. */
  systemLanguage: string
  /** The theme the operating system asks for. */
  systemTheme: ThemeId
  /** The host name the page was served from (web host), for the privacy indicator. */
  hostName?: string
  /** How files to import reach the backend (upload or path), chosen once at start. */
  importFiles?: ImportFiles
  now?: () => number
  setTimer?: (fn: () => void, ms: number) => unknown
  clearTimer?: (handle: unknown) => void
}

/** Options of {@link WorkbenchController.call}. */
export interface CallOptions {
  /** Errors (or errors with these codes) that the caller handles itself; they are not reported. */
  quiet?: boolean | readonly ApiErrorData['code'][]
  /** Shown as the source in Problems; defaults to the method name. */
  source?: string
}

/** A filter the tickets table applies when it opens (or at once, when it is open): a theme's tickets. */
export interface TicketsPreset {
  themes: readonly number[]
}

/** Hooks an open editor offers the workbench, e.g. saving before close. */
export interface EditorHooks {
  save?: () => Promise<boolean>
}

const LAYOUT_SAVE_DELAY_MS = 300
const NOTIFICATION_TIMEOUT_MS: Readonly<Record<Severity, number | undefined>> = {
  info: 6000,
  warning: 10000,
  error: undefined
}

/**
 * The workbench's state and behaviour, independent of React: parts read its stores and call its
 * methods; commands are registered against it. One instance per window.
 */
export class WorkbenchController {
  readonly session: Store<SessionState>
  readonly preferences: Store<PreferencesState>
  readonly tabs: Store<TabState>
  readonly log: Store<LogState>
  readonly notifications: Store<readonly Notification[]>
  readonly quickInput: Store<QuickInputState | null>
  readonly dialog: Store<DialogRequest | null>
  readonly systemTheme: Store<ThemeId>
  /** A theme shown while the theme picker is open; null when none. */
  readonly previewTheme: Store<ThemeId | null>
  /** An explanation shown on the Welcome page (e.g. why this window cannot switch workspaces). */
  readonly welcomeNotice: Store<{ key: MessageKey; params?: LogParams } | null>
  readonly commands: CommandRegistry
  /** Which view the panel shows. */
  readonly panelView: Store<'problems' | 'output'> = createStore<'problems' | 'output'>('problems')
  /** The import wizard, the import batches and undo. */
  readonly imports: ImportController
  /** The workspace's experiments, analysed with its settings, shared by the view and the editors. */
  readonly experiments: ExperimentsController
  /** The workspace's complaint themes, shared by the Themes view, the theme editors and the tickets filter. */
  readonly themes: ThemesController
  /** A filter for the tickets table to take over; the table clears it once applied. */
  readonly ticketsPreset: Store<TicketsPreset | null> = createStore<TicketsPreset | null>(null)
  /** Bumped when the priority list's inputs change (items, overrides, frozen quarters, themes). */
  readonly prioritiesVersion: Store<number> = createStore<number>(0)
  /** The quarter the Priorities editor and the report show; null: the latest with tickets. */
  readonly prioritiesQuarter: Store<string | null> = createStore<string | null>(null)

  private readonly editorHooks = new Map<string, EditorHooks>()
  private readonly jobReporters = new Map<JobKind, (job: JobInfo) => void>()
  private readonly now: () => number
  private readonly setTimer: (fn: () => void, ms: number) => unknown
  private readonly clearTimer: (handle: unknown) => void
  private pendingLayout: Partial<Layout> = {}
  private layoutTimer: unknown = null
  private pendingPreferenceSaves = 0
  private nextId = 1
  private unsubscribe: (() => void) | null = null
  private quickInputSeq = 0
  private disposed = false

  constructor(
    readonly client: WorkbenchClient,
    readonly env: WorkbenchEnvironment
  ) {
    this.now = env.now ?? (() => Date.now())
    this.setTimer = env.setTimer ?? ((fn, ms) => setTimeout(fn, ms))
    this.clearTimer = env.clearTimer ?? ((handle) => clearTimeout(handle as ReturnType<typeof setTimeout>))
    this.session = createStore<SessionState>({
      phase: 'booting',
      app: null,
      workspace: null,
      workspaceEpoch: 0,
      dataVersion: 0,
      tables: null,
      settings: null,
      recent: [],
      jobs: [],
      connected: true,
      switching: false
    })
    this.preferences = createStore<PreferencesState>({ preferences: DEFAULT_PREFERENCES, loaded: false })
    // The Welcome page opens on start, so the first frame already shows something useful.
    this.tabs = createStore<TabState>(tabReducer(EMPTY_TABS, { type: 'open', input: { kind: 'welcome' } }))
    this.log = createStore<LogState>({ problems: [], output: [] })
    this.notifications = createStore<readonly Notification[]>([])
    this.quickInput = createStore<QuickInputState | null>(null)
    this.dialog = createStore<DialogRequest | null>(null)
    this.systemTheme = createStore<ThemeId>(env.systemTheme)
    this.previewTheme = createStore<ThemeId | null>(null)
    this.welcomeNotice = createStore<{ key: MessageKey; params?: LogParams } | null>(null)
    this.commands = new CommandRegistry(env.platform)
    this.imports = new ImportController(this, env.importFiles ?? unavailableImportFiles)
    this.experiments = new ExperimentsController(this)
    this.themes = new ThemesController(this)
  }

  // ---------------------------------------------------------------- start-up

  /**
   * Loads everything the first screen needs in one parallel round trip. Calls that need a
   * workspace simply come back with `no_workspace` when none is open.
   */
  async boot(hooks: { onPreferences?: () => void } = {}): Promise<void> {
    this.unsubscribe = this.client.subscribe((event) => this.handleEvent(event))
    const quietNoWorkspace: CallOptions = { quiet: ['no_workspace'] }
    // Preferences decide the theme and layout of the first paint, so they are applied on arrival.
    const preferences = this.call('preferences.get', {}).then(
      (value) => this.preferences.set({ preferences: value, loaded: true }),
      () => this.preferences.set((p) => ({ ...p, loaded: true }))
    )
    void preferences.finally(() => hooks.onPreferences?.())
    const [app, workspace, tables, settings, recent, jobs] = await Promise.allSettled([
      this.call('app.info', {}),
      this.call('workspace.info', {}),
      this.call('data.tables', {}, quietNoWorkspace),
      this.call('settings.get', {}, quietNoWorkspace),
      this.call('workspace.recent', {}),
      this.call('jobs.list', {}),
      preferences
    ])
    if (this.disposed) return
    const ws = workspace.status === 'fulfilled' ? workspace.value : null
    this.session.set((s) => ({
      ...s,
      phase: 'ready',
      app: app.status === 'fulfilled' ? app.value : null,
      workspace: ws,
      tables: ws && tables.status === 'fulfilled' ? tables.value : null,
      settings: ws && settings.status === 'fulfilled' ? settings.value : null,
      recent: recent.status === 'fulfilled' ? recent.value : [],
      jobs: jobs.status === 'fulfilled' ? jobs.value : []
    }))
    if (ws) this.output('info', { key: 'output.workspaceOpened', params: { name: ws.name, path: ws.path } })
    else this.output('info', { key: 'output.noWorkspace' })
  }

  dispose(): void {
    this.disposed = true
    this.unsubscribe?.()
    this.flushLayout()
  }

  // ---------------------------------------------------------------- API

  /** Calls the API; a failure is reported (notification, Problems, Output) and rethrown. */
  async call<M extends MethodName>(
    method: M,
    args: MethodInput<M>,
    options: CallOptions = {}
  ): Promise<MethodOutput<M>> {
    try {
      return await this.client.call(method, args)
    } catch (error) {
      const data = toErrorData(error)
      const quiet =
        options.quiet === true || (Array.isArray(options.quiet) && options.quiet.includes(data.code))
      if (!quiet) this.reportError(data, options.source ?? method)
      throw error
    }
  }

  /** Records an error in Problems and Output and shows it as a notification. */
  reportError(error: ApiErrorData, source: string): void {
    this.recordError(error, source)
    this.notify(
      'error',
      { error },
      { label: 'notification.showProblems', commandId: 'workbench.showProblems' }
    )
  }

  /** Records an error in Problems and Output without a notification (a view shows it already). */
  recordError(error: ApiErrorData, source: string): void {
    const time = this.now()
    this.log.set((log) => ({
      ...log,
      problems: appendBounded(
        log.problems,
        { id: this.nextId++, severity: 'error', text: { error }, source, time },
        MAX_PROBLEMS
      )
    }))
    this.output('error', { key: 'output.error', params: { source, message: error.message } })
  }

  /** Adds many warnings to Problems at once (an import's rejected rows), without Output lines. */
  addWarnings(texts: readonly LogText[], source: string): void {
    if (texts.length === 0) return
    const time = this.now()
    this.log.set((log) => {
      const added = texts.map((text) => ({
        id: this.nextId++,
        severity: 'warning' as const,
        text,
        source,
        time
      }))
      const problems = [...log.problems, ...added]
      return {
        ...log,
        problems: problems.length > MAX_PROBLEMS ? problems.slice(problems.length - MAX_PROBLEMS) : problems
      }
    })
  }

  /** Lets a capability report its own jobs' failures (e.g. inline in a view) instead of a notification. */
  registerJobReporter(kind: JobKind, report: (job: JobInfo) => void): () => void {
    this.jobReporters.set(kind, report)
    return () => {
      if (this.jobReporters.get(kind) === report) this.jobReporters.delete(kind)
    }
  }

  /** Records a warning in Problems (and Output) without interrupting with a notification. */
  reportWarning(text: LogText, source: string): void {
    this.log.set((log) => ({
      ...log,
      problems: appendBounded(
        log.problems,
        { id: this.nextId++, severity: 'warning', text, source, time: this.now() },
        MAX_PROBLEMS
      )
    }))
    this.output('warning', text)
  }

  /** Appends a line to the Output log. */
  output(severity: Severity, text: LogText): void {
    this.log.set((log) => ({
      ...log,
      output: appendBounded(
        log.output,
        { id: this.nextId++, severity, text, time: this.now() },
        MAX_OUTPUT_LINES
      )
    }))
  }

  clearProblems(): void {
    this.log.set((log) => ({ ...log, problems: [] }))
  }

  clearOutput(): void {
    this.log.set((log) => ({ ...log, output: [] }))
  }

  /** Shows a notification; the same text twice in a row is shown once. */
  notify(severity: Severity, text: LogText, action?: Notification['action']): void {
    const timeoutMs = NOTIFICATION_TIMEOUT_MS[severity]
    const notification: Notification = {
      id: this.nextId++,
      severity,
      text,
      ...(action ? { action } : {}),
      ...(timeoutMs ? { timeoutMs } : {})
    }
    const same = JSON.stringify(text)
    this.notifications.set((list) => [
      ...list.filter((n) => JSON.stringify(n.text) !== same).slice(-2),
      notification
    ])
  }

  dismissNotification(id: number): void {
    this.notifications.set((list) => list.filter((n) => n.id !== id))
  }

  // ---------------------------------------------------------------- events

  /** Applies an event the backend pushed. */
  handleEvent(event: WorkbenchEvent): void {
    switch (event.type) {
      case 'job.updated':
        this.onJobUpdated(event.job)
        break
      case 'workspace.changed':
        this.onWorkspaceChanged(event.workspace)
        break
      case 'settings.changed':
        this.session.set((s) => ({ ...s, settings: event.settings }))
        break
      case 'preferences.changed':
        // Our own saves echo back; while one is in flight the local state is newer.
        if (this.pendingPreferenceSaves === 0 && this.layoutTimer === null) {
          this.preferences.set({ preferences: event.preferences, loaded: true })
        }
        break
      case 'themes.changed':
        this.themes.refresh()
        this.prioritiesChanged()
        break
      case 'priorities.changed':
        this.prioritiesChanged()
        break
      case 'command.run':
        void this.runCommand(event.command)
        break
    }
  }

  /** Tells the controller whether the event stream is connected; resyncs after a reconnect. */
  setConnected(connected: boolean): void {
    const was = this.session.get().connected
    this.session.set((s) => (s.connected === connected ? s : { ...s, connected }))
    if (!was && connected) {
      this.output('info', { key: 'output.reconnected' })
      void this.refreshWorkspace()
    } else if (was && !connected) {
      this.output('warning', { key: 'output.disconnected' })
    }
  }

  private onJobUpdated(job: JobInfo): void {
    const previous = this.session.get().jobs.find((j) => j.id === job.id)
    this.session.set((s) => {
      const others = s.jobs.filter((j) => j.id !== job.id)
      return { ...s, jobs: [...others, job].sort((a, b) => a.startedAt - b.startedAt) }
    })
    this.themes.onJobUpdated(job, previous)
    const params = { title: this.jobTitleParam(job) }
    if (!previous && (job.state === 'queued' || job.state === 'running')) {
      this.output('info', { key: 'output.jobStarted', params })
    }
    if (previous?.state === job.state) return
    if (job.state === 'succeeded') this.output('info', { key: 'output.jobSucceeded', params })
    if (job.state === 'cancelled') this.output('warning', { key: 'output.jobCancelled', params })
    if (job.state === 'failed') {
      const reporter = this.jobReporters.get(job.kind)
      if (reporter) reporter(job)
      else if (job.error) this.reportError(job.error, job.kind)
      else this.output('error', { key: 'output.jobFailed', params })
    }
  }

  /** Job titles come from the backend in English; known kinds are shown translated instead. */
  private jobTitleParam(job: JobInfo): string | { key: MessageKey } {
    const key = jobTitleKey(job)
    return key ? { key } : job.title
  }

  private onWorkspaceChanged(workspace: WorkspaceInfo | null): void {
    const previous = this.session.get().workspace
    const switched = previous?.path !== workspace?.path
    this.session.set((s) => ({
      ...s,
      workspace,
      workspaceEpoch: switched ? s.workspaceEpoch + 1 : s.workspaceEpoch,
      dataVersion: s.dataVersion + 1,
      ...(switched ? { tables: null, settings: null } : {})
    }))
    if (!switched) {
      // The same workspace with new contents (an import, an undo): the datasets' counts follow.
      if (workspace) void this.refreshTables()
      return
    }
    if (workspace) {
      this.output('info', {
        key: 'output.workspaceOpened',
        params: { name: workspace.name, path: workspace.path }
      })
      this.welcomeNotice.set(null)
      void this.refreshWorkspace()
    } else {
      this.output('info', { key: 'output.workspaceClosed' })
      // Table editors of a closed workspace would only show errors.
      for (const tab of this.tabs.get().tabs) {
        const kind = tab.input.kind
        if (
          kind === 'table' ||
          kind === 'batch' ||
          kind === 'sql' ||
          kind === 'import' ||
          kind === 'metrics' ||
          kind === 'experiment' ||
          kind === 'theme'
        ) {
          this.dispatchTabs({ type: 'close', id: tab.id })
        }
      }
    }
    void this.refreshRecent()
  }

  /** Reloads workspace facts, table counts and settings. */
  async refreshWorkspace(): Promise<void> {
    const quiet: CallOptions = { quiet: ['no_workspace'] }
    const [workspace, tables, settings] = await Promise.allSettled([
      this.call('workspace.info', {}),
      this.call('data.tables', {}, quiet),
      this.call('settings.get', {}, quiet)
    ])
    if (workspace.status !== 'fulfilled') return
    const ws = workspace.value
    this.session.set((s) => ({
      ...s,
      workspace: ws,
      tables: ws && tables.status === 'fulfilled' ? tables.value : null,
      settings: ws && settings.status === 'fulfilled' ? settings.value : null
    }))
  }

  /** Reloads the tables' row counts (after an import or an undo). */
  async refreshTables(): Promise<void> {
    try {
      const tables = await this.call('data.tables', {}, { quiet: ['no_workspace'] })
      this.session.set((s) => (s.workspace ? { ...s, tables } : s))
    } catch {
      // Reported by call(); the previous counts stay.
    }
  }

  /** Tells the priority views to load their list again. */
  prioritiesChanged(): void {
    this.prioritiesVersion.set((v) => v + 1)
  }

  /** Tells views that the workspace's data changed here (the backend's event may come later). */
  markDataChanged(): void {
    this.session.set((s) => ({ ...s, dataVersion: s.dataVersion + 1 }))
  }

  private async refreshRecent(): Promise<void> {
    try {
      const recent = await this.call('workspace.recent', {}, { quiet: true })
      this.session.set((s) => ({ ...s, recent }))
    } catch {
      // The recent list is a convenience; the Welcome page keeps the previous one.
    }
  }

  // ---------------------------------------------------------------- preferences

  /** The language in effect: the user's choice, else the system's. */
  language(): LanguageId {
    return this.preferences.get().preferences.language ?? matchLanguage(this.env.systemLanguage)
  }

  /** The theme in effect: a preview, else the user's choice, else the system's. */
  theme(): ThemeId {
    return this.previewTheme.get() ?? this.preferences.get().preferences.theme ?? this.systemTheme.get()
  }

  setTheme(theme: ThemeId | null): Promise<void> {
    this.previewTheme.set(null)
    this.output('info', {
      key: 'output.themeChanged',
      params: { theme: { key: `theme.${theme ?? 'system'}` } }
    })
    return this.updatePreferences({ theme })
  }

  setLanguage(language: LanguageId | null): Promise<void> {
    this.output('info', {
      key: 'output.languageChanged',
      params: { language: { key: `language.${language ?? 'system'}` } }
    })
    return this.updatePreferences({ language })
  }

  /** Applies a preference change at once and saves it. */
  async updatePreferences(patch: Omit<UserPreferencesPatch, 'layout'>): Promise<void> {
    this.preferences.set((p) => ({ ...p, preferences: { ...p.preferences, ...patch } }))
    this.pendingPreferenceSaves += 1
    try {
      const saved = await this.call('preferences.update', { patch }, { source: 'preferences.update' })
      if (this.pendingPreferenceSaves === 1 && this.layoutTimer === null) {
        this.preferences.set((p) => ({ ...p, preferences: saved }))
      }
    } catch {
      // Reported by call(); the choice stays in effect for this session.
    } finally {
      this.pendingPreferenceSaves -= 1
    }
  }

  /**
   * Changes the layout now and saves it a moment later, so that a drag or a run of key presses
   * becomes one write.
   */
  setLayout(patch: Partial<Layout>, options: { persist?: 'debounced' | 'now' | 'no' } = {}): void {
    const clamped = clampLayout(patch)
    this.preferences.set((p) => ({
      ...p,
      preferences: { ...p.preferences, layout: { ...p.preferences.layout, ...clamped } }
    }))
    const persist = options.persist ?? 'debounced'
    if (persist === 'no') return
    this.pendingLayout = { ...this.pendingLayout, ...clamped }
    if (this.layoutTimer !== null) this.clearTimer(this.layoutTimer)
    this.layoutTimer = null
    if (persist === 'now') {
      this.flushLayout()
      return
    }
    this.layoutTimer = this.setTimer(() => {
      this.layoutTimer = null
      this.flushLayout()
    }, LAYOUT_SAVE_DELAY_MS)
  }

  /** Writes pending layout changes now. */
  flushLayout(): void {
    if (this.layoutTimer !== null) {
      this.clearTimer(this.layoutTimer)
      this.layoutTimer = null
    }
    const layout = this.pendingLayout
    if (Object.keys(layout).length === 0) return
    this.pendingLayout = {}
    this.pendingPreferenceSaves += 1
    void this.call('preferences.update', { patch: { layout } })
      .catch(() => undefined)
      .finally(() => {
        this.pendingPreferenceSaves -= 1
      })
  }

  // ---------------------------------------------------------------- editors

  dispatchTabs(action: TabAction): void {
    this.tabs.set((state) => tabReducer(state, action))
  }

  openEditor(input: EditorInput): void {
    this.dispatchTabs({ type: 'open', input })
  }

  openTable(table: TableSummary['table']): void {
    this.openEditor({ kind: 'table', table })
  }

  /** Opens the tickets table filtered by themes (replacing the filter it had). */
  openTickets(preset: TicketsPreset): void {
    this.ticketsPreset.set({ themes: [...preset.themes] })
    this.openTable('tickets')
  }

  /** Lets an open editor offer hooks (saving); returns a function that withdraws them. */
  registerEditorHooks(id: string, hooks: EditorHooks): () => void {
    this.editorHooks.set(id, hooks)
    return () => {
      if (this.editorHooks.get(id) === hooks) this.editorHooks.delete(id)
    }
  }

  setEditorDirty(id: string, dirty: boolean): void {
    this.dispatchTabs({ type: 'setDirty', id, dirty })
  }

  /** Saves the active editor, if it can be saved. */
  async saveActiveEditor(): Promise<boolean> {
    const tab = activeTab(this.tabs.get())
    const save = tab ? this.editorHooks.get(tab.id)?.save : undefined
    return save ? save() : false
  }

  /** Closes an editor; asks first when it has unsaved changes. Returns false if the user kept it. */
  async closeEditor(id: string): Promise<boolean> {
    const tab = this.tabs.get().tabs.find((t) => t.id === id)
    if (!tab) return true
    if (tab.dirty) {
      this.dispatchTabs({ type: 'activate', id })
      const choice = await this.ask({
        title: 'dialog.unsaved.title',
        message: 'dialog.unsaved.message',
        params: { name: { key: `editor.${tab.input.kind}.title` } },
        buttons: [
          { id: 'save', label: 'dialog.unsaved.save', primary: true },
          { id: 'discard', label: 'dialog.unsaved.discard' },
          { id: 'cancel', label: 'dialog.cancel' }
        ]
      })
      if (choice === 'save') {
        const saved = (await this.editorHooks.get(id)?.save?.()) ?? false
        if (!saved) return false
      } else if (choice !== 'discard') {
        return false
      }
    }
    this.dispatchTabs({ type: 'close', id })
    return true
  }

  async closeActiveEditor(): Promise<void> {
    const id = this.tabs.get().activeId
    if (id) await this.closeEditor(id)
  }

  /** Closes every editor but the active one. */
  async closeOtherEditors(): Promise<void> {
    const { activeId, tabs } = this.tabs.get()
    for (const tab of [...tabs]) {
      if (tab.id !== activeId && !(await this.closeEditor(tab.id))) return
    }
  }

  /** Closes every editor, one by one so that each unsaved one can be kept. */
  async closeAllEditors(): Promise<void> {
    for (const tab of [...this.tabs.get().tabs]) {
      if (!(await this.closeEditor(tab.id))) return
    }
  }

  /** Shows a modal question and waits for the answer. */
  ask(request: Omit<DialogRequest, 'resolve'>): Promise<string | null> {
    return new Promise((resolve) => {
      this.dialog.get()?.resolve(null)
      this.dialog.set({
        ...request,
        resolve: (choice) => {
          this.dialog.set(null)
          resolve(choice)
        }
      })
    })
  }

  // ---------------------------------------------------------------- workspaces

  private canSwitchWorkspace(): boolean {
    return this.session.get().app?.capabilities.switchWorkspace ?? false
  }

  /** In a window that serves one workspace, explains how to work on another instead of failing. */
  private explainSingleWorkspace(): void {
    const name = this.session.get().workspace?.name ?? '—'
    const notice = { key: 'welcome.singleWorkspace', params: { name } } as const
    this.welcomeNotice.set(notice)
    this.notify('info', notice)
  }

  private async switchWorkspace(run: () => Promise<WorkspaceInfo | null>): Promise<void> {
    if (!this.canSwitchWorkspace()) {
      this.explainSingleWorkspace()
      return
    }
    if (this.session.get().switching) return
    this.session.set((s) => ({ ...s, switching: true }))
    try {
      const info = await run()
      if (info) this.onWorkspaceChanged(info)
    } catch {
      // Reported by call().
    } finally {
      this.session.set((s) => ({ ...s, switching: false }))
    }
  }

  newWorkspace(): Promise<void> {
    return this.switchWorkspace(async () => {
      const path = await this.call('workspace.pickPath', { mode: 'create' })
      return path ? this.call('workspace.create', { path }) : null
    })
  }

  openWorkspace(): Promise<void> {
    return this.switchWorkspace(async () => {
      const path = await this.call('workspace.pickPath', { mode: 'open' })
      return path ? this.call('workspace.open', { path }) : null
    })
  }

  openRecent(path: string): Promise<void> {
    return this.switchWorkspace(() => this.call('workspace.open', { path }))
  }

  openDemo(): Promise<void> {
    return this.switchWorkspace(() => this.call('workspace.openDemo', {}))
  }

  async closeWorkspace(): Promise<void> {
    if (!this.canSwitchWorkspace()) {
      this.explainSingleWorkspace()
      return
    }
    try {
      await this.call('workspace.close', {})
      this.onWorkspaceChanged(null)
    } catch {
      // Reported by call().
    }
  }

  async forgetRecent(path: string): Promise<void> {
    try {
      const recent = await this.call('workspace.forgetRecent', { path })
      this.session.set((s) => ({ ...s, recent }))
    } catch {
      // Reported by call().
    }
  }

  async cancelJob(id: string): Promise<void> {
    try {
      const job = await this.call('jobs.cancel', { id })
      this.onJobUpdated(job)
    } catch {
      // Reported by call().
    }
  }

  // ---------------------------------------------------------------- quick input and commands

  /** Opens the palette: Quick Open, or commands when `value` starts with `>`. */
  showPalette(value: string): void {
    this.quickInput.set({ mode: 'palette', value, seq: ++this.quickInputSeq })
  }

  showPicker(picker: Picker): void {
    const current = this.quickInput.get()
    if (current?.mode === 'pick') current.picker.onCancel?.()
    if (current?.mode === 'input') current.input.onCancel?.()
    this.quickInput.set({ mode: 'pick', picker, seq: ++this.quickInputSeq })
  }

  /** Asks for a line of text in the quick input (VS Code's input box). */
  showInput(input: InputBox): void {
    const current = this.quickInput.get()
    if (current?.mode === 'pick') current.picker.onCancel?.()
    if (current?.mode === 'input') current.input.onCancel?.()
    this.quickInput.set({ mode: 'input', input, seq: ++this.quickInputSeq })
  }

  closeQuickInput(): void {
    this.quickInput.set(null)
  }

  /** The facts `when` clauses test, as of now. */
  context(inTextInput = false): CommandContext {
    const tabs = this.tabs.get()
    const active = activeTab(tabs)
    const layout = this.preferences.get().preferences.layout
    const session = this.session.get()
    return {
      hasWorkspace: session.workspace !== null,
      canSwitchWorkspace: session.app?.capabilities.switchWorkspace ?? false,
      editorCount: tabs.tabs.length,
      activeEditorKind: active?.input.kind ?? null,
      activeEditorDirty: active?.dirty ?? false,
      panelVisible: layout.panelVisible,
      sideBarVisible: layout.sideBarVisible,
      quickInputOpen: this.quickInput.get() !== null,
      inTextInput
    }
  }

  /** Runs a command by id; failures are reported like failed API calls. */
  async runCommand(id: string): Promise<void> {
    try {
      const ran = await this.commands.run(id, this.context())
      if (!ran && !this.commands.has(id)) {
        this.reportWarning({ key: 'output.unknownCommand', params: { id } }, 'commands')
      }
    } catch (error) {
      const data = toErrorData(error)
      // API failures were reported where they happened; anything else is reported here.
      if (!(
        typeof error === 'object' &&
        error !== null &&
        (error as { name?: unknown }).name === 'ApiError'
      )) {
        this.reportError(data, id)
      }
    }
  }

  /** Whether an editor with this input is open. */
  isOpen(input: EditorInput): boolean {
    const id = editorId(input)
    return this.tabs.get().tabs.some((t) => t.id === id)
  }

  /** Shows a part of the panel. */
  showPanel(view: 'problems' | 'output'): void {
    this.panelView.set(view)
    this.setLayout({ panelVisible: true })
  }
}

/** Keeps layout values inside the schema's bounds, so a wild drag cannot produce an invalid save. */
export function clampLayout(patch: Partial<Layout>): Partial<Layout> {
  const shape = LayoutSchema.shape
  const out: Partial<Layout> = { ...patch }
  const bounds = (schema: typeof shape.sideBarWidth): [number, number] => [
    schema.minValue ?? 0,
    schema.maxValue ?? Number.MAX_SAFE_INTEGER
  ]
  if (patch.sideBarWidth !== undefined) {
    const [min, max] = bounds(shape.sideBarWidth)
    out.sideBarWidth = Math.round(Math.min(max, Math.max(min, patch.sideBarWidth)))
  }
  if (patch.panelHeight !== undefined) {
    const [min, max] = bounds(shape.panelHeight)
    out.panelHeight = Math.round(Math.min(max, Math.max(min, patch.panelHeight)))
  }
  return out
}
