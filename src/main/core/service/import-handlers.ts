import { statSync } from 'node:fs'
import { basename } from 'node:path'
import type { WorkbenchHandlers } from '@shared/api/contract'
import { ApiError } from '@shared/api/errors'
import type { ImportPreview, ImportResult, ImportSource, UndoResult } from '@shared/domain/import'
import type { InspectJobParams } from '../import/pipeline/inspect-file'
import type { ImportJobParams } from '../import/pipeline/import-job'
import { listBatches, readRejects } from '../import/pipeline/batch-queries'
import { listMappings, saveMapping } from '../import/pipeline/saved-mappings'
import type { ServiceContext } from './service-context'

type ImportMethods =
  | 'import.pickFile'
  | 'import.inspect'
  | 'import.start'
  | 'import.result'
  | 'import.mappings'
  | 'import.saveMapping'
  | 'batches.list'
  | 'batches.rejects'
  | 'batches.undo'

/** A file to import as the backend sees it: where its bytes are and what the user calls it. */
interface ResolvedSource {
  path: string
  name: string
  /** Recorded as provenance; uploads have no path of their own. */
  recordedPath: string | null
}

/** Handlers of the import capability: inspect, run, batches and undo. */
export function createImportHandlers(ctx: ServiceContext): Pick<WorkbenchHandlers, ImportMethods> {
  /** Import jobs by id, so their outcome can be asked for after they end. */
  const imports = new Map<string, Promise<ImportResult>>()

  const resolve = (source: ImportSource): ResolvedSource => {
    if ('uploadId' in source) {
      if (!ctx.uploads) throw new ApiError('not_supported', 'This host imports files by path, not by upload.')
      const file = ctx.uploads.resolve(source.uploadId)
      return { path: file.path, name: file.name, recordedPath: null }
    }
    if (!isFile(source.path))
      throw new ApiError('not_found', `There is no file at ${source.path}.`, { path: source.path })
    return { path: source.path, name: basename(source.path), recordedPath: source.path }
  }

  /** After an import or undo: tell the clients, then bring the search index up to date. */
  const changed = (): void => {
    ctx.workspaceChanged()
    ctx.afterDataChange()
  }

  return {
    'import.pickFile': async () => {
      const pick = ctx.host.pickImportFile
      if (!pick) throw new ApiError('not_supported', 'File dialogs are available in the desktop app only.')
      return pick()
    },

    'import.inspect': async ({ source, read, kind }) => {
      const ws = ctx.requireWorkspace()
      const file = resolve(source)
      const params: InspectJobParams = {
        workspacePath: ws.path,
        path: file.path,
        name: file.name,
        read: read ?? {},
        kind: kind ?? null
      }
      return ctx.jobs.runUntracked<ImportPreview>('import.inspect', params)
    },

    'import.start': ({ source, read, mapping, options }) => {
      const ws = ctx.requireWorkspace()
      const file = resolve(source)
      const params: ImportJobParams = {
        workspacePath: ws.path,
        sourcePath: file.path,
        sourceName: file.name,
        recordedPath: file.recordedPath,
        read,
        mapping,
        options,
        timeZone: ws.settings.get().timeZone
      }
      const job = ctx.jobs.start<ImportResult>('import.run', `Importing ${file.name}`, params)
      const outcome = job.result.then((result) => {
        changed()
        return result
      })
      outcome.catch(() => undefined) // the error is kept for import.result; nothing else awaits it
      imports.set(job.id, outcome)
      return { jobId: job.id }
    },

    'import.result': ({ jobId }) => {
      const outcome = imports.get(jobId)
      if (!outcome) throw new ApiError('not_found', 'There is no such import.', { jobId })
      return outcome
    },

    'import.mappings': () => listMappings(ctx.requireWorkspace().db),

    'import.saveMapping': ({ name, headers, mapping }) =>
      saveMapping(ctx.requireWorkspace().db, name, headers, mapping, Date.now()),

    'batches.list': () => listBatches(ctx.requireWorkspace().db),

    'batches.rejects': ({ batchId, offset, limit }) =>
      readRejects(ctx.requireWorkspace().db, batchId, offset, limit),

    'batches.undo': async ({ batchId }) => {
      const ws = ctx.requireWorkspace()
      const job = ctx.jobs.start<UndoResult>('import.undo', `Removing import batch ${batchId}`, {
        workspacePath: ws.path,
        batchId
      })
      const result = await job.result
      changed()
      return result
    }
  }
}

function isFile(path: string): boolean {
  try {
    return statSync(path).isFile()
  } catch {
    return false
  }
}
