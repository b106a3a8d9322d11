import { join } from 'node:path'
import Database from 'better-sqlite3'
import fc from 'fast-check'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { Workspace } from '../../../../src/main/core/store/workspace'
import { undoBatch } from '../../../../src/main/core/import/pipeline/undo-batch'
import { makeTempDir } from '../../../helpers/temp-dir'
import { importRows, mappingOf } from '../../../helpers/import-harness'

let dir: string
let cleanup: () => void
let seq = 0
beforeAll(() => ({ dir, cleanup } = makeTempDir()))
afterAll(() => cleanup())

const IDS = ['R1', 'R2', 'R3', 'R4']
const STATUSES = ['open', 'pending', 'solved']
const TEXTS = ['Refund not received', '退款还没到账']
const REGIONS = ['', 'APAC', 'EMEA']

/** One export: some of the ids, each with a status/score, a text and maybe a region. */
const batchArb = fc.uniqueArray(
  fc.record({
    id: fc.constantFrom(...IDS),
    status: fc.integer({ min: 0, max: 2 }),
    text: fc.integer({ min: 0, max: 1 }),
    region: fc.integer({ min: 0, max: 2 })
  }),
  { minLength: 1, maxLength: 4, selector: (r) => r.id }
)

type Batch = Array<{ id: string; status: number; text: number; region: number }>

const KINDS = {
  tickets: {
    mapping: mappingOf('tickets', ['externalId', 'createdAt', 'status', 'text']),
    row: (r: Batch[number]) => [r.id, '2026-03-01T08:00:00Z', STATUSES[r.status]!, TEXTS[r.text]!],
    state: `SELECT t.external_id AS id, t.status AS a, t.text AS b, NULL AS c, t.batch_id AS owner, t.source_line AS line
            FROM tickets t ORDER BY t.external_id`,
    kind: 'tickets',
    table: 'tickets'
  },
  survey_responses: {
    mapping: mappingOf(
      'survey_responses',
      ['externalId', 'submittedAt', 'npsScore', 'comment', 'segment'],
      {}
    ),
    row: (r: Batch[number]) => [
      r.id,
      '2026-03-01T08:00:00Z',
      String(r.status * 4),
      TEXTS[r.text]!,
      REGIONS[r.region]!
    ],
    state: `SELECT s.external_id AS id, s.nps_score AS a, s.comment AS b,
              (SELECT group_concat(key || '=' || value ||
                 -- A segment's copy of its response's date and scores (migration 4) must follow it.
                 CASE WHEN g.submitted_at IS s.submitted_at AND g.nps_score IS s.nps_score
                   AND g.csat_score IS s.csat_score AND g.csat_scale_max IS s.csat_scale_max
                 THEN '' ELSE ' (stale copy)' END) FROM survey_segments g WHERE g.response_id = s.id) AS c,
              s.batch_id AS owner, s.source_line AS line
            FROM survey_responses s ORDER BY s.external_id`,
    kind: 'survey_responses',
    table: 'survey_responses'
  }
} as const

/** The workspace's records and provenance, with batch ids replaced by their position in `order`. */
function snapshot(path: string, k: (typeof KINDS)[keyof typeof KINDS], order: number[]): unknown {
  const db = new Database(path, { readonly: true })
  const pos = (batch: number): number => order.indexOf(batch)
  const records = (db.prepare(k.state).all() as Array<Record<string, unknown>>).map((r) => ({
    ...r,
    owner: pos(r.owner as number)
  }))
  const sources = (
    db
      .prepare(
        `SELECT x.external_id AS id, s.batch_id, s.source_line, s.action, s.replaced_json
         FROM record_sources s JOIN ${k.table} x ON x.id = s.record_id
         WHERE s.record_kind = ? ORDER BY x.external_id, s.batch_id`
      )
      .all(k.kind) as Array<Record<string, unknown>>
  ).map((s) => ({ ...s, batch_id: pos(s.batch_id as number) }))
  db.close()
  return { records, sources }
}

describe('undo leaves exactly what the remaining batches imply', () => {
  for (const [name, k] of Object.entries(KINDS)) {
    it(`for ${name}, in any order of removal`, async () => {
      await fc.assert(
        fc.asyncProperty(
          fc.array(batchArb, { minLength: 2, maxLength: 4 }),
          fc.array(fc.nat(), { minLength: 1, maxLength: 3 }),
          async (batches, picks) => {
            const full = join(dir, `full-${++seq}.loopbench`)
            ;(await Workspace.create(full)).close()
            const ids: number[] = []
            for (const b of batches) ids.push((await importRows(full, k.mapping, b.map(k.row))).batchId)
            // Remove a few batches, in the order picked.
            const removed: number[] = []
            for (const p of picks) {
              const candidates = ids.filter((id) => !removed.includes(id))
              if (candidates.length === 0) break
              const victim = candidates[p % candidates.length]!
              const db = new Database(full)
              undoBatch(db, victim, 1)
              db.close()
              removed.push(victim)
            }
            const remaining = ids.filter((id) => !removed.includes(id))
            // The same exports, but only the remaining ones, imported in order into a fresh workspace.
            const fresh = join(dir, `fresh-${seq}.loopbench`)
            ;(await Workspace.create(fresh)).close()
            const freshIds: number[] = []
            for (const [i, b] of batches.entries()) {
              if (remaining.includes(ids[i]!))
                freshIds.push((await importRows(fresh, k.mapping, b.map(k.row))).batchId)
            }
            const after = snapshot(full, k, remaining)
            expect(after).toEqual(snapshot(fresh, k, freshIds))
            expect(JSON.stringify(after)).not.toContain('stale copy')
          }
        ),
        { numRuns: 25 }
      )
    }, 120_000)
  }
})
