import type { MouseEvent, ReactElement } from 'react'
import { useId, useMemo, useState } from 'react'
import type { JobInfo } from '@shared/domain/jobs'
import type { ThemesOverview, ThemeSummary } from '@shared/domain/themes'
import { Codicon } from '../../components/codicon'
import { IconButton } from '../../components/icon-button'
import {
  exportTaxonomy,
  importTaxonomy,
  promptQuarter,
  promptRun,
  themeActions
} from '../../editors/themes/theme-actions'
import {
  changeHint,
  changeText,
  formatThemeShare,
  impactHint,
  impactShortText,
  sparklineHint,
  ticketsText
} from '../../editors/themes/theme-format'
import { changeDirection, groupThemes, impactTone, themeName } from '../../editors/themes/theme-model'
import { useThemes } from '../../editors/themes/use-themes'
import { useI18n } from '../../i18n/i18n-context'
import { ContextMenu } from '../../parts/context-menu/context-menu'
import { useStore } from '../../state/store'
import { useWorkbench } from '../../state/workbench-context'
import { Section } from '../explorer/view-section'
import { Sparkline } from './sparkline'
import { LoadingLine } from '../../components/loading-line'
import './themes-view.css'

/**
 * The Themes view: the workspace's complaint themes ranked (pinned first, then by volume, the
 * other bucket last), each with its size, share, a sparkline of the last twelve months, the change
 * against the previous quarter and its effect on CSAT; excluded themes in a collapsed group. Says
 * what to do when there are no tickets or no themes yet, and shows a run's progress.
 */
export function ThemesView(): ReactElement {
  const wb = useWorkbench()
  const { t } = useI18n()
  const state = useThemes()
  const overview = state.overview
  const hasThemes = overview !== null && overview.run !== null
  return (
    <div className="lb-themes-view" data-testid="themes-view" aria-busy={state.loading}>
      <div className="lb-view-title">
        <h2>{t('view.themes')}</h2>
        {!state.noWorkspace && (
          <div className="lb-view-actions">
            {overview && overview.totalTickets > 0 && (
              <IconButton
                icon="run-all"
                label={t(hasThemes ? 'themes.view.rerun' : 'themes.view.find')}
                testId="themes-run"
                onClick={() => void promptRun(wb)}
              />
            )}
            {hasThemes && (
              <>
                <IconButton
                  icon="calendar"
                  label={t('themes.view.quarter')}
                  testId="themes-quarter"
                  onClick={() => void promptQuarter(wb)}
                />
                <IconButton
                  icon="desktop-download"
                  label={t('command.themes.exportTaxonomy')}
                  testId="themes-export"
                  onClick={() => void exportTaxonomy(wb)}
                />
              </>
            )}
            <IconButton
              icon="folder-opened"
              label={t('command.themes.importTaxonomy')}
              testId="themes-import"
              onClick={() => importTaxonomy(wb)}
            />
            <IconButton
              icon="refresh"
              label={t('themes.view.refresh')}
              testId="themes-refresh"
              onClick={state.retry}
            />
          </div>
        )}
      </div>
      <LoadingLine active={state.loading || state.running !== null} />
      {state.noWorkspace ? (
        <p className="lb-themes-note" data-testid="themes-no-workspace">
          {t('themes.view.noWorkspace')}
        </p>
      ) : state.error && !overview ? (
        <div className="lb-themes-note" role="alert" data-testid="themes-error">
          <p>{t('themes.view.error')}</p>
          <button type="button" className="lb-link" onClick={state.retry}>
            {t('themes.view.retry')}
          </button>
        </div>
      ) : !overview ? (
        <div className="lb-explorer-loading" aria-busy="true" data-testid="themes-loading">
          {[80, 60, 75, 55, 70].map((w, i) => (
            <span key={i} className="lb-explorer-skeleton" style={{ width: `${w}%` }} />
          ))}
        </div>
      ) : overview.totalTickets === 0 ? (
        <NoTickets />
      ) : overview.run === null ? (
        state.running ? (
          <Running job={state.running.job} first />
        ) : (
          <NoThemes overview={overview} />
        )
      ) : (
        <ThemeList overview={overview} loading={state.loading} running={state.running} />
      )}
    </div>
  )
}

function ThemeList({
  overview,
  loading,
  running
}: {
  overview: ThemesOverview
  loading: boolean
  running: { job: JobInfo | null } | null
}): ReactElement {
  const wb = useWorkbench()
  const i18n = useI18n()
  const { t, fmt } = i18n
  const groups = useMemo(() => groupThemes(overview.themes), [overview.themes])
  const [menu, setMenu] = useState<{
    theme: ThemeSummary
    anchor: HTMLElement | { x: number; y: number }
  } | null>(null)
  const onMenu = (theme: ThemeSummary, anchor: HTMLElement | { x: number; y: number }): void =>
    setMenu({ theme, anchor })
  const run = overview.run
  const renderItem = (theme: ThemeSummary): ReactElement => (
    <ThemeItem key={theme.id} theme={theme} overview={overview} onMenu={onMenu} />
  )
  return (
    <>
      <div className="lb-themes-summary" data-testid="themes-summary">
        <button
          type="button"
          className="lb-themes-quarter"
          title={t('themes.view.quarter')}
          data-testid="themes-quarter-label"
          onClick={() => void promptQuarter(wb)}
        >
          <Codicon name="calendar" />
          <span>
            {overview.quarter
              ? overview.previousQuarter
                ? t('themes.view.quarterVs', {
                    quarter: overview.quarter,
                    previous: overview.previousQuarter
                  })
                : overview.quarter
              : t('themes.quarter.none')}
          </span>
          <Codicon name="chevron-down" />
        </button>
        <span className="lb-themes-counts" data-testid="themes-counts">
          {t('themes.view.counts', {
            themes: fmt.integer(groups.ranked.filter((th) => th.kind !== 'other').length),
            tickets: ticketsText(i18n, overview.totalTickets)
          })}
        </span>
      </div>
      {running ? (
        <Running job={running.job} />
      ) : run?.status === 'failed' || run?.status === 'cancelled' ? (
        <p className="lb-themes-banner is-warning" data-testid="themes-run-failed">
          <Codicon name="warning" />
          <span>
            {t(run.status === 'failed' ? 'themes.view.runFailed' : 'themes.view.runCancelled')}{' '}
            <button type="button" className="lb-link" onClick={() => void promptRun(wb)}>
              {t('themes.view.rerun')}
            </button>
          </span>
        </p>
      ) : overview.unassigned > 0 ? (
        <p className="lb-themes-banner" data-testid="themes-unassigned">
          <Codicon name="info" />
          <span>
            {t('themes.view.unassigned', { count: ticketsText(i18n, overview.unassigned) })}{' '}
            <button type="button" className="lb-link" onClick={() => void promptRun(wb)}>
              {t('themes.view.rerun')}
            </button>
          </span>
        </p>
      ) : null}
      <ul
        className="lb-themes-list"
        aria-label={t('view.themes')}
        data-testid="themes-list"
        data-ready={!loading && !running}
      >
        {groups.ranked.map(renderItem)}
      </ul>
      {groups.excluded.length > 0 && (
        <Section
          id="themes-excluded"
          title={t('themes.view.excluded')}
          count={<span className="lb-badge">{fmt.integer(groups.excluded.length)}</span>}
          defaultOpen={false}
        >
          <p className="lb-themes-section-note">{t('themes.view.excludedNote')}</p>
          <ul className="lb-themes-list" aria-label={t('themes.view.excluded')} data-testid="themes-excluded">
            {groups.excluded.map(renderItem)}
          </ul>
        </Section>
      )}
      {menu && (
        <ContextMenu
          anchor={menu.anchor}
          placement={menu.anchor instanceof HTMLElement ? 'below' : 'at-point'}
          items={themeActions(wb, i18n, menu.theme, { open: true })}
          label={t('themes.view.actions', { label: themeName(menu.theme) })}
          onClose={() => setMenu(null)}
        />
      )}
    </>
  )
}

function ThemeItem({
  theme,
  overview,
  onMenu
}: {
  theme: ThemeSummary
  overview: ThemesOverview
  onMenu(theme: ThemeSummary, anchor: HTMLElement | { x: number; y: number }): void
}): ReactElement {
  const wb = useWorkbench()
  const i18n = useI18n()
  const { t, fmt } = i18n
  const activeId = useStore(wb.tabs, (s) => s.activeId)
  const name = themeName(theme)
  const direction = changeDirection(theme.trend)
  const tone = impactTone(theme.impact.source, theme.impact.csatDiff)
  const other = overview.themes.find((x) => x.id === theme.conflictWith)
  const conflict =
    theme.conflictWith === null
      ? null
      : t('themes.conflict.tooltip', {
          other: other ? themeName(other) : t('themes.idLabel', { id: theme.conflictWith })
        })
  const change = changeText(i18n, theme.trend)
  const impact = impactShortText(i18n, theme.impact)
  const descriptionId = useId()
  const open = (): void => wb.openEditor({ kind: 'theme', id: theme.id, label: theme.label })
  const classes = [
    'lb-themes-item',
    theme.kind === 'other' ? 'is-other' : '',
    theme.status === 'excluded' ? 'is-excluded' : '',
    activeId === `theme:${theme.id}` ? 'is-active' : ''
  ]
    .filter(Boolean)
    .join(' ')
  return (
    <li
      className={classes}
      data-testid="themes-item"
      data-id={theme.id}
      data-label={theme.label}
      data-kind={theme.kind}
      data-status={theme.status}
      data-pinned={theme.pinned}
      onContextMenu={(e: MouseEvent) => {
        e.preventDefault()
        onMenu(theme, { x: e.clientX, y: e.clientY })
      }}
    >
      <button
        type="button"
        className="lb-themes-item-main"
        aria-describedby={descriptionId}
        title={[
          name,
          ...(theme.renamed ? [t('themes.generatedLabel', { label: theme.generatedLabel })] : []),
          changeHint(i18n, theme.trend, overview.quarter, overview.previousQuarter),
          impactHint(i18n, theme.impact)
        ].join('\n')}
        onClick={open}
        onKeyDown={(e) => {
          if (e.key === 'ContextMenu' || (e.shiftKey && e.key === 'F10')) {
            e.preventDefault()
            onMenu(theme, e.currentTarget)
          }
        }}
      >
        <span className="lb-themes-item-head">
          {theme.pinned && (
            <Codicon name="pinned" className="lb-themes-item-pin" label={t('themes.pinned')} />
          )}
          <span className="lb-themes-item-label" data-testid="themes-item-label">
            {name}
          </span>
          {conflict && (
            <span className="lb-themes-item-conflict" title={conflict} data-testid="themes-item-conflict">
              <Codicon name="warning" label={conflict} />
            </span>
          )}
          <span className="lb-themes-item-size" data-testid="themes-item-size">
            {fmt.integer(theme.size)}
          </span>
        </span>
        <span className="lb-themes-item-meta">
          <Sparkline
            values={theme.sparkline}
            label={sparklineHint(i18n, theme.sparkline, overview.sparklineMonths)}
          />
          <span className="lb-themes-item-share" data-testid="themes-item-share">
            {formatThemeShare(i18n, theme.share)}
          </span>
          <span className={`lb-themes-change is-${direction}`} data-testid="themes-item-change">
            {direction === 'up' && <Codicon name="arrow-up" />}
            {direction === 'down' && <Codicon name="arrow-down" />}
            {change}
          </span>
          <span className={`lb-themes-impact is-${tone}`} data-testid="themes-item-impact">
            {impact}
          </span>
        </span>
      </button>
      {/* The name is what the row shows (label in name, WCAG 2.5.3); the sentence says what the
          numbers mean. */}
      <span id={descriptionId} hidden>
        {t('themes.view.itemLabel', {
          label: name,
          tickets: ticketsText(i18n, theme.size),
          share: formatThemeShare(i18n, theme.share),
          change,
          impact
        })}
      </span>
      <button
        type="button"
        className="lb-icon-button lb-themes-item-more"
        title={t('themes.view.actions', { label: name })}
        aria-label={t('themes.view.actions', { label: name })}
        aria-haspopup="menu"
        data-testid="themes-item-more"
        onClick={(e) => onMenu(theme, e.currentTarget)}
      >
        <Codicon name="ellipsis" />
      </button>
    </li>
  )
}

/** A run in progress: what it does, how far it is, and that the list follows when it is done. */
function Running({ job, first = false }: { job: JobInfo | null; first?: boolean }): ReactElement {
  const wb = useWorkbench()
  const { t, fmt } = useI18n()
  const share = job && job.total > 0 ? job.done / job.total : null
  return (
    <div
      className={`lb-themes-running${first ? ' is-first' : ''}`}
      role="status"
      data-testid="themes-running"
    >
      <p className="lb-themes-running-title">
        <Codicon name="loading" spin />
        <span>{t(first ? 'themes.running.first' : 'themes.running.again')}</span>
        {share !== null && <span className="lb-themes-running-percent">{fmt.percent(share, 0)}</span>}
      </p>
      {share !== null && (
        <span
          className="lb-themes-running-bar"
          role="progressbar"
          aria-valuemin={0}
          aria-valuemax={job?.total}
          aria-valuenow={job?.done}
        >
          <span style={{ width: `${Math.min(100, share * 100)}%` }} />
        </span>
      )}
      <p className="lb-themes-running-note">{job?.message || t('themes.running.note')}</p>
      {job && (
        <button type="button" className="lb-link" onClick={() => void wb.cancelJob(job.id)}>
          {t('themes.running.cancel')}
        </button>
      )}
    </div>
  )
}

function NoTickets(): ReactElement {
  const wb = useWorkbench()
  const { t } = useI18n()
  return (
    <div className="lb-themes-empty" data-testid="themes-empty-tickets">
      <h3>{t('themes.empty.tickets.title')}</h3>
      <p>{t('themes.empty.tickets.body')}</p>
      <button
        type="button"
        className="lb-button"
        data-testid="themes-empty-import"
        onClick={() => void wb.runCommand('import.open')}
      >
        <Codicon name="cloud-upload" />
        {t('themes.empty.tickets.import')}
      </button>
    </div>
  )
}

function NoThemes({ overview }: { overview: ThemesOverview }): ReactElement {
  const wb = useWorkbench()
  const i18n = useI18n()
  const { t } = i18n
  return (
    <div className="lb-themes-empty" data-testid="themes-empty-run">
      <h3>{t('themes.empty.run.title')}</h3>
      <p>{t('themes.empty.run.body', { tickets: ticketsText(i18n, overview.totalTickets) })}</p>
      <button
        type="button"
        className="lb-button"
        data-testid="themes-find"
        onClick={() => void wb.themes.run('normal')}
      >
        <Codicon name="sparkle" />
        {t('themes.view.find')}
      </button>
      <button
        type="button"
        className="lb-link"
        data-testid="themes-find-options"
        onClick={() => void promptRun(wb)}
      >
        {t('themes.empty.run.granularity')}
      </button>
      <p className="lb-themes-empty-note">
        <Codicon name="shield" />
        <span>{t('themes.empty.run.offline')}</span>
      </p>
      <button
        type="button"
        className="lb-link"
        data-testid="themes-empty-import-taxonomy"
        onClick={() => importTaxonomy(wb)}
      >
        {t('themes.empty.run.taxonomy')}
      </button>
    </div>
  )
}
