import type { ComponentType } from 'react'
import { lazy } from 'react'
import type { I18n } from '../i18n/i18n'
import type { EditorInput, EditorKind } from '../state/tab-model'
import { TABLE_META } from '../data/table-meta'
import { WelcomeEditor } from './welcome/welcome-editor'

/** What every editor component receives. */
export interface EditorProps {
  id: string
  input: EditorInput
  active: boolean
}

interface EditorDescriptor {
  icon(input: EditorInput): string
  title(i18n: I18n, input: EditorInput): string
  component: ComponentType<EditorProps>
}

// The table and settings editors are loaded on first use; the Welcome page is part of the first paint.
const TableEditor = lazy(() => import('./table/table-editor').then((m) => ({ default: m.TableEditor })))
const SettingsEditor = lazy(() =>
  import('./settings/settings-editor').then((m) => ({ default: m.SettingsEditor }))
)
const ImportEditor = lazy(() => import('./import/import-editor').then((m) => ({ default: m.ImportEditor })))
const SqlConsole = lazy(() => import('./sql/sql-console').then((m) => ({ default: m.SqlConsole })))
const MetricsDashboard = lazy(() =>
  import('./metrics/metrics-dashboard').then((m) => ({ default: m.MetricsDashboard }))
)
const ExperimentEditor = lazy(() =>
  import('./experiments/experiment-editor').then((m) => ({ default: m.ExperimentEditor }))
)
const SampleSizeEditor = lazy(() =>
  import('./experiments/sample-size-editor').then((m) => ({ default: m.SampleSizeEditor }))
)
const ThemeEditor = lazy(() => import('./themes/theme-editor').then((m) => ({ default: m.ThemeEditor })))
const BatchEditor = lazy(() => import('./batch/batch-editor').then((m) => ({ default: m.BatchEditor })))
const PrioritiesEditor = lazy(() =>
  import('./priorities/priorities-editor').then((m) => ({ default: m.PrioritiesEditor }))
)
const ReportPreview = lazy(() =>
  import('./report/report-preview').then((m) => ({ default: m.ReportPreview }))
)

export const EDITORS: Readonly<Record<EditorKind, EditorDescriptor>> = {
  welcome: {
    icon: () => 'home',
    title: ({ t }) => t('editor.welcome.title'),
    component: WelcomeEditor
  },
  settings: {
    icon: () => 'settings-gear',
    title: ({ t }) => t('editor.settings.title'),
    component: SettingsEditor
  },
  table: {
    icon: (input) => (input.kind === 'table' ? TABLE_META[input.table].icon : 'table'),
    title: ({ t }, input) =>
      input.kind === 'table' ? t(TABLE_META[input.table].title) : t('editor.table.title'),
    component: TableEditor
  },
  import: {
    icon: () => 'cloud-upload',
    title: ({ t }) => t('editor.import.title'),
    component: ImportEditor
  },
  sql: {
    icon: () => 'terminal',
    title: ({ t }) => t('editor.sql.title'),
    component: SqlConsole
  },
  metrics: {
    icon: () => 'graph-line',
    title: ({ t }) => t('editor.metrics.title'),
    component: MetricsDashboard
  },
  batch: {
    icon: () => 'archive',
    title: ({ t }, input) =>
      input.kind === 'batch'
        ? t('batches.tab', { id: input.batchId, file: input.name })
        : t('editor.batch.title'),
    component: BatchEditor
  },
  experiment: {
    icon: () => 'beaker',
    title: ({ t }, input) => (input.kind === 'experiment' ? input.name : t('editor.experiment.title')),
    component: ExperimentEditor
  },
  sampleSize: {
    icon: () => 'symbol-numeric',
    title: ({ t }) => t('editor.sampleSize.title'),
    component: SampleSizeEditor
  },
  theme: {
    icon: () => 'tag',
    title: ({ t }, input) =>
      input.kind === 'theme' ? input.label || t('editor.theme.title') : t('editor.theme.title'),
    component: ThemeEditor
  },
  priorities: {
    icon: () => 'list-ordered',
    title: ({ t }) => t('editor.priorities.title'),
    component: PrioritiesEditor
  },
  report: {
    icon: () => 'file-pdf',
    title: ({ t }) => t('editor.report.title'),
    component: ReportPreview
  }
}
