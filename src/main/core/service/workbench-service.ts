import { existsSync } from 'node:fs'
import type { AppInfo, WorkbenchHandlers } from '@shared/api/contract'
import { ApiError } from '@shared/api/errors'
import type { WorkspaceInfo } from '@shared/domain/workspace'
import { PRODUCT_NAME } from '@shared/product'
import type { EventBus } from '../events/event-bus'
import type { JobManager } from '../jobs/job-manager'
import type { UserConfigStore } from '../preferences/user-config'
import type { WorkspaceOptions } from '../store/workspace'
import { Workspace } from '../store/workspace'
import { LATEST_SCHEMA_VERSION } from '../store/migrations/index'
import type { UploadRegistry } from '../uploads/upload-registry'
import type { HostPort, ServiceContext } from './service-context'
import { createExploreHandlers } from './explore-handlers'
import { createImportHandlers } from './import-handlers'
import { createMetricsHandlers } from './metrics-handlers'
import { createExperimentHandlers } from './experiment-handlers'
import { createPriorityHandlers } from './priority-handlers'
import { createReportHandlers } from './report-handlers'
import { createThemeHandlers } from './theme-handlers'
import type { DemoSummary } from '../demo/build-demo'

export type { HostPort } from './service-context'

export interface WorkbenchServiceDeps {
  host: HostPort
  appVersion: string
  userConfig: UserConfigStore
  jobs: JobManager
  events: EventBus
  workspaceOptions?: WorkspaceOptions
  /** Where "Open demo" builds and opens the demo workspace; null when the host has none. */
  demoWorkspacePath: string | null
  /** Files uploaded to the web host; null where files are imported by path. */
  uploads: UploadRegistry | null
}

/** The one implementation of the workbench contract, shared by the three hosts. */
export class WorkbenchService {
  private workspace: Workspace | null = null
  /** Serialises workspace switches so two quick clicks cannot interleave. */
  private switching: Promise<unknown> = Promise.resolve()

  /** What the capability handlers may use of the service. */
  private readonly context: ServiceContext
  /** Capabilities that follow data changes (the search index) register here. */
  private readonly dataChangeListeners: Array<(context: ServiceContext) => void> = []

  /** Registers work to run after any import or undo, and when a workspace is opened. */
  onDataChange(listener: (context: ServiceContext) => void): void {
    this.dataChangeListeners.push(listener)
  }

  constructor(private readonly deps: WorkbenchServiceDeps) {
    this.context = {
      host: deps.host,
      appVersion: deps.appVersion,
      jobs: deps.jobs,
      events: deps.events,
      uploads: deps.uploads,
      requireWorkspace: () => this.requireWorkspace(),
      workspaceChanged: () => {
        if (this.workspace)
          this.deps.events.emit({ type: 'workspace.changed', workspace: this.workspace.info() })
      },
      afterDataChange: () => this.notifyDataChange()
    }
    this.handlers = {
      ...this.workspaceHandlers(),
      ...createImportHandlers(this.context),
      ...createExploreHandlers(this.context),
      ...createMetricsHandlers(this.context),
      ...createExperimentHandlers(this.context),
      ...createThemeHandlers(this.context),
      ...createPriorityHandlers(this.context),
      ...createReportHandlers(this.context)
    }
  }

  /** Every method of the contract. */
  readonly handlers: WorkbenchHandlers

  /** The open workspace, or a `no_workspace` error a user can act on. */
  requireWorkspace(): Workspace {
    if (!this.workspace) {
      throw new ApiError('no_workspace', 'No workspace is open. Open or create one from the Welcome page.')
    }
    return this.workspace
  }

  get current(): Workspace | null {
    return this.workspace
  }

  /** Opens a workspace at start-up, before any client connects. */
  async openInitial(path: string, options: { create?: boolean } = {}): Promise<WorkspaceInfo> {
    const ws =
      options.create && !existsSync(path)
        ? await Workspace.create(path, this.workspaceOptions())
        : await Workspace.open(path, this.workspaceOptions())
    return this.adopt(ws)
  }

  /** Closes the workspace; called when a host shuts down. */
  dispose(): void {
    this.workspace?.close()
    this.workspace = null
  }

  private workspaceHandlers(): Omit<
    WorkbenchHandlers,
    | keyof ReturnType<typeof createImportHandlers>
    | keyof ReturnType<typeof createExploreHandlers>
    | keyof ReturnType<typeof createMetricsHandlers>
    | keyof ReturnType<typeof createExperimentHandlers>
    | keyof ReturnType<typeof createThemeHandlers>
    | keyof ReturnType<typeof createPriorityHandlers>
    | keyof ReturnType<typeof createReportHandlers>
  > {
    return {
      'app.info': (): AppInfo => ({
        name: PRODUCT_NAME,
        version: this.deps.appVersion,
        host: this.deps.host.kind,
        capabilities: { ...this.deps.host.capabilities },
        platform: this.deps.host.platform,
        schemaVersion: LATEST_SCHEMA_VERSION
      }),

      'workspace.info': () => this.workspace?.info() ?? null,

      'workspace.open': ({ path }) =>
        this.switchTo(async () => Workspace.open(path, this.workspaceOptions())),

      'workspace.create': ({ path }) =>
        this.switchTo(async () => Workspace.create(path, this.workspaceOptions())),

      'workspace.openDemo': () =>
        this.switchTo(async () => {
          const path = this.deps.demoWorkspacePath
          if (!path) throw new ApiError('not_supported', 'This host has no demo workspace.')
          if (!existsSync(path)) {
            const job = this.deps.jobs.start<DemoSummary>('demo.build', 'Building the demo workspace', {
              path,
              appVersion: this.deps.appVersion
            })
            await job.result
          }
          return Workspace.open(path, this.workspaceOptions())
        }),

      'workspace.close': () => {
        this.assertCanSwitch()
        this.workspace?.close()
        this.workspace = null
        this.deps.events.emit({ type: 'workspace.changed', workspace: null })
        return null
      },

      'workspace.recent': () => this.deps.userConfig.getRecent(),

      'workspace.forgetRecent': ({ path }) => this.deps.userConfig.forgetRecent(path),

      'workspace.pickPath': async ({ mode }) => {
        const pick = this.deps.host.pickWorkspacePath
        if (!pick || !this.deps.host.capabilities.nativeDialogs) {
          throw new ApiError('not_supported', 'File dialogs are available in the desktop app only.')
        }
        return pick(mode)
      },

      'settings.get': () => this.requireWorkspace().settings.get(),

      'settings.update': ({ patch }) => {
        const settings = this.requireWorkspace().settings.update(patch)
        this.deps.events.emit({ type: 'settings.changed', settings })
        return settings
      },

      'preferences.get': () => this.deps.userConfig.getPreferences(),

      'preferences.update': ({ patch }) => {
        const preferences = this.deps.userConfig.updatePreferences(patch)
        this.deps.events.emit({ type: 'preferences.changed', preferences })
        return preferences
      },

      'jobs.list': () => this.deps.jobs.list(),

      'jobs.cancel': ({ id }) => this.deps.jobs.cancel(id)
    }
  }

  private workspaceOptions(): WorkspaceOptions {
    return { appVersion: this.deps.appVersion, ...this.deps.workspaceOptions }
  }

  private assertCanSwitch(): void {
    if (!this.deps.host.capabilities.switchWorkspace) {
      throw new ApiError(
        'not_supported',
        'This window serves one workspace. To work on another, start `loopbench serve --workspace <file>` for it.'
      )
    }
  }

  /** Opens the next workspace first, so a failure leaves the current one open. */
  private switchTo(open: () => Promise<Workspace>): Promise<WorkspaceInfo> {
    this.assertCanSwitch()
    const run = this.switching.then(async () => {
      const next = await open()
      this.workspace?.close()
      return this.adopt(next)
    })
    this.switching = run.catch(() => undefined)
    return run
  }

  private notifyDataChange(): void {
    for (const listener of this.dataChangeListeners) listener(this.context)
  }

  private adopt(ws: Workspace): WorkspaceInfo {
    this.workspace = ws
    const info = ws.info()
    this.deps.userConfig.touchRecent({ path: ws.path, name: info.name, openedAt: Date.now() })
    this.deps.events.emit({ type: 'workspace.changed', workspace: info })
    // An earlier session may have stopped before the search index caught up.
    this.notifyDataChange()
    return info
  }
}
