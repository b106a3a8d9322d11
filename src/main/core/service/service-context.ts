import type { HostCapabilities, HostKind } from '@shared/api/contract'
import type { EventBus } from '../events/event-bus'
import type { JobManager } from '../jobs/job-manager'
import type { PdfPrinter } from '../report/pdf-printer'
import type { Workspace } from '../store/workspace'
import type { UploadRegistry } from '../uploads/upload-registry'

/** What a host contributes to the service: who it is and what only it can do. */
export interface HostPort {
  kind: HostKind
  capabilities: HostCapabilities
  platform: string
  /** Native file dialog for workspaces (desktop only). */
  pickWorkspacePath?: (mode: 'open' | 'create') => Promise<string | null>
  /** Native file dialog for files to import (desktop only). */
  pickImportFile?: () => Promise<string | null>
  /** Prints the report to PDF (Electron's printing, or a headless Chromium); absent: HTML only. */
  pdfPrinter?: PdfPrinter
}

/**
 * What the handlers of one capability may use of the service: the open workspace, jobs, events,
 * the host, uploads. Each capability's handlers live in their own file and receive this.
 */
export interface ServiceContext {
  readonly host: HostPort
  readonly appVersion: string
  readonly jobs: JobManager
  readonly events: EventBus
  /** Files uploaded to the web host; null in hosts that import by path. */
  readonly uploads: UploadRegistry | null
  /** The open workspace, or a `no_workspace` error. */
  requireWorkspace(): Workspace
  /** Tells every client that the workspace's contents changed (counts, batches). */
  workspaceChanged(): void
  /** Runs what must follow any change of the data (bringing the search index up to date). */
  afterDataChange(): void
}
