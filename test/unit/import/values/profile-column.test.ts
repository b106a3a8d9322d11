import { describe, expect, it } from 'vitest'
import { profileColumn } from '../../../../src/main/core/import/values/profile-column'

describe('profileColumn', () => {
  it('profiles identifiers, keeping leading zeros as ids', () => {
    expect(profileColumn('客户编号', ['00100482', '00100517']).inferredType).toBe('id')
    expect(profileColumn('ticket_id', ['TKT-383876', 'TKT-383877', 'TKT-383878']).inferredType).toBe('id')
    expect(profileColumn('user_id', ['851104', '804228', '661590']).inferredType).toBe('id')
    expect(profileColumn('Code', ['0042', '0043']).inferredType).toBe('id')
  })

  it('profiles numbers, integers, percentages and yes/no columns', () => {
    expect(profileColumn('score', ['9', '10', '3', '0']).inferredType).toBe('integer')
    expect(profileColumn('revenue', ['1,234.50', '¥99', '0']).inferredType).toBe('number')
    expect(profileColumn('share', ['50%', '25%', '25%']).inferredType).toBe('percent')
    expect(profileColumn('converted', ['0', '1', '0', '1']).inferredType).toBe('binary')
    expect(profileColumn('是否点击', ['是', '否']).inferredType).toBe('binary')
  })

  it('profiles dates with the order the column forces', () => {
    const iso = profileColumn('created_at', ['2026-01-01T02:15:57Z', '2026-01-01T04:18:28Z'])
    expect(iso).toMatchObject({ inferredType: 'datetime', dateOrder: 'ymd' })
    expect(profileColumn('Date', ['05/03/2026', '25/03/2026'])).toMatchObject({
      inferredType: 'datetime',
      dateOrder: 'dmy'
    })
    expect(profileColumn('Date', ['05/03/2026', '04/01/2026'])).toMatchObject({
      inferredType: 'datetime',
      dateOrder: 'ambiguous'
    })
    expect(profileColumn('提交时间', ['2026年3月5日 14:22', '2026年3月6日 09:00'])).toMatchObject({
      inferredType: 'datetime'
    })
    expect(profileColumn('ts', ['1772720551', '1772721000', '1772730000']).inferredType).toBe('datetime')
  })

  it('profiles text and empty columns, with examples and the empty share', () => {
    const text = profileColumn('description', [
      'The parcel arrived damaged.',
      '',
      'The parcel arrived damaged.',
      '退款没有到账',
      ''
    ])
    expect(text).toMatchObject({
      index: 0,
      header: 'description',
      inferredType: 'text',
      dateOrder: null,
      examples: ['The parcel arrived damaged.', '退款没有到账'],
      emptyShare: 0.4
    })
    expect(profileColumn('notes', ['', ' ', ''], 7)).toMatchObject({
      index: 7,
      inferredType: 'empty',
      examples: [],
      emptyShare: 1
    })
  })

  it('keeps at most five examples, shortened', () => {
    const long = 'x'.repeat(200)
    const profile = profileColumn('t', [long, 'a', 'b', 'c', 'd', 'e', 'f'])
    expect(profile.examples).toHaveLength(5)
    expect(profile.examples[0]!.length).toBe(80)
  })
})
