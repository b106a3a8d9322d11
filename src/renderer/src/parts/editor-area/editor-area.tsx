import type { ReactElement } from 'react'
import { Suspense } from 'react'
import { Codicon } from '../../components/codicon'
import { KeybindingLabel } from '../../components/keybinding-label'
import { useKeybindingText } from '../../commands/use-keybinding-text'
import { EDITORS } from '../../editors/editor-registry'
import { useI18n } from '../../i18n/i18n-context'
import { useStore } from '../../state/store'
import { useWorkbench } from '../../state/workbench-context'
import { EditorErrorBoundary } from './editor-error-boundary'
import { EditorTabs, panelDomId, tabDomId } from './editor-tabs'
import './editor-area.css'

/** The editor area: the tab strip and the open editors, or a watermark with shortcuts when empty. */
export function EditorArea(): ReactElement {
  const wb = useWorkbench()
  const i18n = useI18n()
  const state = useStore(wb.tabs)
  const epoch = useStore(wb.session, (s) => s.workspaceEpoch)

  return (
    <main className="lb-editor-area" aria-label={i18n.t('workbench.editorArea')} data-testid="editor-area">
      {state.tabs.length === 0 ? (
        <Watermark />
      ) : (
        <>
          <EditorTabs />
          <div className="lb-editors">
            {state.tabs.map((tab) => {
              const active = tab.id === state.activeId
              const Editor = EDITORS[tab.input.kind].component
              return (
                <section
                  key={`${tab.id}@${epoch}`}
                  id={panelDomId(tab.id)}
                  role="tabpanel"
                  aria-labelledby={tabDomId(tab.id)}
                  hidden={!active}
                  className="lb-editor"
                  data-testid={`editor-${tab.id}`}
                >
                  <EditorErrorBoundary
                    onError={(error) =>
                      wb.reportError({ code: 'internal', message: error.message }, `editor:${tab.id}`)
                    }
                    fallback={(error, retry) => (
                      <div className="lb-editor-crashed" role="alert">
                        <Codicon name="error" />
                        <p>{i18n.t('error.editorCrashed')}</p>
                        <p className="lb-editor-crashed-detail lb-selectable">{error.message}</p>
                        <button type="button" className="lb-button" onClick={retry}>
                          {i18n.t('error.editorCrashed.retry')}
                        </button>
                      </div>
                    )}
                  >
                    <Suspense fallback={<div className="lb-editor-loading" aria-busy="true" />}>
                      <Editor id={tab.id} input={tab.input} active={active} />
                    </Suspense>
                  </EditorErrorBoundary>
                </section>
              )
            })}
          </div>
        </>
      )}
    </main>
  )
}

const WATERMARK_COMMANDS = [
  'workbench.showCommands',
  'workbench.quickOpen',
  'workbench.openSettings',
  'workbench.togglePanel'
] as const

function Watermark(): ReactElement {
  const wb = useWorkbench()
  const { t } = useI18n()
  const keybindingText = useKeybindingText()
  return (
    <div className="lb-watermark" data-testid="editor-watermark">
      <div className="lb-watermark-logo" aria-hidden="true">
        <Codicon name="sync" />
      </div>
      <dl className="lb-watermark-shortcuts">
        {WATERMARK_COMMANDS.map((id) => {
          const command = wb.commands.get(id)
          const shortcut = keybindingText(id)
          if (!command) return null
          return (
            <div key={id} className="lb-watermark-row">
              <dt>{t(command.title)}</dt>
              <dd>{shortcut && <KeybindingLabel text={shortcut} />}</dd>
            </div>
          )
        })}
      </dl>
    </div>
  )
}
