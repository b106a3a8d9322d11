import type { ApiErrorData } from '@shared/api/errors'
import { ApiError } from '@shared/api/errors'
import type { RecordKind } from '@shared/domain/field-roles'
import type { ImportBatchInfo, ImportResult, ReadOptions, UndoResult } from '@shared/domain/import'
import type { JobInfo } from '@shared/domain/jobs'
import type { ImportFiles, PreparedFile } from '../api/import-files'
import type { MappingEdit } from '../editors/import/import-mapping'
import type { ImportDefaults, WizardAction, WizardState } from '../editors/import/import-wizard-model'
import {
  INITIAL_WIZARD,
  inspectRequest,
  startRequest,
  wizardReducer
} from '../editors/import/import-wizard-model'
import { toErrorData } from '../i18n/error-message'
import { createI18n } from '../i18n/i18n'
import type { LogText } from './log-model'
import { MAX_PROBLEMS } from './log-model'
import type { Store } from './store'
import { createStore } from './store'
import type { WorkbenchController } from './workbench-controller'

/** The import batches the Explorer lists, newest first. */
export interface BatchesState {
  list: readonly ImportBatchInfo[] | null
  loading: boolean
  error: ApiErrorData | null
}

/** What an undo needs to know about a batch to ask first and report after. */
export type UndoTarget = Pick<ImportBatchInfo, 'id' | 'sourceName' | 'inserted' | 'updated'>

/** Rejects fetched per request when listing them all in Problems. */
const REJECTS_PAGE = 1000
/** Batch list refreshes that follow one another closely become one request. */
const BATCH_REFRESH_DELAY_MS = 150

/** Files cannot be imported in this environment (used where no transport is given, e.g. tests). */
export const unavailableImportFiles: ImportFiles = {
  mode: 'path',
  picker: 'native',
  prepare: () => {
    const source = Promise.reject(new ApiError('not_supported', 'Files cannot be imported here.'))
    source.catch(() => undefined)
    return { source, abort: () => undefined }
  }
}

/** The table an import of a kind fills, for "Open the table". */
export function tableOfKind(kind: RecordKind): 'tickets' | 'survey_responses' | 'customers' | 'experiments' {
  switch (kind) {
    case 'tickets':
      return 'tickets'
    case 'survey_responses':
      return 'survey_responses'
    case 'customers':
      return 'customers'
    default:
      return 'experiments'
  }
}

/** The name of a file at a path, on any platform (the renderer has no `path` module). */
export function fileNameOf(path: string): string {
  return path.split(/[\\/]/).filter(Boolean).pop() ?? path
}

/**
 * The import capability's state and behaviour, independent of React: the wizard (a pure reducer
 * driven from here), the batches list, undo, and reporting to Problems and Output.
 */
export class ImportController {
  readonly wizard: Store<WizardState> = createStore<WizardState>(INITIAL_WIZARD)
  readonly batches: Store<BatchesState> = createStore<BatchesState>({
    list: null,
    loading: false,
    error: null
  })

  private prepared: PreparedFile | null = null
  private inspectSeq = 0
  private cancelRequested = false
  private readonly finished = new Set<string>()
  private batchTimer: ReturnType<typeof setTimeout> | null = null
  private lastWorkspace: unknown = null
  private lastPath: string | null = null
  /** A view has shown the batches, so they are kept up to date from then on. */
  private batchesWanted = false

  constructor(
    private readonly wb: WorkbenchController,
    readonly files: ImportFiles
  ) {
    wb.session.subscribe(() => this.onSession())
    wb.registerJobReporter('import.run', (job) => this.onImportJobFailed(job))
    // An undo's failure comes back from batches.undo itself, which reports it; the job adds a log line.
    wb.registerJobReporter('import.undo', () =>
      wb.output('error', { key: 'output.jobFailed', params: { title: { key: 'job.import.undo' } } })
    )
  }

  // ---------------------------------------------------------------- wizard

  private dispatch(action: WizardAction): void {
    this.wizard.set((state) => wizardReducer(state, action))
  }

  /** True while a file is being uploaded or imported: a new file must wait. */
  busy(): boolean {
    const step = this.wizard.get().step
    return step === 'uploading' || step === 'importing'
  }

  /** Opens the wizard (the `import.open` command). */
  open(): void {
    this.wb.openEditor({ kind: 'import' })
  }

  private defaults(): ImportDefaults {
    const settings = this.wb.session.get().settings
    return {
      redact: settings?.importRedactByDefault ?? false,
      rejectThreshold: settings?.importRejectThreshold ?? 0.05
    }
  }

  /** Refuses a new file while there is no workspace or another import runs; says why. */
  private canTakeFile(): boolean {
    if (!this.wb.session.get().workspace) {
      this.wb.notify('warning', { key: 'import.noWorkspace' })
      return false
    }
    if (this.busy()) {
      this.open()
      this.wb.notify('info', { key: 'import.busy' })
      return false
    }
    return true
  }

  /** Imports a browser file: one dropped on the window or chosen in the file input. */
  importFile(file: File): void {
    if (!this.canTakeFile()) return
    this.open()
    this.dispatch({
      type: 'fileChosen',
      file: { name: file.name, size: file.size },
      defaults: this.defaults(),
      uploading: this.files.mode === 'upload'
    })
    const token = this.wizard.get().token
    const prepared = this.files.prepare(file, (sent, total) => {
      if (this.current(token)) this.dispatch({ type: 'uploadProgress', sent, total })
    })
    this.prepared = prepared
    prepared.source.then(
      (source) => {
        if (!this.current(token)) return
        this.prepared = null
        this.dispatch({ type: 'sourceReady', source })
        void this.inspect(token)
      },
      (error: unknown) => {
        if (!this.current(token)) return
        this.prepared = null
        const data = toErrorData(error)
        if (data.code === 'cancelled') {
          this.dispatch({ type: 'reset' })
          this.wb.output('info', { key: 'import.output.uploadCancelled', params: { file: file.name } })
          return
        }
        this.wb.recordError(data, file.name)
        this.dispatch({ type: 'failed', error: data, at: 'upload' })
      }
    )
  }

  /** Desktop: chooses a file with the native dialog and previews it. */
  async pickFile(): Promise<void> {
    if (!this.canTakeFile()) return
    let path: string | null
    try {
      path = await this.wb.call('import.pickFile', {})
    } catch {
      return // Reported by call().
    }
    if (!path) return
    this.open()
    this.dispatch({
      type: 'fileChosen',
      file: { name: fileNameOf(path), size: null },
      defaults: this.defaults(),
      uploading: false
    })
    const token = this.wizard.get().token
    this.dispatch({ type: 'sourceReady', source: { path } })
    await this.inspect(token)
  }

  /** Stops an upload in progress; the wizard goes back to choosing a file. */
  cancelUpload(): void {
    this.prepared?.abort()
  }

  private current(token: number): boolean {
    return this.wizard.get().token === token
  }

  private async inspect(token: number): Promise<void> {
    const request = inspectRequest(this.wizard.get())
    if (!request) return
    const seq = ++this.inspectSeq
    try {
      const preview = await this.wb.call('import.inspect', request, { quiet: true })
      if (!this.current(token) || seq !== this.inspectSeq) return
      this.dispatch({ type: 'inspected', preview })
      for (const warning of preview.warnings) {
        this.wb.output('warning', {
          key: 'import.output.warning',
          params: { file: preview.source.name, warning }
        })
      }
    } catch (error) {
      if (!this.current(token) || seq !== this.inspectSeq) return
      const data = toErrorData(error)
      this.wb.recordError(data, this.wizard.get().file?.name ?? 'import.inspect')
      this.dispatch({ type: 'failed', error: data, at: 'inspect' })
    }
  }

  /** Reads the file again with other read settings or as another kind. */
  reinspect(change: { read?: Partial<ReadOptions>; kind?: RecordKind }): void {
    const state = this.wizard.get()
    if (!state.source) return
    this.dispatch({ type: 'reinspect', ...change })
    void this.inspect(state.token)
  }

  /** Changes the mapping (a column's role or name, the date order…). */
  edit(edit: MappingEdit): void {
    this.dispatch({ type: 'edit', edit })
  }

  setRedact(value: boolean): void {
    this.dispatch({ type: 'redact', value })
  }

  setRejectThreshold(value: string): void {
    this.dispatch({ type: 'rejectThreshold', value })
  }

  setRemember(change: { enabled?: boolean; name?: string }): void {
    this.dispatch({ type: 'remember', ...change })
  }

  /** Back to the first step, for another file. */
  reset(): void {
    if (this.busy()) return
    this.prepared?.abort()
    this.dispatch({ type: 'reset' })
  }

  /** After a failure or a cancel: back to the preview to change something and try again. */
  backToPreview(): void {
    this.dispatch({ type: 'backToPreview' })
  }

  /** Saves the mapping if asked to, then starts the import job and follows it. */
  async start(): Promise<void> {
    const state = this.wizard.get()
    const request = startRequest(state)
    if (!request || !state.preview || state.step !== 'preview') return
    const token = state.token
    const file = state.file?.name ?? state.preview.source.name
    if (state.remember.enabled) {
      const name = state.remember.name.trim()
      try {
        await this.wb.call('import.saveMapping', {
          name,
          headers: state.preview.headers,
          mapping: request.mapping
        })
        this.wb.output('info', { key: 'import.output.mappingSaved', params: { name } })
      } catch {
        // Reported by call(); the import itself does not depend on it.
      }
      if (!this.current(token)) return
    }
    this.cancelRequested = false
    this.dispatch({ type: 'starting', now: Date.now() })
    this.wb.output('info', { key: 'import.output.started', params: { file } })
    try {
      const { jobId } = await this.wb.call('import.start', request, { quiet: true })
      if (!this.current(token)) return
      this.dispatch({ type: 'jobStarted', jobId })
      if (this.cancelRequested) void this.wb.cancelJob(jobId)
      this.onSession()
    } catch (error) {
      if (!this.current(token)) return
      const data = toErrorData(error)
      this.wb.recordError(data, file)
      this.dispatch({ type: 'failed', error: data, at: 'start' })
    }
  }

  /** Cancels the upload or the import job. */
  async cancel(): Promise<void> {
    const state = this.wizard.get()
    if (state.step === 'uploading') {
      this.cancelUpload()
      return
    }
    if (state.step !== 'importing' || state.job?.cancelling) return
    this.dispatch({ type: 'cancelling' })
    const jobId = state.job?.jobId
    if (jobId) await this.wb.cancelJob(jobId)
    else this.cancelRequested = true
  }

  /** Follows the import job through the job list the workbench keeps from `job.updated` events. */
  private onSession(): void {
    const session = this.wb.session.get()
    if (session.workspace !== this.lastWorkspace) {
      this.lastWorkspace = session.workspace
      const path = session.workspace?.path ?? null
      if (path !== this.lastPath) {
        // Another workspace: what the wizard and the list showed belongs to the previous one.
        this.lastPath = path
        if (!this.busy()) this.dispatch({ type: 'reset' })
        this.batches.set({ list: null, loading: false, error: null })
      }
      // Counts changed, or another workspace opened: a list someone looks at follows.
      if (path !== null && this.batchesWanted) this.scheduleBatchRefresh()
    }
    const state = this.wizard.get()
    const jobId = state.job?.jobId
    if (state.step !== 'importing' || !jobId) return
    const job = session.jobs.find((j) => j.id === jobId)
    if (!job) return
    switch (job.state) {
      case 'queued':
      case 'running':
        if (
          state.job &&
          (state.job.done !== job.done || state.job.total !== job.total || state.job.message !== job.message)
        ) {
          this.dispatch({
            type: 'progress',
            done: job.done,
            total: job.total,
            message: job.message,
            ...(job.counts ? { counts: job.counts } : {})
          })
        }
        break
      case 'succeeded':
        if (!this.finished.has(job.id)) {
          this.finished.add(job.id)
          void this.finish(state.token, job.id)
        }
        break
      case 'cancelled':
        if (!this.finished.has(job.id)) {
          this.finished.add(job.id)
          this.dispatch({ type: 'cancelled' })
          this.wb.output('warning', {
            key: 'import.output.cancelled',
            params: { file: state.file?.name ?? '—' }
          })
        }
        break
      case 'failed':
        if (!this.finished.has(job.id)) {
          this.finished.add(job.id)
          this.dispatch({
            type: 'failed',
            error: job.error ?? { code: 'job_failed', message: job.message || 'The import failed.' },
            at: 'import'
          })
        }
        break
    }
  }

  /** A failed import is shown in the wizard; a notification is added only when the wizard is not in view. */
  private onImportJobFailed(job: JobInfo): void {
    const error = job.error ?? { code: 'job_failed' as const, message: job.message || 'The import failed.' }
    const followed = this.wizard.get().job?.jobId === job.id
    const file = followed ? (this.wizard.get().file?.name ?? 'import') : 'import'
    const wizardVisible = followed && this.wb.tabs.get().activeId === 'import'
    if (wizardVisible) this.wb.recordError(error, file)
    else this.wb.reportError(error, file)
    this.addErrorRejects(error, file)
  }

  /** An `import_rejected` error may list rejects in its details; they go to Problems too. */
  private addErrorRejects(error: ApiErrorData, file: string): void {
    const rejects = error.details?.rejects
    if (!Array.isArray(rejects)) return
    const texts: LogText[] = []
    for (const r of rejects as unknown[]) {
      const reject = r as { line?: unknown; reason?: unknown }
      if (typeof reject.line === 'number' && typeof reject.reason === 'string') {
        texts.push({
          key: 'import.problem.reject',
          params: { file, line: reject.line, reason: reject.reason }
        })
      }
    }
    this.wb.addWarnings(texts.slice(0, MAX_PROBLEMS), file)
  }

  private async finish(token: number, jobId: string): Promise<void> {
    let result: ImportResult
    try {
      result = await this.wb.call('import.result', { jobId }, { quiet: true })
    } catch (error) {
      const data = toErrorData(error)
      this.wb.recordError(data, 'import.result')
      if (this.current(token)) this.dispatch({ type: 'failed', error: data, at: 'import' })
      return
    }
    if (this.current(token)) this.dispatch({ type: 'succeeded', result })
    const fmt = createI18n(this.wb.language()).fmt
    this.wb.output(result.rejected > 0 ? 'warning' : 'info', {
      key: 'import.output.finished',
      params: {
        file: result.file,
        inserted: fmt.integer(result.inserted),
        updated: fmt.integer(result.updated),
        unchanged: fmt.integer(result.unchanged),
        rejected: fmt.integer(result.rejected),
        batch: result.batchId
      }
    })
    this.afterDataChange()
  }

  private afterDataChange(): void {
    this.wb.markDataChanged()
    void this.wb.refreshWorkspace()
    this.scheduleBatchRefresh()
  }

  /**
   * Lists every reject of a batch in Problems (file and line each), up to what Problems keeps,
   * and shows the panel.
   */
  async showRejectsInProblems(batchId: number, file: string): Promise<void> {
    const texts: LogText[] = []
    let total = 0
    try {
      for (let offset = 0; offset < MAX_PROBLEMS; offset += REJECTS_PAGE) {
        const limit = Math.min(REJECTS_PAGE, MAX_PROBLEMS - offset)
        const page = await this.wb.call('batches.rejects', { batchId, offset, limit })
        total = page.total
        for (const row of page.rows) {
          texts.push({ key: 'import.problem.reject', params: { file, line: row.line, reason: row.reason } })
        }
        if (page.rows.length < limit || offset + page.rows.length >= page.total) break
      }
    } catch {
      return // Reported by call().
    }
    this.wb.addWarnings(texts, file)
    if (total > texts.length) {
      const fmt = createI18n(this.wb.language()).fmt
      this.wb.output('warning', {
        key: 'import.output.rejectsTruncated',
        params: { shown: fmt.integer(texts.length), total: fmt.integer(total), file }
      })
    }
    this.wb.showPanel('problems')
  }

  // ---------------------------------------------------------------- batches

  /** Loads the batches once, when a view first needs them. */
  ensureBatches(): void {
    this.batchesWanted = true
    const state = this.batches.get()
    if (state.list === null && !state.loading && state.error === null) void this.refreshBatches()
  }

  private scheduleBatchRefresh(): void {
    if (this.batchTimer !== null) clearTimeout(this.batchTimer)
    this.batchTimer = setTimeout(() => {
      this.batchTimer = null
      void this.refreshBatches()
    }, BATCH_REFRESH_DELAY_MS)
  }

  /** Reloads the import batches, newest first. */
  async refreshBatches(): Promise<void> {
    if (!this.wb.session.get().workspace) {
      this.batches.set({ list: null, loading: false, error: null })
      return
    }
    this.batches.set((s) => ({ ...s, loading: true }))
    try {
      const list = await this.wb.call('batches.list', {}, { quiet: ['not_supported', 'no_workspace'] })
      const sorted = [...list].sort((a, b) => b.startedAt - a.startedAt || b.id - a.id)
      this.batches.set({ list: sorted, loading: false, error: null })
    } catch (error) {
      this.batches.set((s) => ({ ...s, loading: false, error: toErrorData(error) }))
    }
  }

  /**
   * Removes a batch after asking; the workspace becomes what the remaining batches imply.
   * Returns what was undone, or null when the user kept it or it failed.
   */
  async undo(batch: UndoTarget): Promise<UndoResult | null> {
    const fmt = createI18n(this.wb.language()).fmt
    const choice = await this.wb.ask({
      title: 'batches.undo.title',
      message: 'batches.undo.message',
      params: {
        file: batch.sourceName,
        inserted: fmt.integer(batch.inserted),
        updated: fmt.integer(batch.updated)
      },
      buttons: [
        { id: 'undo', label: 'batches.undo.confirm', primary: true },
        { id: 'cancel', label: 'dialog.cancel' }
      ]
    })
    if (choice !== 'undo') return null
    const followed = this.wizard.get().result?.batchId === batch.id
    if (followed) this.dispatch({ type: 'undoStarted' })
    try {
      const result = await this.wb.call('batches.undo', { batchId: batch.id }, { source: batch.sourceName })
      if (this.wizard.get().result?.batchId === batch.id) this.dispatch({ type: 'undone', result })
      const params = {
        file: batch.sourceName,
        batch: batch.id,
        removed: fmt.integer(result.removed),
        restored: fmt.integer(result.restored)
      }
      this.wb.output('info', { key: 'batches.output.undone', params })
      this.wb.notify('info', { key: 'batches.undone', params })
      this.afterDataChange()
      return result
    } catch {
      if (followed) this.dispatch({ type: 'undoFailed' })
      return null
    }
  }
}
