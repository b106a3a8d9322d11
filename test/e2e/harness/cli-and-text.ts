import { execFileSync } from 'node:child_process'
import type { LanguageId } from '../../../src/shared/domain/preferences'
import { translate } from '../../../src/shared/i18n/translate'
import type { MetricsText } from '../../../src/renderer/src/editors/metrics/metrics-format'
import { createFormatter } from '../../../src/renderer/src/i18n/format'
import { intlLocale } from '../../../src/renderer/src/i18n/locale'
import { CLI, ROOT } from './paths'

/** The formatting context the page uses: the UI language and the browser's (en-US) locale. */
export function uiText(language: LanguageId): MetricsText {
  return {
    language,
    t: (key, params) => translate(language, key, params),
    fmt: createFormatter(intlLocale(language, 'en-US'))
  }
}

/** The built `loopbench` command line, as a user would run it beside the page; returns stdout. */
export function runBuiltCli(args: string[], configDir: string): string {
  return execFileSync(process.execPath, [CLI, ...args], {
    cwd: ROOT,
    encoding: 'utf8',
    env: { ...process.env, LOOPBENCH_CONFIG_DIR: configDir }
  })
}
