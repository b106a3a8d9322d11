import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { ApiError } from '@shared/api/errors'
import { EventBus } from '../../../src/main/core/events/event-bus'
import { inlineExecutor } from '../../../src/main/core/jobs/inline-executor'
import { JobManager } from '../../../src/main/core/jobs/job-manager'
import {
  isSearchIndexing,
  searchIndexingSettled,
  startSearchIndexing
} from '../../../src/main/core/search/search-scheduler'
import { createExploreHandlers } from '../../../src/main/core/service/explore-handlers'
import { JOB_REGISTRY } from '../../../src/main/core/service/job-registry'
import type { ServiceContext } from '../../../src/main/core/service/service-context'
import type { Workspace } from '../../../src/main/core/store/workspace'
import type { JobInfo } from '@shared/domain/jobs'
import { makeTempDir } from '../../helpers/temp-dir'
import { addTickets, createTestWorkspace } from '../search/ticket-workspace'

let cleanup: () => void
let ws: Workspace | null
let ctx: ServiceContext
let jobs: JobInfo[]

beforeEach(async () => {
  const temp = makeTempDir()
  cleanup = temp.cleanup
  ws = await createTestWorkspace(temp.dir)
  jobs = []
  ctx = {
    host: {
      kind: 'cli',
      capabilities: { switchWorkspace: false, nativeDialogs: false, upload: false },
      platform: 'test'
    },
    appVersion: '0.0.0',
    jobs: new JobManager(inlineExecutor(JOB_REGISTRY), (job) => jobs.push(job)),
    events: new EventBus(),
    uploads: null,
    requireWorkspace: () => {
      if (!ws) throw new ApiError('no_workspace', 'No workspace is open.')
      return ws
    },
    workspaceChanged: () => undefined,
    afterDataChange: () => startSearchIndexing(ctx)
  }
})
afterEach(() => {
  ws?.close()
  cleanup()
})

describe('search indexing in the service', () => {
  it('runs one job at a time, runs again for changes made meanwhile, and reports its state', async () => {
    const handlers = createExploreHandlers(ctx)
    addTickets(ws!, [{ text: '退款 one' }, { text: 'two' }])
    expect(await handlers['search.status']({})).toEqual({ indexed: 0, total: 2, building: false })
    startSearchIndexing(ctx)
    expect(isSearchIndexing(ctx)).toBe(true)
    expect((await handlers['search.status']({})).building).toBe(true)
    // An import commits while the job runs: asked again, the service runs the job once more.
    addTickets(ws!, [{ text: '退款 three' }])
    startSearchIndexing(ctx)
    startSearchIndexing(ctx)
    await searchIndexingSettled(ctx)
    expect(isSearchIndexing(ctx)).toBe(false)
    expect(await handlers['search.status']({})).toEqual({ indexed: 3, total: 3, building: false })
    const runs = new Set(jobs.filter((j) => j.kind === 'search.index').map((j) => j.id))
    expect(runs.size).toBeLessThanOrEqual(2)
    expect(jobs.filter((j) => j.kind === 'search.index' && j.state === 'succeeded')).toHaveLength(runs.size)
    const page = await handlers['data.page']({
      table: 'tickets',
      offset: 0,
      limit: 10,
      filter: { search: '退款' }
    } as Parameters<(typeof handlers)['data.page']>[0])
    expect(page.total).toBe(2)
  })

  it('does nothing without a workspace', async () => {
    ws!.close()
    ws = null
    startSearchIndexing(ctx)
    expect(isSearchIndexing(ctx)).toBe(false)
    await searchIndexingSettled(ctx)
    const handlers = createExploreHandlers(ctx)
    await expect(Promise.resolve().then(() => handlers['search.status']({}))).rejects.toMatchObject({
      code: 'no_workspace'
    })
  })
})

describe('explore handlers', () => {
  it('list distinct values and run console queries, which can be cancelled', async () => {
    const handlers = createExploreHandlers(ctx)
    addTickets(ws!, [
      { text: 'a', channel: 'chat' },
      { text: 'b', channel: 'chat' },
      { text: 'c', channel: null }
    ])
    expect(await handlers['data.distinct']({ table: 'tickets', column: 'channel' })).toEqual([
      { value: 'chat', count: 2 },
      { value: null, count: 1 }
    ])
    expect((await handlers['sql.query']({ sql: 'SELECT count(*) FROM tickets' })).rows).toEqual([[3]])
    const running = handlers['sql.query']({
      sql: 'WITH RECURSIVE c(x) AS (SELECT 1 UNION ALL SELECT x + 1 FROM c WHERE x < 1e12) SELECT count(*) FROM c',
      timeoutMs: 60_000
    })
    await new Promise((resolve) => setTimeout(resolve, 300))
    expect(await handlers['sql.cancel']({})).toBeNull()
    await expect(running).rejects.toMatchObject({ code: 'cancelled' })
    await expect(
      Promise.resolve(handlers['sql.query']({ sql: 'DELETE FROM tickets' }))
    ).rejects.toMatchObject({
      code: 'forbidden'
    })
  })
})
