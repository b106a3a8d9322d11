import type { JobInfo } from '../domain/jobs'
import type { WorkspaceInfo } from '../domain/workspace'
import type { AnalysisSettings } from '../domain/settings'
import type { UserPreferences } from '../domain/preferences'
import type { CommandId } from '../commands'

/** Events the backend pushes to every connected renderer. */
export type WorkbenchEvent =
  | { type: 'job.updated'; job: JobInfo }
  | { type: 'workspace.changed'; workspace: WorkspaceInfo | null }
  | { type: 'settings.changed'; settings: AnalysisSettings }
  | { type: 'preferences.changed'; preferences: UserPreferences }
  /** Themes changed: a run or an assignment finished, or the user edited them. */
  | { type: 'themes.changed' }
  /** The priority list's items, overrides, frozen quarters or formula changed. */
  | { type: 'priorities.changed' }
  /** A native menu item was chosen; the renderer runs the command with this id. */
  | { type: 'command.run'; command: CommandId }

export type WorkbenchEventListener = (event: WorkbenchEvent) => void
