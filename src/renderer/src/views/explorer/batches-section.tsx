import type { MouseEvent, ReactElement } from 'react'
import { useEffect, useState } from 'react'
import type { ImportBatchInfo } from '@shared/domain/import'
import { Codicon } from '../../components/codicon'
import { IconButton } from '../../components/icon-button'
import { KIND_ICONS } from '../../editors/import/import-labels'
import { useI18n } from '../../i18n/i18n-context'
import type { ContextMenuAction } from '../../parts/context-menu/context-menu'
import { ContextMenu } from '../../parts/context-menu/context-menu'
import { useStore } from '../../state/store'
import { useWorkbench } from '../../state/workbench-context'
import { Section } from './view-section'

/** The Explorer's import batches, newest first: file, kind, counts and time; undo from here. */
export function BatchesSection(): ReactElement {
  const wb = useWorkbench()
  const { t, fmt } = useI18n()
  const state = useStore(wb.imports.batches)
  const [menu, setMenu] = useState<{ batch: ImportBatchInfo; x: number; y: number } | null>(null)

  useEffect(() => wb.imports.ensureBatches(), [wb])

  const committed = state.list?.filter((b) => b.status === 'committed').length
  const actions = (batch: ImportBatchInfo): ContextMenuAction[] => [
    {
      id: 'batch-details',
      label: t('batches.openDetails'),
      icon: 'info',
      run: () => wb.openEditor({ kind: 'batch', batchId: batch.id, name: batch.sourceName })
    },
    ...(batch.status === 'committed'
      ? [
          {
            id: 'batch-undo',
            label: t('batches.undo.action'),
            icon: 'discard',
            run: () => void wb.imports.undo(batch)
          }
        ]
      : [])
  ]

  return (
    <Section
      id="batches"
      title={t('batches.section')}
      count={committed === undefined ? undefined : <span className="lb-badge">{fmt.integer(committed)}</span>}
      actions={
        <IconButton
          icon="refresh"
          label={t('command.refreshWorkspace')}
          testId="batches-refresh"
          onClick={() => void wb.imports.refreshBatches()}
        />
      }
    >
      {state.error ? (
        <p className="lb-explorer-note" data-testid="batches-error">
          {state.error.code === 'not_supported' ? t('batches.unavailable') : t('batches.error')}
        </p>
      ) : state.list === null ? (
        <div className="lb-explorer-loading" aria-busy="true">
          <span className="lb-explorer-skeleton" style={{ width: '70%' }} />
          <span className="lb-explorer-skeleton" style={{ width: '50%' }} />
        </div>
      ) : state.list.length === 0 ? (
        <p className="lb-explorer-note" data-testid="batches-empty">
          {t('batches.empty')}{' '}
          <button type="button" className="lb-link" onClick={() => void wb.runCommand('import.open')}>
            {t('batches.emptyAction')}
          </button>
        </p>
      ) : (
        <ul className="lb-explorer-batches" aria-label={t('batches.section')} data-testid="batches-list">
          {state.list.map((batch) => (
            <BatchItem
              key={batch.id}
              batch={batch}
              onMenu={(e) => {
                e.preventDefault()
                setMenu({ batch, x: e.clientX, y: e.clientY })
              }}
            />
          ))}
        </ul>
      )}
      {menu && (
        <ContextMenu
          anchor={{ x: menu.x, y: menu.y }}
          placement="at-point"
          items={actions(menu.batch)}
          label={t('batches.actions', { file: menu.batch.sourceName })}
          onClose={() => setMenu(null)}
        />
      )}
    </Section>
  )
}

function BatchItem({
  batch,
  onMenu
}: {
  batch: ImportBatchInfo
  onMenu: (e: MouseEvent) => void
}): ReactElement {
  const wb = useWorkbench()
  const { t, fmt } = useI18n()
  const timeZone = useStore(wb.session, (s) => s.settings?.timeZone)
  const activeId = useStore(wb.tabs, (s) => s.activeId)
  const undone = batch.status === 'undone'
  const counts = [
    ...(batch.inserted > 0 ? [t('batches.item.new', { count: fmt.integer(batch.inserted) })] : []),
    ...(batch.updated > 0 ? [t('batches.item.updated', { count: fmt.integer(batch.updated) })] : []),
    ...(batch.rejected > 0 ? [t('batches.item.rejected', { count: fmt.integer(batch.rejected) })] : [])
  ]
  const time = fmt.dateTime(batch.finishedAt ?? batch.startedAt, timeZone)
  return (
    <li
      className={`lb-explorer-batch${undone ? ' is-undone' : ''}${activeId === `batch:${batch.id}` ? ' is-active' : ''}`}
      data-testid="batch-item"
      data-batch-id={batch.id}
      data-status={batch.status}
      onContextMenu={onMenu}
    >
      <button
        type="button"
        className="lb-explorer-batch-main"
        title={t('batches.tooltip', { file: batch.sourceName, kind: t(`import.kind.${batch.kind}`), time })}
        onClick={() => wb.openEditor({ kind: 'batch', batchId: batch.id, name: batch.sourceName })}
      >
        <Codicon name={KIND_ICONS[batch.kind]} />
        <span className="lb-explorer-batch-text">
          <span className="lb-explorer-batch-name">
            <span className="lb-explorer-name-text" data-testid="batch-name">
              {batch.sourceName}
            </span>
            {undone && <span className="lb-explorer-tag is-muted">{t('batches.tag.undone')}</span>}
          </span>
          <span className="lb-explorer-batch-meta" data-testid="batch-counts">
            {counts.length > 0 ? counts.join(' · ') : t('batches.item.unchanged')}
            <span className="lb-explorer-batch-time"> · {time}</span>
          </span>
        </span>
      </button>
      {!undone && (
        <IconButton
          icon="discard"
          className="lb-explorer-batch-action"
          label={t('batches.undo.action')}
          testId="batch-undo"
          onClick={() => void wb.imports.undo(batch)}
        />
      )}
    </li>
  )
}
