import type { BrowsableTable } from '@shared/domain/data-browser'

/** What an editor tab shows. The id is derived from it, so opening the same thing twice reuses the tab. */
export type EditorInput =
  | { kind: 'welcome' }
  | { kind: 'settings' }
  | { kind: 'table'; table: BrowsableTable }
  | { kind: 'import' }
  | { kind: 'sql' }
  | { kind: 'metrics' }
  /** One import batch's details; the file name travels along for the tab's title. */
  | { kind: 'batch'; batchId: number; name: string }
  /** One experiment, by its stable key; the name travels along for the tab's title. */
  | { kind: 'experiment'; key: string; name: string }
  | { kind: 'sampleSize' }
  /** One complaint theme, by id; the label travels along for the tab's title. */
  | { kind: 'theme'; id: number; label: string }
  /** The quarterly feature-priority list. */
  | { kind: 'priorities' }
  /** The quarterly review report's preview, with its exports. */
  | { kind: 'report' }

export type EditorKind = EditorInput['kind']

export interface EditorTab {
  id: string
  input: EditorInput
  dirty: boolean
}

export interface TabState {
  tabs: readonly EditorTab[]
  activeId: string | null
  /** Most recently used first; decides which tab becomes active when the active one closes. */
  mru: readonly string[]
}

export type TabAction =
  | { type: 'open'; input: EditorInput; background?: boolean }
  | { type: 'activate'; id: string }
  | { type: 'close'; id: string }
  | { type: 'closeAll' }
  | { type: 'closeOthers'; id: string }
  | { type: 'next' }
  | { type: 'previous' }
  | { type: 'move'; id: string; toIndex: number }
  | { type: 'moveActive'; delta: -1 | 1 }
  | { type: 'setDirty'; id: string; dirty: boolean }
  /** Replaces the input of the open tab it belongs to (a renamed theme's title); no tab, no change. */
  | { type: 'retitle'; input: EditorInput }

export const EMPTY_TABS: TabState = { tabs: [], activeId: null, mru: [] }

/** The stable id of an editor input. */
export function editorId(input: EditorInput): string {
  if (input.kind === 'table') return `table:${input.table}`
  if (input.kind === 'batch') return `batch:${input.batchId}`
  if (input.kind === 'experiment') return `experiment:${input.key}`
  if (input.kind === 'theme') return `theme:${input.id}`
  return input.kind
}

const touch = (mru: readonly string[], id: string): string[] => [id, ...mru.filter((m) => m !== id)]

function activateAt(state: TabState, index: number): TabState {
  const tab = state.tabs[index]
  return tab ? { ...state, activeId: tab.id, mru: touch(state.mru, tab.id) } : state
}

function remove(state: TabState, ids: ReadonlySet<string>): TabState {
  const tabs = state.tabs.filter((t) => !ids.has(t.id))
  const mru = state.mru.filter((id) => !ids.has(id))
  const activeId =
    state.activeId !== null && !ids.has(state.activeId)
      ? state.activeId
      : (mru.find((id) => tabs.some((t) => t.id === id)) ?? tabs[tabs.length - 1]?.id ?? null)
  return { tabs, activeId, mru: activeId ? touch(mru, activeId) : mru }
}

/** The editor tabs as a pure reducer: open, close, reorder, switch. */
export function tabReducer(state: TabState, action: TabAction): TabState {
  switch (action.type) {
    case 'open': {
      const id = editorId(action.input)
      const existing = state.tabs.findIndex((t) => t.id === id)
      let next = state
      if (existing < 0) {
        // New tabs open to the right of the active one, as in VS Code.
        const activeIndex = state.tabs.findIndex((t) => t.id === state.activeId)
        const at = activeIndex < 0 ? state.tabs.length : activeIndex + 1
        const tabs = [...state.tabs]
        tabs.splice(at, 0, { id, input: action.input, dirty: false })
        next = { ...state, tabs }
      }
      if (action.background && state.activeId !== null) {
        return existing < 0 ? { ...next, mru: [...next.mru, id] } : next
      }
      return { ...next, activeId: id, mru: touch(next.mru, id) }
    }
    case 'activate':
      return state.tabs.some((t) => t.id === action.id)
        ? { ...state, activeId: action.id, mru: touch(state.mru, action.id) }
        : state
    case 'close':
      return state.tabs.some((t) => t.id === action.id) ? remove(state, new Set([action.id])) : state
    case 'closeAll':
      return EMPTY_TABS
    case 'closeOthers':
      return remove(state, new Set(state.tabs.filter((t) => t.id !== action.id).map((t) => t.id)))
    case 'next':
    case 'previous': {
      if (state.tabs.length === 0) return state
      const index = state.tabs.findIndex((t) => t.id === state.activeId)
      const step = action.type === 'next' ? 1 : -1
      const count = state.tabs.length
      return activateAt(state, (((index < 0 ? 0 : index + step) % count) + count) % count)
    }
    case 'move': {
      const from = state.tabs.findIndex((t) => t.id === action.id)
      if (from < 0) return state
      const to = Math.max(0, Math.min(state.tabs.length - 1, action.toIndex))
      if (to === from) return state
      const tabs = [...state.tabs]
      const [tab] = tabs.splice(from, 1)
      if (!tab) return state
      tabs.splice(to, 0, tab)
      return { ...state, tabs }
    }
    case 'moveActive': {
      if (state.activeId === null) return state
      const from = state.tabs.findIndex((t) => t.id === state.activeId)
      return tabReducer(state, { type: 'move', id: state.activeId, toIndex: from + action.delta })
    }
    case 'setDirty': {
      const tab = state.tabs.find((t) => t.id === action.id)
      if (!tab || tab.dirty === action.dirty) return state
      return {
        ...state,
        tabs: state.tabs.map((t) => (t.id === action.id ? { ...t, dirty: action.dirty } : t))
      }
    }
    case 'retitle': {
      const id = editorId(action.input)
      const tab = state.tabs.find((t) => t.id === id)
      if (!tab || JSON.stringify(tab.input) === JSON.stringify(action.input)) return state
      return { ...state, tabs: state.tabs.map((t) => (t.id === id ? { ...t, input: action.input } : t)) }
    }
  }
}

/** The active tab, if any. */
export function activeTab(state: TabState): EditorTab | undefined {
  return state.tabs.find((t) => t.id === state.activeId)
}
