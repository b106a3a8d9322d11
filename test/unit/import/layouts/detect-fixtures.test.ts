import { readdirSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import type { RecordKind } from '@shared/domain/field-roles'
import { ImportMappingSchema } from '@shared/domain/import'
import { detectLayout } from '../../../../src/main/core/import/layouts/detect-layout'
import { LAYOUT_PRESETS } from '../../../../src/main/core/import/layouts/layout-presets'
import { PRESET_FIXTURES, readCsvRows } from './read-fixture'

interface Expected {
  kind: RecordKind
  preset: string
  sourceSystem: string
  headerRows: number
  /** Header → role (and name, for segments and metrics) of every mapped column; all others null. */
  roles: Record<string, string>
  dateOrder?: 'dmy' | 'mdy' | 'ymd' | null
  csatScaleMax?: number | null
  experiment?: string | null
  warnings?: RegExp[]
}

// What each vendor's columns mean, written from the vendors' documentation — not from the code.
const EXPECTED: Record<string, Expected> = {
  'zendesk-tickets.csv': {
    kind: 'tickets',
    preset: 'zendesk',
    sourceSystem: 'zendesk',
    headerRows: 1,
    roles: {
      Id: 'externalId',
      'Requester id': 'customerId',
      Subject: 'text',
      Tags: 'tags',
      Status: 'status',
      Priority: 'priority',
      Via: 'channel',
      'Created at': 'createdAt',
      'Solved at': 'resolvedAt'
    },
    warnings: [/no description column; the subject \('Subject'\) is used as the ticket text/]
  },
  'freshdesk-tickets.csv': {
    kind: 'tickets',
    preset: 'freshdesk',
    sourceSystem: 'freshdesk',
    headerRows: 1,
    roles: {
      'Ticket ID': 'externalId',
      Subject: 'subject',
      Description: 'text',
      Status: 'status',
      Priority: 'priority',
      Source: 'channel',
      'Created time': 'createdAt',
      'Resolved time': 'resolvedAt',
      'Initial response time': 'firstResponseAt',
      Tags: 'tags',
      'Contact ID': 'customerId'
    }
  },
  'intercom-conversations.csv': {
    kind: 'tickets',
    preset: 'intercom',
    sourceSystem: 'intercom',
    headerRows: 1,
    roles: {
      'Conversation ID': 'externalId',
      'Conversation started at': 'createdAt',
      'Conversation first replied at': 'firstResponseAt',
      'Conversation last closed at': 'resolvedAt',
      Channel: 'channel',
      'Conversation state': 'status',
      'Conversation tags': 'tags',
      'Conversation rating': 'rating',
      'User ID': 'customerId',
      'Conversation title': 'subject',
      'First message': 'text'
    }
  },
  'jira-service-management-issues.csv': {
    kind: 'tickets',
    preset: 'jira-service-management',
    sourceSystem: 'jira',
    headerRows: 1,
    roles: {
      Summary: 'subject',
      'Issue key': 'externalId',
      Status: 'status',
      Priority: 'priority',
      Reporter: 'customerId',
      Created: 'createdAt',
      Resolved: 'resolvedAt',
      Labels: 'tags',
      Description: 'text',
      'Custom field (Satisfaction)': 'rating'
    },
    warnings: [/'Labels' appears more than once/]
  },
  'helpdesk-zh.gb18030.csv': {
    kind: 'tickets',
    preset: 'helpdesk-zh',
    sourceSystem: 'generic',
    headerRows: 1,
    roles: {
      工单号: 'externalId',
      创建时间: 'createdAt',
      渠道: 'channel',
      状态: 'status',
      优先级: 'priority',
      标题: 'subject',
      问题描述: 'text',
      客户ID: 'customerId',
      满意度: 'rating',
      标签: 'tags',
      解决时间: 'resolvedAt',
      首次响应时间: 'firstResponseAt'
    }
  },
  'qualtrics-responses.csv': {
    kind: 'survey_responses',
    preset: 'qualtrics',
    sourceSystem: 'qualtrics',
    headerRows: 3,
    roles: {
      EndDate: 'submittedAt',
      ResponseId: 'externalId',
      ExternalReference: 'customerId',
      DistributionChannel: 'channel',
      Q1: 'npsScore',
      Q2: 'csatScore',
      Q3: 'comment'
    },
    csatScaleMax: 5
  },
  'surveymonkey-responses.csv': {
    kind: 'survey_responses',
    preset: 'surveymonkey',
    sourceSystem: 'surveymonkey',
    headerRows: 2,
    roles: {
      'Respondent ID': 'externalId',
      'End Date': 'submittedAt',
      'Custom Data 1': 'customerId',
      'How likely is it that you would recommend Bamboo Basket to a friend or colleague?': 'npsScore',
      'Overall, how satisfied or dissatisfied are you with our customer support?': 'csatScore',
      'What could we do better?': 'comment'
    },
    dateOrder: 'mdy',
    csatScaleMax: 5
  },
  'typeform-responses.csv': {
    kind: 'survey_responses',
    preset: 'typeform',
    sourceSystem: 'typeform',
    headerRows: 1,
    roles: {
      '#': 'externalId',
      'How likely are you to recommend Bamboo Basket to a friend or colleague?': 'npsScore',
      'How satisfied are you with Bamboo Basket overall?': 'csatScore',
      "What's the one thing we should improve?": 'comment',
      user_id: 'customerId',
      plan: 'segment:plan',
      'Submit Date (UTC)': 'submittedAt'
    },
    csatScaleMax: 5
  },
  'google-forms-responses.csv': {
    kind: 'survey_responses',
    preset: 'google-forms',
    sourceSystem: 'google-forms',
    headerRows: 1,
    roles: {
      Timestamp: 'submittedAt',
      'Email Address': 'customerId',
      'How satisfied are you with your most recent order? (1 = very dissatisfied, 5 = very satisfied)':
        'csatScore',
      'How likely are you to recommend Bamboo Basket to a friend? (0–10)': 'npsScore',
      'Anything else you would like to tell us?': 'comment',
      Region: 'segment:Region'
    },
    csatScaleMax: 5
  },
  'delighted-responses.csv': {
    kind: 'survey_responses',
    preset: 'delighted',
    sourceSystem: 'delighted',
    headerRows: 1,
    roles: {
      'Response ID': 'externalId',
      'Person ID': 'customerId',
      Score: 'npsScore',
      Comment: 'comment',
      'Created At': 'submittedAt',
      'Delighted Source': 'channel',
      Plan: 'segment:Plan',
      Region: 'segment:Region'
    }
  },
  'survey-zh.csv': {
    kind: 'survey_responses',
    preset: 'survey-zh',
    sourceSystem: 'generic',
    headerRows: 1,
    roles: {
      序号: 'externalId',
      提交时间: 'submittedAt',
      满意度: 'csatScore',
      推荐意愿: 'npsScore',
      评论: 'comment',
      渠道: 'channel',
      地区: 'segment:地区',
      会员等级: 'segment:会员等级'
    },
    csatScaleMax: 5
  },
  'customers-en.csv': {
    kind: 'customers',
    preset: 'customers',
    sourceSystem: 'generic',
    headerRows: 1,
    roles: {
      customer_id: 'customerId',
      name: 'name',
      plan: 'tier',
      region: 'region',
      lifetime_revenue: 'revenue',
      signup_date: 'signupAt'
    }
  },
  'customers-zh.csv': {
    kind: 'customers',
    preset: 'customers',
    sourceSystem: 'generic',
    headerRows: 1,
    roles: {
      客户编号: 'customerId',
      客户名称: 'name',
      会员等级: 'tier',
      地区: 'region',
      消费金额: 'revenue',
      注册时间: 'signupAt'
    }
  },
  'experiment-units-en.csv': {
    kind: 'experiment_units',
    preset: 'experiment-units',
    sourceSystem: 'generic',
    headerRows: 1,
    roles: {
      user_id: 'unitId',
      timestamp: 'timestamp',
      group: 'assignedArm',
      landing_page: 'exposedArm',
      converted: 'binaryMetric:converted',
      revenue: 'numericMetric:revenue',
      retention_1: 'binaryMetric:retention_1',
      retention_7: 'binaryMetric:retention_7'
    },
    experiment: 'experiment-units-en'
  },
  'experiment-units-zh.csv': {
    kind: 'experiment_units',
    preset: 'experiment-units',
    sourceSystem: 'generic',
    headerRows: 1,
    roles: {
      用户ID: 'unitId',
      实验: 'experiment',
      分组: 'assignedArm',
      曝光: 'binaryMetric:曝光',
      是否点击: 'binaryMetric:是否点击',
      时间: 'timestamp'
    },
    experiment: null
  },
  'experiment-arms-en.csv': {
    kind: 'experiment_arm_summaries',
    preset: 'experiment-arm-summaries',
    sourceSystem: 'generic',
    headerRows: 1,
    roles: {
      experiment: 'experiment',
      variant: 'arm',
      users: 'units',
      conversions: 'successes',
      mean: 'mean',
      sd: 'sd',
      intended_share: 'intendedShare'
    },
    experiment: null
  },
  'experiment-arms-zh.csv': {
    kind: 'experiment_arm_summaries',
    preset: 'experiment-arm-summaries',
    sourceSystem: 'generic',
    headerRows: 1,
    roles: { 实验: 'experiment', 分组: 'arm', 曝光: 'units', 点击: 'successes', 流量占比: 'intendedShare' },
    experiment: null
  }
}

describe('layout detection on the preset fixtures', () => {
  it('has a fixture for every file in the folder and every preset', () => {
    const files = readdirSync(PRESET_FIXTURES).filter((f) => f.endsWith('.csv'))
    expect(files.sort()).toEqual(Object.keys(EXPECTED).sort())
    const covered = new Set(Object.values(EXPECTED).map((e) => e.preset))
    for (const preset of LAYOUT_PRESETS) {
      if (preset.match !== 'roles') expect(covered, preset.id).toContain(preset.id)
    }
  })

  for (const [file, expected] of Object.entries(EXPECTED)) {
    it(`${file}: ${expected.kind} / ${expected.preset}`, () => {
      const rows = readCsvRows(join(PRESET_FIXTURES, file))
      const detected = detectLayout(rows, { fileName: file })
      expect(detected.kind).toBe(expected.kind)
      expect(detected.preset).toBe(expected.preset)
      expect(detected.headerRows).toBe(expected.headerRows)
      expect(detected.mapping.kind).toBe(expected.kind)
      expect(detected.mapping.preset).toBe(expected.preset)
      expect(detected.mapping.sourceSystem).toBe(expected.sourceSystem)
      expect(detected.confidence).toBeGreaterThanOrEqual(0.6)
      expect(ImportMappingSchema.safeParse(detected.mapping).success).toBe(true)

      const actual: Record<string, string> = {}
      for (const column of detected.mapping.columns) {
        if (column.role === null) continue
        expect(actual, `'${column.header}' mapped twice`).not.toHaveProperty([column.header])
        actual[column.header] = column.name === undefined ? column.role : `${column.role}:${column.name}`
      }
      expect(actual).toEqual(expected.roles)
      expect(detected.mapping.columns.map((c) => c.index)).toEqual(detected.headers.map((_, i) => i))

      if (expected.dateOrder !== undefined) expect(detected.mapping.dateOrder).toBe(expected.dateOrder)
      if (expected.csatScaleMax !== undefined)
        expect(detected.mapping.csatScaleMax).toBe(expected.csatScaleMax)
      if (expected.experiment !== undefined) expect(detected.mapping.experiment).toBe(expected.experiment)
      for (const warning of expected.warnings ?? []) {
        expect(
          detected.warnings.some((w) => warning.test(w)),
          `${warning} in ${detected.warnings.join(' | ')}`
        ).toBe(true)
      }
      // No required role is missing on a fixture.
      expect(detected.warnings.filter((w) => w.startsWith('No column was recognised'))).toEqual([])
    })
  }

  it("maps only the first of Jira's repeated Labels columns", () => {
    const detected = detectLayout(readCsvRows(join(PRESET_FIXTURES, 'jira-service-management-issues.csv')))
    const labels = detected.mapping.columns.filter((c) => c.header === 'Labels')
    expect(labels.map((c) => [c.index, c.role])).toEqual([
      [19, 'tags'],
      [20, null]
    ])
  })

  it('reads the GB18030 fixture without garbling, including a character outside GBK', () => {
    const rows = readCsvRows(join(PRESET_FIXTURES, 'helpdesk-zh.gb18030.csv'))
    expect(rows[0]![0]).toBe('工单号')
    expect(rows.flat().join('')).toContain('𠮷野家')
    expect(rows.flat().join('')).not.toContain('\ufffd')
  })

  it('reads the time zones the exports declare for their date columns', () => {
    const qualtrics = detectLayout(readCsvRows(join(PRESET_FIXTURES, 'qualtrics-responses.csv')))
    const zoneOf = (d: ReturnType<typeof detectLayout>, header: string): string | null | undefined =>
      d.columnTimeZones?.[d.headers.indexOf(header)]
    expect(zoneOf(qualtrics, 'EndDate')).toBe('America/Denver')
    expect(zoneOf(qualtrics, 'ResponseId')).toBeNull()
    const typeform = detectLayout(readCsvRows(join(PRESET_FIXTURES, 'typeform-responses.csv')))
    expect(zoneOf(typeform, 'Submit Date (UTC)')).toBe('UTC')
    const zendesk = detectLayout(readCsvRows(join(PRESET_FIXTURES, 'zendesk-tickets.csv')))
    expect(zoneOf(zendesk, 'Created at')).toBeNull()
  })
})
