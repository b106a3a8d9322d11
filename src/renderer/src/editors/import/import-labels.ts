import type { RecordKind } from '@shared/domain/field-roles'
import type { SourceEncoding, SourceFormat } from '@shared/domain/import'
import { isMessageKey } from '@shared/i18n/message-key'
import type { I18n } from '../../i18n/i18n'

/** Vendors' own names for their products; not translated. */
const VENDOR_NAMES: Readonly<Record<string, string>> = {
  zendesk: 'Zendesk',
  freshdesk: 'Freshdesk',
  intercom: 'Intercom',
  jira: 'Jira Service Management',
  jsm: 'Jira Service Management',
  jiraservicemanagement: 'Jira Service Management',
  qualtrics: 'Qualtrics',
  surveymonkey: 'SurveyMonkey',
  typeform: 'Typeform',
  googleforms: 'Google Forms',
  delighted: 'Delighted'
}

/** Names of encodings and formats as their specifications write them. */
export const ENCODING_NAMES: Readonly<Record<SourceEncoding, string>> = {
  'utf-8': 'UTF-8',
  'utf-16le': 'UTF-16 LE',
  'utf-16be': 'UTF-16 BE',
  gb18030: 'GB18030 / GBK'
}

export const FORMAT_NAMES: Readonly<Record<SourceFormat, string>> = {
  csv: 'CSV',
  tsv: 'TSV',
  xlsx: 'Excel (XLSX)',
  json: 'JSON',
  ndjson: 'NDJSON'
}

/** Codicons of the record kinds, shared by the wizard and the Explorer's batches. */
export const KIND_ICONS: Readonly<Record<RecordKind, string>> = {
  tickets: 'comment-discussion',
  survey_responses: 'feedback',
  customers: 'organization',
  experiment_units: 'beaker',
  experiment_arm_summaries: 'beaker'
}

/** True for the presets that are no vendor's layout (generic, customers, experiments). */
export function isGenericPreset(preset: string | null): boolean {
  return preset === null || /^(generic|customers?|experiment)/i.test(preset)
}

/** True for the presets of exports with Chinese headers (工单号, 创建时间 …). */
export function isChinesePreset(preset: string | null): boolean {
  return preset !== null && /(^|[-_])(zh|cn|chinese)([-_]|$)/i.test(preset)
}

/** A preset's display name: the vendor's name, "Generic layout", "Chinese headers", or the id made readable. */
export function presetLabel(i18n: I18n, preset: string | null): string {
  if (preset === null) return i18n.t('import.preset.none')
  if (isGenericPreset(preset)) return i18n.t('import.preset.generic')
  if (isChinesePreset(preset)) return i18n.t('import.preset.chinese')
  const key = preset.toLowerCase().replace(/[^a-z0-9]/g, '')
  const vendor = VENDOR_NAMES[key] ?? Object.entries(VENDOR_NAMES).find(([k]) => key.startsWith(k))?.[1]
  if (vendor) return vendor
  return preset.replace(/[-_]+/g, ' ').replace(/\b\w/g, (c) => c.toUpperCase())
}

/** The translated name of a field role; an unknown role shows its id rather than nothing. */
export function roleLabel(i18n: I18n, role: string): string {
  const key = `role.${role}`
  return isMessageKey(key) ? i18n.t(key) : role
}

/** The sentence saying what the file looks like ("Looks like a ticket export from Zendesk"). */
export function detectedSentence(i18n: I18n, kind: RecordKind, preset: string | null): string {
  const what = i18n.t(`import.what.${kind}`)
  if (isGenericPreset(preset)) return i18n.t('import.detected.plain', { what })
  if (isChinesePreset(preset)) return i18n.t('import.detected.chinese', { what })
  return i18n.t('import.detected.preset', { what, preset: presetLabel(i18n, preset) })
}

/** A list as the language writes it: "a, b and c"; in Chinese with the enumeration comma 、. */
export function joinList(i18n: I18n, items: readonly string[]): string {
  return i18n.language === 'zh-CN' ? items.join('、') : i18n.fmt.list(items)
}

/** A duration for people: "2.4 s", "3 min 05 s". */
export function formatDuration(i18n: I18n, ms: number): string {
  const seconds = Math.max(0, ms) / 1000
  if (seconds < 60) {
    return i18n.t('duration.seconds', { seconds: i18n.fmt.number(seconds, seconds < 10 ? 1 : 0) })
  }
  const minutes = Math.floor(seconds / 60)
  const rest = Math.floor(seconds - minutes * 60)
  return i18n.t('duration.minutes', {
    minutes: i18n.fmt.integer(minutes),
    seconds: String(rest).padStart(2, '0')
  })
}
