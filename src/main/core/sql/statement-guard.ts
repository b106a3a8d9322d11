import { ApiError } from '@shared/api/errors'
import type { Db } from '../store/sqlite'

/** What the console runs: one statement that reads and returns rows. */
const READ_ONLY_HINT =
  'The SQL console is read-only: it runs one statement that reads data (SELECT, WITH … SELECT, VALUES, EXPLAIN, or a PRAGMA that only reads).'

/**
 * Refuses, with a typed error and without running anything, what the console must not run:
 * more than one statement, anything SQLite does not mark read-only (INSERT, UPDATE, DELETE,
 * CREATE, DROP, WITH … INSERT, VACUUM, ANALYZE, REINDEX, PRAGMA assignments and PRAGMAs that may
 * write, such as journal_mode), and statements that return no rows (ATTACH, DETACH, BEGIN,
 * SAVEPOINT and connection settings: SQLite calls these read-only since they leave the file
 * alone, but they would reach other files or change how the connection behaves). SQLite's
 * syntax and name errors become `invalid_input` with its message.
 *
 * `db` only compiles the statement (prepare never executes), so any connection to the
 * workspace will do; the console prepares on a read-only one.
 */
export function checkReadOnlyStatement(db: Db, sql: string): void {
  let statement: ReturnType<Db['prepare']>
  try {
    statement = db.prepare(sql)
  } catch (error) {
    const message = (error as Error).message
    if (/more than one statement/i.test(message)) {
      throw new ApiError(
        'forbidden',
        `The SQL console runs one statement at a time; remove everything after the first ";". ${READ_ONLY_HINT}`,
        {
          reason: 'multiple_statements'
        }
      )
    }
    if (/no statements/i.test(message)) {
      throw new ApiError(
        'invalid_input',
        'There is no statement to run: the text holds only comments or spaces.',
        {
          reason: 'empty'
        }
      )
    }
    throw new ApiError('invalid_input', `SQLite cannot run this statement: ${message}`, {
      reason: 'sqlite',
      sqlite: message,
      sqliteCode: (error as { code?: string }).code ?? null
    })
  }
  if (!statement.readonly || !statement.reader) {
    throw new ApiError(
      'forbidden',
      `This statement would change the workspace or the connection, so it was not run. ${READ_ONLY_HINT}`,
      {
        reason: 'not_read_only'
      }
    )
  }
}
