import { createHash } from 'node:crypto'
import Database from 'better-sqlite3'

/** Everything a statement could change: every table's rows, the schema and the header fields. */
export function workspaceFingerprint(path: string): string {
  const db = new Database(path, { readonly: true })
  try {
    const hash = createHash('sha256')
    const schema = db
      .prepare('SELECT type, name, sql FROM sqlite_schema ORDER BY type, name')
      .all() as Array<{
      type: string
      name: string
    }>
    hash.update(JSON.stringify(schema))
    for (const pragma of ['user_version', 'application_id', 'journal_mode', 'page_size', 'schema_version']) {
      hash.update(`${pragma}=${String(db.pragma(pragma, { simple: true }))}`)
    }
    for (const { name } of schema.filter((s) => s.type === 'table' && !/^ticket_search$/.test(s.name))) {
      const rows = db.prepare(`SELECT * FROM "${name}"`).raw(true).all()
      hash.update(
        `${name}:${JSON.stringify(rows, (_, v: unknown) => (typeof v === 'bigint' ? v.toString() : v))}`
      )
    }
    return hash.digest('hex')
  } finally {
    db.close()
  }
}
