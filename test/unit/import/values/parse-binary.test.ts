import { describe, expect, it } from 'vitest'
import { isBinaryWord, parseBinary } from '../../../../src/main/core/import/values/parse-binary'

describe('parseBinary', () => {
  it.each([
    '1',
    '1.0',
    'true',
    'TRUE',
    'True',
    't',
    'yes',
    'Yes',
    'Y',
    'on',
    'converted',
    'clicked',
    '是',
    '对',
    '已转化',
    '已点击',
    ' 1 ',
    '１'
  ])('%s is true', (raw) => {
    expect(parseBinary(raw)).toEqual({ ok: true, value: true })
  })

  it.each([
    '0',
    '0.0',
    'false',
    'FALSE',
    'f',
    'no',
    'No',
    'n',
    'off',
    'not converted',
    'not_converted',
    '否',
    '错',
    '未转化',
    '未点击',
    '０'
  ])('%s is false', (raw) => {
    expect(parseBinary(raw)).toEqual({ ok: true, value: false })
  })

  it.each(['2', '-1', 'maybe', 'yes please', '0.5', 'N/A', '是的吗'])('rejects %s with a reason', (raw) => {
    expect(parseBinary(raw)).toEqual({
      ok: false,
      reason: `not a yes/no value: '${raw}' (use 1/0, true/false, yes/no or 是/否)`
    })
  })

  it('calls an empty cell empty', () => {
    expect(parseBinary('  ')).toEqual({ ok: false, reason: 'empty yes/no value' })
    expect(isBinaryWord('')).toBe(false)
  })
})
