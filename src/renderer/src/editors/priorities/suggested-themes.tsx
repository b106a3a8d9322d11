import type { ReactElement } from 'react'
import { useEffect, useState } from 'react'
import type { PriorityList, PriorityRow, ThemeSuggestions } from '@shared/domain/priorities'
import { Codicon } from '../../components/codicon'
import { IconButton } from '../../components/icon-button'
import { useI18n } from '../../i18n/i18n-context'
import { useStore } from '../../state/store'
import { useWorkbench } from '../../state/workbench-context'
import { ticketsText } from '../themes/theme-format'
import { editRow } from './priority-actions'

/** While the search index is being built, ask again this often. */
const PENDING_RETRY_MS = 3000

/**
 * The themes an item's title is about, to group under it with one click: each with its size,
 * the title's words it matches, and the item it is in now (adding moves it). Read again when the
 * item, its themes or the data change.
 */
export function SuggestedThemes({ row, list }: { row: PriorityRow; list: PriorityList }): ReactElement {
  const wb = useWorkbench()
  const i18n = useI18n()
  const { t, fmt } = i18n
  const dataVersion = useStore(wb.session, (s) => s.dataVersion)
  const [attempt, setAttempt] = useState(0)
  const key = `${row.id}|${row.title}|${row.themes.join(',')}|${dataVersion}|${attempt}`
  const [state, setState] = useState<{ key: string; result: ThemeSuggestions | null }>({
    key: '',
    result: null
  })

  useEffect(() => {
    let live = true
    let retry: ReturnType<typeof setTimeout> | undefined
    wb.call('priorities.suggestThemes', { row: row.id }, { quiet: true }).then(
      (result) => {
        if (!live) return
        setState({ key, result })
        if (!result.ready) retry = setTimeout(() => setAttempt((n) => n + 1), PENDING_RETRY_MS)
      },
      () => {
        if (live) setState({ key, result: null })
      }
    )
    return () => {
      live = false
      if (retry) clearTimeout(retry)
    }
  }, [wb, row.id, key])

  const result = state.result
  const titleOf = (rowId: string): string => list.items.find((r) => r.id === rowId)?.title ?? rowId
  return (
    <div className="lb-prio-suggest" data-testid="priorities-suggestions">
      <h4>{t('priorities.suggest.title')}</h4>
      {result === null ? null : !result.ready ? (
        <p className="lb-prio-muted">{t('priorities.suggest.pending')}</p>
      ) : result.suggestions.length === 0 ? (
        <p className="lb-prio-muted">{t('priorities.suggest.none')}</p>
      ) : (
        <ul className="lb-prio-list">
          {result.suggestions.map((s) => (
            <li key={s.themeId} title={t('priorities.suggest.why', { affinity: fmt.number(s.affinity, 1) })}>
              <IconButton
                icon="add"
                label={t('priorities.suggest.add')}
                onClick={() => void editRow(wb, row, { themes: [...row.themes, s.themeId] })}
              />
              <button
                type="button"
                className="lb-link"
                onClick={() => wb.openEditor({ kind: 'theme', id: s.themeId, label: s.label })}
              >
                <Codicon name="tag" /> {s.label}
              </button>
              <span className="lb-prio-muted lb-prio-suggest-meta">
                {ticketsText(i18n, s.tickets)} ·{' '}
                {t('priorities.suggest.words', { words: s.words.join(', ') })}
                {s.itemRow === null
                  ? null
                  : ` · ${t('priorities.suggest.inItem', { title: titleOf(s.itemRow) })}`}
              </span>
            </li>
          ))}
        </ul>
      )}
    </div>
  )
}
