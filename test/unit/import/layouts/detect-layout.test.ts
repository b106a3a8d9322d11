import { describe, expect, it } from 'vitest'
import { detectLayout } from '../../../../src/main/core/import/layouts/detect-layout'

type Rows = string[][]

function roleMap(
  rows: Rows,
  options: Parameters<typeof detectLayout>[1] = {}
): Record<string, string | null> {
  const map: Record<string, string | null> = {}
  for (const c of detectLayout(rows, options).mapping.columns) {
    map[c.header] = c.name === undefined ? c.role : `${c.role}:${c.name}`
  }
  return map
}

const tickets: Rows = [
  ['ticket_id', 'created_at', 'channel', 'customer_id', 'subject', 'description', 'status', 'label'],
  [
    'TKT-1',
    '2026-01-01T02:15:57Z',
    'phone',
    'CUST-1',
    'Card not working',
    'My card was declined at the shop today.',
    'closed',
    'card_declined'
  ],
  [
    'TKT-2',
    '2026-01-01T04:18:28Z',
    'app',
    'CUST-2',
    'Top up',
    'How do I top up my wallet with a bank transfer?',
    'solved',
    'top_up'
  ],
  [
    'TKT-3',
    '2026-01-02T09:00:00Z',
    'chat',
    'CUST-3',
    '',
    'Where is my new card? It has been two weeks.',
    'open',
    'card_arrival'
  ]
]

describe('detectLayout: generic layouts', () => {
  it('leaves a label column unmapped: the product has no topic role to feed it', () => {
    const map = roleMap(tickets)
    expect(map.label).toBeNull()
    expect(map.description).toBe('text')
  })

  it('recognises Loopbench-style exports whose headers are the role ids (demo-like layouts)', () => {
    const demoTickets: Rows = [
      [
        'external_id',
        'created_at',
        'resolved_at',
        'first_response_at',
        'channel',
        'status',
        'priority',
        'subject',
        'text',
        'customer_id',
        'rating',
        'tags'
      ],
      [
        'BB-T-000001',
        '2026-01-03T09:14:05+08:00',
        '2026-01-03T15:40:11+08:00',
        '2026-01-03T09:52:30+08:00',
        'in_app_chat',
        'solved',
        'normal',
        'Refund not received',
        '我取消了订单但是退款还没有到账，已经三天了。',
        'BB-C-00042',
        '4',
        'refund wallet'
      ],
      [
        'BB-T-000002',
        '2026-01-03T10:02:44+08:00',
        '',
        '2026-01-03T10:40:02+08:00',
        'email',
        'open',
        'high',
        'Pay Later limit',
        'My Pay Later limit dropped from S$500 to S$200 overnight without notice.',
        'BB-C-00117',
        '',
        'paylater'
      ]
    ]
    expect(detectLayout(demoTickets).preset).toBe('generic-tickets')
    expect(roleMap(demoTickets)).toEqual({
      external_id: 'externalId',
      created_at: 'createdAt',
      resolved_at: 'resolvedAt',
      first_response_at: 'firstResponseAt',
      channel: 'channel',
      status: 'status',
      priority: 'priority',
      subject: 'subject',
      text: 'text',
      customer_id: 'customerId',
      rating: 'rating',
      tags: 'tags'
    })

    const demoSurvey: Rows = [
      [
        'external_id',
        'survey',
        'submitted_at',
        'customer_id',
        'csat_score',
        'nps_score',
        'comment',
        'channel',
        'tier',
        'region'
      ],
      [
        'BB-S-1',
        'quarterly_pulse',
        '2026-03-31T10:00:00+08:00',
        'BB-C-00042',
        '4',
        '9',
        'Fast delivery',
        'email',
        'Premier',
        'SG'
      ],
      [
        'BB-S-2',
        'post_support',
        '2026-03-31T11:00:00+08:00',
        'BB-C-00117',
        '2',
        '3',
        '退款太慢',
        'in_app',
        'Basic',
        'CN'
      ]
    ]
    expect(roleMap(demoSurvey)).toEqual({
      external_id: 'externalId',
      survey: 'survey',
      submitted_at: 'submittedAt',
      customer_id: 'customerId',
      csat_score: 'csatScore',
      nps_score: 'npsScore',
      comment: 'comment',
      channel: 'channel',
      tier: 'segment:tier',
      region: 'segment:region'
    })

    const demoUnits: Rows = [
      ['experiment', 'unit_id', 'assigned_arm', 'exposed_arm', 'timestamp', 'converted', 'order_value'],
      ['paylater_banner', 'BB-C-00042', 'control', 'control', '2026-02-01T10:00:00Z', '0', '0'],
      ['paylater_banner', 'BB-C-00117', 'banner', 'banner', '2026-02-01T10:05:00Z', '1', '58.40'],
      ['paylater_banner', 'BB-C-00118', 'banner', 'control', '2026-02-01T10:07:00Z', '0', '0']
    ]
    expect(roleMap(demoUnits)).toEqual({
      experiment: 'experiment',
      unit_id: 'unitId',
      assigned_arm: 'assignedArm',
      exposed_arm: 'exposedArm',
      timestamp: 'timestamp',
      converted: 'binaryMetric:converted',
      order_value: 'numericMetric:order_value'
    })
  })

  it('recognises Chinese headers by their synonyms', () => {
    const rows: Rows = [
      ['编号', '提交时间', '满意度', '推荐指数', '意见', '来源', '城市'],
      ['1', '2026/03/05 14:22', '4', '8', '发货很快', '微信', '上海'],
      ['2', '2026/03/06 09:00', '2', '3', '客服态度差', 'App', '北京']
    ]
    const detected = detectLayout(rows)
    expect(detected.kind).toBe('survey_responses')
    expect(roleMap(rows)).toEqual({
      编号: 'externalId',
      提交时间: 'submittedAt',
      满意度: 'csatScore',
      推荐指数: 'npsScore',
      意见: 'comment',
      来源: 'channel',
      城市: 'segment:城市'
    })
  })

  it('tells NPS from CSAT by the values as well as the wording', () => {
    const rows: Rows = [
      ['Timestamp', 'How likely are you to recommend us?', 'Overall satisfaction', 'Why?'],
      ['2026-03-05 10:00', '10', '7', 'Great'],
      ['2026-03-05 11:00', '0', '1', 'Slow refunds and no reply to my emails'],
      ['2026-03-05 12:00', '6', '4', '']
    ]
    const detected = detectLayout(rows)
    expect(detected.mapping.columns.map((c) => c.role)).toEqual([
      'submittedAt',
      'npsScore',
      'csatScore',
      'comment'
    ])
    expect(detected.mapping.csatScaleMax).toBe(7)
  })

  it('does not take a question answered in words for a score, and says so', () => {
    const rows: Rows = [
      ['Timestamp', 'How satisfied are you with our support?'],
      ['2026-03-05 10:00', 'Very satisfied'],
      ['2026-03-05 11:00', 'Dissatisfied']
    ]
    const detected = detectLayout(rows, { kind: 'survey_responses' })
    expect(detected.mapping.columns[1]!.role).toBeNull()
    expect(detected.warnings).toContain(
      "Column 'How satisfied are you with our support?' looks like csatScore but holds values such as 'Very satisfied'; export numeric values or map it by hand."
    )
  })

  it('reads an NPS answered 0–10 but not a 1–100 rating as NPS', () => {
    const rows: Rows = [
      ['submitted_at', 'nps'],
      ['2026-03-05', '55'],
      ['2026-03-06', '80']
    ]
    expect(detectLayout(rows, { kind: 'survey_responses' }).mapping.columns[1]!.role).toBeNull()
  })

  it('keeps a column named for NPS mapped when a few values are out of range, so those rows are rejected', () => {
    const scores = [
      '9',
      '10',
      '11',
      '7',
      '-1',
      '3',
      '8',
      '10',
      '6',
      '9',
      '0',
      '5',
      '10',
      '9',
      '8',
      '7',
      '10',
      '4',
      '9',
      '2'
    ]
    const rows: Rows = [['submitted_at', 'nps'], ...scores.map((v, i) => [`2026-03-${10 + (i % 9)}`, v])]
    expect(detectLayout(rows, { kind: 'survey_responses' }).mapping.columns[1]!.role).toBe('npsScore')
    // Mostly out of range (scores in points, −100..100, or a 1–100 rating): not an NPS answer.
    const points = scores.map((v, i) => (i < 17 ? String(Number(v) * 10 + 15) : v))
    const pointRows: Rows = [['submitted_at', 'nps'], ...points.map((v, i) => [`2026-03-${10 + (i % 9)}`, v])]
    expect(detectLayout(pointRows, { kind: 'survey_responses' }).mapping.columns[1]!.role).toBeNull()
  })

  it('infers the CSAT scale from the values, rejecting a stray value above it rather than widening it', () => {
    const survey = (values: string[]): Rows => [
      ['submitted_at', 'csat'],
      ...values.map((v, i) => [`2026-03-${10 + (i % 9)}`, v])
    ]
    const fivePoint = Array.from({ length: 40 }, (_, i) => String((i % 5) + 1))
    expect(detectLayout(survey(fivePoint)).mapping.csatScaleMax).toBe(5)
    const stray = fivePoint.map((v, i) => (i === 15 ? '7' : v))
    const detected = detectLayout(survey(stray))
    expect(detected.mapping.csatScaleMax).toBe(5)
    expect(detected.warnings).toContain(
      "'csat' looks like a 1–5 scale, but one value lies above 5; those rows will be rejected unless you set a larger scale."
    )
    // A real 1–7 scale: its 6s and 7s are common.
    const sevenPoint = Array.from({ length: 40 }, (_, i) => String((i % 7) + 1))
    expect(detectLayout(survey(sevenPoint)).mapping.csatScaleMax).toBe(7)
    // A small sample has no room for strays: its largest value sets the scale.
    expect(detectLayout(survey(['4', '5', '7', '2'])).mapping.csatScaleMax).toBe(7)
  })

  it('asks for the date order when dates are ambiguous, and decides it from the whole column', () => {
    const ambiguous: Rows = [
      ['ticket_id', 'created', 'description'],
      ['1', '05/03/2026', 'The app crashes on start'],
      ['2', '04/03/2026', 'Refund missing for my order']
    ]
    const detected = detectLayout(ambiguous)
    expect(detected.mapping.dateOrder).toBeNull()
    expect(detected.warnings.some((w) => /could be day-first or month-first/.test(w))).toBe(true)
    const decided: Rows = [...ambiguous, ['3', '25/03/2026', 'Coupon does not work at checkout']]
    expect(detectLayout(decided).mapping.dateOrder).toBe('dmy')
    const usa: Rows = [...ambiguous, ['3', '03/25/2026', 'Coupon does not work at checkout']]
    expect(detectLayout(usa).mapping.dateOrder).toBe('mdy')
  })

  it('warns about every required role no column fills', () => {
    const rows: Rows = [
      ['ticket_id', 'status'],
      ['T-1', 'open']
    ]
    const detected = detectLayout(rows, { kind: 'tickets' })
    expect(detected.warnings).toEqual(
      expect.arrayContaining([
        'No column was recognised as the time the ticket was created (createdAt), which every ticket needs; choose it in the mapping.',
        'No column was recognised as the ticket text (text), which every ticket needs; choose it in the mapping.'
      ])
    )
  })

  it('honours the kind the user chose', () => {
    const detected = detectLayout(tickets, { kind: 'customers' })
    expect(detected.kind).toBe('customers')
    expect(detected.preset).toBe('customers')
    expect(detected.mapping.columns.find((c) => c.header === 'customer_id')!.role).toBe('customerId')
  })

  it('names an experiment after its file only when it has no experiment column', () => {
    const units: Rows = [
      ['user_id', 'group', 'converted'],
      ['1', 'control', '0'],
      ['2', 'treatment', '1'],
      ['3', 'treatment', '0']
    ]
    expect(
      detectLayout(units, { fileName: 'C:\\exports\\checkout_test.2026-03.csv' }).mapping.experiment
    ).toBe('checkout_test.2026-03')
    const unnamed = detectLayout(units)
    expect(unnamed.mapping.experiment).toBeNull()
    expect(unnamed.warnings).toContain('The file has no experiment column; name the experiment.')
    const withColumn: Rows = units.map((r, i) => [i === 0 ? 'experiment' : 'exp_1', ...r])
    expect(detectLayout(withColumn, { fileName: 'x.csv' }).mapping.experiment).toBeNull()
  })

  it('reports an empty file and a header without rows', () => {
    const empty = detectLayout([])
    expect(empty.headers).toEqual([])
    expect(empty.mapping.columns).toEqual([])
    expect(empty.warnings[0]).toBe('The file is empty: there is no header row.')
    expect(detectLayout([['ticket_id', 'created_at', 'description']]).warnings).toContain(
      'The file has a header but no data rows.'
    )
  })

  it('gives every column of a ragged file a mapping entry', () => {
    const rows: Rows = [
      ['ticket_id', 'created_at'],
      ['T-1', '2026-03-05', 'extra cell', 'and another']
    ]
    const detected = detectLayout(rows)
    expect(detected.headers).toEqual(['ticket_id', 'created_at', '', ''])
    expect(detected.mapping.columns.map((c) => c.index)).toEqual([0, 1, 2, 3])
  })

  it('recognises headers written in full-width characters and odd spacing', () => {
    const rows: Rows = [
      ['ＴＩＣＫＥＴ　ＩＤ', ' Created_At ', '客户 ID', 'Description'],
      ['T-1', '2026-03-05 10:00', 'C-1', 'The refund has not arrived after a week.'],
      ['T-2', '2026-03-06 10:00', 'C-2', 'My card was charged twice for one order.']
    ]
    expect(detectLayout(rows).mapping.columns.map((c) => c.role)).toEqual([
      'externalId',
      'createdAt',
      'customerId',
      'text'
    ])
  })
})

describe('detectLayout: vendor layouts need their signature', () => {
  it('does not take any file with a Timestamp column for Google Forms', () => {
    const rows: Rows = [
      ['user_id', 'timestamp', 'group', 'converted'],
      ['1', '2026-03-05 10:00', 'control', '0']
    ]
    expect(detectLayout(rows).preset).not.toBe('google-forms')
    const oneColumn: Rows = [
      ['Timestamp', 'score'],
      ['2026/03/05 2:22:31 PM GMT+8', '4']
    ]
    expect(detectLayout(oneColumn).preset).not.toBe('google-forms')
  })

  it('still recognises Zendesk when columns were removed or reordered', () => {
    const rows: Rows = [
      ['Subject', 'Status', 'Id', 'Created at', 'Requester', 'Via', 'Requester id', 'Solved at'],
      [
        'Refund missing',
        'Solved',
        '48213',
        '2026-03-02 09:14',
        'Aisha Rahman',
        'Web form',
        '388812004511',
        '2026-03-04 16:38'
      ]
    ]
    const detected = detectLayout(rows)
    expect(detected.preset).toBe('zendesk')
    expect(detected.mapping.columns.map((c) => c.role)).toEqual([
      'text',
      'status',
      'externalId',
      'createdAt',
      null,
      'channel',
      'customerId',
      'resolvedAt'
    ])
  })

  it('matches a vendor signature only for the kind the user chose', () => {
    const rows: Rows = [
      ['Respondent ID', 'Collector ID', 'Start Date', 'End Date', 'How likely are you to recommend us?'],
      ['', '', '', '', 'Response'],
      ['1', '2', '03/15/2026 09:02:11 AM', '03/15/2026 09:04:40 AM', '9']
    ]
    expect(detectLayout(rows).preset).toBe('surveymonkey')
    expect(detectLayout(rows, { kind: 'tickets' }).preset).toBe('generic-tickets')
  })
})
