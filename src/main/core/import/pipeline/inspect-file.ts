import { basename } from 'node:path'
import { statSync } from 'node:fs'
import type { RecordKind } from '@shared/domain/field-roles'
import type { ColumnProfile, ImportPreview, ReadOptions } from '@shared/domain/import'
import type { Db } from '../../store/sqlite'
import type { DetectedLayout } from '../layouts/layout-types'
import type { PeekRows, RawRow } from '../readers/table-source'
import { findMapping } from './saved-mappings'

/** Rows read to detect the layout and profile the columns. */
const PEEK_ROWS = 200
/** Rows shown in the wizard's preview. */
const SAMPLE_ROWS = 50

/** What inspecting a file needs from the readers and the layout detector. */
export interface InspectDependencies {
  peekRows: PeekRows
  detectLayout(
    rawRows: string[][],
    options: { kind?: RecordKind; fileName?: string; headerRows?: number }
  ): DetectedLayout
  profileColumn(index: number, header: string, values: string[]): ColumnProfile
}

/** What the import.inspect job needs; plain data, so it can cross into a worker thread. */
export interface InspectJobParams {
  workspacePath: string
  path: string
  name: string
  read: ReadOptions
  kind: RecordKind | null
}

/**
 * Reads the start of a file and proposes how to import it: how it is read, its headers, sample
 * rows, each column's type, the detected kind and layout, and a mapping (a saved one for these
 * headers if there is one).
 */
export async function inspectFile(
  db: Db,
  path: string,
  displayName: string,
  read: ReadOptions,
  forcedKind: RecordKind | undefined,
  deps: InspectDependencies
): Promise<ImportPreview> {
  const size = statSync(path).size
  const peeked = await deps.peekRows(path, displayName, read, PEEK_ROWS)
  const raw = peeked.rows.map((r) => r.cells)
  const jsonLike = peeked.info.format === 'json' || peeked.info.format === 'ndjson'
  const detected = deps.detectLayout(raw, {
    ...(forcedKind ? { kind: forcedKind } : {}),
    ...(read.headerRows !== undefined && !jsonLike ? { headerRows: read.headerRows } : {}),
    fileName: basename(displayName)
  })
  const headerRows = jsonLike ? 1 : detected.headerRows
  const headers = detected.headers
  const dataRows: RawRow[] =
    peeked.info.format === 'json' || peeked.info.format === 'ndjson'
      ? peeked.rows.slice(1)
      : peeked.rows.slice(headerRows)
  const columns = headers.map((header, index) =>
    deps.profileColumn(
      index,
      header,
      dataRows.map((r) => r.cells[index] ?? '')
    )
  )
  const saved = forcedKind ? null : findMapping(db, headers)
  const mapping =
    saved && saved.mapping.columns.length === headers.length ? saved.mapping : withColumnZones(detected)
  return {
    source: { name: displayName, size, sha256: null },
    read: {
      format: peeked.info.format,
      encoding: peeked.info.encoding,
      encodingSource: peeked.info.encodingSource,
      delimiter: peeked.info.delimiter,
      sheets: peeked.info.sheets,
      sheet: peeked.info.sheet,
      headerRows
    },
    headers,
    sample: dataRows.slice(0, SAMPLE_ROWS).map((r) => ({ line: r.line, values: r.cells })),
    columns,
    detected: { kind: detected.kind, preset: detected.preset, confidence: detected.confidence },
    mapping: { ...mapping, dateOrder: mapping.dateOrder ?? inferredDateOrder(columns, mapping) },
    savedMappingId: saved && mapping === saved.mapping ? saved.id : null,
    warnings: detected.warnings
  }
}

/** The detected mapping with the time zones the export declares for its columns. */
function withColumnZones(detected: DetectedLayout): ImportPreview['mapping'] {
  const zones = detected.columnTimeZones
  if (!zones) return detected.mapping
  return {
    ...detected.mapping,
    columns: detected.mapping.columns.map((c) => {
      const zone = zones[c.index]
      return zone ? { ...c, timeZone: zone } : c
    })
  }
}

/** When the detector left the date order open, the one the date columns force, if any. */
function inferredDateOrder(
  columns: ColumnProfile[],
  mapping: ImportPreview['mapping']
): ImportPreview['mapping']['dateOrder'] {
  for (const c of mapping.columns) {
    const order = columns[c.index]?.dateOrder
    if (order && order !== 'ambiguous') return order
  }
  return null
}
