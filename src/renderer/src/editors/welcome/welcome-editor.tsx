import type { ReactElement } from 'react'
import type { MessageKey } from '@shared/i18n/catalog'
import { Codicon } from '../../components/codicon'
import { IconButton } from '../../components/icon-button'
import { InlineCode } from '../../components/inline-code'
import { useI18n } from '../../i18n/i18n-context'
import { useStore } from '../../state/store'
import { useWorkbench } from '../../state/workbench-context'
import './welcome-editor.css'

interface Step {
  id: string
  icon: string
  title: MessageKey
  description: MessageKey
  /** Whether this version can do it yet; the rest are described, not offered. */
  available: boolean
  /** A command that starts this step, offered as a button when it can run. */
  action?: { label: MessageKey; command: string; icon: string }
}

/** The workflow the product is built around, in order. */
const STEPS: readonly Step[] = [
  {
    id: 'import',
    icon: 'cloud-upload',
    title: 'welcome.step.import',
    description: 'welcome.step.import.description',
    available: true,
    action: { label: 'import.welcome.action', command: 'import.open', icon: 'cloud-upload' }
  },
  {
    id: 'explore',
    icon: 'table',
    title: 'welcome.step.explore',
    description: 'welcome.step.explore.description',
    available: true,
    action: { label: 'command.openSqlConsole', command: 'sql.open', icon: 'terminal' }
  },
  {
    id: 'measure',
    icon: 'pulse',
    title: 'welcome.step.measure',
    description: 'welcome.step.measure.description',
    available: true,
    action: { label: 'command.openMetrics', command: 'metrics.open', icon: 'graph-line' }
  },
  {
    id: 'experiments',
    icon: 'beaker',
    title: 'welcome.step.experiments',
    description: 'welcome.step.experiments.description',
    available: false
  },
  {
    id: 'themes',
    icon: 'tag',
    title: 'welcome.step.themes',
    description: 'welcome.step.themes.description',
    available: true,
    action: { label: 'command.themes.show', command: 'themes.show', icon: 'tag' }
  },
  {
    id: 'priorities',
    icon: 'list-ordered',
    title: 'welcome.step.priorities',
    description: 'welcome.step.priorities.description',
    available: false
  }
]

/** The Welcome page: what Loopbench is, how to start, recent workspaces and the workflow. */
export function WelcomeEditor(): ReactElement {
  const wb = useWorkbench()
  const { t, fmt, text } = useI18n()
  const workspace = useStore(wb.session, (s) => s.workspace)
  const recent = useStore(wb.session, (s) => s.recent)
  const switching = useStore(wb.session, (s) => s.switching)
  const canSwitch = useStore(wb.session, (s) => s.app?.capabilities.switchWorkspace ?? false)
  const notice = useStore(wb.welcomeNotice)
  const phase = useStore(wb.session, (s) => s.phase)
  const context = wb.context()

  const actions = [
    { id: 'new', icon: 'new-file', label: t('welcome.new'), command: 'workspace.new' },
    { id: 'open', icon: 'folder-opened', label: t('welcome.open'), command: 'workspace.open' },
    { id: 'demo', icon: 'beaker', label: t('welcome.openDemo'), command: 'workspace.openDemo' }
  ]

  return (
    <div className="lb-welcome" data-testid="welcome">
      <div className="lb-welcome-inner">
        <header className="lb-welcome-hero">
          <div className="lb-welcome-mark" aria-hidden="true">
            <Codicon name="sync" />
          </div>
          <div>
            <h1>Loopbench</h1>
            <p className="lb-welcome-tagline">{t('welcome.tagline')}</p>
          </div>
        </header>

        <div className="lb-welcome-columns">
          <div className="lb-welcome-column">
            <section className="lb-welcome-section" aria-labelledby="welcome-start">
              <h2 id="welcome-start">{t('welcome.start')}</h2>
              <ul className="lb-welcome-actions">
                {actions.map((action) => (
                  <li key={action.id}>
                    <button
                      type="button"
                      className="lb-welcome-action"
                      disabled={switching}
                      data-testid={`welcome-${action.id}`}
                      onClick={() => void wb.runCommand(action.command)}
                    >
                      <Codicon name={action.icon} />
                      <span>{action.label}</span>
                    </button>
                  </li>
                ))}
              </ul>
              {switching && (
                <p className="lb-welcome-progress" role="status">
                  <Codicon name="loading" spin /> {t('welcome.opening')}
                </p>
              )}
              {notice && (
                <div className="lb-welcome-notice" role="status" data-testid="welcome-notice">
                  <Codicon name="info" />
                  <p>
                    <InlineCode text={text(notice)} />
                  </p>
                </div>
              )}
            </section>

            <section className="lb-welcome-section" aria-labelledby="welcome-recent">
              <h2 id="welcome-recent">{t('welcome.recent')}</h2>
              {recent.length === 0 ? (
                <p className="lb-welcome-muted">{phase === 'booting' ? '' : t('welcome.noRecent')}</p>
              ) : (
                <ul className="lb-welcome-recent" data-testid="welcome-recent">
                  {recent.slice(0, 8).map((item) => {
                    const current = workspace?.path === item.path
                    return (
                      <li key={item.path} className="lb-welcome-recent-item">
                        <button
                          type="button"
                          className="lb-link"
                          title={item.path}
                          disabled={switching}
                          onClick={() =>
                            current
                              ? wb.setLayout({ activeView: 'explorer', sideBarVisible: true })
                              : void wb.openRecent(item.path)
                          }
                        >
                          {item.name}
                        </button>
                        <span className="lb-welcome-recent-path" title={item.path}>
                          {item.path}
                        </span>
                        {current ? (
                          <span className="lb-welcome-current">{t('welcome.current')}</span>
                        ) : (
                          canSwitch && (
                            <IconButton
                              icon="close"
                              className="lb-welcome-forget"
                              title={t('welcome.forget')}
                              label={t('welcome.forgetNamed', { name: item.name })}
                              onClick={() => void wb.forgetRecent(item.path)}
                            />
                          )
                        )}
                      </li>
                    )
                  })}
                </ul>
              )}
            </section>
          </div>

          <div className="lb-welcome-column">
            {!workspace && phase === 'ready' && (
              <section className="lb-welcome-card" aria-labelledby="welcome-try">
                <div className="lb-welcome-card-head">
                  <Codicon name="beaker" />
                  <h2 id="welcome-try">{t('welcome.tryDemo')}</h2>
                </div>
                <p className="lb-welcome-card-counts">{t('welcome.tryDemo.description')}</p>
                <div className="lb-welcome-card-actions">
                  <button
                    type="button"
                    className="lb-button"
                    onClick={() => void wb.runCommand('workspace.openDemo')}
                  >
                    {t('welcome.openDemo')}
                  </button>
                </div>
              </section>
            )}
            {workspace && (
              <section
                className="lb-welcome-card"
                data-testid="welcome-current"
                aria-labelledby="welcome-open"
              >
                <div className="lb-welcome-card-head">
                  <Codicon name="database" />
                  <h2 id="welcome-open" title={workspace.path}>
                    {workspace.name}
                  </h2>
                </div>
                <p className="lb-welcome-card-counts">
                  {t('welcome.currentCounts', {
                    tickets: fmt.integer(workspace.counts.tickets),
                    responses: fmt.integer(workspace.counts.surveyResponses),
                    experiments: fmt.integer(workspace.counts.experiments)
                  })}
                </p>
                <div className="lb-welcome-card-actions">
                  <button type="button" className="lb-button" onClick={() => wb.openTable('tickets')}>
                    <Codicon name="table" /> {t('welcome.browseTickets')}
                  </button>
                  <button
                    type="button"
                    className="lb-button is-secondary"
                    onClick={() => wb.openEditor({ kind: 'settings' })}
                  >
                    {t('welcome.analysisSettings')}
                  </button>
                </div>
              </section>
            )}
          </div>
        </div>

        <section className="lb-welcome-section lb-welcome-steps-section" aria-labelledby="welcome-steps">
          <h2 id="welcome-steps">{t('welcome.whatYouCanDo')}</h2>
          <ol className="lb-welcome-steps">
            {STEPS.map((step, index) => (
              <li key={step.id} className={`lb-welcome-step${step.available ? '' : ' is-later'}`}>
                <span className="lb-welcome-step-icon" aria-hidden="true">
                  <Codicon name={step.icon} />
                </span>
                <div>
                  <h3>
                    <span className="lb-welcome-step-number">{fmt.integer(index + 1)}</span>
                    {t(step.title)}
                    {!step.available && <span className="lb-welcome-soon">{t('welcome.soon')}</span>}
                  </h3>
                  <p>{t(step.description)}</p>
                  {step.action && wb.commands.isEnabled(step.action.command, context) && (
                    <button
                      type="button"
                      className="lb-button is-secondary lb-welcome-step-action"
                      data-testid={`welcome-step-${step.id}`}
                      onClick={() => void wb.runCommand(step.action?.command ?? '')}
                    >
                      <Codicon name={step.action.icon} />
                      {t(step.action.label)}
                    </button>
                  )}
                </div>
              </li>
            ))}
          </ol>
        </section>

        <footer className="lb-welcome-footer">
          <Codicon name="shield" />
          <span>{t('welcome.privacy')}</span>
        </footer>
      </div>
    </div>
  )
}
