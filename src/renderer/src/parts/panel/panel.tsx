import type { KeyboardEvent, ReactElement } from 'react'
import { IconButton } from '../../components/icon-button'
import { useKeybindingText } from '../../commands/use-keybinding-text'
import { useI18n } from '../../i18n/i18n-context'
import { useStore } from '../../state/store'
import { useWorkbench } from '../../state/workbench-context'
import { OutputView } from './output-view'
import { ProblemsView } from './problems-view'
import './panel.css'

const VIEWS = [
  { id: 'problems', title: 'panel.problems', command: 'workbench.showProblems' },
  { id: 'output', title: 'panel.output', command: 'workbench.showOutput' }
] as const

/** The bottom panel: Problems and Output. */
export function Panel({ height }: { height: number }): ReactElement {
  const wb = useWorkbench()
  const { t, fmt } = useI18n()
  const view = useStore(wb.panelView)
  const problemCount = useStore(wb.log, (l) => l.problems.length)
  const keybindingText = useKeybindingText()

  const onKeyDown = (e: KeyboardEvent<HTMLDivElement>): void => {
    if (e.key !== 'ArrowLeft' && e.key !== 'ArrowRight') return
    e.preventDefault()
    const next = view === 'problems' ? 'output' : 'problems'
    wb.panelView.set(next)
    e.currentTarget.querySelector<HTMLElement>(`[data-view="${next}"]`)?.focus()
  }

  return (
    <section className="lb-panel" style={{ height }} aria-label={t('workbench.panel')} data-testid="panel">
      <div className="lb-panel-header">
        <div className="lb-panel-tabs" role="tablist" aria-label={t('workbench.panel')} onKeyDown={onKeyDown}>
          {VIEWS.map((v) => {
            const selected = view === v.id
            const shortcut = keybindingText(v.command)
            return (
              <button
                key={v.id}
                type="button"
                role="tab"
                id={`lb-panel-tab-${v.id}`}
                aria-selected={selected}
                aria-controls={`lb-panel-view-${v.id}`}
                tabIndex={selected ? 0 : -1}
                data-view={v.id}
                data-testid={`panel-tab-${v.id}`}
                className={`lb-panel-tab${selected ? ' is-active' : ''}`}
                title={shortcut ? `${t(v.title)} (${shortcut})` : t(v.title)}
                onClick={() => wb.panelView.set(v.id)}
              >
                {t(v.title)}
                {v.id === 'problems' && problemCount > 0 && (
                  <span className="lb-badge" data-testid="problems-count">
                    {fmt.integer(problemCount)}
                  </span>
                )}
              </button>
            )
          })}
        </div>
        <div className="lb-panel-actions">
          <IconButton
            icon="clear-all"
            label={t(view === 'problems' ? 'command.clearProblems' : 'command.clearOutput')}
            onClick={() => (view === 'problems' ? wb.clearProblems() : wb.clearOutput())}
          />
          <IconButton
            icon="close"
            label={t('panel.close')}
            testId="panel-close"
            onClick={() => wb.setLayout({ panelVisible: false })}
          />
        </div>
      </div>
      <div
        className="lb-panel-body"
        role="tabpanel"
        id={`lb-panel-view-${view}`}
        aria-labelledby={`lb-panel-tab-${view}`}
      >
        {view === 'problems' ? <ProblemsView /> : <OutputView />}
      </div>
    </section>
  )
}
