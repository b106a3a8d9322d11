import type { ApiErrorData } from '@shared/api/errors'
import type { MessageKey } from '@shared/i18n/catalog'

export type Severity = 'error' | 'warning' | 'info'

/** Parameters of a stored message; `{ key }` values are translated too (a theme's name…). */
export type LogParams = Readonly<Record<string, string | number | { key: MessageKey }>>

/**
 * A message kept as a key and parameters rather than as text, so that Problems, Output and
 * notifications re-render in the other language when the user switches.
 */
export type LogText = { key: MessageKey; params?: LogParams } | { error: ApiErrorData }

/** An entry of the Problems view: something that went wrong this session. */
export interface Problem {
  id: number
  severity: Exclude<Severity, 'info'>
  text: LogText
  /** Where it happened: an API method (`settings.update`) or a part of the workbench. */
  source: string
  time: number
}

/** A line of the Output log. */
export interface OutputLine {
  id: number
  severity: Severity
  text: LogText
  time: number
}

/** A toast in the corner. */
export interface Notification {
  id: number
  severity: Severity
  text: LogText
  /** Optional follow-up, e.g. show the Problems view. */
  action?: { label: MessageKey; commandId: string }
  /** When set, the notification hides itself after this many milliseconds. */
  timeoutMs?: number
}

export interface LogState {
  problems: readonly Problem[]
  output: readonly OutputLine[]
}

/** Output keeps the most recent lines only; a long session must not grow without bound. */
export const MAX_OUTPUT_LINES = 2000
export const MAX_PROBLEMS = 500

/** Appends an item and drops the oldest beyond `max`. */
export function appendBounded<T>(items: readonly T[], item: T, max: number): T[] {
  const next = [...items, item]
  return next.length > max ? next.slice(next.length - max) : next
}
