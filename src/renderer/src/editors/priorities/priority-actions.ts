import type { PriorityFormat, PriorityItemPatch, PriorityList, PriorityRow } from '@shared/domain/priorities'
import type { WorkbenchController } from '../../state/workbench-controller'
import { downloadBlob } from '../metrics/chart-export'
import { themeName } from '../themes/theme-model'
import { ticketsText } from '../themes/theme-format'

/**
 * The edits of the priority list. Each calls the backend, which announces `priorities.changed` to
 * every window (this one too), and the open priority views load the list again on that.
 */

const MAX_TITLE = 200
const MAX_NOTE = 2000

async function run<T>(edit: () => Promise<T>): Promise<T | null> {
  try {
    return await edit()
  } catch {
    // Reported by call().
    return null
  }
}

/** Changes fields of a row (a theme's row becomes an item). */
export function editRow(
  wb: WorkbenchController,
  row: PriorityRow,
  patch: PriorityItemPatch
): Promise<unknown> {
  return run(() => wb.call('priorities.editItem', { row: row.id, patch }))
}

/** Asks for a title and adds an item by hand. */
export function promptAddItem(wb: WorkbenchController): void {
  wb.showInput({
    id: 'priorities-add',
    placeholder: 'priorities.input.title',
    maxLength: MAX_TITLE,
    prompt: ({ t }) => t('priorities.input.titlePrompt'),
    validate: (value, { t }) => (value.trim() ? null : t('priorities.input.titleRequired')),
    onAccept: (title) => void run(() => wb.call('priorities.createItem', { title: title.trim() }))
  })
}

/** Asks for a rank (empty: back to the score), then for the note an override needs. */
export function promptOverride(wb: WorkbenchController, list: PriorityList, row: PriorityRow): void {
  const quarter = list.quarter
  if (quarter === null) return
  wb.showInput({
    id: 'priorities-rank',
    placeholder: 'priorities.input.rank',
    placeholderParams: { title: row.title, quarter },
    value: String(row.override?.rank ?? row.rank),
    maxLength: 6,
    prompt: ({ t }) => t('priorities.input.rankPrompt'),
    validate: (value, { t }) => (parseRank(value) === undefined ? t('priorities.input.rankInvalid') : null),
    onAccept: (value) => {
      const rank = parseRank(value)
      if (rank === undefined) return
      wb.showInput({
        id: 'priorities-note',
        placeholder: 'priorities.input.note',
        maxLength: MAX_NOTE,
        value: row.override?.note ?? '',
        prompt: ({ t }) =>
          t('priorities.input.notePrompt', {
            rank: rank === null ? t('priorities.change.none') : `#${rank}`
          }),
        validate: (note, { t }) => (note.trim() ? null : t('priorities.input.noteRequired')),
        onAccept: (note) =>
          void run(() => wb.call('priorities.override', { row: row.id, quarter, rank, note: note.trim() }))
      })
    }
  })
}

/** A rank typed by the user: a whole number from 1, null for empty, undefined when invalid. */
export function parseRank(value: string): number | null | undefined {
  const text = value.trim()
  if (text === '') return null
  if (!/^\d{1,6}$/.test(text)) return undefined
  const rank = Number(text)
  return rank >= 1 ? rank : undefined
}

/** Adds a theme the user picks to a row (a theme in another item moves here). */
export async function promptAddTheme(wb: WorkbenchController, row: PriorityRow): Promise<void> {
  const overview = await wb.themes.loaded()
  const themes = (overview?.themes ?? []).filter(
    (t) => t.kind !== 'other' && t.status === 'active' && !row.themes.includes(t.id)
  )
  wb.showPicker({
    id: 'priorities-theme',
    placeholder: 'priorities.pick.theme',
    placeholderParams: { title: row.title },
    items: (i18n) =>
      themes.map((theme) => ({
        id: String(theme.id),
        label: themeName(theme),
        description: ticketsText(i18n, theme.size),
        icon: 'tag',
        alternates: [theme.generatedLabel, ...theme.terms.slice(0, 5)]
      })),
    onAccept: (id) => void editRow(wb, row, { themes: [...row.themes, Number(id)] })
  })
}

/** Links an experiment the user picks to a row. */
export async function promptLinkExperiment(wb: WorkbenchController, row: PriorityRow): Promise<void> {
  let experiments: Array<{ id: number; name: string; key: string }>
  try {
    experiments = (await wb.call('experiments.list', {})).experiments.filter(
      (e) => !row.experiments.includes(e.id)
    )
  } catch {
    return
  }
  wb.showPicker({
    id: 'priorities-experiment',
    placeholder: 'priorities.pick.experiment',
    placeholderParams: { title: row.title },
    items: () =>
      experiments.map((e) => ({ id: String(e.id), label: e.name, description: e.key, icon: 'beaker' })),
    onAccept: (id) => void editRow(wb, row, { experiments: [...row.experiments, Number(id)] })
  })
}

/** Deletes an item after asking. */
export async function confirmDelete(wb: WorkbenchController, row: PriorityRow): Promise<void> {
  const choice = await wb.ask({
    title: 'priorities.deleteConfirm.title',
    message: 'priorities.deleteConfirm.message',
    params: { title: row.title },
    buttons: [
      { id: 'delete', label: 'priorities.deleteConfirm.delete', primary: true },
      { id: 'cancel', label: 'priorities.cancel' }
    ]
  })
  if (choice === 'delete') await run(() => wb.call('priorities.deleteItem', { row: row.id }))
}

/** Freezes or unfreezes the quarter on screen. */
export function setFrozen(wb: WorkbenchController, quarter: string, frozen: boolean): Promise<unknown> {
  return run(() => wb.call('priorities.freeze', { quarter, frozen }))
}

const MIME: Record<PriorityFormat, string> = {
  md: 'text/markdown;charset=utf-8',
  csv: 'text/csv;charset=utf-8',
  json: 'application/json;charset=utf-8',
  'jira-csv': 'text/csv;charset=utf-8'
}

/** Downloads the list in a format. */
export async function exportList(
  wb: WorkbenchController,
  quarter: string | null,
  format: PriorityFormat
): Promise<void> {
  try {
    const file = await wb.call('priorities.export', { format, ...(quarter === null ? {} : { quarter }) })
    downloadBlob(new Blob([file.content], { type: MIME[format] }), file.fileName)
    const done = { key: 'priorities.exported', params: { file: file.fileName } } as const
    wb.output('info', done)
    wb.notify('info', done)
  } catch {
    // Reported by call().
  }
}
