import { join } from 'node:path'
import { Workspace } from '../../../src/main/core/store/workspace'
import type { TicketRow } from '../../../src/main/core/store/repositories/tickets'
import { insertTickets } from '../../../src/main/core/store/repositories/tickets'

/** A ticket for tests: text and the fields the filters look at. */
export interface TestTicket {
  text: string
  subject?: string | null
  createdAt?: number
  channel?: string | null
  status?: string | null
  priority?: string | null
}

/** A new workspace in `dir` with no tickets yet. */
export async function createTestWorkspace(dir: string, name = 'search.loopbench'): Promise<Workspace> {
  return Workspace.create(join(dir, name))
}

/** Inserts tickets (one import batch) through the tickets repository; returns their ids in order. */
export function addTickets(ws: Workspace, tickets: readonly TestTicket[]): number[] {
  const db = ws.db
  return db.transaction(() => {
    const batchId = Number(
      db
        .prepare(
          "INSERT INTO import_batches (kind, source_name, format, started_at) VALUES ('tickets', 'test.csv', 'csv', 0)"
        )
        .run().lastInsertRowid
    )
    const first = ((db.prepare('SELECT max(id) AS m FROM tickets').get() as { m: number | null }).m ?? 0) + 1
    const rows: TicketRow[] = tickets.map((t, i) => ({
      sourceSystem: 'test',
      externalId: `${batchId}-${i}`,
      createdAt: t.createdAt ?? Date.UTC(2026, 0, 1) + i * 60_000,
      resolvedAt: null,
      firstResponseAt: null,
      channel: t.channel === undefined ? 'email' : t.channel,
      status: t.status === undefined ? 'open' : t.status,
      priority: t.priority ?? null,
      subject: t.subject ?? null,
      text: t.text,
      customerId: null,
      rating: null,
      tags: null,
      attributes: null,
      batchId,
      sourceLine: i + 2
    }))
    insertTickets(db, rows)
    return rows.map((_, i) => first + i)
  })()
}

/** Ids of the tickets whose indexed text matches an FTS5 expression, ascending. */
export function matchIds(ws: Workspace, match: string): number[] {
  return ws.db
    .prepare('SELECT rowid FROM ticket_search WHERE ticket_search MATCH ? ORDER BY rowid')
    .pluck()
    .all(match) as number[]
}
