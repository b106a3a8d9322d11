import type { ImportPreview, ImportResult } from '../../../src/shared/domain/import'

/** A preview of a small Zendesk-like ticket export, as `import.inspect` answers it. */
export function ticketPreview(overrides: Partial<ImportPreview> = {}): ImportPreview {
  const headers = ['Ticket ID', 'Created at', 'Channel', 'Status', 'Subject', 'Description', 'Org']
  return {
    source: { name: 'zendesk-tickets.csv', size: 2048, sha256: null },
    read: {
      format: 'csv',
      encoding: 'utf-8',
      encodingSource: 'detected',
      delimiter: ',',
      sheets: [],
      sheet: null,
      headerRows: 1
    },
    headers,
    sample: [
      { line: 2, values: ['1001', '05/03/2026 09:12', 'email', 'open', 'Refund', 'I want a refund', 'Acme'] },
      {
        line: 3,
        values: ['1002', '06/03/2026 10:00', 'chat', 'solved', '物流', '快递太慢了，物流信息不更新', '']
      }
    ],
    columns: headers.map((header, index) => ({
      index,
      header,
      inferredType: index === 1 ? 'datetime' : index === 0 ? 'id' : 'text',
      dateOrder: index === 1 ? 'ambiguous' : null,
      examples: index === 1 ? ['05/03/2026 09:12', '06/03/2026 10:00'] : [],
      emptyShare: index === 6 ? 0.5 : 0
    })),
    detected: { kind: 'tickets', preset: 'zendesk', confidence: 0.92 },
    mapping: {
      kind: 'tickets',
      preset: 'zendesk',
      sourceSystem: 'zendesk',
      // The detector leaves the last column out: the wizard must still show it.
      columns: [
        { index: 0, header: 'Ticket ID', role: 'externalId' },
        { index: 1, header: 'Created at', role: 'createdAt' },
        { index: 2, header: 'Channel', role: 'channel' },
        { index: 3, header: 'Status', role: 'status' },
        { index: 4, header: 'Subject', role: 'subject' },
        { index: 5, header: 'Description', role: 'text' }
      ],
      dateOrder: null,
      csatScaleMax: null,
      experiment: null
    },
    savedMappingId: null,
    warnings: [],
    ...overrides
  }
}

/** A survey preview with two segment columns. */
export function surveyPreview(): ImportPreview {
  const base = ticketPreview()
  const headers = ['Response ID', 'Submitted', 'CSAT', 'Plan', 'Region']
  return {
    ...base,
    source: { name: 'survey.csv', size: 900, sha256: null },
    headers,
    sample: [{ line: 2, values: ['r1', '2026-03-05', '4', 'Pro', 'EU'] }],
    columns: headers.map((header, index) => ({
      index,
      header,
      inferredType: 'text',
      dateOrder: null,
      examples: [],
      emptyShare: 0
    })),
    detected: { kind: 'survey_responses', preset: null, confidence: 0.4 },
    mapping: {
      kind: 'survey_responses',
      preset: null,
      sourceSystem: 'survey',
      columns: [
        { index: 0, header: 'Response ID', role: 'externalId' },
        { index: 1, header: 'Submitted', role: 'submittedAt' },
        { index: 2, header: 'CSAT', role: 'csatScore' },
        { index: 3, header: 'Plan', role: 'segment', name: 'Plan' },
        { index: 4, header: 'Region', role: null }
      ],
      dateOrder: null,
      csatScaleMax: 5,
      experiment: null
    }
  }
}

/** What `import.result` answers for the ticket export. */
export function ticketResult(overrides: Partial<ImportResult> = {}): ImportResult {
  return {
    batchId: 7,
    file: 'zendesk-tickets.csv',
    kind: 'tickets',
    preset: 'zendesk',
    rowsRead: 4,
    inserted: 3,
    updated: 0,
    unchanged: 0,
    rejected: 1,
    rejects: [{ line: 5, reason: 'missing required field createdAt' }],
    redactions: { email: 2, phone: 0, idNumber: 0, card: 0 },
    warnings: [],
    committedMs: 1000,
    elapsedMs: 1234,
    ...overrides
  }
}
