import { createHash } from 'node:crypto'
import type { ImportMapping, SavedMapping } from '@shared/domain/import'
import { ImportMappingSchema } from '@shared/domain/import'
import type { Db } from '../../store/sqlite'
import { prepared } from '../../store/repositories/statements'

/**
 * The identity of a file layout: its headers, normalised (case, spacing, full-width forms), in
 * order. Files with the same key are offered the mapping saved for it.
 */
export function headersKey(headers: readonly string[]): string {
  const normal = headers.map((h) => h.normalize('NFKC').trim().replace(/\s+/g, ' ').toLowerCase())
  return createHash('sha1').update(JSON.stringify(normal)).digest('hex')
}

/** Saves a mapping for files with these headers. */
export function saveMapping(
  db: Db,
  name: string,
  headers: readonly string[],
  mapping: ImportMapping,
  now: number
): SavedMapping {
  const key = headersKey(headers)
  const id = Number(
    prepared(
      db,
      'INSERT INTO saved_mappings (name, headers_key, kind, mapping_json, created_at) VALUES (?, ?, ?, ?, ?)'
    ).run(name, key, mapping.kind, JSON.stringify(mapping), now).lastInsertRowid
  )
  return { id, name, headersKey: key, mapping, createdAt: now }
}

/** Every saved mapping, newest first; entries that no longer validate are skipped. */
export function listMappings(db: Db): SavedMapping[] {
  const rows = prepared(
    db,
    'SELECT id, name, headers_key, mapping_json, created_at FROM saved_mappings ORDER BY created_at DESC, id DESC'
  ).all() as Array<{
    id: number
    name: string
    headers_key: string
    mapping_json: string
    created_at: number
  }>
  return rows.flatMap((r) => {
    const parsed = ImportMappingSchema.safeParse(safeJson(r.mapping_json))
    return parsed.success
      ? [{ id: r.id, name: r.name, headersKey: r.headers_key, mapping: parsed.data, createdAt: r.created_at }]
      : []
  })
}

/** The newest saved mapping for files with these headers, if any. */
export function findMapping(db: Db, headers: readonly string[]): SavedMapping | null {
  const key = headersKey(headers)
  return listMappings(db).find((m) => m.headersKey === key) ?? null
}

function safeJson(text: string): unknown {
  try {
    return JSON.parse(text)
  } catch {
    return null
  }
}
