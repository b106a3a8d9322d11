import type { DragEvent, KeyboardEvent, MouseEvent, ReactElement } from 'react'
import { useEffect, useRef, useState } from 'react'
import { Codicon } from '../../components/codicon'
import { EDITORS } from '../../editors/editor-registry'
import { useI18n } from '../../i18n/i18n-context'
import { useStore } from '../../state/store'
import { useWorkbench } from '../../state/workbench-context'
import { ContextMenu } from '../context-menu/context-menu'

const DRAG_TYPE = 'application/x-loopbench-tab'

/** The commands of a tab's context menu; they act on the active tab, which a right-click selects. */
const TAB_MENU = [
  'editor.close',
  'editor.closeOthers',
  'editor.closeAll',
  '-',
  'editor.moveLeft',
  'editor.moveRight'
] as const

/** The DOM id of a tab and of its panel, for aria-controls / aria-labelledby. */
export const tabDomId = (id: string): string => `lb-tab-${id.replace(/[^\w-]/g, '-')}`
export const panelDomId = (id: string): string => `lb-editor-${id.replace(/[^\w-]/g, '-')}`

/** The row of editor tabs: click to switch, × or middle-click to close, drag to reorder. */
export function EditorTabs(): ReactElement {
  const wb = useWorkbench()
  const i18n = useI18n()
  const { t } = i18n
  const state = useStore(wb.tabs)
  const strip = useRef<HTMLDivElement>(null)
  const [drop, setDrop] = useState<{ index: number } | null>(null)
  const [menu, setMenu] = useState<{ x: number; y: number } | null>(null)
  // Set when the focused tab is closed with Delete: its neighbour that becomes active takes focus.
  const refocus = useRef(false)

  useEffect(() => {
    const active = strip.current?.querySelector<HTMLElement>('[aria-selected="true"]')
    active?.scrollIntoView({ block: 'nearest', inline: 'nearest' })
    // Keep keyboard focus on the tab strip when switching with the arrow keys or closing a tab.
    const inStrip = strip.current?.contains(document.activeElement) || refocus.current
    refocus.current = false
    if (inStrip && document.activeElement !== active) active?.focus()
  }, [state.activeId])

  const onKeyDown = (e: KeyboardEvent<HTMLDivElement>): void => {
    const index = state.tabs.findIndex((tab) => tab.id === state.activeId)
    let next: number | null = null
    if (e.key === 'ArrowRight') next = index + 1
    else if (e.key === 'ArrowLeft') next = index - 1
    else if (e.key === 'Home') next = 0
    else if (e.key === 'End') next = state.tabs.length - 1
    else if (e.key === 'Delete' && state.activeId) {
      e.preventDefault()
      refocus.current = true
      void wb.closeEditor(state.activeId)
      return
    }
    if (next === null) return
    e.preventDefault()
    const tab = state.tabs[(next + state.tabs.length) % state.tabs.length]
    if (tab) wb.dispatchTabs({ type: 'activate', id: tab.id })
  }

  const dropIndex = (e: DragEvent<HTMLElement>, index: number): number => {
    const rect = e.currentTarget.getBoundingClientRect()
    return e.clientX < rect.left + rect.width / 2 ? index : index + 1
  }

  const onDrop = (e: DragEvent<HTMLElement>, index: number): void => {
    const id = e.dataTransfer.getData(DRAG_TYPE)
    setDrop(null)
    if (!id) return
    e.preventDefault()
    const from = state.tabs.findIndex((tab) => tab.id === id)
    let to = dropIndex(e, index)
    if (from < to) to -= 1
    wb.dispatchTabs({ type: 'move', id, toIndex: to })
    wb.dispatchTabs({ type: 'activate', id })
  }

  return (
    <div
      ref={strip}
      className="lb-tabs"
      role="tablist"
      aria-label={t('workbench.openEditors')}
      data-testid="editor-tabs"
      onKeyDown={onKeyDown}
      onDragLeave={(e) => {
        if (!e.currentTarget.contains(e.relatedTarget as Node)) setDrop(null)
      }}
    >
      {state.tabs.map((tab, index) => {
        const editor = EDITORS[tab.input.kind]
        const title = editor.title(i18n, tab.input)
        const active = tab.id === state.activeId
        const close = (e: MouseEvent): void => {
          e.stopPropagation()
          void wb.closeEditor(tab.id)
        }
        const dropBefore = drop?.index === index
        const dropAfter = drop?.index === index + 1 && index === state.tabs.length - 1
        return (
          <div
            key={tab.id}
            id={tabDomId(tab.id)}
            role="tab"
            aria-selected={active}
            aria-controls={panelDomId(tab.id)}
            tabIndex={active ? 0 : -1}
            title={tab.dirty ? t('workbench.tabDirtyTooltip', { title }) : title}
            className={[
              'lb-tab',
              active ? 'is-active' : '',
              tab.dirty ? 'is-dirty' : '',
              dropBefore ? 'is-drop-before' : '',
              dropAfter ? 'is-drop-after' : ''
            ]
              .filter(Boolean)
              .join(' ')}
            data-testid={`tab-${tab.id}`}
            data-tab-id={tab.id}
            draggable
            onClick={() => wb.dispatchTabs({ type: 'activate', id: tab.id })}
            onMouseDown={(e) => {
              // Middle-click closes; prevent the browser's auto-scroll cursor.
              if (e.button === 1) e.preventDefault()
            }}
            onAuxClick={(e) => {
              if (e.button === 1) close(e)
            }}
            onContextMenu={(e) => {
              e.preventDefault()
              wb.dispatchTabs({ type: 'activate', id: tab.id })
              setMenu({ x: e.clientX, y: e.clientY })
            }}
            onDragStart={(e) => {
              e.dataTransfer.setData(DRAG_TYPE, tab.id)
              e.dataTransfer.effectAllowed = 'move'
            }}
            onDragOver={(e) => {
              if (!e.dataTransfer.types.includes(DRAG_TYPE)) return
              e.preventDefault()
              e.dataTransfer.dropEffect = 'move'
              const at = dropIndex(e, index)
              if (drop?.index !== at) setDrop({ index: at })
            }}
            onDrop={(e) => onDrop(e, index)}
            onDragEnd={() => setDrop(null)}
          >
            <Codicon name={editor.icon(tab.input)} className="lb-tab-icon" />
            <span className="lb-tab-label">{title}</span>
            {/* A mouse target only: a control inside a tab is one no keyboard or screen reader
                reaches (nested-interactive); they close the tab with Delete or Ctrl+W. */}
            <span
              className="lb-tab-close"
              aria-hidden="true"
              title={t('workbench.closeTab', { title })}
              data-testid={`tab-close-${tab.id}`}
              onClick={close}
            >
              <Codicon name={tab.dirty ? 'circle-filled' : 'close'} className="lb-tab-close-icon" />
              {tab.dirty && <Codicon name="close" className="lb-tab-close-hover" />}
            </span>
          </div>
        )
      })}
      {menu && (
        <ContextMenu
          anchor={menu}
          placement="at-point"
          items={TAB_MENU}
          label={t('workbench.openEditors')}
          onClose={() => setMenu(null)}
        />
      )}
    </div>
  )
}
