import { describe, expect, it } from 'vitest'
import {
  detectedSentence,
  formatDuration,
  joinList,
  presetLabel,
  roleLabel
} from '../../../src/renderer/src/editors/import/import-labels'
import { createI18n } from '../../../src/renderer/src/i18n/i18n'

const en = createI18n('en')
const zh = createI18n('zh-CN')

describe('import labels', () => {
  it('names vendors by their own names and the other layouts in words', () => {
    expect(presetLabel(en, 'zendesk')).toBe('Zendesk')
    expect(presetLabel(en, 'jira-service-management')).toBe('Jira Service Management')
    expect(presetLabel(en, 'google-forms')).toBe('Google Forms')
    expect(presetLabel(en, 'surveymonkey')).toBe('SurveyMonkey')
    expect(presetLabel(en, 'generic-tickets')).toBe('Generic layout')
    expect(presetLabel(zh, 'experiment-units')).toBe('通用布局')
    expect(presetLabel(en, 'helpdesk-zh')).toBe('Chinese headers')
    expect(presetLabel(zh, 'survey-zh')).toBe('中文表头')
    expect(presetLabel(en, null)).toBe('No known layout')
    expect(presetLabel(en, 'acme-desk')).toBe('Acme Desk')
  })

  it('says what a file looks like', () => {
    expect(detectedSentence(en, 'tickets', 'zendesk')).toBe('Looks like a ticket export from Zendesk')
    expect(detectedSentence(zh, 'survey_responses', 'qualtrics')).toBe(
      '看起来是来自 Qualtrics 的问卷导出数据'
    )
    expect(detectedSentence(en, 'customers', 'customers')).toBe('Looks like a customer list')
    expect(detectedSentence(zh, 'tickets', 'helpdesk-zh')).toBe('看起来是中文表头的工单导出数据')
  })

  it('translates roles and keeps unknown ones readable', () => {
    expect(roleLabel(en, 'createdAt')).toBe('Created at')
    expect(roleLabel(zh, 'assignedArm')).toBe('分配的分组')
    expect(roleLabel(en, 'futureRole')).toBe('futureRole')
  })

  it('joins lists the way each language does', () => {
    expect(joinList(en, ['Created at', 'Text'])).toBe('Created at and Text')
    expect(joinList(zh, ['创建时间', '内容'])).toBe('创建时间、内容')
  })

  it('formats durations for people', () => {
    expect(formatDuration(en, 1234)).toBe('1.2 s')
    expect(formatDuration(en, 42_000)).toBe('42 s')
    expect(formatDuration(zh, 185_000)).toBe('3 分 05 秒')
  })
})

describe('the redaction summary', () => {
  it('counts each kind of personal data, in the singular where it is one', async () => {
    const { redactionSummary } = await import('../../../src/renderer/src/editors/import/result-step')
    expect(redactionSummary(en, { email: 1, phone: 1, idNumber: 0, card: 2 })).toBe(
      'Personal data replaced: 1 e-mail address, 1 phone number, and 2 card numbers.'
    )
    expect(redactionSummary(zh, { email: 2, phone: 1, idNumber: 0, card: 0 })).toBe(
      '已替换的个人信息：2 个电子邮件地址、1 个电话号码。'
    )
    expect(redactionSummary(en, { email: 0, phone: 0, idNumber: 0, card: 0 })).toBeNull()
  })
})
