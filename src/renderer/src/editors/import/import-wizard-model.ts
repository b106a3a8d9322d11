import type { ApiErrorData } from '@shared/api/errors'
import type { MethodInput } from '@shared/api/contract'
import type { RecordKind } from '@shared/domain/field-roles'
import type {
  ImportMapping,
  ImportPreview,
  ImportResult,
  ImportSource,
  ReadOptions,
  UndoResult
} from '@shared/domain/import'
import type { MappingEdit } from './import-mapping'
import {
  ambiguousDateColumns,
  applyMappingEdit,
  columnNameProblems,
  completeMapping,
  finalMapping,
  missingRequiredRoles,
  needsExperimentName
} from './import-mapping'

/** The steps of the import wizard, in the order a successful import passes them. */
export type WizardStep =
  'choose' | 'uploading' | 'inspecting' | 'preview' | 'importing' | 'result' | 'failed' | 'cancelled'

export interface ChosenFile {
  name: string
  /** Bytes; unknown for a desktop path until the preview arrives. */
  size: number | null
}

/** Progress of the import job (or of the upload before it). */
export interface JobProgress {
  jobId: string | null
  done: number
  total: number
  message: string
  /** Named counts the job reports (`rows` read so far). */
  counts?: Record<string, number>
  cancelling: boolean
  startedAt: number
}

/** Where a failure happened, to offer the right way back. */
export type FailurePoint = 'upload' | 'inspect' | 'start' | 'import'

export interface WizardState {
  step: WizardStep
  /** Changes with every new file, so that late answers about an earlier file are dropped. */
  token: number
  file: ChosenFile | null
  source: ImportSource | null
  upload: { sent: number; total: number } | null
  preview: ImportPreview | null
  /** Read settings the user chose; the rest are detected. */
  read: ReadOptions
  /** A kind the user chose instead of the detected one. */
  kind: RecordKind | null
  mapping: ImportMapping | null
  /** A re-inspection is running; the previous preview stays on screen meanwhile. */
  reinspecting: boolean
  redact: boolean
  /** The reject threshold as typed, in percent. */
  rejectThresholdPercent: string
  remember: { enabled: boolean; name: string }
  job: JobProgress | null
  result: ImportResult | null
  error: ApiErrorData | null
  failedAt: FailurePoint | null
  undo: { state: 'running' } | { state: 'done'; result: UndoResult } | null
}

/** Defaults of one import, from the workspace's settings. */
export interface ImportDefaults {
  redact: boolean
  rejectThreshold: number
}

export type WizardAction =
  | { type: 'reset' }
  | { type: 'fileChosen'; file: ChosenFile; defaults: ImportDefaults; uploading: boolean }
  | { type: 'uploadProgress'; sent: number; total: number }
  | { type: 'sourceReady'; source: ImportSource }
  | { type: 'reinspect'; read?: Partial<ReadOptions>; kind?: RecordKind }
  | { type: 'inspected'; preview: ImportPreview }
  | { type: 'failed'; error: ApiErrorData; at: FailurePoint }
  | { type: 'edit'; edit: MappingEdit }
  | { type: 'redact'; value: boolean }
  | { type: 'rejectThreshold'; value: string }
  | { type: 'remember'; enabled?: boolean; name?: string }
  | { type: 'starting'; now: number }
  | { type: 'jobStarted'; jobId: string }
  | { type: 'progress'; done: number; total: number; message: string; counts?: Record<string, number> }
  | { type: 'cancelling' }
  | { type: 'succeeded'; result: ImportResult }
  | { type: 'cancelled' }
  | { type: 'backToPreview' }
  | { type: 'undoStarted' }
  | { type: 'undone'; result: UndoResult }
  | { type: 'undoFailed' }

export const INITIAL_WIZARD: WizardState = {
  step: 'choose',
  token: 0,
  file: null,
  source: null,
  upload: null,
  preview: null,
  read: {},
  kind: null,
  mapping: null,
  reinspecting: false,
  redact: false,
  rejectThresholdPercent: '5',
  remember: { enabled: false, name: '' },
  job: null,
  result: null,
  error: null,
  failedAt: null,
  undo: null
}

/** A percentage for an input field: 0.05 → "5", 0.025 → "2.5". */
export function percentText(share: number): string {
  return String(Math.round(share * 100 * 1000) / 1000)
}

/** A file name without its extension, for default names. */
export function baseName(fileName: string): string {
  const name = fileName.replace(/^.*[\\/]/, '')
  const dot = name.lastIndexOf('.')
  return (dot > 0 ? name.slice(0, dot) : name).trim() || name
}

/** The reject threshold typed in percent as a share (0..1), or null when it is not a valid number. */
export function parseRejectThreshold(text: string): number | null {
  const normalised = text
    .trim()
    .replace(/[%％]$/, '')
    .trim()
    .replace(/，/g, '.')
    .replace(/,/g, '.')
  if (!/^\d+(\.\d+)?$/.test(normalised)) return null
  const value = Number(normalised)
  return value >= 0 && value <= 100 ? value / 100 : null
}

/** The import wizard as a pure reducer; the import controller performs what the steps ask for. */
export function wizardReducer(state: WizardState, action: WizardAction): WizardState {
  switch (action.type) {
    case 'reset':
      return { ...INITIAL_WIZARD, token: state.token + 1 }
    case 'fileChosen':
      return {
        ...INITIAL_WIZARD,
        token: state.token + 1,
        step: action.uploading ? 'uploading' : 'inspecting',
        file: action.file,
        upload: action.uploading ? { sent: 0, total: action.file.size ?? 0 } : null,
        redact: action.defaults.redact,
        rejectThresholdPercent: percentText(action.defaults.rejectThreshold),
        remember: { enabled: false, name: baseName(action.file.name) }
      }
    case 'uploadProgress':
      return state.step === 'uploading'
        ? { ...state, upload: { sent: action.sent, total: action.total } }
        : state
    case 'sourceReady':
      return { ...state, step: 'inspecting', source: action.source, upload: null }
    case 'reinspect':
      if (!state.source) return state
      return {
        ...state,
        read: action.read ? { ...state.read, ...action.read } : state.read,
        kind: action.kind ?? state.kind,
        reinspecting: state.preview !== null,
        step: state.preview ? state.step : 'inspecting'
      }
    case 'inspected': {
      const mapping = completeMapping(action.preview)
      const withExperiment =
        needsExperimentName(mapping) && !mapping.experiment && state.file
          ? { ...mapping, experiment: baseName(state.file.name) }
          : mapping
      return {
        ...state,
        step: state.step === 'inspecting' || state.step === 'preview' ? 'preview' : state.step,
        preview: action.preview,
        mapping: withExperiment,
        reinspecting: false,
        file: state.file
          ? { ...state.file, size: state.file.size ?? action.preview.source.size }
          : state.file,
        // A saved mapping was found for these headers: remembering it again would duplicate it.
        remember:
          action.preview.savedMappingId !== null ? { ...state.remember, enabled: false } : state.remember,
        error: null,
        failedAt: null
      }
    }
    case 'failed':
      return {
        ...state,
        step: 'failed',
        error: action.error,
        failedAt: action.at,
        reinspecting: false,
        upload: null,
        job: state.job ? { ...state.job, cancelling: false } : null
      }
    case 'edit':
      return state.mapping ? { ...state, mapping: applyMappingEdit(state.mapping, action.edit) } : state
    case 'redact':
      return { ...state, redact: action.value }
    case 'rejectThreshold':
      return { ...state, rejectThresholdPercent: action.value }
    case 'remember':
      return {
        ...state,
        remember: {
          enabled: action.enabled ?? state.remember.enabled,
          name: action.name ?? state.remember.name
        }
      }
    case 'starting':
      return {
        ...state,
        step: 'importing',
        job: { jobId: null, done: 0, total: 0, message: '', cancelling: false, startedAt: action.now },
        result: null,
        error: null,
        failedAt: null,
        undo: null
      }
    case 'jobStarted':
      return state.job ? { ...state, job: { ...state.job, jobId: action.jobId } } : state
    case 'progress':
      return state.step === 'importing' && state.job
        ? {
            ...state,
            job: {
              ...state.job,
              done: action.done,
              total: action.total,
              message: action.message,
              ...(action.counts ? { counts: action.counts } : {})
            }
          }
        : state
    case 'cancelling':
      return state.job ? { ...state, job: { ...state.job, cancelling: true } } : state
    case 'succeeded':
      return { ...state, step: 'result', result: action.result, job: null }
    case 'cancelled':
      return { ...state, step: 'cancelled', job: null, upload: null }
    case 'backToPreview':
      return state.preview && state.mapping
        ? { ...state, step: 'preview', error: null, failedAt: null }
        : state
    case 'undoStarted':
      return { ...state, undo: { state: 'running' } }
    case 'undone':
      return { ...state, undo: { state: 'done', result: action.result } }
    case 'undoFailed':
      return { ...state, undo: null }
  }
}

/** What keeps the import from starting, in the order the preview step lists it. */
export type StartBlocker =
  | { type: 'required'; roles: string[] }
  | { type: 'names' }
  | { type: 'dateOrder' }
  | { type: 'experiment' }
  | { type: 'threshold' }
  | { type: 'mappingName' }
  | { type: 'busy' }

/** Everything that keeps the import from starting; empty when it can start. */
export function startBlockers(state: WizardState): StartBlocker[] {
  const { preview, mapping } = state
  if (!preview || !mapping) return [{ type: 'busy' }]
  const blockers: StartBlocker[] = []
  if (state.reinspecting) blockers.push({ type: 'busy' })
  const missing = missingRequiredRoles(mapping)
  if (missing.length > 0) blockers.push({ type: 'required', roles: missing.map((r) => r.id) })
  if (columnNameProblems(mapping).size > 0) blockers.push({ type: 'names' })
  if (ambiguousDateColumns(preview, mapping).length > 0 && mapping.dateOrder === null) {
    blockers.push({ type: 'dateOrder' })
  }
  if (needsExperimentName(mapping) && !mapping.experiment?.trim()) blockers.push({ type: 'experiment' })
  if (parseRejectThreshold(state.rejectThresholdPercent) === null) blockers.push({ type: 'threshold' })
  if (state.remember.enabled && !state.remember.name.trim()) blockers.push({ type: 'mappingName' })
  return blockers
}

/** The read settings the import uses: exactly those the preview was read with. */
export function effectiveRead(preview: ImportPreview): ReadOptions {
  const read = preview.read
  return {
    format: read.format,
    ...(read.encodingSource === 'not_applicable' ? {} : { encoding: read.encoding }),
    ...(read.delimiter ? { delimiter: read.delimiter } : {}),
    ...(read.sheet ? { sheet: read.sheet } : {}),
    headerRows: read.headerRows
  }
}

/** The `import.start` request for the state, or null while something keeps it from starting. */
export function startRequest(state: WizardState): MethodInput<'import.start'> | null {
  const threshold = parseRejectThreshold(state.rejectThresholdPercent)
  if (!state.source || !state.preview || !state.mapping || threshold === null) return null
  if (startBlockers(state).length > 0) return null
  return {
    source: state.source,
    read: effectiveRead(state.preview),
    mapping: finalMapping(state.mapping),
    options: { redact: state.redact, rejectThreshold: threshold }
  }
}

/** The `import.inspect` request for the current file and the user's read settings. */
export function inspectRequest(state: WizardState): MethodInput<'import.inspect'> | null {
  if (!state.source) return null
  const hasRead = Object.keys(state.read).length > 0
  return {
    source: state.source,
    ...(hasRead ? { read: state.read } : {}),
    ...(state.kind ? { kind: state.kind } : {})
  }
}

/** The job's progress as a share (0..1), or null when the job does not know its total. */
export function progressShare(job: Pick<JobProgress, 'done' | 'total'>): number | null {
  return job.total > 0 ? Math.max(0, Math.min(1, job.done / job.total)) : null
}

/** The rows read so far, as the import job counts them. */
export function rowsRead(job: { counts?: Record<string, number> }): number | null {
  const rows = job.counts?.rows
  return typeof rows === 'number' && Number.isFinite(rows) ? rows : null
}
