import type { ComponentType } from 'react'
import type { MessageKey } from '@shared/i18n/catalog'
import { ExperimentsView } from './experiments/experiments-view'
import { ExplorerView } from './explorer/explorer-view'
import { ThemesView } from './themes/themes-view'

/**
 * A view of the side bar with its activity-bar entry. Capabilities add theirs here (Import,
 * Metrics, Experiments, Themes, Priorities) when they exist; there are no placeholders.
 */
export interface ViewDescriptor {
  id: string
  title: MessageKey
  icon: string
  /** The command that shows the view; its keybinding is shown in the tooltip. */
  commandId?: string
  component: ComponentType
}

export const VIEWS: readonly ViewDescriptor[] = [
  {
    id: 'explorer',
    title: 'view.explorer',
    icon: 'files',
    commandId: 'workbench.showExplorer',
    component: ExplorerView
  },
  {
    id: 'experiments',
    title: 'view.experiments',
    icon: 'beaker',
    commandId: 'experiments.show',
    component: ExperimentsView
  },
  {
    id: 'themes',
    title: 'view.themes',
    icon: 'tag',
    commandId: 'themes.show',
    component: ThemesView
  }
]

/** The view with this id, else the first one (a saved id may belong to a removed view). */
export function findView(id: string): ViewDescriptor {
  return VIEWS.find((v) => v.id === id) ?? (VIEWS[0] as ViewDescriptor)
}
