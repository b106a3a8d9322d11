import { writeFileSync } from 'node:fs'
import { join } from 'node:path'
import type { ImportMapping, ImportOptions, ImportResult } from '../../src/shared/domain/import'
import type { RecordKind } from '../../src/shared/domain/field-roles'
import type { JobContext } from '../../src/main/core/jobs/job-types'
import type { ImportDependencies } from '../../src/main/core/import/pipeline/import-job'
import { runImportJob } from '../../src/main/core/import/pipeline/import-job'
import type { RawRow, TableSource } from '../../src/main/core/import/readers/table-source'
import type { ValueParsers } from '../../src/main/core/import/pipeline/value-parsers'

/** A table source over rows in memory: line 1 is the header, data from line 2. */
export function memorySource(
  headers: string[],
  rows: Array<string[] | RawRow>,
  failAfter?: number,
  chunkRows = 2
): TableSource {
  const data: RawRow[] = rows.map((r, i) => (Array.isArray(r) ? { line: i + 2, cells: r } : r))
  return {
    info: {
      format: 'csv',
      encoding: 'utf-8',
      encodingSource: 'given',
      delimiter: ',',
      sheets: [],
      sheet: null
    },
    headerLines: [headers],
    async *chunks() {
      const size = chunkRows // small by default, so failures and cancels land mid-file
      for (let i = 0; i < data.length; i += size) {
        if (failAfter !== undefined && i >= failAfter) {
          const { readError } = await import('../../src/main/core/import/readers/table-source')
          throw readError(
            'broken.csv',
            data[i]?.line ?? null,
            'a quoted field that starts here is never closed'
          )
        }
        yield data.slice(i, i + size)
      }
    },
    progress: () => ({ bytesRead: 0, totalBytes: 0 }),
    close: async () => undefined
  }
}

/** ISO dates, plain numbers, 0/1 — enough to test the pipeline without the real parsers. */
export const simpleParsers: ValueParsers = {
  dateTime: (raw) => {
    const t = Date.parse(raw)
    return Number.isFinite(t) ? { ok: true, value: t } : { ok: false, reason: `not a date: '${raw}'` }
  },
  number: (raw) => {
    const percent = raw.endsWith('%')
    const n = Number(percent ? raw.slice(0, -1) : raw)
    return Number.isFinite(n)
      ? { ok: true, value: { value: n, percent } }
      : { ok: false, reason: `not a number: '${raw}'` }
  },
  integer: (raw) =>
    /^-?\d+$/.test(raw)
      ? { ok: true, value: Number(raw) }
      : { ok: false, reason: `not a whole number: '${raw}'` },
  binary: (raw) =>
    raw === '1' || raw === '0'
      ? { ok: true, value: raw === '1' ? 1 : 0 }
      : { ok: false, reason: `not 0 or 1: '${raw}'` },
  tags: (raw) =>
    raw
      .split(',')
      .map((t) => t.trim())
      .filter(Boolean)
}

/** A mapping that gives column i the i-th role. */
export function mappingOf(
  kind: RecordKind,
  roles: Array<string | null>,
  extra: Partial<ImportMapping> = {}
): ImportMapping {
  return {
    kind,
    preset: null,
    sourceSystem: 'test',
    columns: roles.map((role, index) => ({ index, header: role ?? `col${index}`, role })),
    dateOrder: null,
    csatScaleMax: null,
    experiment: null,
    ...extra
  }
}

export const NEVER_CANCELLED: JobContext = { reportProgress: () => undefined, isCancelled: () => false }

let counter = 0

/** Imports rows through the real import job (real SQLite, real writers) with a memory source. */
export async function importRows(
  workspacePath: string,
  mapping: ImportMapping,
  rows: Array<string[] | RawRow>,
  options: Partial<ImportOptions> & {
    context?: JobContext
    failAfter?: number
    name?: string
    now?: () => number
    chunkRows?: number
  } = {}
): Promise<ImportResult> {
  const name = options.name ?? `export-${++counter}.csv`
  const file = join(workspacePath + '-files-' + name)
  writeFileSync(file, JSON.stringify(rows))
  const deps: ImportDependencies = {
    openTableSource: async () =>
      memorySource(
        mapping.columns.map((c) => c.header),
        rows,
        options.failAfter,
        options.chunkRows
      ),
    createParsers: () => simpleParsers,
    redactText: (text) => ({
      text: text.replace(/[\w.]+@[\w.]+/g, '[email]'),
      counts: { email: (text.match(/[\w.]+@[\w.]+/g) ?? []).length, phone: 0, idNumber: 0, card: 0 }
    }),
    ...(options.now ? { now: options.now } : {})
  }
  return runImportJob(
    {
      workspacePath,
      sourcePath: file,
      sourceName: name,
      recordedPath: file,
      read: { headerRows: 1 },
      mapping,
      options: { redact: options.redact ?? false, rejectThreshold: options.rejectThreshold ?? 0.05 },
      timeZone: 'UTC'
    },
    options.context ?? NEVER_CANCELLED,
    deps
  )
}
