import type { KeyboardEvent, ReactElement } from 'react'
import { useState } from 'react'
import { Codicon } from '../../components/codicon'
import { useI18n } from '../../i18n/i18n-context'
import { useStore } from '../../state/store'
import { useWorkbench } from '../../state/workbench-context'
import { VIEWS, findView } from '../../views/view-registry'
import { ContextMenu } from '../context-menu/context-menu'
import { useKeybindingText } from '../../commands/use-keybinding-text'
import './activity-bar.css'

/** Commands of the gear's context menu, as in VS Code's Manage menu. */
const MANAGE_MENU = [
  'workbench.showCommands',
  'workbench.quickOpen',
  '-',
  'workbench.openSettings',
  'theme.select',
  'language.select',
  '-',
  'workbench.openWelcome',
  'help.about'
] as const

/** The strip of view icons on the far left; Settings (the gear) sits at the bottom. */
export function ActivityBar(): ReactElement {
  const wb = useWorkbench()
  const { t } = useI18n()
  const layout = useStore(wb.preferences, (p) => p.preferences.layout)
  const keybindingText = useKeybindingText()
  const active = findView(layout.activeView)
  const [menuOpen, setMenuOpen] = useState(false)
  const settingsShortcut = keybindingText('workbench.openSettings')
  // Kept in state, not a ref, because the menu is positioned from it while rendering.
  const [gear, setGear] = useState<HTMLButtonElement | null>(null)
  // Roving tab stop (WAI-ARIA tabs pattern): the view icons are one stop of the Tab sequence, the
  // arrow keys move among them and Enter or Space shows the focused one. The stop is the focused
  // icon while focus is in the strip, else the active view's.
  const [focusedId, setFocusedId] = useState<string | null>(null)
  const tabStopId = focusedId ?? active.id

  const onViewsKeyDown = (e: KeyboardEvent<HTMLDivElement>): void => {
    const index = VIEWS.findIndex((v) => v.id === tabStopId)
    let next: number
    if (e.key === 'ArrowDown' || e.key === 'ArrowRight') next = index + 1
    else if (e.key === 'ArrowUp' || e.key === 'ArrowLeft') next = index - 1
    else if (e.key === 'Home') next = 0
    else if (e.key === 'End') next = VIEWS.length - 1
    else return
    e.preventDefault()
    const view = VIEWS[(next + VIEWS.length) % VIEWS.length]
    if (!view) return
    setFocusedId(view.id)
    e.currentTarget.querySelector<HTMLElement>(`[data-view-id="${view.id}"]`)?.focus()
  }

  const select = (id: string): void => {
    // Clicking the active view's icon hides the side bar, as in VS Code.
    if (layout.sideBarVisible && active.id === id) wb.setLayout({ sideBarVisible: false })
    else wb.setLayout({ activeView: id, sideBarVisible: true })
  }

  return (
    <nav className="lb-activity-bar" aria-label={t('workbench.activityBar')} data-testid="activity-bar">
      <div
        className="lb-activity-bar-views"
        role="tablist"
        aria-orientation="vertical"
        aria-label={t('workbench.views')}
        onKeyDown={onViewsKeyDown}
        onBlur={(e) => {
          if (!e.currentTarget.contains(e.relatedTarget as Node | null)) setFocusedId(null)
        }}
      >
        {VIEWS.map((view) => {
          const selected = layout.sideBarVisible && view.id === active.id
          const shortcut = view.commandId ? keybindingText(view.commandId) : null
          const label = t(view.title)
          return (
            <button
              key={view.id}
              type="button"
              role="tab"
              aria-selected={selected}
              aria-label={label}
              tabIndex={view.id === tabStopId ? 0 : -1}
              data-view-id={view.id}
              title={shortcut ? `${label} (${shortcut})` : label}
              className={`lb-activity-item${selected ? ' is-active' : ''}`}
              data-testid={`activity-${view.id}`}
              onFocus={() => setFocusedId(view.id)}
              onClick={() => select(view.id)}
            >
              <Codicon name={view.icon} />
            </button>
          )
        })}
      </div>
      <div className="lb-activity-bar-bottom">
        <button
          ref={setGear}
          type="button"
          aria-label={t('editor.settings.title')}
          title={`${t('editor.settings.title')}${settingsShortcut ? ` (${settingsShortcut})` : ''} · ${t('workbench.manageHint')}`}
          className={`lb-activity-item${menuOpen ? ' is-open' : ''}`}
          data-testid="activity-settings"
          onClick={() => void wb.runCommand('workbench.openSettings')}
          onContextMenu={(e) => {
            e.preventDefault()
            setMenuOpen(true)
          }}
          onKeyDown={(e) => {
            if (e.key === 'ContextMenu' || (e.shiftKey && e.key === 'F10')) {
              e.preventDefault()
              setMenuOpen(true)
            }
          }}
        >
          <Codicon name="settings-gear" />
        </button>
      </div>
      {menuOpen && gear && (
        <ContextMenu
          anchor={gear}
          placement="right-end"
          items={MANAGE_MENU}
          label={t('workbench.manage')}
          onClose={() => setMenuOpen(false)}
        />
      )}
    </nav>
  )
}
