import type { RecordKind } from '@shared/domain/field-roles'
import { ApiError } from '@shared/api/errors'
import type { JobContext } from '../jobs/job-types'
import type { Db } from '../store/sqlite'
import { insertCustomers } from '../store/repositories/customers'
import { insertArmSummaries } from '../store/repositories/experiment-arm-summaries'
import { insertExperimentUnits, UnitRowKeyer } from '../store/repositories/experiment-units'
import { insertExperiment } from '../store/repositories/experiments'
import { completeImportBatch, createImportBatch } from '../store/repositories/import-batches'
import { insertPriorityItems } from '../store/repositories/priority-items'
import { insertSurveyResponses } from '../store/repositories/survey-responses'
import { insertTickets } from '../store/repositories/tickets'
import type { DemoData } from './demo-data'

export interface WriteDemoOptions {
  context?: JobContext
  /** Rows per transaction; also how often progress is reported and cancellation checked. */
  chunkSize?: number
}

/** How many rows {@link writeDemo} writes, for progress totals. */
export function demoRowCount(data: DemoData): number {
  return (
    data.customers.length +
    data.tickets.length +
    data.surveyResponses.length +
    data.experiments.reduce((n, e) => n + e.units.length + e.summaries.length, 0) +
    data.priorityItems.length
  )
}

/**
 * Writes the generated demo through the repositories: one import batch per record kind (format
 * 'generated', source lines numbered as in a CSV with a header), each chunk in its own
 * synchronous transaction, with progress and a cancellation check between chunks.
 */
export async function writeDemo(db: Db, data: DemoData, options: WriteDemoOptions = {}): Promise<void> {
  const chunkSize = options.chunkSize ?? 2000
  const context = options.context
  const total = demoRowCount(data)
  let done = 0
  const at = data.today

  const batch = (kind: RecordKind, what: string): number =>
    createImportBatch(db, {
      kind,
      sourceName: `demo: ${what}`,
      format: 'generated',
      encoding: 'utf-8',
      layout: 'demo',
      options: { generator: 'loopbench demo' },
      startedAt: at
    })
  const finish = (id: number, rows: number): void =>
    completeImportBatch(
      db,
      id,
      { rowsRead: rows, rowsInserted: rows, rowsUpdated: 0, rowsUnchanged: 0, rowsRejected: 0 },
      at
    )

  /** Writes rows in chunks: one transaction each, then progress, a pause for the event loop and a cancel check. */
  async function inChunks<T>(
    rows: readonly T[],
    message: string,
    write: (chunk: readonly T[], offset: number) => void
  ): Promise<void> {
    for (let offset = 0; offset < rows.length; offset += chunkSize) {
      throwIfCancelled(context)
      const chunk = rows.slice(offset, offset + chunkSize)
      db.transaction(() => write(chunk, offset))()
      done += chunk.length
      context?.reportProgress(done, total, message)
      await yieldToEventLoop()
    }
  }

  const customersBatch = batch('customers', 'customers')
  await inChunks(data.customers, 'Writing customers', (chunk, offset) =>
    insertCustomers(
      db,
      chunk.map((row, i) => ({ ...row, batchId: customersBatch, sourceLine: offset + i + 2 }))
    )
  )
  finish(customersBatch, data.customers.length)

  const ticketsBatch = batch('tickets', 'tickets')
  await inChunks(data.tickets, 'Writing tickets', (chunk, offset) =>
    insertTickets(
      db,
      chunk.map((row, i) => ({ ...row, batchId: ticketsBatch, sourceLine: offset + i + 2 }))
    )
  )
  finish(ticketsBatch, data.tickets.length)

  const surveysBatch = batch('survey_responses', 'survey responses')
  await inChunks(data.surveyResponses, 'Writing survey responses', (chunk, offset) =>
    insertSurveyResponses(
      db,
      chunk.map((row, i) => ({ ...row, batchId: surveysBatch, sourceLine: offset + i + 2 }))
    )
  )
  finish(surveysBatch, data.surveyResponses.length)

  throwIfCancelled(context)
  const ids = db.transaction(() => data.experiments.map((e) => insertExperiment(db, e.definition)))()

  // Per-unit experiments share one batch, as if exported together into one file.
  const unitCount = data.experiments.reduce((n, e) => n + e.units.length, 0)
  if (unitCount > 0) {
    const unitsBatch = batch('experiment_units', 'experiment units')
    const keyer = new UnitRowKeyer()
    let line = 2
    for (const [i, experiment] of data.experiments.entries()) {
      const stored = ids[i]
      if (!stored || experiment.units.length === 0) continue
      const first = line
      await inChunks(experiment.units, 'Writing experiment units', (chunk, offset) =>
        insertExperimentUnits(
          db,
          stored.metricIds,
          chunk.map((unit, j) => ({
            ...unit,
            experimentId: stored.experimentId,
            rowKey: keyer.next(stored.experimentId, unit),
            batchId: unitsBatch,
            sourceLine: first + offset + j
          }))
        )
      )
      line += experiment.units.length
    }
    finish(unitsBatch, unitCount)
  }

  const summaries = data.experiments.flatMap((e, i) =>
    e.summaries.map((s) => ({ ...s, experimentId: ids[i]?.experimentId ?? 0 }))
  )
  if (summaries.length > 0) {
    const summariesBatch = batch('experiment_arm_summaries', 'experiment summaries')
    await inChunks(summaries, 'Writing experiment summaries', (chunk, offset) =>
      insertArmSummaries(
        db,
        chunk.map((row, i) => ({ ...row, batchId: summariesBatch, sourceLine: offset + i + 2 }))
      )
    )
    finish(summariesBatch, summaries.length)
  }

  await inChunks(data.priorityItems, 'Writing priority items', (chunk) => insertPriorityItems(db, chunk))
}

/** Throws the cancellation error when the job was cancelled. */
export function throwIfCancelled(context: JobContext | undefined): void {
  if (context?.isCancelled()) throw new ApiError('cancelled', 'The demo build was cancelled.')
}

function yieldToEventLoop(): Promise<void> {
  return new Promise((resolve) => setImmediate(resolve))
}
