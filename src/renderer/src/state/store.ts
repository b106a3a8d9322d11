import { useSyncExternalStore } from 'react'

/** A minimal observable value; parts subscribe with {@link useStore}. */
export interface Store<T> {
  get(): T
  set(next: T | ((previous: T) => T)): void
  subscribe(listener: () => void): () => void
}

/** Creates a store holding `initial`. Setting an identical value notifies nobody. */
export function createStore<T>(initial: T): Store<T> {
  let value = initial
  const listeners = new Set<() => void>()
  return {
    get: () => value,
    set(next): void {
      const resolved = typeof next === 'function' ? (next as (previous: T) => T)(value) : next
      if (Object.is(resolved, value)) return
      value = resolved
      for (const listener of [...listeners]) listener()
    },
    subscribe(listener): () => void {
      listeners.add(listener)
      return () => listeners.delete(listener)
    }
  }
}

/** Reads a store in a component, re-rendering when the selected value changes. */
export function useStore<T, S = T>(store: Store<T>, select?: (value: T) => S): S {
  const get = (): S => (select ? select(store.get()) : (store.get() as unknown as S))
  return useSyncExternalStore(store.subscribe, get, get)
}
