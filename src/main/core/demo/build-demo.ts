import { randomBytes } from 'node:crypto'
import { existsSync, linkSync, renameSync, rmSync, unlinkSync } from 'node:fs'
import { basename, dirname, join, resolve } from 'node:path'
import { ApiError } from '@shared/api/errors'
import type { JobContext } from '../jobs/job-types'
import { linkSuggestedThemes } from '../priorities/theme-suggestions'
import { indexPendingTickets } from '../search/index-tickets'
import type { Db } from '../store/sqlite'
import { Workspace } from '../store/workspace'
import { runThemes } from '../themes/run-themes'
import { assertCanCreate } from '../store/workspace-file'
import type { DemoManifest } from './manifest'
import { generateDemo } from './generate-demo'
import { demoRowCount, throwIfCancelled, writeDemo } from './write-demo'

export interface DemoSummary {
  path: string
  tickets: number
  surveyResponses: number
  customers: number
  experiments: number
  elapsedMs: number
}

export interface BuildDemoOptions {
  context?: JobContext
  appVersion?: string
  /**
   * The clock for the workspace's own records (creation time, migration and settings
   * timestamps). Defaults to the real time; pass a fixed clock for byte-identical content.
   */
  now?: () => number
  /** Another manifest (tests); defaults to `resources/demo/manifest.json`. */
  manifest?: DemoManifest
  /**
   * Also index the tickets for search, find the themes and group them under the priority items
   * their titles are about (`linkSuggestedThemes`), as a planner would after the first themes run.
   * About a minute on the demo's 26,000 tickets; the app leaves this to the user.
   */
  themes?: boolean
}

/** Steps of generation counted in progress, so that the bar moves before rows are written. */
const GENERATION_STEPS = 5000

/**
 * Builds the demo workspace at `path` (which must not exist). Atomic: the workspace is built in
 * a temporary file in the same folder, closed, then moved into place in one step; on error or
 * cancellation the temporary files are removed and nothing is left behind.
 */
export async function buildDemoWorkspace(path: string, options: BuildDemoOptions = {}): Promise<DemoSummary> {
  const started = performance.now()
  const target = resolve(path)
  assertCanCreate(target)
  const context = options.context
  const temp = join(dirname(target), `.${basename(target)}.${randomBytes(6).toString('hex')}.building`)
  let workspace: Workspace | undefined
  try {
    throwIfCancelled(context)
    context?.reportProgress(0, 1, 'Generating demo data')
    const data = generateDemo(options.manifest ? { manifest: options.manifest } : {})
    const total = GENERATION_STEPS + demoRowCount(data)
    context?.reportProgress(GENERATION_STEPS, total, 'Generated demo data')
    throwIfCancelled(context)

    workspace = await Workspace.create(temp, {
      isDemo: true,
      appVersion: options.appVersion ?? '0.0.0',
      systemTimeZone: data.timeZone,
      ...(options.now ? { now: options.now } : {})
    })
    workspace.settings.update({ timeZone: data.timeZone })
    await writeDemo(workspace.db, data, {
      context: context && {
        isCancelled: () => context.isCancelled(),
        reportProgress: (done, _total, message) =>
          context.reportProgress(GENERATION_STEPS + done, total, message)
      }
    })
    if (options.themes) await findThemes(workspace.db, context, options.now)
    throwIfCancelled(context)
    workspace.close()
    workspace = undefined
    publish(temp, target)
    context?.reportProgress(total, total, 'Demo workspace ready')
    return {
      path: target,
      tickets: data.tickets.length,
      surveyResponses: data.surveyResponses.length,
      customers: data.customers.length,
      experiments: data.experiments.length,
      elapsedMs: performance.now() - started
    }
  } catch (error) {
    if (workspace?.db.open) workspace.db.close()
    removeWithCompanions(temp)
    throw error
  }
}

/** The themes step of a demo build: search index, themes, items grouped. */
async function findThemes(
  db: Db,
  context: JobContext | undefined,
  now: (() => number) | undefined
): Promise<void> {
  await indexPendingTickets(db, context ? { context } : {})
  runThemes(db, {
    granularity: 'normal',
    ...(now ? { now } : {}),
    ...(context
      ? {
          isCancelled: () => context.isCancelled(),
          onProgress: (fraction: number) =>
            context.reportProgress(Math.round(fraction * 1000), 1000, 'Finding themes')
        }
      : {})
  })
  linkSuggestedThemes(db)
}

/**
 * Moves the finished file into place without ever replacing a file that appeared meanwhile: a
 * hard link fails when the target exists. Where links are not supported, rename after a check.
 */
function publish(temp: string, target: string): void {
  try {
    linkSync(temp, target)
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'EEXIST') {
      throw new ApiError(
        'workspace_exists',
        `${target} already exists. Open it, or choose another name for the new workspace.`,
        { path: target }
      )
    }
    if (existsSync(target)) throw error
    renameSync(temp, target)
    removeWithCompanions(temp)
    return
  }
  unlinkSync(temp)
  removeWithCompanions(temp)
}

function removeWithCompanions(path: string): void {
  for (const suffix of ['', '-wal', '-shm', '-journal']) rmSync(path + suffix, { force: true })
}
