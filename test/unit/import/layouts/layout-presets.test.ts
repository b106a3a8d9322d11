import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { ATTRIBUTE_ROLE, FIELD_ROLES, RECORD_KINDS } from '@shared/domain/field-roles'
import {
  findPreset,
  genericPreset,
  LAYOUT_PRESETS,
  loadPresets
} from '../../../../src/main/core/import/layouts/layout-presets'
import { parseRoleSynonyms, ROLE_SYNONYMS } from '../../../../src/main/core/import/layouts/role-synonyms'
import { PRESET_FIXTURES } from './read-fixture'

const valid = (overrides: Record<string, unknown>): string =>
  JSON.stringify({
    id: 'acme',
    name: 'Acme Desk',
    kind: 'tickets',
    sourceSystem: 'acme',
    headerRows: 1,
    documentation: 'https://help.acme.example/export',
    signature: { all: ['Ticket No'] },
    columns: [{ header: 'Ticket No', role: 'externalId' }],
    ...overrides
  })

describe('layout presets (data files)', () => {
  it('ships the vendor layouts the import must know, and one generic layout per kind', () => {
    const ids = LAYOUT_PRESETS.map((p) => p.id)
    for (const id of [
      'zendesk',
      'freshdesk',
      'intercom',
      'jira-service-management',
      'generic-tickets',
      'helpdesk-zh',
      'qualtrics',
      'surveymonkey',
      'typeform',
      'google-forms',
      'delighted',
      'generic-survey',
      'survey-zh',
      'customers',
      'experiment-units',
      'experiment-arm-summaries'
    ]) {
      expect(ids).toContain(id)
    }
    for (const kind of RECORD_KINDS) expect(genericPreset(kind)?.kind).toBe(kind)
    expect(findPreset('qualtrics')).toMatchObject({
      headerRows: 3,
      headerStyle: 'first-row',
      kind: 'survey_responses'
    })
    expect(findPreset('surveymonkey')).toMatchObject({ headerRows: 2, headerStyle: 'merged-question' })
  })

  it('cites an https documentation page for every vendor layout, and the fixtures README lists it', () => {
    const readme = readFileSync(join(PRESET_FIXTURES, 'README.md'), 'utf8')
    for (const preset of LAYOUT_PRESETS) {
      if (preset.sourceSystem === 'generic') {
        expect(preset.documentation).toMatch(/README\.md#generic-layouts$/)
      } else {
        expect(preset.documentation).toMatch(/^https:\/\//)
        expect(readme).toContain(preset.documentation)
      }
    }
  })

  it('loads valid files and names the file and the problem of invalid ones', () => {
    expect(loadPresets({ 'acme.json': valid({}) })[0]!.id).toBe('acme')
    expect(() => loadPresets({ 'acme.json': '{ nope' })).toThrow(/Layout preset acme\.json is not valid JSON/)
    expect(() => loadPresets({ 'acme.json': valid({ kind: 'emails' }) })).toThrow(
      /Layout preset acme\.json is invalid: kind/
    )
    expect(() =>
      loadPresets({ 'acme.json': valid({ columns: [{ header: 'X', role: 'npsScore' }] }) })
    ).toThrow(/columns\.0\.role: 'npsScore' is not a role of tickets/)
    expect(() => loadPresets({ 'acme.json': valid({ extra: 1 }) })).toThrow(/invalid/)
    expect(() => loadPresets({ 'acme.json': valid({ documentation: 'see the wiki' }) })).toThrow(
      /documentation/
    )
    expect(() => loadPresets({ 'acme.json': valid({ signature: { all: [] } }) })).toThrow(
      /a signature preset needs headers/
    )
    expect(() => loadPresets({ 'other.json': valid({}) })).toThrow(
      /has id 'acme'; name the file after its id/
    )
    expect(() =>
      loadPresets({
        'a.json': valid({ id: 'a', match: 'roles', signature: { all: [] }, columns: [] }),
        'b.json': valid({ id: 'b', match: 'roles', signature: { all: [] }, columns: [] })
      })
    ).toThrow(/both the generic layout of tickets/)
  })
})

describe('role synonyms (data file)', () => {
  it('has synonyms for every role the generic matcher can fill', () => {
    for (const kind of RECORD_KINDS) {
      for (const role of FIELD_ROLES[kind]) {
        // Not for detection: the source system comes from the preset, the scale from the values,
        // and 'attribute' only ever from the user.
        if (role.id === 'sourceSystem' || role.id === 'csatScaleMax' || role.id === ATTRIBUTE_ROLE) continue
        expect(ROLE_SYNONYMS[kind][role.id]?.headers.length, `${kind}.${role.id}`).toBeGreaterThan(0)
      }
    }
  })

  it('never lists "label" or "labels" as a synonym: benchmark labels must not reach the product', () => {
    for (const kind of RECORD_KINDS) {
      for (const synonyms of Object.values(ROLE_SYNONYMS[kind])) {
        expect(synonyms.headers).not.toContain('label')
        expect(synonyms.headers).not.toContain('labels')
        expect(synonyms.patterns.some((re) => re.test('label'))).toBe(false)
      }
    }
  })

  it("never offers the 'attribute' role: unrecognised columns stay unmapped unless the user keeps them", () => {
    for (const kind of RECORD_KINDS) expect(ROLE_SYNONYMS[kind]).not.toHaveProperty([ATTRIBUTE_ROLE])
  })

  it('rejects unknown kinds and roles', () => {
    expect(() => parseRoleSynonyms('{"tickets":{"topic":{"headers":["topic"]}}}')).toThrow(
      /'topic' is not a role of tickets/
    )
    expect(() => parseRoleSynonyms('{"emails":{}}')).toThrow(/'emails' is not a record kind/)
  })
})
