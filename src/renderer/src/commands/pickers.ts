import type { JobInfo } from '@shared/domain/jobs'
import type { LanguageId, ThemeId } from '@shared/domain/preferences'
import { LANGUAGE_IDS, THEME_IDS } from '@shared/domain/preferences'
import { translate } from '@shared/i18n/translate'
import type { WorkbenchController } from '../state/workbench-controller'

const SYSTEM = 'system'

/** The theme picker; moving through it previews each theme, Escape restores the current one. */
export function showThemePicker(wb: WorkbenchController): void {
  const current = wb.preferences.get().preferences.theme
  wb.showPicker({
    id: 'theme',
    placeholder: 'picker.theme.placeholder',
    activeId: current ?? SYSTEM,
    items: ({ t }) => [
      ...THEME_IDS.map((id) => ({
        id,
        label: t(`theme.${id}`),
        // English names stay findable in a Chinese UI.
        alternates: [translate('en', `theme.${id}`)],
        icon: id === 'light' ? 'color-mode' : id === 'dark' ? 'color-mode' : 'eye',
        checked: current === id
      })),
      {
        id: SYSTEM,
        label: t('theme.system'),
        alternates: [translate('en', 'theme.system')],
        icon: 'device-desktop',
        checked: current === null
      }
    ],
    onActive: (id) => wb.previewTheme.set(id === SYSTEM ? null : (id as ThemeId)),
    onAccept: (id) => void wb.setTheme(id === SYSTEM ? null : (id as ThemeId)),
    onCancel: () => wb.previewTheme.set(null)
  })
}

/** The language picker; each language is shown in its own script as well. */
export function showLanguagePicker(wb: WorkbenchController): void {
  const current = wb.preferences.get().preferences.language
  wb.showPicker({
    id: 'language',
    placeholder: 'picker.language.placeholder',
    activeId: current ?? SYSTEM,
    items: ({ t, language }) => [
      ...LANGUAGE_IDS.map((id) => ({
        id,
        label: translate(id, `language.${id}`),
        ...(language !== id ? { description: t(`language.${id}`) } : {}),
        alternates: [translate('en', `language.${id}`), id],
        checked: current === id
      })),
      {
        id: SYSTEM,
        label: t('language.system'),
        alternates: [translate('en', 'language.system')],
        checked: current === null
      }
    ],
    onAccept: (id) => void wb.setLanguage(id === SYSTEM ? null : (id as LanguageId))
  })
}

/** What can be done with a running job: cancel it, or read the Output log. */
export function showJobPicker(wb: WorkbenchController, job: JobInfo): void {
  const running = job.state === 'running' || job.state === 'queued'
  wb.showPicker({
    id: 'job',
    placeholder: 'picker.job.placeholder',
    items: ({ t }) => [
      ...(running ? [{ id: 'cancel', label: t('picker.job.cancel'), icon: 'debug-stop' }] : []),
      { id: 'output', label: t('picker.job.showOutput'), icon: 'output' }
    ],
    onAccept: (id) => {
      if (id === 'cancel') void wb.cancelJob(job.id)
      else wb.showPanel('output')
    }
  })
}
