import type { ReactElement } from 'react'
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

  const select = (id: string): void => {
    // Clicking the active view's icon hides the side bar, as in VS Code.
    if (layout.sideBarVisible && active.id === id) wb.setLayout({ sideBarVisible: false })
    else wb.setLayout({ activeView: id, sideBarVisible: true })
  }

  return (
    <nav className="lb-activity-bar" aria-label={t('workbench.activityBar')} data-testid="activity-bar">
      <div className="lb-activity-bar-views" role="tablist" aria-orientation="vertical">
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
              title={shortcut ? `${label} (${shortcut})` : label}
              className={`lb-activity-item${selected ? ' is-active' : ''}`}
              data-testid={`activity-${view.id}`}
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
