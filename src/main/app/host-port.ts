import { extname, join } from 'node:path'
import type { LanguageId } from '@shared/domain/preferences'
import { translate } from '@shared/i18n/translate'
import { WORKSPACE_EXTENSION } from '@shared/product'
import type { PdfPrinter } from '../core/report/pdf-printer'
import type { HostPort } from '../core/service/service-context'
import type { DialogPort, FileFilter, WindowHandle } from './electron-ports'

/** File types the workspace dialogs offer: Loopbench workspaces first, then plain SQLite files. */
export function workspaceFilters(language: LanguageId): FileFilter[] {
  return [
    {
      name: translate(language, 'nativeDialog.filter.workspace'),
      extensions: [WORKSPACE_EXTENSION.slice(1)]
    },
    { name: translate(language, 'nativeDialog.filter.sqlite'), extensions: ['sqlite', 'sqlite3', 'db'] }
  ]
}

export interface DesktopHostOptions {
  platform: NodeJS.Platform
  dialog: DialogPort
  /** The window dialogs are attached to (null while there is none). */
  currentWindow: () => WindowHandle | null
  /** The language native dialogs speak right now. */
  language: () => LanguageId
  /** Folder a new workspace is proposed in. */
  documentsDir: () => string
  /** Prints the report to PDF (Electron's printing); without one the report is HTML only. */
  pdfPrinter?: PdfPrinter
}

/**
 * Asks for a workspace file with the native dialogs: an existing `.loopbench`/`.sqlite` file to
 * open, or a new file name (with `.loopbench` added when the user typed no extension).
 */
export async function pickWorkspacePath(
  options: DesktopHostOptions,
  mode: 'open' | 'create'
): Promise<string | null> {
  const language = options.language()
  const parent = options.currentWindow()
  if (mode === 'open') {
    const result = await options.dialog.showOpenDialog(parent, {
      title: translate(language, 'nativeDialog.openWorkspace.title'),
      properties: ['openFile'],
      filters: workspaceFilters(language)
    })
    return result.canceled ? null : (result.filePaths[0] ?? null)
  }
  const result = await options.dialog.showSaveDialog(parent, {
    title: translate(language, 'nativeDialog.createWorkspace.title'),
    buttonLabel: translate(language, 'nativeDialog.createWorkspace.button'),
    defaultPath: join(
      options.documentsDir(),
      translate(language, 'nativeDialog.createWorkspace.defaultName')
    ),
    properties: ['createDirectory', 'showOverwriteConfirmation'],
    filters: workspaceFilters(language).slice(0, 1)
  })
  if (result.canceled || !result.filePath) return null
  return extname(result.filePath) === '' ? result.filePath + WORKSPACE_EXTENSION : result.filePath
}

/** Asks for a file to import with the native open dialog. */
export async function pickImportFile(options: DesktopHostOptions): Promise<string | null> {
  const language = options.language()
  const result = await options.dialog.showOpenDialog(options.currentWindow(), {
    title: translate(language, 'nativeDialog.importFile.title'),
    buttonLabel: translate(language, 'nativeDialog.importFile.button'),
    properties: ['openFile'],
    filters: [
      {
        name: translate(language, 'nativeDialog.filter.importable'),
        extensions: ['csv', 'tsv', 'txt', 'xlsx', 'json', 'ndjson', 'jsonl']
      },
      { name: translate(language, 'nativeDialog.filter.all'), extensions: ['*'] }
    ]
  })
  return result.canceled ? null : (result.filePaths[0] ?? null)
}

/** The desktop host as the service sees it: switches workspaces, has native dialogs, no upload. */
export function desktopHostPort(options: DesktopHostOptions): HostPort {
  return {
    kind: 'electron',
    capabilities: { switchWorkspace: true, nativeDialogs: true, upload: false },
    platform: options.platform,
    pickWorkspacePath: (mode) => pickWorkspacePath(options, mode),
    pickImportFile: () => pickImportFile(options),
    ...(options.pdfPrinter ? { pdfPrinter: options.pdfPrinter } : {})
  }
}
