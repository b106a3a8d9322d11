import { describe, expect, it } from 'vitest'
import { classifySqlError } from '../../../src/renderer/src/editors/sql/sql-error'
import { parseMaxRows, parseTimeoutMs } from '../../../src/renderer/src/editors/sql/sql-limits'
import { schemaTables } from '../../../src/renderer/src/editors/sql/schema-help'

describe('SQL console helpers', () => {
  it('keeps the row and time limits inside what the contract allows', () => {
    expect(parseMaxRows('10,000')).toBe(10000)
    expect(parseMaxRows('100000')).toBe(100000)
    expect(parseMaxRows('100001')).toBeNull()
    expect(parseMaxRows('0')).toBeNull()
    expect(parseMaxRows('1.5')).toBeNull()
    expect(parseTimeoutMs('10')).toBe(10000)
    expect(parseTimeoutMs('0.1')).toBe(100)
    expect(parseTimeoutMs('.5')).toBe(500)
    expect(parseTimeoutMs('0.05')).toBeNull()
    expect(parseTimeoutMs('301')).toBeNull()
    expect(parseTimeoutMs('x')).toBeNull()
  })

  it('tells read-only refusals, SQLite errors, time-outs and cancels apart', () => {
    expect(classifySqlError({ code: 'forbidden', message: 'Only read-only statements run here.' })).toBe(
      'readOnly'
    )
    expect(classifySqlError({ code: 'invalid_input', message: 'attempt to write a readonly database' })).toBe(
      'readOnly'
    )
    expect(classifySqlError({ code: 'invalid_input', message: 'x', details: { reason: 'read_only' } })).toBe(
      'readOnly'
    )
    expect(classifySqlError({ code: 'invalid_input', message: 'near "SELEC": syntax error' })).toBe('syntax')
    expect(classifySqlError({ code: 'cancelled', message: 'The query was stopped.' })).toBe('cancelled')
    expect(classifySqlError({ code: 'cancelled', message: 'x', details: { reason: 'timeout' } })).toBe(
      'timeout'
    )
    expect(classifySqlError({ code: 'job_failed', message: 'The query timed out after 10 s.' })).toBe(
      'timeout'
    )
    expect(classifySqlError({ code: 'internal', message: 'boom' })).toBe('other')
  })

  it('groups the schema by table and leaves out full-text shadow tables', () => {
    const tables = schemaTables([
      ['tickets', 'table', 'id', 'INTEGER'],
      ['tickets', 'table', 'text', 'TEXT'],
      ['tickets_fts', 'table', 'text', ''],
      ['tickets_fts_data', 'table', 'block', 'BLOB'],
      ['tickets_fts_idx', 'table', 'term', ''],
      ['monthly', 'view', 'month', null]
    ])
    expect(tables.map((t) => t.name)).toEqual(['tickets', 'tickets_fts', 'monthly'])
    expect(tables[0]?.columns).toEqual([
      { name: 'id', type: 'INTEGER' },
      { name: 'text', type: 'TEXT' }
    ])
    expect(tables[2]).toMatchObject({ view: true, columns: [{ name: 'month', type: '' }] })
  })
})
