import type { ThemeGranularity, ThemeSummary, ThemeTicket } from '@shared/domain/themes'
import { THEME_GRANULARITIES } from '@shared/domain/themes'
import { translate } from '@shared/i18n/translate'
import type { I18n } from '../../i18n/i18n'
import type { ContextMenuAction } from '../../parts/context-menu/context-menu'
import type { PickItem } from '../../state/quick-input-model'
import type { WorkbenchController } from '../../state/workbench-controller'
import { downloadBlob } from '../metrics/chart-export'
import { formatThemeShare, ticketsText } from './theme-format'
import { groupThemes, taxonomyFileName, themeName } from './theme-model'

/** Longest label and rule the backend takes (see ThemeRenameRequestSchema, ThemeFromRuleRequestSchema). */
const MAX_LABEL = 200
const MAX_RULE = 500
/** Split sizes offered besides "as the tickets suggest". */
const SPLIT_PARTS = [2, 3, 4, 5, 6] as const

/**
 * The themes tickets can go to: the active ones but `except`, the other bucket last (a ticket may
 * go there; a whole theme is merged only into another cluster theme).
 */
function targets(wb: WorkbenchController, except: number | null, withOther: boolean): ThemeSummary[] {
  const themes = wb.themes.state.get().overview?.themes ?? []
  return groupThemes(themes).ranked.filter((t) => t.id !== except && (withOther || t.kind !== 'other'))
}

function themeItems(i18n: I18n, themes: readonly ThemeSummary[]): PickItem[] {
  return themes.map((theme) => ({
    id: String(theme.id),
    label: themeName(theme),
    description: `${ticketsText(i18n, theme.size)} · ${formatThemeShare(i18n, theme.share)}`,
    icon: theme.kind === 'other' ? 'circle-large-outline' : theme.pinned ? 'pinned' : 'tag',
    alternates: [theme.generatedLabel, ...theme.terms.slice(0, 5)]
  }))
}

/** Asks for a granularity (the last run's is the default) and starts a run. */
export async function promptRun(wb: WorkbenchController): Promise<void> {
  const overview = await wb.themes.loaded()
  const current = overview?.run?.granularity ?? 'normal'
  wb.showPicker({
    id: 'themes-granularity',
    placeholder: 'themes.pick.granularity',
    activeId: current,
    items: ({ t }) =>
      THEME_GRANULARITIES.map((g) => ({
        id: g,
        label: t(`themes.granularity.${g}`),
        description: t(`themes.granularity.${g}.hint`),
        alternates: [translate('en', `themes.granularity.${g}`)],
        checked: overview?.run?.granularity === g
      })),
    onAccept: (id) => void wb.themes.run(id as ThemeGranularity)
  })
}

/** Asks which quarter's figures to show (newest first). */
export async function promptQuarter(wb: WorkbenchController): Promise<void> {
  const overview = await wb.themes.loaded()
  const quarters = [...(overview?.quarters ?? [])].reverse()
  if (quarters.length === 0) {
    wb.notify('info', { key: 'themes.quarter.none' })
    return
  }
  wb.showPicker({
    id: 'themes-quarter',
    placeholder: 'themes.pick.quarter',
    ...(overview?.quarter ? { activeId: overview.quarter } : {}),
    items: ({ t }) =>
      quarters.map((q, i) => ({
        id: q,
        label: q,
        ...(i === 0 ? { description: t('themes.quarter.latest') } : {}),
        checked: q === overview?.quarter
      })),
    onAccept: (id) => wb.themes.setQuarter(id === quarters[0] ? null : id)
  })
}

/** Renames a theme in the input box; an empty name restores the generated label. */
export function promptRename(wb: WorkbenchController, theme: ThemeSummary): void {
  wb.showInput({
    id: 'themes-rename',
    placeholder: 'themes.input.rename',
    placeholderParams: { label: themeName(theme) },
    value: theme.renamed ? theme.label : theme.generatedLabel,
    maxLength: MAX_LABEL,
    prompt: ({ t }) => t('themes.input.renamePrompt', { generated: theme.generatedLabel }),
    onAccept: (value) => {
      const label = value.trim()
      // Empty restores the generated label, which only a renamed theme has lost.
      if (label === '' ? theme.renamed : label !== theme.label) void wb.themes.rename(theme, label)
    }
  })
}

/** Merges a theme into another the user picks. */
export function promptMerge(wb: WorkbenchController, theme: ThemeSummary): void {
  const choices = targets(wb, theme.id, false)
  wb.showPicker({
    id: 'themes-merge',
    placeholder: 'themes.pick.merge',
    placeholderParams: { label: themeName(theme) },
    ...(theme.conflictWith !== null ? { activeId: String(theme.conflictWith) } : {}),
    items: (i18n) => themeItems(i18n, choices),
    onAccept: (id) => {
      const into = choices.find((t) => String(t.id) === id)
      if (into) void wb.themes.merge(theme, into)
    }
  })
}

/** Splits a theme, into as many parts as its tickets suggest or as many as the user picks. */
export function promptSplit(wb: WorkbenchController, theme: ThemeSummary): void {
  wb.showPicker({
    id: 'themes-split',
    placeholder: 'themes.pick.split',
    placeholderParams: { label: themeName(theme) },
    items: ({ t }) => [
      { id: 'auto', label: t('themes.split.auto'), description: t('themes.split.autoHint'), icon: 'sparkle' },
      ...SPLIT_PARTS.map((n) => ({
        id: String(n),
        label: t('themes.split.parts', { count: n }),
        icon: 'split-horizontal'
      }))
    ],
    onAccept: (id) => void wb.themes.split(theme, id === 'auto' ? undefined : Number(id))
  })
}

/** Moves one ticket to another theme the user picks. */
export function promptMoveTicket(wb: WorkbenchController, ticket: ThemeTicket, from: number): void {
  const choices = targets(wb, from, true)
  wb.showPicker({
    id: 'themes-move',
    placeholder: 'themes.pick.move',
    placeholderParams: { ticket: ticket.ticketId },
    items: (i18n) => themeItems(i18n, choices),
    onAccept: (id) => {
      const into = choices.find((t) => String(t.id) === id)
      if (into) void wb.themes.moveTicket(ticket, into)
    }
  })
}

/** Asks for a name, then for the rule whose matching tickets form the new theme. */
export function promptCreateFromRule(wb: WorkbenchController): void {
  const required =
    (key: 'themes.input.labelRequired' | 'themes.input.ruleRequired') =>
    (value: string, { t }: I18n): string | null =>
      value.trim() === '' ? t(key) : null
  wb.showInput({
    id: 'themes-rule-label',
    placeholder: 'themes.input.ruleLabel',
    maxLength: MAX_LABEL,
    prompt: ({ t }) => t('themes.input.ruleLabelPrompt'),
    validate: required('themes.input.labelRequired'),
    onAccept: (label) =>
      wb.showInput({
        id: 'themes-rule',
        placeholder: 'themes.input.rule',
        placeholderParams: { label: label.trim() },
        maxLength: MAX_RULE,
        prompt: ({ t }) => t('themes.input.rulePrompt', { label: label.trim() }),
        validate: required('themes.input.ruleRequired'),
        onAccept: (rule) => void wb.themes.createFromRule(label, rule)
      })
  })
}

/** Downloads the taxonomy as a JSON file (names, rules, pins, exclusions, merges and splits). */
export async function exportTaxonomy(wb: WorkbenchController): Promise<void> {
  const text = await wb.themes.exportTaxonomy()
  if (text === null) return
  const name = taxonomyFileName(new Date())
  downloadBlob(new Blob([text], { type: 'application/json;charset=utf-8' }), name)
  const done = { key: 'themes.taxonomy.exported', params: { file: name } } as const
  wb.output('info', done)
  wb.notify('info', done)
}

/** Lets the user pick a taxonomy file and imports it. */
export function importTaxonomy(wb: WorkbenchController): void {
  const input = document.createElement('input')
  input.type = 'file'
  input.accept = '.json,application/json'
  input.className = 'lb-visually-hidden'
  input.tabIndex = -1
  input.dataset.testid = 'themes-taxonomy-input'
  const remove = (): void => input.remove()
  input.addEventListener('cancel', remove)
  input.addEventListener('change', () => {
    const file = input.files?.[0]
    remove()
    if (!file) return
    void file.text().then(
      (text) => wb.themes.importTaxonomy(file.name, text),
      (error: unknown) =>
        wb.notify('error', {
          key: 'themes.taxonomy.notJson',
          params: { file: file.name, reason: error instanceof Error ? error.message : String(error) }
        })
    )
  })
  // In the document, so that every host opens its file chooser for it.
  document.body.appendChild(input)
  input.click()
}

/** The actions on one theme, for its context menu and the editor's toolbar. */
export function themeActions(
  wb: WorkbenchController,
  { t }: Pick<I18n, 't'>,
  theme: ThemeSummary,
  options: { open?: boolean } = {}
): ContextMenuAction[] {
  const other = theme.kind === 'other'
  return [
    ...(options.open
      ? [
          {
            id: 'theme-open',
            label: t('themes.action.open'),
            icon: 'go-to-file',
            run: () => wb.openEditor({ kind: 'theme', id: theme.id, label: theme.label })
          }
        ]
      : []),
    {
      id: 'theme-tickets',
      label: t('themes.action.tickets'),
      icon: 'table',
      run: () => wb.openTickets({ themes: [theme.id] })
    },
    ...(other
      ? []
      : [
          {
            id: 'theme-rename',
            label: t('themes.action.rename'),
            icon: 'edit',
            run: () => promptRename(wb, theme)
          },
          {
            id: 'theme-merge',
            label: t('themes.action.merge'),
            icon: 'merge',
            run: () => promptMerge(wb, theme)
          },
          {
            id: 'theme-split',
            label: t('themes.action.split'),
            icon: 'split-horizontal',
            run: () => promptSplit(wb, theme)
          },
          {
            id: 'theme-pin',
            label: t(theme.pinned ? 'themes.action.unpin' : 'themes.action.pin'),
            icon: theme.pinned ? 'pinned-dirty' : 'pin',
            run: () => void wb.themes.pin(theme, !theme.pinned)
          },
          {
            id: 'theme-exclude',
            label: t(theme.status === 'excluded' ? 'themes.action.include' : 'themes.action.exclude'),
            icon: theme.status === 'excluded' ? 'eye' : 'eye-closed',
            run: () => void wb.themes.exclude(theme, theme.status !== 'excluded')
          }
        ])
  ]
}
