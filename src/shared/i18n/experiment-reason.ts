import type { ReasonCode, ReasonParams } from '../domain/experiments'
import { SRM_ALPHA } from '../domain/experiments'
import type { LanguageId } from '../domain/preferences'
import { translate } from './translate'

const LOCALES: Readonly<Record<LanguageId, string>> = { en: 'en-US', 'zh-CN': 'zh-CN' }

/**
 * The one-sentence reason of an experiment decision in a language: the CLI's JSON carries the
 * English one, the workbench words the same code and numbers in the user's language.
 */
export function experimentReason(
  language: LanguageId,
  code: ReasonCode,
  params: ReasonParams | null
): string {
  const locale = LOCALES[language]
  const percent = (x: number): string =>
    new Intl.NumberFormat(locale, {
      style: 'percent',
      minimumFractionDigits: 1,
      maximumFractionDigits: 1
    }).format(x)
  const amount = (x: number, kind: 'relative' | 'absolute'): string =>
    kind === 'relative'
      ? percent(x)
      : translate(language, 'experiments.pp', {
          value: new Intl.NumberFormat(locale, { minimumFractionDigits: 2, maximumFractionDigits: 2 }).format(
            x * 100
          )
        })
  if (!params) return translate(language, `experiments.reason.${code}`, { srmAlpha: SRM_ALPHA })
  const p =
    params.p === null
      ? translate(language, 'experiments.p.none')
      : params.p < 0.001
        ? translate(language, 'experiments.p.below')
        : translate(language, 'experiments.p.value', { p: params.p.toFixed(3) })
  const values = {
    arm: params.arm,
    lift: params.lift === null ? '–' : amount(params.lift, params.liftKind),
    p,
    alpha: String(params.alpha),
    threshold: amount(params.threshold, params.liftKind),
    units:
      params.unitsNeededPerArm === null ? '' : new Intl.NumberFormat(locale).format(params.unitsNeededPerArm),
    power: new Intl.NumberFormat(locale, { style: 'percent', maximumFractionDigits: 1 }).format(params.power),
    srmAlpha: SRM_ALPHA
  }
  const key =
    code === 'inconclusive' && params.unitsNeededPerArm !== null
      ? 'experiments.reason.inconclusive.units'
      : `experiments.reason.${code}`
  return translate(language, key as Parameters<typeof translate>[1], values)
}
