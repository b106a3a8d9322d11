import type { WorkbenchHandlers } from '@shared/api/contract'
import type { WorkbenchEventListener } from '@shared/api/events'
import { EventBus } from './events/event-bus'
import { JobManager } from './jobs/job-manager'
import type { JobExecutor } from './jobs/job-types'
import { inlineExecutor } from './jobs/inline-executor'
import { workerExecutor } from './jobs/worker-executor'
import { UserConfigStore } from './preferences/user-config'
import { UploadRegistry } from './uploads/upload-registry'
import { JOB_REGISTRY } from './service/job-registry'
import type { HostPort } from './service/workbench-service'
import { WorkbenchService } from './service/workbench-service'
import type { WorkspaceOptions } from './store/workspace'
import { startSearchIndexing } from './search/search-scheduler'
import { startThemeAssignment } from './themes/theme-scheduler'

export interface WorkbenchOptions {
  host: HostPort
  appVersion: string
  /** The user's configuration folder (preferences, recent workspaces). */
  configDir: string
  /** Open this workspace at start; with `createIfMissing`, create it when it does not exist. */
  workspacePath?: string
  createIfMissing?: boolean
  /** Where "Open demo" builds the demo workspace; omit when the host has none. */
  demoWorkspacePath?: string
  /** The built job worker (`out/main/job-worker.js`); jobs run inline when omitted. */
  jobWorkerScript?: URL | string
  /** Overrides for tests. */
  jobExecutor?: JobExecutor
  workspaceOptions?: WorkspaceOptions
}

/** A running backend: the contract's handlers, its event stream, and shutdown. */
export interface Workbench {
  handlers: WorkbenchHandlers
  subscribe(listener: WorkbenchEventListener): () => void
  service: WorkbenchService
  /** Where uploaded files go (web host); null in hosts that import by path. */
  uploads: UploadRegistry | null
  dispose(): void
}

/**
 * The composition root: the one place that builds the services and opens the workspace.
 * Electron, the CLI and the web host call this and nothing else.
 */
export async function createWorkbench(options: WorkbenchOptions): Promise<Workbench> {
  const events = new EventBus()
  const executor =
    options.jobExecutor ??
    (options.jobWorkerScript ? workerExecutor(options.jobWorkerScript) : inlineExecutor(JOB_REGISTRY))
  const jobs = new JobManager(executor, (job) => events.emit({ type: 'job.updated', job }))
  // Files reach a host without file paths (the web host) by upload, into a private folder.
  const uploads = options.host.capabilities.upload ? new UploadRegistry() : null
  const service = new WorkbenchService({
    uploads,
    host: options.host,
    appVersion: options.appVersion,
    userConfig: new UserConfigStore(options.configDir),
    jobs,
    events,
    demoWorkspacePath: options.demoWorkspacePath ?? null,
    ...(options.workspaceOptions ? { workspaceOptions: options.workspaceOptions } : {})
  })
  // Hosts that keep running bring the search index and the themes up to date in the background
  // after every import and undo, and when a workspace opens; one-shot CLI commands leave it to them.
  if (options.host.kind !== 'cli') {
    service.onDataChange((context) => startSearchIndexing(context))
    // New tickets join the existing themes without a re-run.
    service.onDataChange((context) => startThemeAssignment(context))
  }
  if (options.workspacePath) {
    await service.openInitial(options.workspacePath, { create: options.createIfMissing ?? false })
  }
  return {
    handlers: service.handlers,
    subscribe: (listener) => events.subscribe(listener),
    service,
    uploads,
    dispose: () => {
      service.dispose()
      uploads?.dispose()
    }
  }
}
