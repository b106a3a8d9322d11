import type { ReactElement } from 'react'
import { useEffect, useId, useRef, useState } from 'react'
import type { DistinctValue, SearchStatus } from '@shared/domain/data-browser'
import { Codicon } from '../../components/codicon'
import { IconButton } from '../../components/icon-button'
import type { MultiSelectOption } from '../../components/multi-select'
import { MultiSelect } from '../../components/multi-select'
import type { I18n } from '../../i18n/i18n'
import { useI18n } from '../../i18n/i18n-context'
import { useWorkbench } from '../../state/workbench-context'
import { groupThemes, themeName } from '../themes/theme-model'
import { useThemes } from '../themes/use-themes'
import type { TicketFilterDraft } from './ticket-filter'
import {
  EMPTY_CHOICE,
  EMPTY_FILTER,
  MAX_SEARCH,
  SEARCH_DEBOUNCE_MS,
  isFilterActive,
  isRangeInverted
} from './ticket-filter'

const EMPTY_VALUE = EMPTY_CHOICE

type Distinct = { values: readonly DistinctValue[] } | { unavailable: true } | null

/** Loads the distinct values of a tickets column once, quietly (older backends lack the method). */
function useDistinct(column: 'channel' | 'status', version: number): Distinct {
  const wb = useWorkbench()
  const [state, setState] = useState<Distinct>(null)
  useEffect(() => {
    let live = true
    wb.call('data.distinct', { table: 'tickets', column }, { quiet: true }).then(
      (values) => live && setState({ values }),
      () => live && setState({ unavailable: true })
    )
    return () => {
      live = false
    }
  }, [wb, column, version])
  return state
}

function options(i18n: I18n, distinct: Distinct): MultiSelectOption[] {
  if (!distinct || 'unavailable' in distinct) return []
  return distinct.values.map((v) => ({
    value: v.value ?? EMPTY_VALUE,
    label: v.value ?? i18n.t('filter.noValue'),
    detail: i18n.fmt.integer(v.count)
  }))
}

/** The themes to filter by: the ranked ones, then the excluded ones, each with its size. */
function themeOptions(i18n: I18n, themes: ReturnType<typeof useThemes>['overview']): MultiSelectOption[] {
  if (!themes) return []
  const { ranked, excluded } = groupThemes(themes.themes)
  return [...ranked, ...excluded].map((theme) => ({
    value: String(theme.id),
    label: themeName(theme),
    detail: i18n.fmt.integer(theme.size)
  }))
}

function themeSummary(
  i18n: I18n,
  options: readonly MultiSelectOption[],
  selected: readonly string[]
): string {
  if (selected.length === 0) return i18n.t('filter.any')
  if (selected.length === 1) {
    const id = selected[0] ?? ''
    return options.find((o) => o.value === id)?.label ?? i18n.t('themes.idLabel', { id })
  }
  return i18n.t('filter.selected', { count: i18n.fmt.integer(selected.length) })
}

function summary(i18n: I18n, selected: readonly string[]): string {
  if (selected.length === 0) return i18n.t('filter.any')
  if (selected.length === 1)
    return selected[0] === EMPTY_VALUE ? i18n.t('filter.noValue') : (selected[0] ?? '')
  return i18n.t('filter.selected', { count: i18n.fmt.integer(selected.length) })
}

/**
 * The filter bar above the tickets grid: full-text search (debounced), a created-date range,
 * channel, status and theme choices, the filtered count and a note while the search index is built.
 */
export function TicketFilterBar({
  draft,
  onChange,
  searchComplete,
  searchStatus,
  dataVersion
}: {
  draft: TicketFilterDraft
  onChange(next: TicketFilterDraft): void
  searchComplete: boolean
  searchStatus: SearchStatus | null
  dataVersion: number
}): ReactElement {
  const i18n = useI18n()
  const { t, fmt } = i18n
  const ids = { search: useId(), from: useId(), to: useId() }
  const [text, setText] = useState(draft.search)
  const pending = useRef<ReturnType<typeof setTimeout> | null>(null)
  const channels = useDistinct('channel', dataVersion)
  const statuses = useDistinct('status', dataVersion)
  const themes = useThemes()
  const themeChoices = themeOptions(i18n, themes.overview)

  // Follows a search changed from outside (Clear filters).
  const [seen, setSeen] = useState(draft.search)
  if (draft.search !== seen) {
    setSeen(draft.search)
    setText(draft.search)
  }

  useEffect(
    () => () => {
      if (pending.current !== null) clearTimeout(pending.current)
    },
    []
  )

  const commitSearch = (value: string, delay: number): void => {
    if (pending.current !== null) clearTimeout(pending.current)
    pending.current = null
    const run = (): void => {
      pending.current = null
      if (value !== draft.search) {
        setSeen(value)
        onChange({ ...draft, search: value })
      }
    }
    if (delay === 0) run()
    else pending.current = setTimeout(run, delay)
  }

  const active = isFilterActive(draft)
  const inverted = isRangeInverted(draft)
  const indexing = draft.search.trim() !== '' && !searchComplete
  const percent =
    searchStatus && searchStatus.total > 0 ? fmt.percent(searchStatus.indexed / searchStatus.total, 0) : null

  return (
    <div className="lb-filter-bar" role="search" aria-label={t('filter.bar')} data-testid="ticket-filters">
      <div className="lb-filter-search">
        <Codicon name="search" />
        <label htmlFor={ids.search} className="lb-visually-hidden">
          {t('filter.search')}
        </label>
        <input
          id={ids.search}
          type="search"
          className="lb-input"
          value={text}
          maxLength={MAX_SEARCH}
          placeholder={t('filter.searchPlaceholder')}
          data-testid="ticket-search"
          onChange={(e) => {
            setText(e.target.value)
            commitSearch(e.target.value, SEARCH_DEBOUNCE_MS)
          }}
          onKeyDown={(e) => {
            if (e.key === 'Enter') commitSearch(text, 0)
            else if (e.key === 'Escape' && text) {
              e.preventDefault()
              setText('')
              commitSearch('', 0)
            }
          }}
        />
        {text && (
          <IconButton
            icon="close"
            className="lb-filter-search-clear"
            label={t('filter.clearSearch')}
            onClick={() => {
              setText('')
              commitSearch('', 0)
            }}
          />
        )}
      </div>
      <div className={`lb-filter-dates${inverted ? ' is-invalid' : ''}`}>
        <span className="lb-filter-label">{t('filter.created')}</span>
        <label htmlFor={ids.from} className="lb-visually-hidden">
          {t('filter.from')}
        </label>
        <input
          id={ids.from}
          type="date"
          className="lb-input"
          value={draft.from}
          max={draft.to || undefined}
          aria-invalid={inverted}
          title={t('filter.from')}
          data-testid="ticket-from"
          onChange={(e) => onChange({ ...draft, from: e.target.value })}
        />
        <span aria-hidden="true">–</span>
        <label htmlFor={ids.to} className="lb-visually-hidden">
          {t('filter.to')}
        </label>
        <input
          id={ids.to}
          type="date"
          className="lb-input"
          value={draft.to}
          min={draft.from || undefined}
          aria-invalid={inverted}
          title={t('filter.to')}
          data-testid="ticket-to"
          onChange={(e) => onChange({ ...draft, to: e.target.value })}
        />
      </div>
      <MultiSelect
        label={t('filter.channel')}
        summary={summary(i18n, draft.channels)}
        options={options(i18n, channels)}
        selected={draft.channels}
        disabled={!channels || 'unavailable' in channels}
        testId="ticket-channels"
        onChange={(channelsNext) => onChange({ ...draft, channels: channelsNext })}
      />
      <MultiSelect
        label={t('filter.status')}
        summary={summary(i18n, draft.statuses)}
        options={options(i18n, statuses)}
        selected={draft.statuses}
        disabled={!statuses || 'unavailable' in statuses}
        testId="ticket-statuses"
        onChange={(statusesNext) => onChange({ ...draft, statuses: statusesNext })}
      />
      <MultiSelect
        label={t('filter.theme')}
        summary={themeSummary(i18n, themeChoices, draft.themes)}
        options={themeChoices}
        selected={draft.themes}
        disabled={themeChoices.length === 0 && draft.themes.length === 0}
        testId="ticket-themes"
        onChange={(themesNext) => onChange({ ...draft, themes: themesNext })}
      />
      {active && (
        <button
          type="button"
          className="lb-link lb-filter-clear"
          data-testid="ticket-clear-filters"
          onClick={() => {
            if (pending.current !== null) clearTimeout(pending.current)
            setText('')
            onChange(EMPTY_FILTER)
          }}
        >
          {t('filter.clear')}
        </button>
      )}
      {(indexing || inverted) && (
        <p
          className="lb-filter-note"
          role="status"
          data-testid={inverted ? 'ticket-range-invalid' : 'ticket-indexing'}
        >
          <Codicon name={inverted ? 'warning' : 'sync'} spin={!inverted} />
          {inverted
            ? t('filter.invalidRange')
            : percent
              ? t('filter.indexingProgress', { percent })
              : t('filter.indexing')}
        </p>
      )}
    </div>
  )
}
