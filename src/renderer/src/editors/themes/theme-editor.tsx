import type { ReactElement } from 'react'
import { useCallback, useMemo, useState } from 'react'
import type { ThemeBreakdownRow, ThemeDetail, ThemesOverview, ThemeTicket } from '@shared/domain/themes'
import { escapeHtml } from '@shared/html'
import { Codicon } from '../../components/codicon'
import { IconButton } from '../../components/icon-button'
import { useI18n } from '../../i18n/i18n-context'
import { useStore } from '../../state/store'
import { useWorkbench } from '../../state/workbench-context'
import type { EditorProps } from '../editor-registry'
import type { ChartTarget } from '../metrics/metrics-chart'
import { MetricsChart } from '../metrics/metrics-chart'
import type { ChartMode } from '../metrics/metrics-charts'
import { CHART_HEIGHT, TREND_FRAME } from '../metrics/metrics-charts'
import { useChartPalette } from '../metrics/use-chart-palette'
import { promptMerge, promptMoveTicket, themeActions } from './theme-actions'
import { themeTrendOption } from './theme-charts'
import {
  changeHint,
  changeText,
  csatPointsText,
  formatThemeShare,
  impactSampleText,
  impactSourceText,
  intervalText,
  npsPointsText,
  ticketsText
} from './theme-format'
import { changeDirection, excludesZero, impactTone, themeName } from './theme-model'
import type { TrendGrain } from './use-theme-detail'
import { useThemeDetail } from './use-theme-detail'
import { useThemes } from './use-themes'
import { LoadingLine } from '../../components/loading-line'
import './theme-editor.css'

const GRAINS: readonly TrendGrain[] = ['week', 'month', 'quarter']

/**
 * One complaint theme: its label (renamed in place), key terms, size, trend and satisfaction
 * impact, its tickets over time and by channel and segment, and its most typical tickets, each of
 * which can be moved to another theme; with the edits of the context menu as buttons.
 */
export function ThemeEditor({ input }: EditorProps): ReactElement {
  const { t } = useI18n()
  const wb = useWorkbench()
  const id = input.kind === 'theme' ? input.id : 0
  const themes = useThemes()
  const [by, setBy] = useState<TrendGrain>('month')
  const view = useThemeDetail(id, by)
  const detail = view.detail
  return (
    <div className="lb-theme" data-testid="theme-editor" data-id={id} aria-busy={view.loading}>
      <LoadingLine active={view.loading} />
      <div
        className="lb-theme-scroll"
        data-testid="theme-content"
        data-ready={!view.loading && detail !== null}
      >
        {view.gone ? (
          <div className="lb-theme-message" data-testid="theme-gone">
            <p>{t('themes.editor.gone')}</p>
            <button
              type="button"
              className="lb-button is-secondary"
              onClick={() => wb.setLayout({ activeView: 'themes', sideBarVisible: true })}
            >
              {t('command.themes.show')}
            </button>
          </div>
        ) : view.error && !detail ? (
          <div className="lb-theme-banner is-error" role="alert" data-testid="theme-error">
            <Codicon name="error" />
            <div>
              <p>{t('themes.editor.error')}</p>
              <button type="button" className="lb-button is-secondary" onClick={view.retry}>
                {t('themes.view.retry')}
              </button>
            </div>
          </div>
        ) : !detail ? (
          <p className="lb-theme-message" role="status">
            <Codicon name="loading" spin /> {t('themes.editor.loading')}
          </p>
        ) : (
          <ThemeBody
            detail={detail}
            overview={themes.overview}
            busy={themes.running !== null}
            by={by}
            onBy={setBy}
            view={view}
          />
        )}
      </div>
    </div>
  )
}

function ThemeBody({
  detail,
  overview,
  busy,
  by,
  onBy,
  view
}: {
  detail: ThemeDetail
  overview: ThemesOverview | null
  /** A run is under way: the backend refuses edits until it ends. */
  busy: boolean
  by: TrendGrain
  onBy(by: TrendGrain): void
  view: ReturnType<typeof useThemeDetail>
}): ReactElement {
  const wb = useWorkbench()
  const i18n = useI18n()
  const { t, fmt } = i18n
  const theme = detail.theme
  const quarter = overview?.quarter ?? null
  const previousQuarter = overview?.previousQuarter ?? null
  const conflict =
    theme.conflictWith === null ? null : (overview?.themes.find((x) => x.id === theme.conflictWith) ?? null)
  const parent =
    theme.parentId === null ? null : (overview?.themes.find((x) => x.id === theme.parentId) ?? null)
  const [editing, setEditing] = useState(false)
  const actions = themeActions(wb, i18n, theme)

  return (
    <>
      <header className="lb-theme-head">
        <div className="lb-theme-title">
          <Codicon name={theme.kind === 'other' ? 'circle-large-outline' : 'tag'} className="lb-theme-icon" />
          {editing ? (
            <RenameBox
              label={theme.renamed ? theme.label : theme.generatedLabel}
              generated={theme.generatedLabel}
              onDone={(label) => {
                setEditing(false)
                if (label === null) return
                if (label === '' ? theme.renamed : label !== theme.label) void wb.themes.rename(theme, label)
              }}
            />
          ) : (
            <h1
              data-testid="theme-label"
              title={theme.kind === 'other' ? undefined : t('themes.editor.renameHint')}
              onDoubleClick={() => theme.kind !== 'other' && !busy && setEditing(true)}
            >
              {themeName(theme)}
            </h1>
          )}
          {theme.pinned && (
            <span className="lb-theme-tag">
              <Codicon name="pinned" />
              {t('themes.pinned')}
            </span>
          )}
          {theme.status === 'excluded' && (
            <span className="lb-theme-tag is-muted" data-testid="theme-excluded-tag">
              {t('themes.excluded')}
            </span>
          )}
          {theme.kind === 'other' && <span className="lb-theme-tag is-muted">{t('themes.kind.other')}</span>}
          {theme.kind === 'rule' && <span className="lb-theme-tag">{t('themes.kind.rule')}</span>}
          <span className="lb-theme-spacer" />
          <IconButton
            icon="refresh"
            label={t('themes.view.refresh')}
            testId="theme-refresh"
            onClick={() => wb.themes.refresh()}
          />
        </div>
        {theme.renamed && (
          <p className="lb-theme-generated" data-testid="theme-generated">
            {t('themes.generatedLabel', { label: theme.generatedLabel })}
          </p>
        )}
        <div className="lb-theme-actions" role="toolbar" aria-label={t('themes.editor.actions')}>
          {actions.map((action) => (
            <button
              key={action.id}
              type="button"
              className={`lb-button${action.id === 'theme-tickets' ? '' : ' is-secondary'}`}
              disabled={busy && action.id !== 'theme-tickets'}
              title={busy && action.id !== 'theme-tickets' ? t('themes.editor.busy') : undefined}
              data-testid={`theme-action-${action.id.replace(/^theme-/, '')}`}
              onClick={() => (action.id === 'theme-rename' ? setEditing(true) : action.run())}
            >
              {action.icon && <Codicon name={action.icon} />}
              {action.label}
            </button>
          ))}
        </div>
        {theme.terms.length > 0 && (
          <ul className="lb-theme-terms" aria-label={t('themes.editor.terms')} data-testid="theme-terms">
            {theme.terms.map((term) => (
              <li key={term} className="lb-theme-chip">
                {term}
              </li>
            ))}
          </ul>
        )}
        <dl className="lb-theme-facts">
          {theme.rule && (
            <div>
              <dt>{t('themes.editor.rule')}</dt>
              <dd className="lb-selectable" data-testid="theme-rule">
                {theme.rule}
              </dd>
            </div>
          )}
          {theme.parentId !== null && (
            <div>
              <dt>{t('themes.editor.splitFrom')}</dt>
              <dd>
                {parent ? (
                  <button
                    type="button"
                    className="lb-link"
                    onClick={() => wb.openEditor({ kind: 'theme', id: parent.id, label: parent.label })}
                  >
                    {themeName(parent)}
                  </button>
                ) : (
                  t('themes.idLabel', { id: theme.parentId })
                )}
              </dd>
            </div>
          )}
          {detail.merged.length > 0 && (
            <div>
              <dt>{t('themes.editor.merged')}</dt>
              <dd data-testid="theme-merged">{fmt.list(detail.merged.map((m) => m.label))}</dd>
            </div>
          )}
        </dl>
      </header>

      {theme.conflictWith !== null && (
        <div className="lb-theme-banner is-warning" role="note" data-testid="theme-conflict">
          <Codicon name="warning" />
          <div>
            <p>
              {t('themes.conflict.body', {
                other: conflict ? themeName(conflict) : t('themes.idLabel', { id: theme.conflictWith })
              })}
            </p>
            {conflict && (
              <button type="button" className="lb-button is-secondary" onClick={() => promptMerge(wb, theme)}>
                {t('themes.action.merge')}
              </button>
            )}
          </div>
        </div>
      )}

      <SummaryCards detail={detail} quarter={quarter} previousQuarter={previousQuarter} />

      <TrendChart detail={detail} by={by} onBy={onBy} />

      <div className="lb-theme-breakdowns">
        <Breakdown
          id="channel"
          title={t('themes.editor.byChannel', { quarter: quarter ?? '—' })}
          column={t('themes.editor.channel')}
          rows={detail.byChannel}
        />
        {detail.bySegment ? (
          <Breakdown
            id="segment"
            title={t('themes.editor.bySegment', { segment: detail.bySegment.key, quarter: quarter ?? '—' })}
            column={detail.bySegment.key}
            rows={detail.bySegment.rows}
          />
        ) : (
          <section className="lb-theme-breakdown" aria-label={t('themes.editor.bySegmentNone')}>
            <h2>{t('themes.editor.bySegmentTitle')}</h2>
            <p className="lb-theme-muted">{t('themes.editor.bySegmentNone')}</p>
          </section>
        )}
      </div>

      <Tickets themeId={theme.id} view={view} />
    </>
  )
}

/** The label as a text field: Enter saves, Escape keeps the old one, empty restores the generated label. */
function RenameBox({
  label,
  generated,
  onDone
}: {
  label: string
  generated: string
  onDone(label: string | null): void
}): ReactElement {
  const { t } = useI18n()
  const [value, setValue] = useState(label)
  const [finished, setFinished] = useState(false)
  const finish = (result: string | null): void => {
    if (finished) return
    setFinished(true)
    onDone(result === null ? null : result.trim())
  }
  return (
    <span className="lb-theme-rename">
      <input
        className="lb-input"
        // Shown because the user asked to rename: the field takes the focus.
        autoFocus
        value={value}
        maxLength={200}
        aria-label={t('themes.editor.renameLabel')}
        placeholder={generated}
        data-testid="theme-rename-input"
        onFocus={(e) => e.currentTarget.select()}
        onChange={(e) => setValue(e.target.value)}
        onKeyDown={(e) => {
          if (e.key === 'Enter') {
            e.preventDefault()
            finish(value)
          } else if (e.key === 'Escape') {
            e.preventDefault()
            e.stopPropagation()
            finish(null)
          }
        }}
        onBlur={() => finish(value)}
      />
      <span className="lb-theme-rename-hint">{t('themes.editor.renameKeys')}</span>
    </span>
  )
}

function SummaryCards({
  detail,
  quarter,
  previousQuarter
}: {
  detail: ThemeDetail
  quarter: string | null
  previousQuarter: string | null
}): ReactElement {
  const i18n = useI18n()
  const { t, fmt } = i18n
  const { theme } = detail
  const { trend, impact } = theme
  const direction = changeDirection(trend)
  const csatTone = impactTone(impact.source, impact.csatDiff)
  const npsTone = impactTone(impact.source, impact.npsDiff)
  const unknown = impact.source === 'unknown'
  return (
    <div className="lb-theme-cards">
      <article className="lb-theme-card is-size" data-testid="theme-card-size">
        <h3>{t('themes.card.size')}</h3>
        <span className="lb-theme-card-value" data-testid="theme-card-size-value">
          {fmt.integer(theme.size)}
        </span>
        <p className="lb-theme-card-facts">
          <span data-testid="theme-card-share">
            {t('themes.card.share', { share: formatThemeShare(i18n, theme.share) })}
          </span>
        </p>
        {quarter && (
          <p className="lb-theme-card-facts">
            {t('themes.card.inQuarter', { count: ticketsText(i18n, trend.currentQuarter), quarter })}
          </p>
        )}
      </article>

      <article className="lb-theme-card is-trend" data-testid="theme-card-trend">
        <h3>{t('themes.card.trend', { quarter: quarter ?? '—' })}</h3>
        <span className={`lb-theme-card-value is-${direction}`} data-testid="theme-card-change">
          {direction === 'up' && <Codicon name="arrow-up" />}
          {direction === 'down' && <Codicon name="arrow-down" />}
          {changeText(i18n, trend)}
        </span>
        <p className="lb-theme-card-facts">{changeHint(i18n, trend, quarter, previousQuarter)}</p>
      </article>

      <article className={`lb-theme-card is-impact is-${csatTone}`} data-testid="theme-card-csat">
        <h3>
          {t('themes.card.csat')}
          <span className="lb-theme-source" data-testid="theme-card-source">
            {impactSourceText(i18n, impact.source)}
          </span>
        </h3>
        <span
          className={`lb-theme-card-value${unknown || impact.csatDiff === null ? ' is-missing' : ''}`}
          data-testid="theme-card-csat-value"
        >
          {unknown
            ? t('themes.impact.unknown')
            : impact.csatDiff === null
              ? t('themes.impact.tooFew')
              : csatPointsText(i18n, impact.csatDiff)}
        </span>
        {!unknown && impact.csatDiffCi95 && (
          <p className="lb-theme-card-facts">
            <span className="lb-theme-muted">{t('themes.card.interval')} </span>
            <span data-testid="theme-card-csat-interval">
              {intervalText(i18n, 'csat', impact.csatDiffCi95)}
            </span>
            {excludesZero(impact.csatDiffCi95) && (
              <span className="lb-theme-pill">{t('themes.card.clear')}</span>
            )}
          </p>
        )}
        <p className="lb-theme-card-facts" data-testid="theme-card-csat-n">
          {impactSampleText(i18n, impact)}
        </p>
      </article>

      <article className={`lb-theme-card is-impact is-${npsTone}`} data-testid="theme-card-nps">
        <h3>{t('themes.card.nps')}</h3>
        <span
          className={`lb-theme-card-value${unknown || impact.npsDiff === null ? ' is-missing' : ''}`}
          data-testid="theme-card-nps-value"
        >
          {unknown
            ? t('themes.impact.unknown')
            : impact.npsDiff === null
              ? t('themes.impact.tooFewNps')
              : npsPointsText(i18n, impact.npsDiff)}
        </span>
        {!unknown && impact.npsDiffCi95 && (
          <p className="lb-theme-card-facts">
            <span className="lb-theme-muted">{t('themes.card.interval')} </span>
            <span data-testid="theme-card-nps-interval">{intervalText(i18n, 'nps', impact.npsDiffCi95)}</span>
            {excludesZero(impact.npsDiffCi95) && (
              <span className="lb-theme-pill">{t('themes.card.clear')}</span>
            )}
          </p>
        )}
        <p className="lb-theme-card-facts">{t('themes.card.impactNote')}</p>
      </article>
    </div>
  )
}

function TrendChart({
  detail,
  by,
  onBy
}: {
  detail: ThemeDetail
  by: TrendGrain
  onBy(by: TrendGrain): void
}): ReactElement {
  const i18n = useI18n()
  const { t, fmt } = i18n
  const palette = useChartPalette()
  const rows = detail.trend.rows
  const [selected, setSelected] = useState(-1)
  const label = useCallback(
    (index: number): string => {
      const row = rows[index]
      if (!row) return ''
      return t('themes.chart.point', {
        period: row.key,
        tickets: ticketsText(i18n, row.count),
        share: formatThemeShare(i18n, row.share)
      })
    },
    [rows, t, i18n]
  )
  const render = useCallback(
    (mode: ChartMode) => themeTrendOption(rows, palette, mode, (v) => fmt.integer(v)),
    [rows, palette, fmt]
  )
  const tooltip = useCallback((index: number) => escapeHtml(label(index)), [label])
  const targets: ChartTarget[] = useMemo(
    () => rows.map((r, i) => ({ label: label(i), data: { 'data-key': r.key } })),
    [rows, label]
  )
  return (
    <div className="lb-theme-chart">
      <MetricsChart
        id="theme-trend"
        title={t('themes.chart.title')}
        note={t('themes.chart.note', { grain: t(`themes.grain.${by}`) })}
        legend={
          <label className="lb-theme-grain">
            <span>{t('themes.chart.by')}</span>
            <select
              className="lb-select"
              value={by}
              data-testid="theme-trend-by"
              onChange={(e) => onBy(e.target.value as TrendGrain)}
            >
              {GRAINS.map((g) => (
                <option key={g} value={g}>
                  {t(`metrics.grain.${g}`)}
                </option>
              ))}
            </select>
          </label>
        }
        fileLabel={detail.theme.label}
        exportSubtitle={t('themes.chart.subtitle', {
          label: themeName(detail.theme),
          grain: t(`themes.grain.${by}`)
        })}
        frame={TREND_FRAME}
        height={CHART_HEIGHT}
        render={render}
        tooltip={tooltip}
        targets={targets}
        targetsLabel={t('themes.chart.periods')}
        empty={rows.length === 0 ? t('themes.chart.empty') : null}
        selected={selected}
        onPick={(index) => setSelected((s) => (s === index ? -1 : index))}
      />
    </div>
  )
}

/** A split of the theme's tickets (by channel, by segment) as bars of their share in each group. */
function Breakdown({
  id,
  title,
  column,
  rows
}: {
  id: string
  title: string
  column: string
  rows: readonly ThemeBreakdownRow[]
}): ReactElement {
  const i18n = useI18n()
  const { t, fmt } = i18n
  const top = Math.max(0, ...rows.map((r) => (Number.isFinite(r.share) ? r.share : 0)))
  return (
    <section className="lb-theme-breakdown" aria-label={title} data-testid={`theme-breakdown-${id}`}>
      <h2>{title}</h2>
      {rows.length === 0 ? (
        <p className="lb-theme-muted">{t('themes.editor.noBreakdown')}</p>
      ) : (
        <table className="lb-theme-table">
          <thead>
            <tr>
              <th scope="col" className="is-name">
                {column}
              </th>
              <th scope="col">{t('themes.editor.col.tickets')}</th>
              <th scope="col" className="is-bar" title={t('themes.editor.col.shareHint')}>
                {t('themes.editor.col.share')}
              </th>
            </tr>
          </thead>
          <tbody>
            {rows.map((row) => (
              <tr key={row.key} data-testid="theme-breakdown-row" data-key={row.key}>
                <th scope="row" className="is-name">
                  {row.key || t('metrics.notSet')}
                </th>
                <td>{fmt.integer(row.count)}</td>
                <td className="is-bar">
                  <span className="lb-theme-bar-cell">
                    <span className="lb-theme-bar" aria-hidden="true">
                      <span style={{ width: `${top > 0 ? Math.max(1, (row.share / top) * 100) : 0}%` }} />
                    </span>
                    <span className="lb-theme-bar-value">{formatThemeShare(i18n, row.share)}</span>
                  </span>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  )
}

function Tickets({
  themeId,
  view
}: {
  themeId: number
  view: ReturnType<typeof useThemeDetail>
}): ReactElement {
  const i18n = useI18n()
  const { t, fmt } = i18n
  const wb = useWorkbench()
  const total = view.total
  const canMore = total !== null && view.tickets.length < total
  return (
    <section
      className="lb-theme-tickets"
      aria-labelledby="lb-theme-tickets-title"
      data-testid="theme-tickets"
    >
      <header className="lb-theme-section-head">
        <h2 id="lb-theme-tickets-title">{t('themes.editor.tickets')}</h2>
        <span className="lb-theme-muted" data-testid="theme-tickets-count">
          {t('themes.editor.ticketsShown', {
            shown: fmt.integer(view.tickets.length),
            total: fmt.integer(total)
          })}
        </span>
        <span className="lb-theme-spacer" />
        <button type="button" className="lb-link" onClick={() => wb.openTickets({ themes: [themeId] })}>
          {t('themes.action.tickets')}
        </button>
      </header>
      {view.tickets.length === 0 ? (
        <p className="lb-theme-muted">{t('themes.editor.noTickets')}</p>
      ) : (
        <ul className="lb-theme-ticket-list">
          {view.tickets.map((ticket) => (
            <TicketItem key={ticket.id} ticket={ticket} themeId={themeId} />
          ))}
        </ul>
      )}
      {canMore && (
        <button
          type="button"
          className="lb-button is-secondary lb-theme-more"
          disabled={view.loadingMore}
          data-testid="theme-tickets-more"
          onClick={view.more}
        >
          {view.loadingMore ? <Codicon name="loading" spin /> : <Codicon name="chevron-down" />}
          {t('themes.editor.moreTickets')}
        </button>
      )}
    </section>
  )
}

function TicketItem({ ticket, themeId }: { ticket: ThemeTicket; themeId: number }): ReactElement {
  const wb = useWorkbench()
  const { t, fmt } = useI18n()
  const timeZone = useStore(wb.session, (s) => s.settings?.timeZone)
  return (
    <li
      className="lb-theme-ticket"
      data-testid="theme-ticket"
      data-ticket={ticket.ticketId}
      data-id={ticket.id}
    >
      <div className="lb-theme-ticket-meta">
        <span className="lb-theme-ticket-id lb-selectable">{ticket.ticketId}</span>
        <span>{fmt.date(ticket.createdAt, timeZone)}</span>
        {ticket.channel && <span>{ticket.channel}</span>}
        {ticket.assignedBy !== 'model' && (
          <span className="lb-theme-tag is-muted">{t(`themes.assignedBy.${ticket.assignedBy}`)}</span>
        )}
        <span className="lb-theme-spacer" />
        <button
          type="button"
          className="lb-link lb-theme-ticket-move"
          data-testid="theme-ticket-move"
          onClick={() => promptMoveTicket(wb, ticket, themeId)}
        >
          {t('themes.action.move')}
        </button>
      </div>
      {ticket.subject && <p className="lb-theme-ticket-subject lb-selectable">{ticket.subject}</p>}
      <p className="lb-theme-ticket-text lb-selectable" title={ticket.text}>
        {ticket.text}
      </p>
    </li>
  )
}
