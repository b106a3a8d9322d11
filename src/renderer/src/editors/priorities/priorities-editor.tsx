import type { ReactElement } from 'react'
import { Fragment, useId, useMemo, useState } from 'react'
import type {
  EffortSize,
  PriorityFormat,
  PriorityFormula,
  PriorityList,
  PriorityOverrideEntry,
  PriorityRow,
  PriorityStatus
} from '@shared/domain/priorities'
import {
  DEFAULT_PRIORITY_FORMULA,
  EFFORT_SIZES,
  PRIORITY_FORMATS,
  PRIORITY_STATUSES,
  PriorityFormulaSchema
} from '@shared/domain/priorities'
import type { MessageKey } from '@shared/i18n/catalog'
import { Codicon } from '../../components/codicon'
import { IconButton } from '../../components/icon-button'
import { LoadingLine } from '../../components/loading-line'
import type { I18n } from '../../i18n/i18n'
import { useI18n } from '../../i18n/i18n-context'
import { MISSING_VALUE } from '../../i18n/format'
import type { WorkbenchController } from '../../state/workbench-controller'
import { useWorkbench } from '../../state/workbench-context'
import type { EditorProps } from '../editor-registry'
import {
  confirmDelete,
  editRow,
  exportList,
  promptAddItem,
  promptAddTheme,
  promptLinkExperiment,
  promptOverride,
  setFrozen
} from './priority-actions'
import type { ScoreParts } from './priority-model'
import { fieldValue, formulaFields, formulaText, scoreParts, withFieldValue } from './priority-model'
import { usePriorities } from './use-priorities'
import { SuggestedThemes } from './suggested-themes'
import { useThemes } from '../themes/use-themes'
import './priorities-editor.css'

/**
 * The quarterly feature-priority list: a quarter picker, the ranked table with each score's parts
 * as a stacked bar, inline edits of effort, status, owner and note, manual ranks with a note, the
 * comparison with the previous quarter, a frozen quarter's snapshot, the formula and its
 * constants, exports, and each row's details: its components and the themes, experiments and
 * overrides behind them.
 */
export function PrioritiesEditor(_props: EditorProps): ReactElement {
  const { t } = useI18n()
  const view = usePriorities()
  const list = view.list
  return (
    <div className="lb-prio" data-testid="priorities-editor" aria-busy={view.loading}>
      <LoadingLine active={view.loading} />
      {view.noWorkspace ? (
        <p className="lb-prio-message">{t('priorities.noWorkspace')}</p>
      ) : view.error && !list ? (
        <div className="lb-prio-banner is-error" role="alert" data-testid="priorities-error">
          <Codicon name="error" />
          <div>
            <p>{t('priorities.error')}</p>
            <button type="button" className="lb-button is-secondary" onClick={view.retry}>
              {t('priorities.retry')}
            </button>
          </div>
        </div>
      ) : !list ? (
        <p className="lb-prio-message" role="status">
          <Codicon name="loading" spin /> {t('priorities.loading')}
        </p>
      ) : (
        <PrioritiesBody list={list} overrides={view.overrides} ready={!view.loading} />
      )}
    </div>
  )
}

function PrioritiesBody({
  list,
  overrides,
  ready
}: {
  list: PriorityList
  overrides: PriorityOverrideEntry[]
  ready: boolean
}): ReactElement {
  const wb = useWorkbench()
  const i18n = useI18n()
  const { t, fmt } = i18n
  const quarterId = useId()
  const exportId = useId()
  const [open, setOpen] = useState<string | null>(null)
  const [formulaOpen, setFormulaOpen] = useState(false)
  const frozen = list.frozenAt !== null
  const maxScore = useMemo(() => Math.max(0, ...list.items.map((r) => r.score)), [list.items])
  const quarters = [...list.quarters].reverse()

  if (list.quarter === null)
    return (
      <p className="lb-prio-message" data-testid="priorities-empty">
        {t('priorities.empty')}
      </p>
    )

  return (
    <div
      className="lb-prio-scroll"
      data-testid="priorities-content"
      data-ready={ready}
      data-quarter={list.quarter}
    >
      <div className="lb-prio-toolbar">
        <label className="lb-prio-field" htmlFor={quarterId}>
          {t('priorities.quarter')}
        </label>
        <select
          id={quarterId}
          className="lb-select"
          data-testid="priorities-quarter"
          value={list.quarter}
          onChange={(e) => wb.prioritiesQuarter.set(e.target.value)}
        >
          {quarters.map((q) => (
            <option key={q} value={q}>
              {q}
            </option>
          ))}
        </select>
        {list.previousQuarter && list.quarters.includes(list.previousQuarter) ? (
          <span className="lb-prio-muted">
            {t(list.previousFrozen ? 'priorities.previousFrozen' : 'priorities.previous', {
              quarter: list.previousQuarter
            })}
          </span>
        ) : null}
        {frozen ? (
          <span className="lb-badge lb-prio-frozen-badge" data-testid="priorities-frozen-badge">
            <Codicon name="lock" /> {t('priorities.frozenBadge')}
          </span>
        ) : null}
        <span className="lb-prio-spacer" />
        <span className="lb-prio-muted">
          {t(
            list.items.length === 1 && i18n.language === 'en'
              ? 'priorities.count.one'
              : 'priorities.count.other',
            {
              count: fmt.integer(list.items.length)
            }
          )}
        </span>
        <button
          type="button"
          className="lb-button is-secondary"
          data-testid="priorities-add"
          onClick={() => promptAddItem(wb)}
        >
          <Codicon name="add" /> {t('priorities.addItem')}
        </button>
        <button
          type="button"
          className="lb-button is-secondary"
          data-testid="priorities-freeze"
          onClick={() => void setFrozen(wb, list.quarter!, !frozen)}
        >
          <Codicon name={frozen ? 'unlock' : 'lock'} />{' '}
          {t(frozen ? 'priorities.unfreeze' : 'priorities.freeze')}
        </button>
        <label className="lb-visually-hidden" htmlFor={exportId}>
          {t('priorities.export')}
        </label>
        <select
          id={exportId}
          className="lb-select"
          data-testid="priorities-export"
          value=""
          onChange={(e) => {
            const format = e.target.value as PriorityFormat
            e.target.value = ''
            if (format) void exportList(wb, list.quarter, format)
          }}
        >
          <option value="">{t('priorities.export')}…</option>
          {PRIORITY_FORMATS.map((f) => (
            <option key={f} value={f}>
              {t(`priorities.export.${f}` as MessageKey)}
            </option>
          ))}
        </select>
        <button
          type="button"
          className="lb-button is-secondary"
          data-testid="priorities-open-report"
          onClick={() => wb.openEditor({ kind: 'report' })}
        >
          <Codicon name="file-pdf" /> {t('priorities.openReport')}
        </button>
        <button
          type="button"
          className={`lb-button is-secondary${formulaOpen ? ' is-active' : ''}`}
          aria-expanded={formulaOpen}
          data-testid="priorities-formula-toggle"
          onClick={() => setFormulaOpen((v) => !v)}
        >
          <Codicon name="symbol-operator" /> {t('priorities.formula')}
        </button>
      </div>

      {frozen ? (
        <div className="lb-prio-banner is-info" role="status" data-testid="priorities-frozen">
          <Codicon name="lock" />
          <p>{t('priorities.frozen', { date: fmt.dateTime(list.frozenAt) })}</p>
        </div>
      ) : null}

      {formulaOpen ? (
        <FormulaPanel list={list} onClose={() => setFormulaOpen(false)} />
      ) : (
        <p className="lb-prio-formula" data-testid="priorities-formula">
          {formulaText(i18n, list.constants)}
        </p>
      )}

      {list.items.length === 0 ? (
        <p className="lb-prio-message">{t('priorities.noRows', { quarter: list.quarter })}</p>
      ) : (
        <table className="lb-prio-table" data-testid="priorities-table">
          <thead>
            <tr>
              <th className="is-num">{t('priorities.col.rank')}</th>
              <th>{t('priorities.col.change')}</th>
              <th className="is-item">{t('priorities.col.item')}</th>
              <th className="is-score">{t('priorities.col.score')}</th>
              <th className="is-num">{t('priorities.col.reach')}</th>
              <th className="is-num">{t('priorities.col.impact')}</th>
              <th className="is-num">{t('priorities.col.confidence')}</th>
              <th>{t('priorities.col.effort')}</th>
              <th>{t('priorities.col.status')}</th>
              <th>{t('priorities.col.owner')}</th>
              <th>{t('priorities.col.note')}</th>
              <th aria-label="actions" />
            </tr>
          </thead>
          <tbody>
            {list.items.map((row) => (
              <Fragment key={row.id}>
                <Row
                  row={row}
                  list={list}
                  maxScore={maxScore}
                  open={open === row.id}
                  onToggle={() => setOpen((o) => (o === row.id ? null : row.id))}
                />
                {open === row.id ? (
                  <tr className="lb-prio-detail-row">
                    <td colSpan={12}>
                      <Details row={row} list={list} overrides={overrides.filter((o) => o.row === row.id)} />
                    </td>
                  </tr>
                ) : null}
              </Fragment>
            ))}
          </tbody>
        </table>
      )}
      <Legend />
    </div>
  )
}

function Legend(): ReactElement {
  const { t } = useI18n()
  return (
    <p className="lb-prio-legend">
      <span className="lb-prio-swatch is-reach" /> {t('priorities.bar.reach')}
      <span className="lb-prio-swatch is-severity" /> {t('priorities.bar.severity')}
      <span className="lb-prio-swatch is-growth" /> {t('priorities.bar.growth')}
    </p>
  )
}

function changeText({ t }: I18n, row: PriorityRow): string {
  if (row.change === null) return t('priorities.change.none')
  const rank = String(row.previousRank ?? '')
  return t(`priorities.change.${row.change}` as MessageKey, { rank })
}

function Row({
  row,
  list,
  maxScore,
  open,
  onToggle
}: {
  row: PriorityRow
  list: PriorityList
  maxScore: number
  open: boolean
  onToggle(): void
}): ReactElement {
  const wb = useWorkbench()
  const i18n = useI18n()
  const { t, fmt } = i18n
  const frozen = list.frozenAt !== null
  const c = row.components
  return (
    <tr
      className={`lb-prio-row${open ? ' is-open' : ''}`}
      data-testid="priorities-row"
      data-id={row.id}
      data-rank={row.rank}
    >
      <td className="is-num lb-prio-rank">
        <span data-testid="priorities-rank">{row.rank}</span>
        {row.override ? (
          <span
            className={`lb-prio-pin${row.override.conflict ? ' is-conflict' : ''}`}
            title={
              t('priorities.overridden', { note: row.override.note }) +
              (row.override.conflict
                ? `\n${t('priorities.overrideConflict', { rank: String(row.override.rank) })}`
                : '')
            }
            data-testid="priorities-override"
          >
            <Codicon name={row.override.conflict ? 'warning' : 'pinned'} />
          </span>
        ) : null}
      </td>
      <td>
        <span className={`lb-prio-change is-${row.change ?? 'none'}`} data-testid="priorities-change">
          {changeText(i18n, row)}
        </span>
      </td>
      <td className="is-item">
        <button
          type="button"
          className="lb-prio-title"
          aria-expanded={open}
          onClick={onToggle}
          data-testid="priorities-title"
        >
          <Codicon name={open ? 'chevron-down' : 'chevron-right'} />
          <span>{row.title}</span>
        </button>
        <div className="lb-prio-meta">
          <span className="lb-prio-kind">{t(`priorities.kind.${row.kind}`)}</span>
          {' · '}
          {t(
            row.themes.length === 1 && i18n.language === 'en'
              ? 'priorities.themes.one'
              : 'priorities.themes.other',
            {
              count: fmt.integer(row.themes.length)
            }
          )}
          {row.override ? <span className="lb-prio-override-note"> · {row.override.note}</span> : null}
        </div>
      </td>
      <td className="is-score">
        <ScoreBar row={row} parts={scoreParts(row)} maxScore={maxScore} />
      </td>
      <td className="is-num">
        {fmt.integer(c.reach)}
        <div className="lb-prio-sub">{fmt.percent(row.share, 1, 1)}</div>
      </td>
      <td className="is-num">
        {fmt.number(c.impact, 2)}
        {row.impactKnown ? null : (
          <div
            className="lb-prio-sub is-warning"
            title={t('priorities.impactUnknownHint', { value: fmt.number(list.constants.impactUnknown, 2) })}
            data-testid="priorities-impact-unknown"
          >
            {t('priorities.impactUnknown')}
          </div>
        )}
      </td>
      <td className="is-num">{fmt.number(c.confidence, 2)}</td>
      <td>
        <EffortCell row={row} list={list} disabled={frozen} />
      </td>
      <td>
        <select
          className="lb-select lb-prio-status"
          aria-label={t('priorities.col.status')}
          data-testid="priorities-status"
          data-status={row.status}
          value={row.status}
          disabled={frozen}
          onChange={(e) => void editRow(wb, row, { status: e.target.value as PriorityStatus })}
        >
          {PRIORITY_STATUSES.map((s) => (
            <option key={s} value={s}>
              {t(`priorities.status.${s}`)}
            </option>
          ))}
        </select>
      </td>
      <td>
        <TextCell
          value={row.owner}
          label={t('priorities.col.owner')}
          placeholder={t('priorities.ownerPlaceholder')}
          maxLength={120}
          disabled={frozen}
          testId="priorities-owner"
          onCommit={(owner) => void editRow(wb, row, { owner })}
        />
      </td>
      <td>
        <TextCell
          value={row.note}
          label={t('priorities.col.note')}
          placeholder={t('priorities.notePlaceholder')}
          maxLength={4000}
          disabled={frozen}
          testId="priorities-note"
          onCommit={(note) => void editRow(wb, row, { note })}
        />
      </td>
      <td className="lb-prio-actions">
        {frozen ? null : (
          <IconButton
            icon="pinned"
            label={t('priorities.override')}
            testId="priorities-override-button"
            onClick={() => promptOverride(wb, list, row)}
          />
        )}
        {row.kind === 'item' && !frozen ? (
          <IconButton
            icon="trash"
            label={t('priorities.delete')}
            testId="priorities-delete"
            onClick={() => void confirmDelete(wb, row)}
          />
        ) : null}
      </td>
    </tr>
  )
}

function ScoreBar({
  row,
  parts,
  maxScore
}: {
  row: PriorityRow
  parts: ScoreParts
  maxScore: number
}): ReactElement {
  const { t, fmt } = useI18n()
  const c = row.components
  const width = (x: number): string => `${maxScore > 0 ? Math.max(0, (x / maxScore) * 100) : 0}%`
  const title = t('priorities.bar.title', {
    reach: fmt.integer(c.reach),
    impact: fmt.number(c.impact, 2),
    confidence: fmt.number(c.confidence, 2),
    effort: fmt.number(c.effort, 2),
    score: fmt.number(row.score, 1)
  })
  return (
    <div className="lb-prio-score" title={title}>
      <span className="lb-prio-score-value" data-testid="priorities-score">
        {fmt.number(row.score, 1)}
      </span>
      <span className="lb-prio-bar" aria-hidden="true">
        <span className="lb-prio-seg is-reach" style={{ width: width(parts.reach) }} />
        <span className="lb-prio-seg is-severity" style={{ width: width(parts.severity) }} />
        <span className="lb-prio-seg is-growth" style={{ width: width(parts.growth) }} />
      </span>
    </div>
  )
}

/** Effort as a size; an effort typed in weeks shows as its own option. */
function EffortCell({
  row,
  list,
  disabled
}: {
  row: PriorityRow
  list: PriorityList
  disabled: boolean
}): ReactElement {
  const wb = useWorkbench()
  const { t, fmt } = useI18n()
  const value = row.effortSize ?? (row.effortWeeks !== null ? 'weeks' : '')
  return (
    <div className="lb-prio-effort">
      <select
        className="lb-select"
        aria-label={t('priorities.col.effort')}
        data-testid="priorities-effort"
        value={value}
        disabled={disabled}
        onChange={(e) => {
          const size = e.target.value
          if (size === 'weeks') return
          void editRow(wb, row, { effort: size === '' ? null : { size: size as EffortSize } })
        }}
      >
        <option value="">{t('priorities.effort.none')}</option>
        {EFFORT_SIZES.map((s) => (
          <option key={s} value={s}>
            {t('priorities.effort.size', { size: s, weeks: fmt.number(list.constants.effortWeeks[s], 1) })}
          </option>
        ))}
        {row.effortWeeks !== null ? (
          <option value="weeks">
            {t('priorities.effortWeeks', { weeks: fmt.number(row.effortWeeks, 1) })}
          </option>
        ) : null}
      </select>
      {row.effortSet ? null : (
        <div
          className="lb-prio-sub is-warning"
          data-testid="priorities-effort-unset"
          title={t('priorities.effortNotSetHint', { value: fmt.number(list.constants.effortDefault, 1) })}
        >
          {t('priorities.effortNotSet')}
        </div>
      )}
    </div>
  )
}

/** A text field that saves on Enter or when it loses focus; Escape restores the saved text. */
function TextCell({
  value,
  label,
  placeholder,
  maxLength,
  disabled,
  testId,
  onCommit
}: {
  value: string | null
  label: string
  placeholder: string
  maxLength: number
  disabled: boolean
  testId: string
  onCommit(value: string): void
}): ReactElement {
  // The saved value changed (this edit saved, or another window's): show it.
  const [shown, setShown] = useState({ value, text: value ?? '' })
  if (shown.value !== value) setShown({ value, text: value ?? '' })
  const text = shown.text
  const setText = (next: string): void => setShown({ value, text: next })
  const commit = (): void => {
    if (text.trim() !== (value ?? '')) onCommit(text)
  }
  return (
    <input
      className="lb-input lb-prio-text"
      aria-label={label}
      placeholder={placeholder}
      maxLength={maxLength}
      value={text}
      disabled={disabled}
      data-testid={testId}
      onChange={(e) => setText(e.target.value)}
      onBlur={commit}
      onKeyDown={(e) => {
        if (e.key === 'Enter') (e.target as HTMLInputElement).blur()
        if (e.key === 'Escape') setText(value ?? '')
      }}
    />
  )
}

function Details({
  row,
  list,
  overrides
}: {
  row: PriorityRow
  list: PriorityList
  overrides: PriorityOverrideEntry[]
}): ReactElement {
  const wb = useWorkbench()
  const i18n = useI18n()
  const { t, fmt } = i18n
  const c = row.components
  const s = row.severity
  const frozen = list.frozenAt !== null
  const ci = (interval: readonly [number, number] | null, digits: number, scale = 1): string =>
    interval
      ? `${fmt.signed(interval[0] * scale, digits)} … ${fmt.signed(interval[1] * scale, digits)}`
      : MISSING_VALUE
  return (
    <div className="lb-prio-detail" data-testid="priorities-detail">
      <section>
        <h3>{t('priorities.detail.components')}</h3>
        <p>
          {t('priorities.detail.reach', {
            reach: fmt.integer(c.reach),
            quarter: list.quarter ?? '',
            tickets: fmt.integer(row.tickets),
            share: fmt.percent(row.share, 1, 1)
          })}
        </p>
        <p>
          <strong>{t('priorities.detail.severity')}: </strong>
          {row.impactKnown && s.drag !== null
            ? t('priorities.detail.severityKnown', {
                drag: fmt.number(s.drag, 1),
                source: t(`priorities.source.${s.source}`),
                n: fmt.integer(s.n),
                base: fmt.number(s.baseImpact, 2)
              })
            : t('priorities.detail.severityUnknown', { base: fmt.number(s.baseImpact, 2) })}
        </p>
        {s.csatDiff !== null ? (
          <p className="lb-prio-muted">
            {t('priorities.detail.csat', {
              value: fmt.signed(s.csatDiff * 100, 1) + ' pp',
              ci: ci(s.csatDiffCi95, 1, 100)
            })}
          </p>
        ) : null}
        {s.npsDiff !== null ? (
          <p className="lb-prio-muted">
            {t('priorities.detail.nps', { value: fmt.signed(s.npsDiff, 1), ci: ci(s.npsDiffCi95, 1) })}
          </p>
        ) : null}
        <p>
          <strong>{t('priorities.detail.trend')}: </strong>
          {c.trend.new
            ? t('priorities.detail.trendNew', {
                current: fmt.integer(c.trend.currentQuarter),
                previousQuarter: list.previousQuarter ?? '',
                factor: fmt.number(s.growthFactor, 2)
              })
            : t('priorities.detail.trendText', {
                current: fmt.integer(c.trend.currentQuarter),
                previous: fmt.integer(c.trend.previousQuarter),
                quarter: list.quarter ?? '',
                previousQuarter: list.previousQuarter ?? '',
                factor: fmt.number(s.growthFactor, 2)
              })}
        </p>
        <p>
          <strong>{t('priorities.detail.confidence', { value: fmt.number(c.confidence, 2) })}</strong>
        </p>
      </section>
      <section>
        <h3>{t('priorities.detail.themes')}</h3>
        {row.themes.length === 0 ? <p className="lb-prio-muted">{t('priorities.detail.noThemes')}</p> : null}
        <ul className="lb-prio-chips">
          {row.themes.map((id) => (
            <ThemeChip key={id} id={id} row={row} wb={wb} editable={!frozen && row.kind === 'item'} />
          ))}
        </ul>
        {frozen ? null : (
          <button
            type="button"
            className="lb-button is-secondary"
            data-testid="priorities-add-theme"
            onClick={() => void promptAddTheme(wb, row)}
          >
            <Codicon name="add" /> {t('priorities.detail.addTheme')}
          </button>
        )}
        {frozen || row.kind !== 'item' ? null : <SuggestedThemes row={row} list={list} />}
        <h3>{t('priorities.detail.evidence')}</h3>
        {c.evidence.length === 0 ? (
          <p className="lb-prio-muted">{t('priorities.detail.noEvidence')}</p>
        ) : null}
        <ul className="lb-prio-list">
          {c.evidence.map((e) => (
            <li key={e.experimentId}>
              {t('priorities.detail.evidenceRow', {
                name: e.name,
                decision: t(`experiments.decision.${e.decision ?? 'none'}` as MessageKey),
                lift: e.relLift === null ? MISSING_VALUE : fmt.signed(e.relLift * 100, 1) + '%'
              })}
              {frozen ? null : (
                <IconButton
                  icon="close"
                  label={t('priorities.detail.unlinkExperiment')}
                  onClick={() =>
                    void editRow(wb, row, {
                      experiments: row.experiments.filter((x) => x !== e.experimentId)
                    })
                  }
                />
              )}
            </li>
          ))}
        </ul>
        {frozen ? null : (
          <button
            type="button"
            className="lb-button is-secondary"
            onClick={() => void promptLinkExperiment(wb, row)}
          >
            <Codicon name="beaker" /> {t('priorities.detail.linkExperiment')}
          </button>
        )}
      </section>
      <section>
        <h3>{t('priorities.detail.audit')}</h3>
        {overrides.length === 0 ? <p className="lb-prio-muted">{t('priorities.detail.noAudit')}</p> : null}
        <ul className="lb-prio-list" data-testid="priorities-audit">
          {overrides.map((o) => (
            <li key={o.id}>
              {o.rank === null
                ? t('priorities.detail.auditCleared', {
                    date: fmt.dateTime(o.createdAt),
                    quarter: o.quarter,
                    note: o.note
                  })
                : t('priorities.detail.auditRow', {
                    date: fmt.dateTime(o.createdAt),
                    quarter: o.quarter,
                    rank: String(o.rank),
                    note: o.note
                  })}
            </li>
          ))}
        </ul>
      </section>
    </div>
  )
}

function ThemeChip({
  id,
  row,
  wb,
  editable
}: {
  id: number
  row: PriorityRow
  wb: WorkbenchController
  editable: boolean
}): ReactElement {
  const { t } = useI18n()
  const { overview } = useThemes()
  const theme = overview?.themes.find((x) => x.id === id)
  const label = theme?.label ?? t('themes.idLabel', { id: String(id) })
  return (
    <li className="lb-prio-chip">
      <button type="button" className="lb-link" onClick={() => wb.openEditor({ kind: 'theme', id, label })}>
        <Codicon name="tag" /> {label}
      </button>
      {editable ? (
        <IconButton
          icon="close"
          label={t('priorities.detail.removeTheme')}
          onClick={() => void editRow(wb, row, { themes: row.themes.filter((x) => x !== id) })}
        />
      ) : null}
    </li>
  )
}

/** The formula's constants as a form; saved for the workspace. */
function FormulaPanel({ list, onClose }: { list: PriorityList; onClose(): void }): ReactElement {
  const wb = useWorkbench()
  const i18n = useI18n()
  const { t } = i18n
  const [draft, setDraft] = useState<PriorityFormula>(list.constants)
  const valid = PriorityFormulaSchema.safeParse(draft).success
  const save = async (formula: PriorityFormula): Promise<void> => {
    try {
      await wb.call('priorities.setFormula', { formula })
      wb.notify('info', { key: 'priorities.formula.saved' })
      onClose()
    } catch {
      // Reported by call().
    }
  }
  return (
    <div className="lb-prio-formula-panel" data-testid="priorities-formula-panel">
      <p className="lb-prio-formula">{formulaText(i18n, draft)}</p>
      <div className="lb-prio-formula-grid">
        {formulaFields(draft).map((f) => (
          <label key={f.path.join('.')} className="lb-prio-formula-field">
            <span>
              {t(f.label as MessageKey, f.params)}
              {typeof f.path[1] === 'number' ? ` (${f.path[1] + 1})` : ''}
            </span>
            <input
              className="lb-input"
              type="number"
              step={f.step}
              min={0}
              value={Number.isFinite(fieldValue(draft, f.path)) ? fieldValue(draft, f.path) : ''}
              onChange={(e) =>
                setDraft((d) =>
                  withFieldValue(d, f.path, e.target.value === '' ? Number.NaN : Number(e.target.value))
                )
              }
            />
          </label>
        ))}
      </div>
      {valid ? null : (
        <p className="lb-prio-banner is-error" role="alert">
          {t('priorities.formula.invalid')}
        </p>
      )}
      <div className="lb-prio-formula-actions">
        <button type="button" className="lb-button" disabled={!valid} onClick={() => void save(draft)}>
          {t('priorities.formula.save')}
        </button>
        <button
          type="button"
          className="lb-button is-secondary"
          onClick={() => setDraft(DEFAULT_PRIORITY_FORMULA)}
        >
          {t('priorities.formula.reset')}
        </button>
        <button type="button" className="lb-button is-secondary" onClick={onClose}>
          {t('priorities.formula.cancel')}
        </button>
      </div>
    </div>
  )
}
