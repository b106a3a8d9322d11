import { describe, expect, it } from 'vitest'
import { defaultAnalysisSettings } from '../../../src/shared/domain/settings'
import {
  diffSettings,
  draftFromSettings,
  isDraftDirty,
  parseDraft,
  parseNumber
} from '../../../src/renderer/src/editors/settings/settings-form'

const saved = defaultAnalysisSettings('Europe/Berlin')

describe('settings form', () => {
  it('shows the lift in percent and reads it back as a fraction', () => {
    const draft = draftFromSettings({ ...saved, minPracticalLift: 0.07 })
    expect(draft.minPracticalLiftPercent).toBe('7')
    expect(parseDraft(draft).settings?.minPracticalLift).toBeCloseTo(0.07, 12)
  })

  it('accepts the saved settings unchanged', () => {
    const parsed = parseDraft(draftFromSettings(saved))
    expect(parsed.errors).toEqual({})
    expect(parsed.settings).toEqual(saved)
    expect(isDraftDirty(saved, draftFromSettings(saved))).toBe(false)
  })

  it('refuses what the shared schema refuses, field by field', () => {
    const draft = {
      ...draftFromSettings(saved),
      significanceLevel: '0.9',
      csatScaleMax: '5.5',
      timeZone: 'Mars/Olympus'
    }
    const parsed = parseDraft(draft)
    expect(parsed.settings).toBeNull()
    expect(parsed.errors).toEqual({
      significanceLevel: 'invalid',
      csatScaleMax: 'invalid',
      timeZone: 'invalid'
    })
  })

  it('says when a value is not a number at all', () => {
    const parsed = parseDraft({ ...draftFromSettings(saved), significanceLevel: 'five percent' })
    expect(parsed.errors.significanceLevel).toBe('number')
  })

  it('checks the satisfied threshold against the scale', () => {
    const parsed = parseDraft({ ...draftFromSettings(saved), csatSatisfiedThreshold: '6' })
    expect(parsed.errors).toEqual({ csatSatisfiedThreshold: 'invalid' })
  })

  it('builds a patch of the changed fields only', () => {
    const next = { ...saved, significanceLevel: 0.01, fiscalYearStartMonth: 4 }
    expect(diffSettings(saved, next)).toEqual({ significanceLevel: 0.01, fiscalYearStartMonth: 4 })
  })

  it('parses numbers with a decimal point or comma, and nothing else', () => {
    expect(parseNumber('0.05')).toBe(0.05)
    expect(parseNumber(' 0,05 ')).toBe(0.05)
    expect(parseNumber('.5')).toBe(0.5)
    expect(parseNumber('1e-2')).toBe(0.01)
    expect(parseNumber('')).toBeNull()
    expect(parseNumber('5%')).toBeNull()
    expect(parseNumber('0x10')).toBeNull()
  })
})
