import { join } from 'node:path'
import Database from 'better-sqlite3'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { Workspace } from '../../../../src/main/core/store/workspace'
import { undoBatch } from '../../../../src/main/core/import/pipeline/undo-batch'
import { makeTempDir } from '../../../helpers/temp-dir'
import { importRows, mappingOf } from '../../../helpers/import-harness'

let dir: string
let cleanup: () => void
let path: string
beforeEach(async () => {
  ;({ dir, cleanup } = makeTempDir())
  path = join(dir, 'w.loopbench')
  ;(await Workspace.create(path)).close()
})
afterEach(() => cleanup())

function query<T>(sql: string, ...args: unknown[]): T[] {
  const db = new Database(path, { readonly: true })
  const rows = db.prepare(sql).all(...args) as T[]
  db.close()
  return rows
}

/** Like ab_data.csv: user_id, timestamp, group, landing_page, converted. */
const AB = mappingOf(
  'experiment_units',
  ['unitId', 'timestamp', 'assignedArm', 'exposedArm', 'binaryMetric'],
  {
    experiment: 'ab_data'
  }
)
AB.columns[4]!.name = 'converted'
AB.columns[4]!.header = 'converted'
const AB_ROWS = [
  ['851104', '2017-01-21T22:11:48Z', 'control', 'old_page', '0'],
  ['804228', '2017-01-12T08:01:45Z', 'control', 'old_page', '0'],
  ['661590', '2017-01-11T16:55:06Z', 'treatment', 'new_page', '0'],
  ['853541', '2017-01-08T18:28:03Z', 'treatment', 'new_page', '0'],
  ['864975', '2017-01-21T01:52:26Z', 'control', 'old_page', '1'],
  // A row whose exposure contradicts its assignment, and a unit seen twice: both kept.
  ['936923', '2017-01-10T15:20:49Z', 'control', 'new_page', '0'],
  ['851104', '2017-01-21T22:11:48Z', 'control', 'old_page', '0']
]

describe('per-unit experiment rows', () => {
  it('stores every row as it comes, creates the experiment, arms and metric, and re-import adds nothing', async () => {
    const first = await importRows(path, AB, AB_ROWS)
    expect(first).toMatchObject({ rowsRead: 7, inserted: 7, rejected: 0 })
    expect(query('SELECT key, control_arm, primary_metric, started_at, ended_at FROM experiments')).toEqual([
      {
        key: 'ab_data',
        control_arm: 'control',
        primary_metric: 'converted',
        started_at: Date.parse('2017-01-08T18:28:03Z'),
        ended_at: Date.parse('2017-01-21T22:11:48Z')
      }
    ])
    expect(query('SELECT name, is_control FROM experiment_arms ORDER BY name')).toEqual([
      { name: 'control', is_control: 1 },
      { name: 'new_page', is_control: 0 },
      { name: 'old_page', is_control: 1 },
      { name: 'treatment', is_control: 0 }
    ])
    expect(query("SELECT count(*) AS n FROM experiment_units WHERE unit_id = '851104'")).toEqual([{ n: 2 }])
    expect(query("SELECT assigned_arm, exposed_arm FROM experiment_units WHERE unit_id = '936923'")).toEqual([
      { assigned_arm: 'control', exposed_arm: 'new_page' }
    ])
    expect(query('SELECT sum(value) AS conversions FROM experiment_unit_values')).toEqual([
      { conversions: 1 }
    ])

    const again = await importRows(path, AB, AB_ROWS)
    expect(again).toMatchObject({ inserted: 0, unchanged: 7 })
    expect(query('SELECT count(*) AS n FROM experiment_units')).toEqual([{ n: 7 }])

    // Removing the first import keeps every row: the second import supplied them all.
    const db = new Database(path)
    expect(undoBatch(db, first.batchId, 1)).toEqual({ batchId: first.batchId, removed: 0, restored: 0 })
    db.close()
    expect(
      query('SELECT count(*) AS n, min(batch_id) AS a, max(batch_id) AS b FROM experiment_units')
    ).toEqual([{ n: 7, a: again.batchId, b: again.batchId }])
    expect(query('SELECT count(*) AS n FROM experiments')).toEqual([{ n: 1 }])
    // Removing the second too leaves nothing, and the experiment goes with its rows.
    const db2 = new Database(path)
    expect(undoBatch(db2, again.batchId, 1).removed).toBe(7)
    db2.close()
    expect(query('SELECT count(*) AS n FROM experiment_units')).toEqual([{ n: 0 }])
    expect(query('SELECT count(*) AS n FROM experiment_unit_values')).toEqual([{ n: 0 }])
    expect(query('SELECT count(*) AS n FROM experiments')).toEqual([{ n: 0 }])
  })

  it('records a numeric metric as numeric even when its first value is 0 or 1', async () => {
    const m = mappingOf('experiment_units', ['unitId', 'assignedArm', 'numericMetric'], {
      experiment: 'price'
    })
    m.columns[2]!.name = 'revenue'
    await importRows(path, m, [
      ['u1', 'A', '1'],
      ['u2', 'B', '12.5']
    ])
    expect(query('SELECT name, kind, is_primary FROM experiment_metrics')).toEqual([
      { name: 'revenue', kind: 'numeric', is_primary: 0 }
    ])
  })

  it('rejects a binary metric that is not 0 or 1, naming the column', async () => {
    const result = await importRows(
      path,
      AB,
      [
        ...AB_ROWS.slice(0, 6).map((r) => [...r]),
        ['1', '2017-01-21T22:11:48Z', 'control', 'old_page', 'maybe']
      ],
      {
        rejectThreshold: 0.5
      }
    )
    expect(result.rejects).toEqual([{ line: 8, reason: "“converted”: not 0 or 1: 'maybe'" }])
  })
})

describe('per-arm summaries', () => {
  const SUMMARY = mappingOf('experiment_arm_summaries', ['arm', 'units', 'successes', 'intendedShare'], {
    experiment: 'push_copy'
  })
  SUMMARY.columns[2]!.name = 'clicks'

  it('upserts by (experiment, arm, metric), validates counts, and reads a percent share', async () => {
    const first = await importRows(
      path,
      SUMMARY,
      [
        ['control', '30052', '1502', '50%'],
        ['new copy', '29948', '1795', '50%'],
        ['broken', '100', '120', '50%']
      ],
      { rejectThreshold: 0.5 }
    )
    expect(first).toMatchObject({ inserted: 2, rejected: 1 })
    expect(first.rejects[0]!.reason).toBe('“successes”: 120 is not between 0 and the 100 units')
    expect(
      query('SELECT arm, metric, units, successes, intended_share FROM experiment_arm_summaries ORDER BY arm')
    ).toEqual([
      { arm: 'control', metric: 'clicks', units: 30052, successes: 1502, intended_share: 0.5 },
      { arm: 'new copy', metric: 'clicks', units: 29948, successes: 1795, intended_share: 0.5 }
    ])
    const later = await importRows(path, SUMMARY, [
      ['control', '30052', '1502', '50%'],
      ['new copy', '30100', '1810', '50%']
    ])
    expect(later).toMatchObject({ inserted: 0, updated: 1, unchanged: 1 })
    const db = new Database(path)
    undoBatch(db, later.batchId, 1)
    db.close()
    expect(query("SELECT units, successes FROM experiment_arm_summaries WHERE arm = 'new copy'")).toEqual([
      { units: 29948, successes: 1795 }
    ])
  })
})

describe('customers', () => {
  it('are keyed by their id and updated when an export changes them', async () => {
    const m = mappingOf('customers', ['customerId', 'name', 'tier', 'revenue'])
    await importRows(path, m, [
      ['C-0042', 'Ana Lim', 'Plus', '1234.5'],
      ['007', '王芳', 'Basic', '88']
    ])
    const later = await importRows(path, m, [['C-0042', 'Ana Lim', 'Premier', '1234.5']])
    expect(later).toMatchObject({ updated: 1 })
    expect(query('SELECT customer_id, tier, revenue FROM customers ORDER BY customer_id')).toEqual([
      { customer_id: '007', tier: 'Basic', revenue: 88 },
      { customer_id: 'C-0042', tier: 'Premier', revenue: 1234.5 }
    ])
  })
})
