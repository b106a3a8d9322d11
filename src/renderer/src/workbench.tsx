import type { ReactElement } from 'react'
import { useEffect, useMemo } from 'react'
import { DEFAULT_LAYOUT, LayoutSchema } from '@shared/domain/preferences'
import { matchLanguage } from '@shared/i18n/translate'
import { Sash } from './components/sash'
import { createI18n } from './i18n/i18n'
import { I18nProvider } from './i18n/i18n-context'
import { ActivityBar } from './parts/activity-bar/activity-bar'
import { Dialog } from './parts/dialog/dialog'
import { DropOverlay } from './parts/drop-overlay/drop-overlay'
import { EditorArea } from './parts/editor-area/editor-area'
import { Notifications } from './parts/notifications/notifications'
import { Panel } from './parts/panel/panel'
import { QuickInput } from './parts/quick-input/quick-input'
import { SideBar } from './parts/side-bar/side-bar'
import { StatusBar } from './parts/status-bar/status-bar'
import { useStore } from './state/store'
import { WorkbenchProvider } from './state/workbench-context'
import type { WorkbenchController } from './state/workbench-controller'
import { applyToDocument } from './theme/theme'
import { useKeybindings } from './commands/use-keybindings'
import { useWindowHeight } from './components/use-window-height'
import './workbench.css'

const SIDEBAR = LayoutSchema.shape.sideBarWidth
const PANEL = LayoutSchema.shape.panelHeight

/** The whole window: activity bar, side bar, editors, panel and status bar, plus overlays. */
export function Workbench({ wb }: { wb: WorkbenchController }): ReactElement {
  const prefs = useStore(wb.preferences, (p) => p.preferences)
  const systemTheme = useStore(wb.systemTheme)
  const previewTheme = useStore(wb.previewTheme)
  const language = prefs.language ?? matchLanguage(wb.env.systemLanguage)
  const theme = previewTheme ?? prefs.theme ?? systemTheme
  const i18n = useMemo(() => createI18n(language, wb.env.systemLanguage), [language, wb.env.systemLanguage])
  const layout = prefs.layout
  // Ready once start-up is over and, with a workspace open, its tables and counts are on screen.
  const ready = useStore(
    wb.session,
    (s) => s.phase === 'ready' && (s.workspace === null || s.tables !== null)
  )

  useEffect(() => {
    applyToDocument(document.documentElement, theme, language)
  }, [theme, language])
  useEffect(() => {
    document.title = i18n.t('workbench.windowTitle')
  }, [i18n])
  useKeybindings(wb)

  // The panel may not take more than the window minus a usable editor.
  const windowHeight = useWindowHeight()
  const panelMax = Math.max(PANEL.minValue ?? 80, Math.min(PANEL.maxValue ?? 900, windowHeight - 180))

  return (
    <WorkbenchProvider value={wb}>
      <I18nProvider value={i18n}>
        <div
          className="lb-workbench"
          data-testid="workbench"
          data-ready={ready}
          data-theme-id={theme}
          data-language={language}
        >
          <div className="lb-workbench-body">
            <ActivityBar />
            {layout.sideBarVisible && (
              <>
                <SideBar width={layout.sideBarWidth} />
                <Sash
                  orientation="vertical"
                  value={layout.sideBarWidth}
                  min={SIDEBAR.minValue ?? 160}
                  max={SIDEBAR.maxValue ?? 800}
                  direction={1}
                  label={i18n.t('workbench.resizeSideBar')}
                  testId="sash-side-bar"
                  onChange={(value, final) =>
                    wb.setLayout({ sideBarWidth: value }, { persist: final ? 'debounced' : 'no' })
                  }
                  onReset={() => wb.setLayout({ sideBarWidth: DEFAULT_LAYOUT.sideBarWidth })}
                />
              </>
            )}
            <div className="lb-workbench-main">
              <EditorArea />
              {layout.panelVisible && (
                <>
                  <Sash
                    orientation="horizontal"
                    value={layout.panelHeight}
                    min={PANEL.minValue ?? 80}
                    max={panelMax}
                    direction={-1}
                    label={i18n.t('workbench.resizePanel')}
                    testId="sash-panel"
                    onChange={(value, final) =>
                      wb.setLayout({ panelHeight: value }, { persist: final ? 'debounced' : 'no' })
                    }
                    onReset={() => wb.setLayout({ panelHeight: DEFAULT_LAYOUT.panelHeight })}
                  />
                  <Panel height={Math.min(layout.panelHeight, panelMax)} />
                </>
              )}
            </div>
          </div>
          <StatusBar />
          <QuickInput />
          <Notifications />
          <Dialog />
          <DropOverlay />
        </div>
      </I18nProvider>
    </WorkbenchProvider>
  )
}
