import { createImportBatch } from '../../src/main/core/store/repositories/import-batches'
import { insertArmSummaries } from '../../src/main/core/store/repositories/experiment-arm-summaries'
import { insertExperiment } from '../../src/main/core/store/repositories/experiments'
import type { Workspace } from '../../src/main/core/store/workspace'
import type { ResponseSpec } from './workspace-rows'
import { many, rowWriter } from './workspace-rows'

/** What {@link writeReportScenario} wrote, for the tests to check the report against. */
export interface ReportScenario {
  themes: { refund: number; crash: number; login: number; other: number }
  item: number
  experiments: { inQ3: number; inQ2: number; undated: number }
}

const NOW = Date.parse('2026-10-05T00:00:00Z')
const Q2 = '2026-05-10T12:00:00Z'
const Q3 = '2026-08-10T12:00:00Z'

/**
 * A small workspace with something in every section of the quarterly review (UTC, calendar
 * quarters): three complaint themes and the other bucket; in 2026-Q2 refund 10, crash 20, login 5
 * tickets, in 2026-Q3 refund 30 (customers a1–a30), crash 8, login 5, other 4 — refund rises,
 * crash falls; survey answers in May, July and August; an experiment that ended in 2026-Q3 (a
 * clear win), one that ended in 2026-Q2 and one without dates; an item "Refund speed" over the
 * refund theme.
 */
export function writeReportScenario(ws: Workspace): ReportScenario {
  ws.settings.update({ timeZone: 'UTC' })
  const rows = rowWriter(ws, NOW)
  const refund = rows.theme('refund is slow')
  const crash = rows.theme('app crashes')
  const login = rows.theme('login fails')
  const other = rows.theme('other', { kind: 'other' })
  rows.tickets([
    ...many(10, { at: Q2, theme: refund }),
    ...many(20, { at: Q2, theme: crash }),
    ...many(5, { at: Q2, theme: login }),
    ...Array.from({ length: 30 }, (_, i) => ({ at: Q3, theme: refund, customer: `a${i + 1}` })),
    ...many(8, { at: Q3, theme: crash }),
    ...many(5, { at: Q3, theme: login }),
    ...many(4, { at: Q3, theme: other })
  ])
  const answers = (at: string, count: number, offset: number): ResponseSpec[] =>
    Array.from({ length: count }, (_, i) => ({
      at,
      customer: i < 20 ? `a${i + 1}` : `c${offset + i}`,
      csat: 1 + ((i + offset) % 5),
      nps: (i * 7 + offset) % 11
    }))
  rows.responses([
    ...answers('2026-05-15T09:00:00Z', 60, 1),
    ...answers('2026-07-15T09:00:00Z', 60, 2),
    ...answers('2026-08-15T09:00:00Z', 60, 3)
  ])

  const batchId = createImportBatch(ws.db, {
    kind: 'experiment_arm_summaries',
    sourceName: 'test-experiments.csv',
    format: 'generated',
    startedAt: NOW
  })
  const experiment = (key: string, name: string, endedAt: number | null, treated: number): number =>
    ws.db.transaction(() => {
      const { experimentId } = insertExperiment(ws.db, {
        key,
        name,
        description: null,
        primaryMetric: 'converted',
        controlArm: 'control',
        startedAt: endedAt === null ? null : endedAt - 30 * 86_400_000,
        endedAt,
        createdAt: NOW,
        arms: [
          { name: 'control', isControl: true, intendedShare: 0.5 },
          { name: 'treatment', isControl: false, intendedShare: 0.5 }
        ],
        metrics: [{ name: 'converted', kind: 'binary', isPrimary: true }]
      })
      insertArmSummaries(
        ws.db,
        [
          { arm: 'control', successes: 1000 },
          { arm: 'treatment', successes: treated }
        ].map((a, i) => ({
          experimentId,
          arm: a.arm,
          metric: 'converted',
          units: 10_000,
          successes: a.successes,
          mean: null,
          sd: null,
          n: null,
          intendedShare: 0.5,
          batchId,
          sourceLine: i + 2
        }))
      )
      return experimentId
    })()
  const inQ3 = experiment(
    'checkout_copy',
    'Checkout button wording',
    Date.parse('2026-08-20T10:00:00Z'),
    1300
  )
  const inQ2 = experiment('banner', 'Free-shipping banner', Date.parse('2026-04-10T10:00:00Z'), 1010)
  const undated = experiment('summary_only', 'Imported as a summary', null, 1000)

  const item = Number(
    ws.db
      .prepare(
        "INSERT INTO priority_items (title, status, owner, effort_size, created_at, updated_at) VALUES ('Refund speed', 'planned', 'payments', 'S', ?, ?)"
      )
      .run(NOW, NOW).lastInsertRowid
  )
  ws.db.prepare('INSERT INTO priority_item_themes (item_id, theme_id) VALUES (?, ?)').run(item, refund)
  return {
    themes: { refund, crash, login, other },
    item,
    experiments: { inQ3, inQ2, undated }
  }
}
