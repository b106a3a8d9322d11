import type { LanguageId } from '../domain/preferences'
import { commandMessages } from './messages/commands'
import { menuMessages } from './messages/menu'
import { dialogMessages } from './messages/dialogs'
import { workbenchMessages } from './messages/workbench'
import { welcomeMessages } from './messages/welcome'
import { explorerMessages } from './messages/explorer'
import { settingsMessages } from './messages/settings'
import { errorMessages } from './messages/errors'
import { statusMessages } from './messages/status'
import { panelMessages } from './messages/panel'
import { importMessages } from './messages/import'
import { batchMessages } from './messages/batches'
import { sqlMessages } from './messages/sql'
import { filterMessages } from './messages/filters'
import { metricsMessages } from './messages/metrics'
import { experimentMessages } from './messages/experiments'
import { experimentUiMessages } from './messages/experiments-ui'
import { themeUiMessages } from './messages/themes-ui'
import { prioritiesUiMessages } from './messages/priorities-ui'
import { reportMessages } from './messages/report'

/**
 * Every message of the product, by language. Each namespace file is owned by one part of the
 * product; add a namespace here when a capability brings its own.
 */
export const CATALOG = {
  en: {
    ...commandMessages.en,
    ...menuMessages.en,
    ...dialogMessages.en,
    ...workbenchMessages.en,
    ...welcomeMessages.en,
    ...explorerMessages.en,
    ...settingsMessages.en,
    ...errorMessages.en,
    ...statusMessages.en,
    ...panelMessages.en,
    ...importMessages.en,
    ...batchMessages.en,
    ...sqlMessages.en,
    ...filterMessages.en,
    ...metricsMessages.en,
    ...experimentMessages.en,
    ...experimentUiMessages.en,
    ...themeUiMessages.en,
    ...prioritiesUiMessages.en,
    ...reportMessages.en
  },
  'zh-CN': {
    ...commandMessages['zh-CN'],
    ...menuMessages['zh-CN'],
    ...dialogMessages['zh-CN'],
    ...workbenchMessages['zh-CN'],
    ...welcomeMessages['zh-CN'],
    ...explorerMessages['zh-CN'],
    ...settingsMessages['zh-CN'],
    ...errorMessages['zh-CN'],
    ...statusMessages['zh-CN'],
    ...panelMessages['zh-CN'],
    ...importMessages['zh-CN'],
    ...batchMessages['zh-CN'],
    ...sqlMessages['zh-CN'],
    ...filterMessages['zh-CN'],
    ...metricsMessages['zh-CN'],
    ...experimentMessages['zh-CN'],
    ...experimentUiMessages['zh-CN'],
    ...themeUiMessages['zh-CN'],
    ...prioritiesUiMessages['zh-CN'],
    ...reportMessages['zh-CN']
  }
} as const satisfies Record<LanguageId, Record<string, string>>

export type MessageKey = keyof (typeof CATALOG)['en']
