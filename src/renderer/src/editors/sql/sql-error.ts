import type { ApiErrorData } from '@shared/api/errors'

/** What kind of failure a console query met, to explain it in the user's language. */
export type SqlFailure = 'readOnly' | 'syntax' | 'timeout' | 'cancelled' | 'other'

/**
 * Classifies a failed `sql.query`. The backend refuses writes (as `forbidden`, or with a
 * read-only reason), reports SQLite's own errors as `invalid_input`, and stops long queries.
 */
export function classifySqlError(error: ApiErrorData): SqlFailure {
  const reason = typeof error.details?.reason === 'string' ? error.details.reason : ''
  const text = `${reason} ${error.message}`
  if (error.code === 'cancelled' && !/time/i.test(reason)) return 'cancelled'
  if (/timeout|timed out|time limit/i.test(text)) return 'timeout'
  if (
    error.code === 'forbidden' ||
    /read[-_ ]?only|readonly|not allowed to (write|modify)|attempt to write/i.test(text)
  ) {
    return 'readOnly'
  }
  if (error.code === 'invalid_input') return 'syntax'
  return 'other'
}
