import type { RecordKind } from '@shared/domain/field-roles'
import type { LayoutPreset } from './layout-types'
import { parsePreset } from './preset-schema'
// One line per preset data file; a new layout is a new JSON file and a line here.
import customers from './presets/customers.json?raw'
import delighted from './presets/delighted.json?raw'
import experimentArmSummaries from './presets/experiment-arm-summaries.json?raw'
import experimentUnits from './presets/experiment-units.json?raw'
import freshdesk from './presets/freshdesk.json?raw'
import genericSurvey from './presets/generic-survey.json?raw'
import genericTickets from './presets/generic-tickets.json?raw'
import googleForms from './presets/google-forms.json?raw'
import helpdeskZh from './presets/helpdesk-zh.json?raw'
import intercom from './presets/intercom.json?raw'
import jiraServiceManagement from './presets/jira-service-management.json?raw'
import qualtrics from './presets/qualtrics.json?raw'
import surveyZh from './presets/survey-zh.json?raw'
import surveymonkey from './presets/surveymonkey.json?raw'
import typeform from './presets/typeform.json?raw'
import zendesk from './presets/zendesk.json?raw'

const FILES: Readonly<Record<string, string>> = {
  'zendesk.json': zendesk,
  'freshdesk.json': freshdesk,
  'intercom.json': intercom,
  'jira-service-management.json': jiraServiceManagement,
  'helpdesk-zh.json': helpdeskZh,
  'generic-tickets.json': genericTickets,
  'qualtrics.json': qualtrics,
  'surveymonkey.json': surveymonkey,
  'typeform.json': typeform,
  'google-forms.json': googleForms,
  'delighted.json': delighted,
  'survey-zh.json': surveyZh,
  'generic-survey.json': genericSurvey,
  'customers.json': customers,
  'experiment-units.json': experimentUnits,
  'experiment-arm-summaries.json': experimentArmSummaries
}

/** Parses preset files and checks that ids are unique and every kind has one generic layout. */
export function loadPresets(files: Readonly<Record<string, string>>): LayoutPreset[] {
  const presets = Object.entries(files).map(([name, text]) => {
    const preset = parsePreset(name, text)
    if (`${preset.id}.json` !== name)
      throw new Error(`Layout preset ${name} has id '${preset.id}'; name the file after its id`)
    return preset
  })
  const generic = new Map<RecordKind, string>()
  for (const preset of presets) {
    if (preset.match !== 'roles') continue
    const other = generic.get(preset.kind)
    if (other)
      throw new Error(
        `Layout presets ${other} and ${preset.id} are both the generic layout of ${preset.kind}`
      )
    generic.set(preset.kind, preset.id)
  }
  return presets
}

/** Every shipped layout preset, validated once at load. */
export const LAYOUT_PRESETS: readonly LayoutPreset[] = loadPresets(FILES)

/** The preset with this id, if any. */
export function findPreset(id: string): LayoutPreset | undefined {
  return LAYOUT_PRESETS.find((p) => p.id === id)
}

/** The generic (role-matched) layout of a record kind. */
export function genericPreset(kind: RecordKind): LayoutPreset | undefined {
  return LAYOUT_PRESETS.find((p) => p.kind === kind && p.match === 'roles')
}
