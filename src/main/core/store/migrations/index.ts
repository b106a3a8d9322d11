import type { Migration } from './migration'
import { migration0001 } from './0001-initial'
import { migration0002 } from './0002-import-provenance-and-search'
import { migration0003 } from './0003-pending-indexes'
import { migration0004 } from './0004-survey-metrics-indexes'
import { migration0005 } from './0005-themes'
import { migration0006 } from './0006-priority-snapshots'
import { migration0007 } from './0007-ticket-filter-indexes'

/** Every migration this version ships, in order. Append only: never edit a shipped migration. */
export const MIGRATIONS: readonly Migration[] = [
  migration0001,
  migration0002,
  migration0003,
  migration0004,
  migration0005,
  migration0006,
  migration0007
]

/** The schema version a fully migrated workspace has. */
export const LATEST_SCHEMA_VERSION: number = MIGRATIONS[MIGRATIONS.length - 1]?.version ?? 0
