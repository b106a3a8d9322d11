import type { WorkbenchEvent, WorkbenchEventListener } from '@shared/api/events'

/** Fan-out of backend events to every connected renderer (IPC window, HTTP event stream). */
export class EventBus {
  private readonly listeners = new Set<WorkbenchEventListener>()

  /** Adds a listener; returns the function that removes it. */
  subscribe(listener: WorkbenchEventListener): () => void {
    this.listeners.add(listener)
    return () => this.listeners.delete(listener)
  }

  /** Delivers an event to every listener; one failing listener does not stop the others. */
  emit(event: WorkbenchEvent): void {
    for (const listener of [...this.listeners]) {
      try {
        listener(event)
      } catch (error) {
        console.error('[loopbench] event listener failed:', error)
      }
    }
  }

  get size(): number {
    return this.listeners.size
  }
}
