import { ApiError } from '@shared/api/errors'
import type { CliIo } from './cli-io'
import { UsageError } from './cli-io'

/** Exit codes: 0 success, 1 the operation failed, 2 the command line was wrong. */
export const EXIT_OK = 0
export const EXIT_FAILED = 1
export const EXIT_USAGE = 2

/** Reports an error on stderr (as JSON with --json) and returns the exit code. */
export function reportError(io: CliIo, error: unknown, json: boolean): number {
  if (error instanceof UsageError) {
    if (json) io.stderr(JSON.stringify({ error: { code: 'usage', message: error.message } }) + '\n')
    else io.stderr(`loopbench: ${error.message}\nRun 'loopbench --help' for usage.\n`)
    return EXIT_USAGE
  }
  const apiError =
    error instanceof ApiError
      ? error
      : new ApiError('internal', error instanceof Error ? error.message : String(error))
  if (json) io.stderr(JSON.stringify({ error: apiError.toData() }) + '\n')
  else io.stderr(`loopbench: error: ${apiError.message}\n`)
  return EXIT_FAILED
}

/** Human-readable byte size (CLI output only). */
export function formatBytes(bytes: number): string {
  if (bytes < 1024) return `${bytes} B`
  const units = ['KB', 'MB', 'GB', 'TB']
  let value = bytes / 1024
  let unit = 0
  while (value >= 1024 && unit < units.length - 1) {
    value /= 1024
    unit++
  }
  return `${value.toFixed(value < 10 ? 1 : 0)} ${units[unit]}`
}

/** Formats a count with thousands separators (CLI output is English). */
export function formatCount(n: number): string {
  return new Intl.NumberFormat('en-US').format(n)
}
