import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { Workspace } from '../../../src/main/core/store/workspace'
import type { Db } from '../../../src/main/core/store/sqlite'
import type { CustomerRow } from '../../../src/main/core/store/repositories/customers'
import { insertCustomers, readCustomersByBatch } from '../../../src/main/core/store/repositories/customers'
import type { TicketRow } from '../../../src/main/core/store/repositories/tickets'
import { insertTickets, readTicketsByBatch } from '../../../src/main/core/store/repositories/tickets'
import type { SurveyResponseRow } from '../../../src/main/core/store/repositories/survey-responses'
import {
  insertSurveyResponses,
  readSurveyResponsesByBatch
} from '../../../src/main/core/store/repositories/survey-responses'
import {
  completeImportBatch,
  createImportBatch,
  getImportBatch,
  listImportBatches
} from '../../../src/main/core/store/repositories/import-batches'
import { findExperimentIds, insertExperiment } from '../../../src/main/core/store/repositories/experiments'
import {
  insertExperimentUnits,
  readExperimentUnitsByBatch
} from '../../../src/main/core/store/repositories/experiment-units'
import type { ArmSummaryRow } from '../../../src/main/core/store/repositories/experiment-arm-summaries'
import {
  insertArmSummaries,
  readArmSummaries
} from '../../../src/main/core/store/repositories/experiment-arm-summaries'
import {
  insertPriorityItems,
  listPriorityItems
} from '../../../src/main/core/store/repositories/priority-items'
import { makeTempDir } from '../../helpers/temp-dir'

let dir: string
let cleanup: () => void
let workspace: Workspace
let db: Db

beforeEach(async () => {
  ;({ dir, cleanup } = makeTempDir())
  workspace = await Workspace.create(join(dir, 'repo.loopbench'), { systemTimeZone: 'UTC' })
  db = workspace.db
})
afterEach(() => {
  workspace.close()
  cleanup()
})

const count = (table: string): number =>
  (db.prepare(`SELECT count(*) AS n FROM ${table}`).get() as { n: number }).n
const batchFor = (kind: Parameters<typeof createImportBatch>[1]['kind']): number =>
  createImportBatch(db, {
    kind,
    sourceName: `${kind}.csv`,
    sourcePath: `/exports/${kind}.csv`,
    format: 'csv',
    startedAt: 1000
  })

function ticket(batchId: number, line: number, externalId: string): TicketRow {
  return {
    sourceSystem: 'zendesk',
    externalId,
    createdAt: Date.UTC(2026, 2, 1, 9),
    resolvedAt: Date.UTC(2026, 2, 2, 9),
    firstResponseAt: Date.UTC(2026, 2, 1, 10),
    channel: 'email',
    status: 'solved',
    priority: 'high',
    subject: '退款还没到账',
    text: 'My refund of S$42.90 never arrived. 谢谢！',
    customerId: 'C-00001',
    rating: 2,
    tags: ['ios', 'vip'],
    attributes: { locale: 'zh-CN', app_version: '6.4.1' },
    batchId,
    sourceLine: line
  }
}

function response(batchId: number, line: number, externalId: string, nps: number | null): SurveyResponseRow {
  return {
    sourceSystem: 'qualtrics',
    externalId,
    survey: 'Quarterly pulse',
    submittedAt: Date.UTC(2026, 4, 3),
    customerId: 'C-00001',
    csatScore: 4,
    csatScaleMax: 5,
    npsScore: nps,
    comment: '物流很快',
    channel: 'in_app',
    segments: { region: 'Singapore', tier: 'Plus' },
    attributes: null,
    batchId,
    sourceLine: line
  }
}

describe('import batches', () => {
  it('records a batch and its final counts', () => {
    const id = batchFor('tickets')
    completeImportBatch(
      db,
      id,
      { rowsRead: 10, rowsInserted: 7, rowsUpdated: 1, rowsUnchanged: 1, rowsRejected: 1 },
      2000
    )
    expect(getImportBatch(db, id)).toMatchObject({
      id,
      kind: 'tickets',
      sourceName: 'tickets.csv',
      sourcePath: '/exports/tickets.csv',
      format: 'csv',
      status: 'committed',
      rowsRead: 10,
      rowsInserted: 7,
      rowsUpdated: 1,
      rowsUnchanged: 1,
      rowsRejected: 1,
      startedAt: 1000,
      finishedAt: 2000,
      mapping: {},
      options: {}
    })
    expect(listImportBatches(db).map((b) => b.id)).toEqual([id])
    expect(getImportBatch(db, id + 1)).toBeUndefined()
  })
})

describe('bulk writers', () => {
  it('insert customers and tickets and read them back with their provenance', () => {
    const customers = batchFor('customers')
    const tickets = batchFor('tickets')
    const customerRows: CustomerRow[] = [
      {
        customerId: 'C-00001',
        name: '王芳',
        tier: 'Plus',
        region: 'Mainland China',
        revenue: 812.5,
        signupAt: 5,
        attributes: { city: 'Shanghai' },
        batchId: customers,
        sourceLine: 2
      },
      {
        customerId: 'C-00002',
        name: 'Sarah Lim',
        tier: null,
        region: null,
        revenue: null,
        signupAt: null,
        attributes: null,
        batchId: customers,
        sourceLine: 3
      }
    ]
    const ticketRows = [
      ticket(tickets, 2, '1001'),
      { ...ticket(tickets, 3, '1002'), tags: null, attributes: null, rating: null }
    ]
    db.transaction(() => {
      expect(insertCustomers(db, customerRows)).toBe(2)
      expect(insertTickets(db, ticketRows)).toBe(2)
    })()
    expect(readCustomersByBatch(db, customers)).toEqual(customerRows)
    expect(readTicketsByBatch(db, tickets)).toEqual(ticketRows)
    const stored = db.prepare('SELECT batch_id, source_line, tags_json FROM tickets ORDER BY id').all()
    expect(stored).toEqual([
      { batch_id: tickets, source_line: 2, tags_json: '["ios","vip"]' },
      { batch_id: tickets, source_line: 3, tags_json: null }
    ])
  })

  it('insert survey responses with their segments', () => {
    const batch = batchFor('survey_responses')
    const rows = [response(batch, 2, 'R_1', 9), { ...response(batch, 3, 'R_2', null), segments: {} }]
    db.transaction(() => insertSurveyResponses(db, rows))()
    expect(readSurveyResponsesByBatch(db, batch)).toEqual(rows)
    expect(count('survey_segments')).toBe(2)
  })

  it('insert an experiment with per-unit rows, values and per-arm summaries', () => {
    const units = batchFor('experiment_units')
    const summaries = batchFor('experiment_arm_summaries')
    const ids = db.transaction(() =>
      insertExperiment(db, {
        key: 'push_copy',
        name: 'Push copy',
        description: null,
        primaryMetric: 'clicked',
        controlArm: 'control',
        startedAt: 1,
        endedAt: 2,
        createdAt: 3,
        arms: [
          { name: 'control', isControl: true, intendedShare: 0.5 },
          { name: 'treatment', isControl: false, intendedShare: 0.5 }
        ],
        metrics: [
          { name: 'clicked', kind: 'binary', isPrimary: true },
          { name: 'revenue', kind: 'numeric', isPrimary: false }
        ]
      })
    )()
    expect(findExperimentIds(db, 'push_copy')).toEqual(ids)
    const unitRows = [
      {
        experimentId: ids.experimentId,
        unitId: 'U1',
        assignedArm: 'control',
        exposedArm: 'control',
        timestamp: 10,
        values: { clicked: 1, revenue: 12.5 },
        rowKey: 'k1#1',
        batchId: units,
        sourceLine: 2
      },
      {
        experimentId: ids.experimentId,
        unitId: 'U2',
        assignedArm: 'treatment',
        exposedArm: null,
        timestamp: 11,
        values: { clicked: 0, revenue: 0 },
        rowKey: 'k2#1',
        batchId: units,
        sourceLine: 3
      }
    ]
    const summaryRows: ArmSummaryRow[] = [
      {
        experimentId: ids.experimentId,
        arm: 'control',
        metric: 'clicked',
        units: 100,
        successes: 4,
        mean: null,
        sd: null,
        n: null,
        intendedShare: 0.5,
        batchId: summaries,
        sourceLine: 2
      },
      {
        experimentId: ids.experimentId,
        arm: 'control',
        metric: 'revenue',
        units: 100,
        successes: null,
        mean: 3.2,
        sd: 1.1,
        n: 4,
        intendedShare: 0.5,
        batchId: summaries,
        sourceLine: 3
      }
    ]
    db.transaction(() => {
      insertExperimentUnits(db, ids.metricIds, unitRows)
      insertArmSummaries(db, summaryRows)
    })()
    expect(readExperimentUnitsByBatch(db, units)).toEqual(unitRows)
    expect(readArmSummaries(db, ids.experimentId)).toEqual(summaryRows)
    expect(count('experiment_unit_values')).toBe(4)
    expect(
      db.prepare('SELECT name, is_control, intended_share FROM experiment_arms ORDER BY id').all()
    ).toEqual([
      { name: 'control', is_control: 1, intended_share: 0.5 },
      { name: 'treatment', is_control: 0, intended_share: 0.5 }
    ])
  })

  it('insert priority items', () => {
    const item = {
      title: 'SMS verification codes not arriving',
      description: 'Second SMS provider',
      status: 'new' as const,
      owner: 'Identity',
      note: 'Estimate',
      effortWeeks: 3,
      effortSize: 'M' as const,
      createdAt: 7,
      updatedAt: 7
    }
    const ids = db.transaction(() => insertPriorityItems(db, [item]))()
    expect(listPriorityItems(db)).toEqual([{ id: ids[0], ...item }])
  })

  it('refuse to run outside a transaction', () => {
    const batch = batchFor('tickets')
    expect(() => insertTickets(db, [ticket(batch, 2, 'x')])).toThrow(/inside db.transaction/)
    expect(count('tickets')).toBe(0)
  })
})

describe('a failing row inside a transaction', () => {
  it('leaves no ticket of the chunk behind', () => {
    const batch = batchFor('tickets')
    const rows = [ticket(batch, 2, 'A'), ticket(batch, 3, 'B'), ticket(batch, 4, 'A')]
    expect(() => db.transaction(() => insertTickets(db, rows))()).toThrow(/UNIQUE/)
    expect(count('tickets')).toBe(0)
  })

  it('leaves no response and no segment behind', () => {
    const batch = batchFor('survey_responses')
    const rows = [response(batch, 2, 'R_1', 9), response(batch, 3, 'R_2', 11)]
    expect(() => db.transaction(() => insertSurveyResponses(db, rows))()).toThrow(/CHECK/)
    expect(count('survey_responses')).toBe(0)
    expect(count('survey_segments')).toBe(0)
  })

  it('leaves no unit and no value behind when a value names an unknown metric', () => {
    const batch = batchFor('experiment_units')
    const ids = db.transaction(() =>
      insertExperiment(db, {
        key: 'e',
        name: 'E',
        description: null,
        primaryMetric: 'clicked',
        controlArm: 'a',
        startedAt: null,
        endedAt: null,
        createdAt: 1,
        arms: [
          { name: 'a', isControl: true, intendedShare: null },
          { name: 'b', isControl: false, intendedShare: null }
        ],
        metrics: [{ name: 'clicked', kind: 'binary', isPrimary: true }]
      })
    )()
    const row = (unitId: string, values: Record<string, number>, line: number) => ({
      experimentId: ids.experimentId,
      unitId,
      assignedArm: 'a',
      exposedArm: 'a',
      timestamp: 1,
      values,
      rowKey: `${unitId}#1`,
      batchId: batch,
      sourceLine: line
    })
    expect(() =>
      db.transaction(() =>
        insertExperimentUnits(db, ids.metricIds, [row('U1', { clicked: 1 }, 2), row('U2', { bogus: 1 }, 3)])
      )()
    ).toThrow(/Unknown metric bogus/)
    expect(count('experiment_units')).toBe(0)
    expect(count('experiment_unit_values')).toBe(0)
  })

  it('skips duplicates instead when asked, so re-importing adds nothing twice', () => {
    const batch = batchFor('tickets')
    const rows = [ticket(batch, 2, 'A'), ticket(batch, 3, 'B')]
    expect(db.transaction(() => insertTickets(db, rows))()).toBe(2)
    const again = batchFor('tickets')
    const overlap = [ticket(again, 2, 'B'), ticket(again, 3, 'C')]
    expect(db.transaction(() => insertTickets(db, overlap, { skipDuplicates: true }))()).toBe(1)
    expect(db.prepare('SELECT external_id, batch_id FROM tickets ORDER BY external_id').all()).toEqual([
      { external_id: 'A', batch_id: batch },
      { external_id: 'B', batch_id: batch },
      { external_id: 'C', batch_id: again }
    ])
  })
})

describe('UnitRowKeyer', () => {
  it('keys rows by content and occurrence: the same file gives the same keys, a repeated row a new one', async () => {
    const { UnitRowKeyer } = await import('../../../src/main/core/store/repositories/experiment-units')
    const row = {
      unitId: '851104',
      assignedArm: 'control',
      exposedArm: 'old_page',
      timestamp: 1,
      values: { converted: 0 }
    }
    const first = new UnitRowKeyer()
    const keys = [first.next(1, row), first.next(1, { ...row, values: { converted: 1 } }), first.next(1, row)]
    expect(keys[0]).toMatch(/#1$/)
    expect(keys[2]).toBe(keys[0]!.replace(/#1$/, '#2'))
    expect(new Set(keys).size).toBe(3)
    const again = new UnitRowKeyer()
    expect([
      again.next(1, row),
      again.next(1, { ...row, values: { converted: 1 } }),
      again.next(1, row)
    ]).toEqual(keys)
    // Key order of the values does not matter; the experiment does.
    expect(new UnitRowKeyer().next(1, { ...row, values: { converted: 0 } })).toBe(keys[0])
    expect(new UnitRowKeyer().next(2, row)).not.toBe(keys[0])
  })
})
