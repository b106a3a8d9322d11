import { join } from 'node:path'
import { afterEach, beforeEach, expect, it } from 'vitest'
import { Workspace } from '../../../src/main/core/store/workspace'
import { LATEST_SCHEMA_VERSION } from '../../../src/main/core/store/migrations/index'
import { makeTempDir } from '../../helpers/temp-dir'

let dir: string
let cleanup: () => void
beforeEach(() => ({ dir, cleanup } = makeTempDir()))
afterEach(() => cleanup())

/**
 * The schema a new workspace gets, as SQL. A change to it must be a deliberate migration: update
 * the snapshot (vitest -u) in the same commit as the migration that changes it.
 */
it('the schema of a new workspace matches the committed snapshot', async () => {
  const ws = await Workspace.create(join(dir, 'schema.loopbench'))
  const rows = ws.db
    .prepare(
      "SELECT type, name, sql FROM sqlite_master WHERE sql IS NOT NULL AND name NOT LIKE 'sqlite_%' ORDER BY type, name"
    )
    .all() as Array<{ type: string; name: string; sql: string }>
  ws.close()
  const dump =
    [
      `-- Loopbench workspace schema, version ${LATEST_SCHEMA_VERSION}`,
      ...rows.map((r) => `${r.sql.trim()};`)
    ].join('\n\n') + '\n'
  await expect(dump).toMatchFileSnapshot(
    `../../fixtures/schema/workspace-schema-v${LATEST_SCHEMA_VERSION}.sql`
  )
})
