import { copyFileSync, rmSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import ExcelJS from 'exceljs'
import fc from 'fast-check'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { ApiError } from '@shared/api/errors'
import type { ImportResult } from '@shared/domain/import'
import { IMPORT_DEPENDENCIES, INSPECT_DEPENDENCIES } from '../../../src/main/core/import/pipeline/bindings'
import { runImportJob } from '../../../src/main/core/import/pipeline/import-job'
import { inspectFile } from '../../../src/main/core/import/pipeline/inspect-file'
import { openTableSource } from '../../../src/main/core/import/readers/open-table'
import { openReadOnly } from '../../../src/main/core/store/sqlite'
import { Workspace } from '../../../src/main/core/store/workspace'
import { fuzzParams, fuzzTimeout } from '../../helpers/fuzz-runs'
import { importRows, mappingOf, NEVER_CANCELLED } from '../../helpers/import-harness'
import { makeTempDir } from '../../helpers/temp-dir'
import { workspaceFingerprint } from '../../helpers/workspace-fingerprint'

/**
 * Generated files — random bytes, random tables, broken JSON, random and damaged workbooks —
 * through the real import as the wizard runs it (inspect, then import what it proposes) into a
 * workspace that already holds tickets. Whatever the file, the import either succeeds with every
 * data row accounted for (imported, updated, unchanged or rejected), or fails with an ApiError
 * that names the file (and the line, when it has one) and leaves the workspace exactly as it was.
 */

const RUNS = 200
/** Generous: a case is a few file writes and two SQLite transactions (about 10–30 ms here). */
const MS_PER_CASE = 60

let temp: { dir: string; cleanup: () => void }
let workspace: string
let seedCopy: string
let seeded: string
let fileCounter = 0

beforeAll(async () => {
  temp = makeTempDir('loopbench-fuzz-')
  workspace = join(temp.dir, 'w.loopbench')
  seedCopy = join(temp.dir, 'seed.loopbench')
  ;(await Workspace.create(workspace)).close()
  await importRows(workspace, mappingOf('tickets', ['externalId', 'createdAt', 'status', 'text']), [
    ['T1', '2026-01-02T10:00:00Z', 'open', 'Refund not received'],
    ['T2', '2026-01-03T10:00:00Z', 'solved', '退款还没到账']
  ])
  copyFileSync(workspace, seedCopy)
  seeded = workspaceFingerprint(workspace)
})
afterAll(() => temp.cleanup())

/** Puts the seeded workspace back after an import that changed it. */
function restore(): void {
  for (const suffix of ['', '-wal', '-shm']) rmSync(workspace + suffix, { force: true })
  copyFileSync(seedCopy, workspace)
}

/** Data rows as the reader sees them, counted on their own. */
async function countDataRows(path: string, name: string, headerRows: number): Promise<number> {
  const source = await openTableSource(path, name, { headerRows })
  let rows = 0
  for await (const chunk of source.chunks()) rows += chunk.length
  return rows
}

/** Inspects and imports a file the way the wizard does; checks the outcome either way. */
async function importChecked(name: string, bytes: Uint8Array): Promise<ImportResult | ApiError> {
  const path = join(temp.dir, `${++fileCounter}-${name}`)
  writeFileSync(path, bytes)
  let outcome: ImportResult | ApiError
  let headerRows = 1
  try {
    const db = openReadOnly(workspace)
    const preview = await (async () => {
      try {
        return await inspectFile(db, path, name, {}, undefined, INSPECT_DEPENDENCIES)
      } finally {
        db.close()
      }
    })()
    headerRows = preview.read.headerRows
    const read = {
      format: preview.read.format,
      ...(preview.read.delimiter ? { delimiter: preview.read.delimiter } : {}),
      ...(preview.read.sheet ? { sheet: preview.read.sheet } : {}),
      headerRows
    }
    outcome = await runImportJob(
      {
        workspacePath: workspace,
        sourcePath: path,
        sourceName: name,
        recordedPath: path,
        read,
        mapping: preview.mapping,
        options: { redact: true, rejectThreshold: 0.5 },
        timeZone: 'UTC'
      },
      NEVER_CANCELLED,
      IMPORT_DEPENDENCIES
    )
  } catch (error) {
    // Anything but an ApiError is a crash: it fails the property with its stack.
    if (!(error instanceof ApiError)) throw error
    outcome = error
  }
  try {
    if (outcome instanceof ApiError) {
      expect(outcome.message).toContain(name)
      const line = outcome.details?.line
      if (typeof line === 'number') expect(outcome.message).toContain(`line ${line}`)
      expect(workspaceFingerprint(workspace)).toBe(seeded)
    } else {
      const { rowsRead, inserted, updated, unchanged, rejected } = outcome
      expect(inserted + updated + unchanged + rejected).toBe(rowsRead)
      expect(rowsRead).toBe(await countDataRows(path, name, headerRows))
      expect(rejected).toBeLessThanOrEqual(rowsRead * 0.5)
      restore()
    }
  } finally {
    rmSync(path, { force: true })
  }
  return outcome
}

/** Headers the layouts know (so that many files get past detection) and some they do not. */
const HEADER = fc.constantFrom(
  'id',
  'ticket_id',
  'created_at',
  'Created at',
  'subject',
  'description',
  'status',
  'priority',
  'tags',
  'requester',
  'email',
  'submitted_at',
  'nps',
  'How likely are you to recommend us?',
  'csat',
  'comment',
  'experiment',
  'variant',
  'converted',
  '创建时间',
  '工单编号',
  '描述',
  '',
  'x'
)

/** Cell text: dates, numbers, free text with quotes, delimiters and line breaks, anything. */
const CELL = fc.oneof(
  fc
    .date({ min: new Date('1900-01-01'), max: new Date('2100-01-01'), noInvalidDate: true })
    .map((d) => d.toISOString()),
  fc.constantFrom('2026-03-01', '03/04/2026', '2026-02-30', '45000', 'next Tuesday', ''),
  fc.integer({ min: -20, max: 20 }).map(String),
  fc.double({ noNaN: false }).map(String),
  fc.constantFrom(
    '0',
    '1',
    'yes',
    'no',
    'true',
    '10%',
    'a@b.com',
    '退款还没到账',
    '=1+1',
    '"',
    ',',
    '\n',
    '\r\n'
  ),
  fc.string({ maxLength: 12 }),
  fc.string({ unit: 'binary', maxLength: 6 })
)

/** A table: a header of 1–6 columns and up to 12 rows of cells (ragged rows included). */
const TABLE = fc.record({
  header: fc.array(HEADER, { minLength: 1, maxLength: 6 }),
  rows: fc.array(fc.array(CELL, { maxLength: 7 }), { maxLength: 12 })
})

/**
 * A help desk export that detection recognises — id, created_at, subject, description, status,
 * maybe more — with valid values and, now and then, a random one: most of these get imported.
 */
const TICKET_ROW = fc.tuple(
  fc.integer({ min: 1, max: 30 }).map((n) => `F${n}`),
  fc
    .date({ min: new Date('2020-01-01'), max: new Date('2030-01-01'), noInvalidDate: true })
    .map((d) => d.toISOString()),
  fc.string({ maxLength: 20 }),
  fc.string({ minLength: 1, maxLength: 40 }),
  fc.constantFrom('open', 'pending', 'solved', 'closed')
)
const TICKET_TABLE = fc
  .record({
    extra: fc.array(HEADER, { maxLength: 2 }),
    rows: fc.array(
      fc.tuple(
        TICKET_ROW,
        fc.array(CELL, { maxLength: 2 }),
        fc.option(fc.tuple(fc.nat(6), CELL), { freq: 4 })
      ),
      { minLength: 1, maxLength: 12 }
    )
  })
  .map(({ extra, rows }) => ({
    header: ['id', 'created_at', 'subject', 'description', 'status', ...extra],
    rows: rows.map(([base, more, noise]) => {
      const row: string[] = [...base, ...more]
      if (noise !== null) row[noise[0]] = noise[1]
      return row
    })
  }))

/** CSV the way exporters write it (quoted where needed), or naively (anything goes). */
function toDelimited(
  table: { header: string[]; rows: string[][] },
  delimiter: string,
  quote: boolean
): string {
  const cell = (v: string): string => (quote && /["\r\n,;\t]/.test(v) ? `"${v.replace(/"/g, '""')}"` : v)
  return [table.header, ...table.rows].map((r) => r.map(cell).join(delimiter)).join('\n')
}

const utf8 = (text: string): Uint8Array => new TextEncoder().encode(text)

describe('importing generated files', () => {
  it(
    'random bytes as CSV, JSON, NDJSON and XLSX: a clean import or a clean refusal',
    async () => {
      await fc.assert(
        fc.asyncProperty(
          fc.uint8Array({ maxLength: 400 }),
          fc.constantFrom('fuzz.csv', 'fuzz.tsv', 'fuzz.json', 'fuzz.jsonl', 'fuzz.xlsx', 'fuzz.txt'),
          async (bytes, name) => {
            await importChecked(name, bytes)
          }
        ),
        fuzzParams(0x1a7001, RUNS)
      )
    },
    fuzzTimeout(MS_PER_CASE, RUNS)
  )

  it(
    'random tables as CSV/TSV, quoted or not, with or without a BOM',
    async () => {
      await fc.assert(
        fc.asyncProperty(
          fc.oneof(TABLE, TICKET_TABLE),
          fc.constantFrom(',', ';', '\t'),
          fc.boolean(),
          fc.boolean(),
          async (table, delimiter, quote, bom) => {
            const text = (bom ? '\ufeff' : '') + toDelimited(table, delimiter, quote)
            await importChecked(delimiter === '\t' ? 'fuzz.tsv' : 'fuzz.csv', utf8(text))
          }
        ),
        fuzzParams(0x1a7002, RUNS)
      )
    },
    fuzzTimeout(MS_PER_CASE, RUNS)
  )

  it(
    'random JSON lists and JSON lines, whole or cut short',
    async () => {
      const record = fc.dictionary(HEADER, fc.oneof(CELL, fc.jsonValue({ maxDepth: 2 })), { maxKeys: 6 })
      const ticket = TICKET_ROW.map(([id, created_at, subject, description, status]) => ({
        id,
        created_at,
        subject,
        description,
        status
      }))
      const value = fc.oneof(
        { weight: 4, arbitrary: record },
        { weight: 4, arbitrary: ticket },
        { weight: 1, arbitrary: fc.jsonValue({ maxDepth: 2 }) }
      )
      await fc.assert(
        fc.asyncProperty(
          fc.array(value, { maxLength: 10 }),
          fc.boolean(),
          fc.option(fc.nat(), { freq: 3 }),
          async (records, lines, cut) => {
            let text = lines
              ? records.map((r) => JSON.stringify(r)).join('\n')
              : JSON.stringify(records, null, 1)
            if (cut !== null) text = text.slice(0, cut % (text.length + 1))
            await importChecked(lines ? 'fuzz.jsonl' : 'fuzz.json', utf8(text))
          }
        ),
        fuzzParams(0x1a7003, RUNS)
      )
    },
    fuzzTimeout(MS_PER_CASE, RUNS)
  )

  /** A cell value of any type exceljs writes. */
  const XLSX_CELL: fc.Arbitrary<ExcelJS.CellValue> = fc.oneof(
    CELL,
    fc.double(),
    fc.integer(),
    fc.boolean(),
    fc.constant(null),
    fc.date({ min: new Date('1900-03-01'), max: new Date('2100-01-01'), noInvalidDate: true }),
    fc.constantFrom<ExcelJS.CellValue>(
      { formula: 'A1+1', result: 2 },
      { formula: 'NOW()', result: new Date('2026-03-01T00:00:00Z') },
      { error: '#N/A' } as ExcelJS.CellErrorValue,
      { richText: [{ text: 'rich ' }, { text: 'text', font: { bold: true } }] },
      { text: 'a link', hyperlink: 'https://example.com' }
    )
  )
  const WORKBOOK = fc.oneof(
    fc.record({
      header: fc.array(HEADER, { minLength: 1, maxLength: 5 }),
      rows: fc.array(fc.array(XLSX_CELL, { maxLength: 6 }), { maxLength: 8 }),
      sheets: fc.integer({ min: 1, max: 2 })
    }),
    fc.record({
      header: fc.constant(['id', 'created_at', 'subject', 'description', 'status']),
      rows: fc.array(
        fc.tuple(TICKET_ROW, fc.option(fc.tuple(fc.nat(4), XLSX_CELL), { freq: 3 })).map(([row, noise]) => {
          const cells: ExcelJS.CellValue[] = [...row]
          if (noise !== null) cells[noise[0]] = noise[1]
          return cells
        }),
        { minLength: 1, maxLength: 8 }
      ),
      sheets: fc.integer({ min: 1, max: 2 })
    })
  )

  async function workbookBytes(book: {
    header: readonly string[]
    rows: ExcelJS.CellValue[][]
    sheets: number
  }): Promise<Uint8Array> {
    const wb = new ExcelJS.Workbook()
    for (let s = 0; s < book.sheets; s++) {
      const sheet = wb.addWorksheet(`Sheet${s + 1}`)
      sheet.addRow(book.header)
      for (const row of book.rows) sheet.addRow(row)
    }
    return new Uint8Array(await wb.xlsx.writeBuffer())
  }

  it(
    'random workbooks (any cell types)',
    async () => {
      await fc.assert(
        fc.asyncProperty(WORKBOOK, async (book) => {
          await importChecked('fuzz.xlsx', await workbookBytes(book))
        }),
        fuzzParams(0x1a7004, RUNS)
      )
    },
    fuzzTimeout(MS_PER_CASE * 2, RUNS)
  )

  it(
    'valid workbooks with bytes flipped, cut short or dropped',
    async () => {
      await fc.assert(
        fc.asyncProperty(
          WORKBOOK,
          fc.array(fc.tuple(fc.nat(), fc.integer({ min: 0, max: 255 })), { minLength: 1, maxLength: 8 }),
          fc.option(fc.nat()),
          async (book, flips, cut) => {
            const bytes = await workbookBytes(book)
            for (const [at, value] of flips) bytes[at % bytes.length] = value
            const damaged = cut === null ? bytes : bytes.slice(0, cut % (bytes.length + 1))
            await importChecked('fuzz.xlsx', damaged)
          }
        ),
        fuzzParams(0x1a7005, RUNS)
      )
    },
    fuzzTimeout(MS_PER_CASE * 2, RUNS)
  )
})
