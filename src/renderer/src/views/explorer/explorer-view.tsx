import type { ReactElement } from 'react'
import { BROWSABLE_TABLES } from '@shared/domain/data-browser'
import { Codicon } from '../../components/codicon'
import { IconButton } from '../../components/icon-button'
import { TABLE_META } from '../../data/table-meta'
import { useI18n } from '../../i18n/i18n-context'
import { useStore } from '../../state/store'
import { useWorkbench } from '../../state/workbench-context'
import { BatchesSection } from './batches-section'
import { Section } from './view-section'
import './explorer-view.css'

/** The Explorer: the open workspace and its tables with row counts. */
export function ExplorerView(): ReactElement {
  const wb = useWorkbench()
  const { t } = useI18n()
  const phase = useStore(wb.session, (s) => s.phase)
  const workspace = useStore(wb.session, (s) => s.workspace)
  return (
    <div className="lb-explorer" data-testid="explorer">
      <div className="lb-view-title">
        <h2>{t('view.explorer')}</h2>
        {workspace && (
          <div className="lb-view-actions">
            <IconButton
              icon="cloud-upload"
              label={t('command.importFile')}
              testId="explorer-import"
              onClick={() => void wb.runCommand('import.open')}
            />
            <IconButton
              icon="refresh"
              label={t('command.refreshWorkspace')}
              testId="explorer-refresh"
              onClick={() => void wb.runCommand('workspace.refresh')}
            />
          </div>
        )}
      </div>
      {phase === 'booting' ? (
        <ExplorerSkeleton />
      ) : workspace ? (
        <>
          <WorkspaceSection />
          <TablesSection />
          <BatchesSection />
        </>
      ) : (
        <NoWorkspace />
      )}
    </div>
  )
}

function WorkspaceSection(): ReactElement | null {
  const wb = useWorkbench()
  const { t, fmt } = useI18n()
  const workspace = useStore(wb.session, (s) => s.workspace)
  const timeZone = useStore(wb.session, (s) => s.settings?.timeZone)
  if (!workspace) return null
  const facts: Array<[string, string, string]> = [
    ['schema', t('explorer.schemaVersion'), fmt.integer(workspace.schemaVersion)],
    ['size', t('explorer.size'), fmt.bytes(workspace.sizeBytes)],
    ['created', t('explorer.created'), fmt.date(workspace.createdAt, timeZone)]
  ]
  return (
    <Section id="workspace" title={t('explorer.workspace')}>
      <div className="lb-explorer-workspace">
        <div
          className="lb-explorer-workspace-name"
          title={workspace.path}
          data-testid="explorer-workspace-name"
        >
          <Codicon name="database" />
          <span className="lb-explorer-name-text">{workspace.name}</span>
          {workspace.isDemo && <span className="lb-explorer-tag">{t('explorer.demo')}</span>}
        </div>
        {/* Right-to-left only to put the ellipsis at the start; <bdi> keeps the path itself in order. */}
        <div className="lb-explorer-path lb-selectable" title={workspace.path} dir="rtl">
          <bdi>{workspace.path}</bdi>
        </div>
        <dl className="lb-explorer-facts">
          {facts.map(([id, label, value]) => (
            <div key={id} className="lb-explorer-fact" data-testid={`explorer-fact-${id}`}>
              <dt>{label}</dt>
              <dd>{value}</dd>
            </div>
          ))}
        </dl>
      </div>
    </Section>
  )
}

function TablesSection(): ReactElement {
  const wb = useWorkbench()
  const { t, fmt } = useI18n()
  const tables = useStore(wb.session, (s) => s.tables)
  const activeId = useStore(wb.tabs, (s) => s.activeId)
  const rows = BROWSABLE_TABLES.map((table) => ({
    table,
    rows: tables?.find((s) => s.table === table)?.rows ?? null
  }))
  return (
    <Section id="tables" title={t('explorer.tables')}>
      <ul className="lb-explorer-tables" role="list" aria-label={t('explorer.tables')}>
        {rows.map(({ table, rows: count }) => {
          const meta = TABLE_META[table]
          const label = t(meta.title)
          const countText = count === null ? '' : fmt.integer(count)
          return (
            <li key={table}>
              <button
                type="button"
                className={`lb-explorer-table${activeId === `table:${table}` ? ' is-active' : ''}`}
                data-testid={`explorer-table-${table}`}
                title={count === null ? label : t('explorer.tableTooltip', { table: label, rows: countText })}
                onClick={() => wb.openTable(table)}
              >
                <Codicon name={meta.icon} />
                <span className="lb-explorer-table-name">{label}</span>
                <span className="lb-explorer-table-count" data-testid={`explorer-count-${table}`}>
                  {count === null ? <span className="lb-explorer-skeleton" /> : countText}
                </span>
              </button>
            </li>
          )
        })}
      </ul>
    </Section>
  )
}

function NoWorkspace(): ReactElement {
  const wb = useWorkbench()
  const { t } = useI18n()
  const canSwitch = useStore(wb.session, (s) => s.app?.capabilities.switchWorkspace ?? false)
  return (
    <div className="lb-explorer-empty" data-testid="explorer-empty">
      <p>{t('explorer.noWorkspace')}</p>
      {canSwitch && (
        <div className="lb-explorer-empty-actions">
          <button type="button" className="lb-button" onClick={() => void wb.runCommand('workspace.open')}>
            {t('welcome.open')}
          </button>
          <button
            type="button"
            className="lb-button is-secondary"
            onClick={() => void wb.runCommand('workspace.openDemo')}
          >
            {t('welcome.openDemo')}
          </button>
        </div>
      )}
    </div>
  )
}

function ExplorerSkeleton(): ReactElement {
  return (
    <div className="lb-explorer-loading" aria-busy="true">
      {[70, 55, 80, 60, 65].map((w, i) => (
        <span key={i} className="lb-explorer-skeleton" style={{ width: `${w}%` }} />
      ))}
    </div>
  )
}
