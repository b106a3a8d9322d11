import type { ReactElement, ReactNode } from 'react'
import { Codicon } from '../../components/codicon'
import { showJobPicker, showLanguagePicker, showThemePicker } from '../../commands/pickers'
import { jobTitleKey } from '../../data/job-titles'
import { useI18n } from '../../i18n/i18n-context'
import { useStore } from '../../state/store'
import { useWorkbench } from '../../state/workbench-context'
import './status-bar.css'

/** The status bar: workspace and counts on the left; jobs, privacy, language and theme on the right. */
export function StatusBar(): ReactElement {
  const wb = useWorkbench()
  const i18n = useI18n()
  const { t, fmt } = i18n
  const workspace = useStore(wb.session, (s) => s.workspace)
  const phase = useStore(wb.session, (s) => s.phase)
  const app = useStore(wb.session, (s) => s.app)
  const connected = useStore(wb.session, (s) => s.connected)
  const jobs = useStore(wb.session, (s) => s.jobs)
  const problems = useStore(wb.log, (l) => l.problems)
  const prefs = useStore(wb.preferences, (p) => p.preferences)
  const systemTheme = useStore(wb.systemTheme)

  const running = jobs.filter((j) => j.state === 'running' || j.state === 'queued')
  const job = running[running.length - 1]
  const jobKey = job ? jobTitleKey(job) : undefined
  const errors = problems.filter((p) => p.severity === 'error').length
  const warnings = problems.length - errors
  const language = prefs.language ?? i18n.language
  const theme = prefs.theme ?? systemTheme
  const plural = (
    count: number,
    one: 'status.tickets.one' | 'status.responses.one',
    other: 'status.tickets.other' | 'status.responses.other'
  ): string => t(count === 1 && i18n.language === 'en' ? one : other, { count: fmt.integer(count) })

  return (
    <footer
      className={`lb-status-bar${workspace ? '' : ' is-empty'}`}
      role="status"
      aria-live="off"
      aria-label={t('workbench.statusBar')}
      data-testid="status-bar"
    >
      <div className="lb-status-group">
        <StatusItem
          testId="status-workspace"
          title={
            workspace
              ? t('status.workspaceTooltip', { path: workspace.path })
              : t('status.noWorkspaceTooltip')
          }
          onClick={() => wb.setLayout({ activeView: 'explorer', sideBarVisible: true })}
        >
          <Codicon name="database" />
          <span className="lb-status-text">
            {workspace ? workspace.name : phase === 'booting' ? t('status.loading') : t('status.noWorkspace')}
          </span>
        </StatusItem>
        {workspace && (
          <StatusItem
            testId="status-counts"
            title={t('status.countsTooltip')}
            onClick={() => wb.openTable('tickets')}
          >
            <span className="lb-status-text">
              {plural(workspace.counts.tickets, 'status.tickets.one', 'status.tickets.other')}
              <span className="lb-status-sep" aria-hidden="true">
                ·
              </span>
              {plural(workspace.counts.surveyResponses, 'status.responses.one', 'status.responses.other')}
            </span>
          </StatusItem>
        )}
        <StatusItem
          testId="status-problems"
          title={t('status.problemsTooltip')}
          onClick={() => void wb.runCommand('workbench.showProblems')}
        >
          <Codicon name="error" />
          <span>{fmt.integer(errors)}</span>
          <Codicon name="warning" />
          <span>{fmt.integer(warnings)}</span>
        </StatusItem>
        {job && (
          <StatusItem
            testId="status-job"
            title={job.message ? `${job.message}\n${t('status.jobTooltip')}` : t('status.jobTooltip')}
            onClick={() => showJobPicker(wb, job)}
          >
            <Codicon name="loading" spin />
            <span className="lb-status-text">
              {jobKey ? t(jobKey) : job.title}
              {job.total > 0 && ` · ${fmt.percent(job.done / job.total, 0)}`}
            </span>
            {job.total > 0 && (
              <span
                className="lb-status-progress"
                role="progressbar"
                aria-valuemin={0}
                aria-valuemax={job.total}
                aria-valuenow={job.done}
              >
                <span style={{ width: `${Math.min(100, (job.done / job.total) * 100)}%` }} />
              </span>
            )}
          </StatusItem>
        )}
      </div>
      <div className="lb-status-group">
        {!connected && (
          <StatusItem
            testId="status-connection"
            title={t('status.disconnectedTooltip')}
            className="is-warning"
          >
            <Codicon name="debug-disconnect" />
            <span className="lb-status-text">{t('status.disconnected')}</span>
          </StatusItem>
        )}
        {app && (
          <StatusItem
            testId="status-privacy"
            title={t(app.host === 'web' ? 'status.privacyWebTooltip' : 'status.privacyDesktopTooltip')}
          >
            <Codicon name={app.host === 'web' ? 'shield' : 'lock'} />
            <span className="lb-status-text">
              {app.host === 'web'
                ? t('status.privacyWeb', { host: wb.env.hostName || '127.0.0.1' })
                : t('status.privacyDesktop')}
            </span>
          </StatusItem>
        )}
        <StatusItem
          testId="status-language"
          title={t('status.languageTooltip')}
          onClick={() => showLanguagePicker(wb)}
        >
          <Codicon name="globe" />
          <span className="lb-status-text">{t(`language.${language}`)}</span>
        </StatusItem>
        <StatusItem
          testId="status-theme"
          title={t('status.themeTooltip')}
          onClick={() => showThemePicker(wb)}
        >
          <Codicon name="color-mode" />
          <span className="lb-status-text">{t(`theme.${theme}`)}</span>
        </StatusItem>
      </div>
    </footer>
  )
}

function StatusItem({
  testId,
  title,
  onClick,
  className,
  children
}: {
  testId: string
  title: string
  onClick?: () => void
  className?: string
  children: ReactNode
}): ReactElement {
  const classes = `lb-status-item${className ? ` ${className}` : ''}`
  return onClick ? (
    <button type="button" className={classes} title={title} data-testid={testId} onClick={onClick}>
      {children}
    </button>
  ) : (
    <span className={classes} title={title} data-testid={testId}>
      {children}
    </span>
  )
}
