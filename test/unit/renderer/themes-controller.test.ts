import { describe, expect, it } from 'vitest'
import type { JobInfo } from '../../../src/shared/domain/jobs'
import type { Taxonomy } from '../../../src/shared/domain/themes'
import { taxonomyIssues } from '../../../src/renderer/src/state/themes-controller'
import { createTestController, demoHandlers } from './test-controller'
import { overview, theme } from './theme-fixtures'

const TAXONOMY: Taxonomy = {
  format: 'loopbench-taxonomy',
  version: 1,
  exportedAt: '2026-05-10T12:00:00.000Z',
  themes: [
    {
      key: 1,
      label: 'Refunds',
      generatedLabel: 'refund late',
      renamed: true,
      kind: 'cluster',
      status: 'active',
      pinned: false,
      rule: null,
      parentKey: null,
      mergedIntoKey: null,
      terms: ['refund'],
      signature: { refund: 0.8 }
    }
  ]
}

const settle = (): Promise<void> => new Promise((resolve) => setTimeout(resolve, 0))

const job = (state: JobInfo['state'], kind: JobInfo['kind'] = 'themes.run'): JobInfo => ({
  id: 'j1',
  kind,
  title: 'Finding themes',
  state,
  done: 0,
  total: 0,
  message: '',
  startedAt: 1,
  finishedAt: null,
  error: null
})

/** A controller whose backend has three themes and records the edits it receives. */
async function setup(): Promise<ReturnType<typeof createTestController>> {
  let label = 'Late refunds'
  const wb = createTestController({
    ...demoHandlers(),
    'themes.list': () =>
      overview([
        theme({ id: 1, label, size: 300 }),
        theme({ id: 2, size: 200 }),
        theme({ id: 3, size: 100 })
      ]),
    'themes.rename': (args: { id: number; label: string }) => {
      label = args.label || 'Late refunds'
      return { themes: [args.id], tickets: 0 }
    },
    'themes.merge': () => ({ themes: [3, 2], tickets: 200 }),
    'themes.importTaxonomy': () => ({ themes: [1, 4], tickets: 0 }),
    'themes.run': () => ({ jobId: 'j1' })
  })
  await wb.boot()
  return wb
}

const calls = (wb: ReturnType<typeof createTestController>, method: string): unknown[] =>
  wb.fake.calls.filter((c) => c.method === method).map((c) => c.args)

describe('the themes controller', () => {
  it('loads the list once per workspace state, and again when the backend says themes changed', async () => {
    const wb = await setup()
    wb.themes.ensure()
    wb.themes.ensure()
    await settle()
    expect(calls(wb, 'themes.list')).toEqual([{}])
    expect(wb.themes.state.get().overview?.themes).toHaveLength(3)
    wb.fake.emit({ type: 'themes.changed' })
    await settle()
    expect(calls(wb, 'themes.list')).toHaveLength(2)
  })

  it('asks for the quarter the user picked, and forgets it in another workspace', async () => {
    const wb = await setup()
    wb.themes.setQuarter('2026-Q1')
    await settle()
    expect(calls(wb, 'themes.list')).toEqual([{ quarter: '2026-Q1' }])
    wb.session.set((s) => ({ ...s, workspaceEpoch: s.workspaceEpoch + 1 }))
    wb.themes.ensure()
    expect(wb.themes.quarter.get()).toBeNull()
  })

  it('renames, says so, reloads, and retitles the open editor of the theme', async () => {
    const wb = await setup()
    await wb.themes.loaded()
    wb.openEditor({ kind: 'theme', id: 1, label: 'Late refunds' })
    const current = wb.themes.find(1)
    if (!current) throw new Error('theme 1 missing')
    expect(await wb.themes.rename(current, '  Refund delays ')).toBe(true)
    expect(calls(wb, 'themes.rename')).toEqual([{ id: 1, label: 'Refund delays' }])
    expect(wb.notifications.get().at(-1)?.text).toEqual({
      key: 'themes.done.renamed',
      params: { from: 'Late refunds', to: 'Refund delays' }
    })
    await wb.themes.loaded()
    expect(wb.tabs.get().tabs.find((t) => t.id === 'theme:1')?.input).toEqual({
      kind: 'theme',
      id: 1,
      label: 'Refund delays'
    })
  })

  it('merges a theme into another and reports the tickets moved', async () => {
    const wb = await setup()
    await wb.themes.loaded()
    const [from, into] = [wb.themes.find(2), wb.themes.find(3)]
    if (!from || !into) throw new Error('themes missing')
    expect(await wb.themes.merge(from, into)).toBe(true)
    expect(calls(wb, 'themes.merge')).toEqual([{ ids: [2], into: 3 }])
    expect(wb.notifications.get().at(-1)?.text).toMatchObject({
      key: 'themes.done.merged',
      params: { count: 200 }
    })
  })

  it('starts one run at a time and reloads once its job ends', async () => {
    const wb = await setup()
    await wb.themes.loaded()
    await wb.themes.run('fine')
    expect(calls(wb, 'themes.run')).toEqual([{ granularity: 'fine' }])
    expect(wb.themes.starting.get()).toBe(true)
    await wb.themes.run()
    expect(calls(wb, 'themes.run')).toHaveLength(1)
    expect(wb.notifications.get().at(-1)?.text).toEqual({ key: 'themes.run.already' })
    wb.fake.emit({ type: 'job.updated', job: job('running') })
    expect(wb.themes.starting.get()).toBe(false)
    expect(wb.themes.runningJob()?.id).toBe('j1')
    const before = calls(wb, 'themes.list').length
    wb.fake.emit({ type: 'job.updated', job: { ...job('succeeded'), finishedAt: 2 } })
    await settle()
    expect(calls(wb, 'themes.list').length).toBe(before + 1)
    expect(wb.themes.runningJob()).toBeUndefined()
  })

  it('opens the tickets table with a theme filter for it to take', async () => {
    const wb = await setup()
    wb.openTickets({ themes: [3] })
    expect(wb.ticketsPreset.get()).toEqual({ themes: [3] })
    expect(wb.tabs.get().activeId).toBe('table:tickets')
  })
})

describe('importing a taxonomy', () => {
  it('accepts an exported taxonomy and says what it changed', async () => {
    const wb = await setup()
    expect(await wb.themes.importTaxonomy('t.json', `\uFEFF${JSON.stringify(TAXONOMY)}`)).toBe(true)
    expect(calls(wb, 'themes.importTaxonomy')).toEqual([{ taxonomy: TAXONOMY }])
    expect(wb.notifications.get().at(-1)?.text).toEqual({
      key: 'themes.done.imported',
      params: { file: 't.json', count: 2 }
    })
  })

  it('refuses a file that is not JSON, without calling the backend', async () => {
    const wb = await setup()
    expect(await wb.themes.importTaxonomy('notes.txt', 'refund, late')).toBe(false)
    expect(calls(wb, 'themes.importTaxonomy')).toEqual([])
    const last = wb.notifications.get().at(-1)
    expect(last?.severity).toBe('error')
    expect(last?.text).toMatchObject({ key: 'themes.taxonomy.notJson', params: { file: 'notes.txt' } })
  })

  it('names the first wrong fields of a file that is not a taxonomy', async () => {
    const wb = await setup()
    const bad = { ...TAXONOMY, themes: [{ ...TAXONOMY.themes[0], label: '' }] }
    expect(await wb.themes.importTaxonomy('bad.json', JSON.stringify(bad))).toBe(false)
    expect(calls(wb, 'themes.importTaxonomy')).toEqual([])
    const text = wb.notifications.get().at(-1)?.text as { key: string; params: { issues: string } }
    expect(text.key).toBe('themes.taxonomy.invalid')
    expect(text.params.issues).toMatch(/^themes\[0\]\.label: /)
    expect(taxonomyIssues({ format: 'something else' })).toContain('format')
    expect(taxonomyIssues(TAXONOMY)).toBeNull()
  })
})
