import { describe, expect, it } from 'vitest'
import { looksLikeQuestion, normalizeHeader } from '../../../../src/main/core/import/layouts/normalize-header'

describe('normalizeHeader', () => {
  it.each([
    ['Created at', 'created at'],
    ['created_at', 'created at'],
    ['CREATED-AT', 'created at'],
    ['  Created   At ', 'created at'],
    ['createdAt', 'created at'],
    ['ResponseId', 'response id'],
    ['IPAddress', 'ip address'],
    ['Duration (in seconds)', 'duration in seconds'],
    ['Q1_NPS_GROUP', 'q1 nps group'],
    ['Submit Date (UTC)', 'submit date utc'],
    ['\ufeffTicket ID', 'ticket id'],
    ['ＴＩＣＫＥＴ　ＩＤ', 'ticket id'],
    ['客户 ID', '客户id'],
    ['客户ＩＤ', '客户id'],
    ['创建时间（北京时间）', '创建时间北京时间'],
    ['#', '#'],
    ['—', '—'],
    ['Ticket #', 'ticket #']
  ])('%s → %s', (raw, expected) => {
    expect(normalizeHeader(raw)).toBe(expected)
  })
})

describe('looksLikeQuestion', () => {
  it('tells questions from field names', () => {
    expect(looksLikeQuestion('How likely are you to recommend us?')).toBe(true)
    expect(looksLikeQuestion('Anything else you would like to tell us')).toBe(true)
    expect(looksLikeQuestion('您对本次服务满意吗？')).toBe(true)
    expect(looksLikeQuestion('Email Address')).toBe(false)
    expect(looksLikeQuestion('满意度')).toBe(false)
  })
})
