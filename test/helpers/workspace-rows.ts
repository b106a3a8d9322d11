import { createImportBatch } from '../../src/main/core/store/repositories/import-batches'
import { insertTickets } from '../../src/main/core/store/repositories/tickets'
import type { TicketRow } from '../../src/main/core/store/repositories/tickets'
import { insertSurveyResponses } from '../../src/main/core/store/repositories/survey-responses'
import { insertCustomers } from '../../src/main/core/store/repositories/customers'
import type { Workspace } from '../../src/main/core/store/workspace'

/**
 * Rows written straight into a workspace for tests of what is computed from them: themes,
 * tickets (with their theme), survey responses, customers. Each writer makes its own import batch.
 */
export interface TicketSpec {
  at: string | number
  theme?: number | null
  customer?: string | null
  channel?: string | null
  rating?: number | null
  /** The ticket's text (default: "ticket N"). */
  text?: string
}

export interface ResponseSpec {
  at: string
  customer: string | null
  csat?: number | null
  nps?: number | null
  scaleMax?: number
}

/** `count` copies of the same spec. */
export const many = <T>(count: number, spec: T): T[] => Array.from({ length: count }, () => spec)

export interface RowWriter {
  batch(kind: 'tickets' | 'survey_responses' | 'customers'): number
  theme(
    label: string,
    options?: { kind?: 'cluster' | 'other' | 'rule'; status?: 'active' | 'excluded' | 'merged' }
  ): number
  tickets(specs: readonly TicketSpec[]): void
  responses(specs: readonly ResponseSpec[]): void
  customers(list: ReadonlyArray<{ id: string; tier: string | null }>): void
}

export function rowWriter(ws: Workspace, now = Date.parse('2026-11-01T00:00:00Z')): RowWriter {
  let sequence = 0
  const NOW = now

  function batch(kind: 'tickets' | 'survey_responses' | 'customers'): number {
    return createImportBatch(ws.db, {
      kind,
      sourceName: `test-${kind}.csv`,
      format: 'generated',
      startedAt: NOW
    })
  }

  /** Adds a theme; returns its id. */
  function theme(
    label: string,
    options: { kind?: 'cluster' | 'other' | 'rule'; status?: 'active' | 'excluded' | 'merged' } = {}
  ): number {
    return Number(
      ws.db
        .prepare('INSERT INTO themes (kind, label, status, created_at, updated_at) VALUES (?, ?, ?, ?, ?)')
        .run(options.kind ?? 'cluster', label, options.status ?? 'active', NOW, NOW).lastInsertRowid
    )
  }

  /** Writes tickets (and their theme assignments) in one batch. */
  function tickets(specs: readonly TicketSpec[]): void {
    const batchId = batch('tickets')
    const rows: TicketRow[] = specs.map((s, i) => ({
      sourceSystem: 'test',
      externalId: `K${++sequence}`,
      createdAt: typeof s.at === 'number' ? s.at : Date.parse(s.at),
      resolvedAt: null,
      firstResponseAt: null,
      channel: s.channel ?? null,
      status: null,
      priority: null,
      subject: null,
      text: s.text ?? `ticket ${sequence}`,
      customerId: s.customer ?? null,
      rating: s.rating ?? null,
      tags: null,
      attributes: null,
      batchId,
      sourceLine: i + 2
    }))
    ws.db.transaction(() => {
      insertTickets(ws.db, rows)
      const assign = ws.db.prepare(
        "INSERT INTO ticket_themes (ticket_id, theme_id, assigned_by) SELECT id, ?, 'model' FROM tickets WHERE source_system = 'test' AND external_id = ?"
      )
      rows.forEach((row, i) => {
        const themeId = specs[i]!.theme
        if (themeId !== undefined && themeId !== null) assign.run(themeId, row.externalId)
      })
    })()
  }

  function responses(specs: readonly ResponseSpec[]): void {
    const batchId = batch('survey_responses')
    ws.db.transaction(() =>
      insertSurveyResponses(
        ws.db,
        specs.map((s, i) => ({
          sourceSystem: 'test',
          externalId: `R${++sequence}`,
          survey: 'Pulse',
          submittedAt: Date.parse(s.at),
          customerId: s.customer,
          csatScore: s.csat ?? null,
          csatScaleMax: s.csat === undefined || s.csat === null ? null : (s.scaleMax ?? 5),
          npsScore: s.nps ?? null,
          comment: s.csat == null && s.nps == null ? 'a comment only' : null,
          channel: null,
          segments: {},
          attributes: null,
          batchId,
          sourceLine: i + 2
        }))
      )
    )()
  }

  function customers(list: ReadonlyArray<{ id: string; tier: string | null }>): void {
    const batchId = batch('customers')
    ws.db.transaction(() =>
      insertCustomers(
        ws.db,
        list.map((c, i) => ({
          customerId: c.id,
          name: null,
          tier: c.tier,
          region: null,
          revenue: null,
          signupAt: null,
          attributes: null,
          batchId,
          sourceLine: i + 2
        }))
      )
    )()
  }
  return { batch, theme, tickets, responses, customers }
}
