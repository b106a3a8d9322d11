import { describe, expect, it } from 'vitest'
import { headerTimeZone } from '../../../../src/main/core/import/values/header-time-zone'

describe('headerTimeZone', () => {
  it('reads UTC/GMT declared in a header', () => {
    expect(headerTimeZone('Submit Date (UTC)')).toBe('UTC')
    expect(headerTimeZone('Start Date (UTC)')).toBe('UTC')
    expect(headerTimeZone('Created (GMT)')).toBe('UTC')
    expect(headerTimeZone('提交时间（UTC）')).toBe('UTC')
  })

  it('says nothing for headers that declare no zone', () => {
    expect(headerTimeZone('Created at')).toBeNull()
    expect(headerTimeZone('Gmtime offset')).toBeNull()
    expect(headerTimeZone('Utcoming')).toBeNull()
  })
})
