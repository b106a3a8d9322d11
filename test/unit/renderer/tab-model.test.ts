import { describe, expect, it } from 'vitest'
import type { TabAction, TabState } from '../../../src/renderer/src/state/tab-model'
import { EMPTY_TABS, activeTab, editorId, tabReducer } from '../../../src/renderer/src/state/tab-model'

const run = (...actions: TabAction[]): TabState => actions.reduce(tabReducer, EMPTY_TABS)
const ids = (state: TabState): string[] => state.tabs.map((t) => t.id)
const welcome = { type: 'open', input: { kind: 'welcome' } } as const
const settings = { type: 'open', input: { kind: 'settings' } } as const
const tickets = { type: 'open', input: { kind: 'table', table: 'tickets' } } as const
const customers = { type: 'open', input: { kind: 'table', table: 'customers' } } as const

describe('tab model', () => {
  it('retitles an open theme tab in place, and ignores a theme that is not open', () => {
    const open = { type: 'open', input: { kind: 'theme', id: 7, label: 'late refund' } } as const
    const state = run(welcome, open, { type: 'retitle', input: { kind: 'theme', id: 7, label: 'Refunds' } })
    expect(ids(state)).toEqual(['welcome', 'theme:7'])
    expect(state.tabs[1]?.input).toEqual({ kind: 'theme', id: 7, label: 'Refunds' })
    const same = run(welcome, open)
    expect(tabReducer(same, { type: 'retitle', input: { kind: 'theme', id: 8, label: 'x' } })).toBe(same)
    expect(tabReducer(same, { type: 'retitle', input: open.input })).toBe(same)
  })

  it('derives stable ids from inputs', () => {
    expect(editorId({ kind: 'welcome' })).toBe('welcome')
    expect(editorId({ kind: 'table', table: 'survey_responses' })).toBe('table:survey_responses')
  })

  it('opens tabs to the right of the active one and activates them', () => {
    const state = run(welcome, settings, { type: 'activate', id: 'welcome' }, tickets)
    expect(ids(state)).toEqual(['welcome', 'table:tickets', 'settings'])
    expect(state.activeId).toBe('table:tickets')
  })

  it('reuses the tab when the same input opens again', () => {
    const state = run(welcome, tickets, { type: 'activate', id: 'welcome' }, tickets)
    expect(ids(state)).toEqual(['welcome', 'table:tickets'])
    expect(state.activeId).toBe('table:tickets')
  })

  it('opens in the background when asked', () => {
    const state = run(welcome, { ...tickets, background: true })
    expect(state.activeId).toBe('welcome')
    expect(ids(state)).toEqual(['welcome', 'table:tickets'])
  })

  it('activates the most recently used tab when the active one closes', () => {
    const state = run(
      welcome,
      settings,
      tickets,
      customers,
      { type: 'activate', id: 'settings' },
      {
        type: 'close',
        id: 'settings'
      }
    )
    expect(state.activeId).toBe('table:customers')
    expect(ids(state)).toEqual(['welcome', 'table:tickets', 'table:customers'])
  })

  it('keeps the active tab when another one closes', () => {
    const state = run(welcome, settings, { type: 'close', id: 'welcome' })
    expect(state.activeId).toBe('settings')
  })

  it('ends with no active tab when the last one closes', () => {
    const state = run(welcome, { type: 'close', id: 'welcome' })
    expect(state).toEqual({ tabs: [], activeId: null, mru: [] })
    expect(activeTab(state)).toBeUndefined()
  })

  it('ignores closing or activating a tab that is not open', () => {
    const state = run(welcome)
    expect(tabReducer(state, { type: 'close', id: 'nope' })).toBe(state)
    expect(tabReducer(state, { type: 'activate', id: 'nope' })).toBe(state)
  })

  it('closes all and closes others', () => {
    expect(run(welcome, settings, { type: 'closeAll' })).toEqual(EMPTY_TABS)
    const others = run(welcome, settings, tickets, { type: 'closeOthers', id: 'settings' })
    expect(ids(others)).toEqual(['settings'])
    expect(others.activeId).toBe('settings')
  })

  it('switches to the next and previous tab, wrapping around', () => {
    let state = run(welcome, settings, tickets)
    expect(state.activeId).toBe('table:tickets')
    state = tabReducer(state, { type: 'next' })
    expect(state.activeId).toBe('welcome')
    state = tabReducer(state, { type: 'previous' })
    expect(state.activeId).toBe('table:tickets')
    state = tabReducer(state, { type: 'previous' })
    expect(state.activeId).toBe('settings')
    expect(tabReducer(EMPTY_TABS, { type: 'next' })).toBe(EMPTY_TABS)
  })

  it('reorders by moving a tab to an index (drag and drop)', () => {
    const state = run(welcome, settings, tickets, { type: 'move', id: 'table:tickets', toIndex: 0 })
    expect(ids(state)).toEqual(['table:tickets', 'welcome', 'settings'])
    const clamped = tabReducer(state, { type: 'move', id: 'table:tickets', toIndex: 99 })
    expect(ids(clamped)).toEqual(['welcome', 'settings', 'table:tickets'])
  })

  it('moves the active tab left and right, stopping at the ends', () => {
    let state = run(welcome, settings, tickets)
    state = tabReducer(state, { type: 'moveActive', delta: -1 })
    expect(ids(state)).toEqual(['welcome', 'table:tickets', 'settings'])
    state = tabReducer(state, { type: 'moveActive', delta: -1 })
    state = tabReducer(state, { type: 'moveActive', delta: -1 })
    expect(ids(state)).toEqual(['table:tickets', 'welcome', 'settings'])
    expect(state.activeId).toBe('table:tickets')
  })

  it('marks tabs dirty without other changes', () => {
    const state = run(welcome, settings, { type: 'setDirty', id: 'settings', dirty: true })
    expect(state.tabs.find((t) => t.id === 'settings')?.dirty).toBe(true)
    expect(tabReducer(state, { type: 'setDirty', id: 'settings', dirty: true })).toBe(state)
  })
})
