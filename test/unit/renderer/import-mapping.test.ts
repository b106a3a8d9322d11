import { describe, expect, it } from 'vitest'
import {
  ambiguousDateColumns,
  assignRole,
  columnNameProblems,
  completeMapping,
  finalMapping,
  missingRequiredRoles,
  needsCsatScale,
  needsExperimentName,
  orderedRoles,
  renameColumn
} from '../../../src/renderer/src/editors/import/import-mapping'
import { dateReadings } from '../../../src/renderer/src/editors/import/date-order'
import { surveyPreview, ticketPreview } from './import-fixtures'

describe('mapping editing', () => {
  it('gives every file column a row, ignored when the detector left it out', () => {
    const mapping = completeMapping(ticketPreview())
    expect(mapping.columns.map((c) => c.index)).toEqual([0, 1, 2, 3, 4, 5, 6])
    expect(mapping.columns[6]).toEqual({ index: 6, header: 'Org', role: null })
  })

  it('lists the roles of a kind with the required ones first', () => {
    const { required, optional } = orderedRoles('tickets')
    expect(required.map((r) => r.id)).toEqual(['createdAt', 'text'])
    expect(optional.map((r) => r.id)).toContain('externalId')
    expect(optional.some((r) => r.required)).toBe(false)
  })

  it('moves a single role to the column that takes it; the other becomes ignored', () => {
    const mapping = assignRole(completeMapping(ticketPreview()), 4, 'text')
    expect(mapping.columns[4]?.role).toBe('text')
    expect(mapping.columns[5]?.role).toBeNull()
    expect(missingRequiredRoles(mapping)).toEqual([])
  })

  it('reports required roles that no column has', () => {
    const mapping = assignRole(completeMapping(ticketPreview()), 1, null)
    expect(missingRequiredRoles(mapping).map((r) => r.id)).toEqual(['createdAt'])
    const both = assignRole(mapping, 5, null)
    expect(missingRequiredRoles(both).map((r) => r.id)).toEqual(['createdAt', 'text'])
  })

  it('ignores unknown roles rather than storing them', () => {
    const mapping = completeMapping(ticketPreview())
    expect(assignRole(mapping, 2, 'nonsense')).toBe(mapping)
    expect(assignRole(mapping, 99, 'channel')).toBe(mapping)
  })

  it('names multi-role columns after their header, and keeps several of them', () => {
    const survey = completeMapping(surveyPreview())
    const mapping = assignRole(survey, 4, 'segment')
    expect(mapping.columns[4]).toMatchObject({ role: 'segment', name: 'Region' })
    expect(mapping.columns[3]).toMatchObject({ role: 'segment', name: 'Plan' })
    // Leaving a multi role drops the name.
    const back = assignRole(mapping, 4, 'channel')
    expect(back.columns[4]).toEqual({ index: 4, header: 'Region', role: 'channel' })
  })

  it('finds empty and duplicate names among columns of the same role', () => {
    let mapping = assignRole(completeMapping(surveyPreview()), 4, 'segment')
    expect(columnNameProblems(mapping).size).toBe(0)
    mapping = renameColumn(mapping, 4, ' plan ')
    expect(columnNameProblems(mapping).get(4)).toBe('duplicate')
    mapping = renameColumn(mapping, 4, '   ')
    expect(columnNameProblems(mapping).get(4)).toBe('empty')
  })

  it('asks for the date order only for ambiguous date columns in use', () => {
    const preview = ticketPreview()
    const mapping = completeMapping(preview)
    expect(ambiguousDateColumns(preview, mapping).map((c) => c.header)).toEqual(['Created at'])
    expect(ambiguousDateColumns(preview, assignRole(mapping, 1, null))).toEqual([])
  })

  it('knows when an experiment name or a CSAT scale is needed', () => {
    const survey = completeMapping(surveyPreview())
    expect(needsCsatScale(survey)).toBe(true)
    expect(needsCsatScale(assignRole(survey, 4, 'csatScaleMax'))).toBe(false)
    expect(needsExperimentName(survey)).toBe(false)
    expect(needsExperimentName({ ...survey, kind: 'experiment_units', columns: [] })).toBe(true)
  })

  it('sends trimmed names, and names only on multi-role columns', () => {
    const survey = completeMapping(surveyPreview())
    const mapping = renameColumn(assignRole(survey, 4, 'segment'), 4, '  Region  ')
    const final = finalMapping({
      ...mapping,
      columns: [...mapping.columns, { index: 5, header: 'x', role: 'channel', name: 'stray' }]
    })
    expect(final.columns[4]).toEqual({ index: 4, header: 'Region', role: 'segment', name: 'Region' })
    expect(final.columns[5]).toEqual({ index: 5, header: 'x', role: 'channel' })
    expect(final.experiment).toBeNull()
  })
})

describe('the date-order question', () => {
  it('reads an ambiguous example both ways', () => {
    expect(dateReadings(['05/03/2026 09:12'])).toEqual({
      example: '05/03/2026 09:12',
      year: 2026,
      dmy: { month: 3, day: 5 },
      mdy: { month: 5, day: 3 }
    })
  })

  it('prefers an example whose readings differ, and expands two-digit years', () => {
    expect(dateReadings(['03/03/26', '04.07.26'])?.example).toBe('04.07.26')
    expect(dateReadings(['03/03/26'])?.year).toBe(2026)
  })

  it('gives nothing for dates that are not ambiguous or not numeric', () => {
    expect(dateReadings(['25/03/2026', '2026-03-05', '2026年3月5日'])).toBeNull()
  })
})
