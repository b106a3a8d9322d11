import { copyFileSync, createWriteStream, existsSync, readdirSync, readFileSync, rmSync } from 'node:fs'
import { once } from 'node:events'
import { basename, join } from 'node:path'
import Database from 'better-sqlite3'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { runCli } from '../../../../src/main/cli/cli'
import type { CliContext } from '../../../../src/main/cli/cli-io'
import { makeTempDir } from '../../../helpers/temp-dir'
import { recordingIo } from '../../../helpers/recording-io'
import type { RecordingIo } from '../../../helpers/recording-io'
import { workspaceFingerprint } from '../../../helpers/workspace-fingerprint'

/**
 * The bad-input corpus through the whole pipeline, as a user meets it: `loopbench import` into a
 * workspace that already holds data. Every broken file is refused with a message that names the
 * file and, where there is one, the line — and the workspace is exactly as it was. Files whose
 * problems are row-level import the good rows and list the bad ones with line and reason.
 */

const FIXTURES = join(process.cwd(), 'test', 'fixtures', 'import')
const BROKEN = join(FIXTURES, 'readers', 'broken')
const BAD_VALUES = join(FIXTURES, 'bad-values')

type Outcome =
  | {
      /** Refused: nothing of the file is stored. */
      refused: 'import_unreadable' | 'import_rejected' | 'invalid_input'
      /** The line the message names (the first rejected row's, for import_rejected); null: none. */
      line: number | null
      reason: RegExp
    }
  | {
      /** Imported, with these rows rejected (line and reason). */
      inserted: number
      rejects: Array<{ line: number; reason: RegExp }>
    }

const unreadable = (line: number | null, reason: RegExp): Outcome => ({
  refused: 'import_unreadable',
  line,
  reason
})
const tooManyRejects = (line: number, reason: RegExp): Outcome => ({
  refused: 'import_rejected',
  line,
  reason
})
const noColumnFor = (field: string): Outcome => ({
  refused: 'invalid_input',
  line: null,
  reason: new RegExp(`no column is assigned to the required field ${field}`)
})

/** Every file of `readers/broken` (the test fails when a file has no entry, or an entry no file). */
const BROKEN_CASES: Record<string, Outcome> = {
  'array-line.ndjson': unreadable(2, /this line holds a list, not a JSON object/),
  'binary-garbage.csv': unreadable(1, /binary data, not text/),
  'blank-lines.csv': unreadable(null, /the file is empty \(it has no rows, only blank lines\)/),
  'broken-line.ndjson': unreadable(3, /the JSON is not valid here/),
  // Readable, but the second `score` leaves the survey without a submission date column.
  'duplicate-headers.csv': noColumnFor('submittedAt'),
  'empty.csv': unreadable(null, /the file is empty/),
  'header-only.csv': unreadable(null, /the file has a header but no rows to import/),
  'invalid.json': unreadable(3, /the JSON is not valid here/),
  'list-of-numbers.json': unreadable(1, /holds a number here, not a record with fields/),
  'missing-headers.csv': noColumnFor('createdAt'),
  'mixed-utf8-gbk.csv': unreadable(4, /mixes two text encodings/),
  'not-a-list.json': unreadable(1, /holds no list of records/),
  'not-utf8-not-gb18030.csv': unreadable(3, /not valid UTF-8, and the file is not GB18030/),
  'old-excel.xls': unreadable(null, /old-format Excel workbook/),
  'scalar.json': unreadable(1, /not a JSON list of records/),
  // German headers that no layout knows: the tickets' creation date cannot be found.
  'semicolon-delimited.csv': noColumnFor('(createdAt|submittedAt)'),
  'text-named.xlsx': unreadable(null, /this is not an XLSX file/),
  'too-few-fields.csv': tooManyRejects(3, /has 3 fields; the header has 5/),
  'too-many-fields.csv': tooManyRejects(3, /has 6 fields; the header has 5/),
  'trailing-text.json': unreadable(2, /more text after the end of the JSON list/),
  'truncated.json': unreadable(4, /ends before the JSON list is closed/),
  'truncated.xlsx': unreadable(null, /damaged or truncated/),
  'two-lists.json': unreadable(3, /more than one list of records/),
  'unbalanced-quote.csv': unreadable(4, /a quoted field that starts on this line is never closed/),
  // Decoded correctly (Chinese intact) but holds no creation date.
  'utf16le-no-bom.csv': noColumnFor('createdAt'),
  'utf32.csv': unreadable(null, /UTF-32/),
  'xlsx-saved-as.csv': unreadable(null, /ZIP archive/),
  'zip-not-xlsx.xlsx': unreadable(null, /ZIP archive but not an XLSX workbook/)
}

/** Every file of `bad-values`: structurally sound, with values that fail validation. */
const BAD_VALUE_CASES: Record<string, Outcome> = {
  'arm-summary-impossible.csv': tooManyRejects(3, /“clicks”: 12040 is not between 0 and the 10000 units/),
  'csat-out-of-range.csv': {
    inserted: 39,
    rejects: [{ line: 17, reason: /“csat”: score 7 is outside the scale 1–5/ }]
  },
  'formula-cells.csv': { inserted: 7, rejects: [] },
  'impossible-dates.csv': tooManyRejects(5, /“created_at”: not a date: '2026-02-30'/),
  'nps-out-of-range.csv': tooManyRejects(3, /“nps”: score 11 is outside 0–10/),
  'unparseable-dates.csv': {
    inserted: 39,
    rejects: [{ line: 12, reason: /“created_at”: not a date: 'next Tuesday'/ }]
  }
}

let temp: { dir: string; cleanup: () => void }
let io: RecordingIo
let ctx: CliContext
let workspace: string
/** The fingerprint of the seeded workspace, restored from a copy before each case. */
let seeded: string
let seedCopy: string

interface Run {
  code: number
  batches: Array<{ inserted: number; rejected: number; rejects: Array<{ line: number; reason: string }> }>
  error: { code: string; message: string; details?: Record<string, unknown> } | null
  stderr: string
}

async function importFile(path: string, ...options: string[]): Promise<Run> {
  io.out = ''
  io.err = ''
  const code = await runCli(['import', path, '--workspace', workspace, '--json', ...options], ctx)
  const error = io.err.trim()
    ? (JSON.parse(io.err.trim().split('\n').at(-1)!) as { error: Run['error'] }).error
    : null
  return {
    code,
    batches: (JSON.parse(io.out) as { batches: Run['batches'] }).batches,
    error,
    stderr: io.err
  }
}

/** Puts the seeded workspace back, so that cases cannot affect each other. */
function restore(): void {
  for (const suffix of ['', '-wal', '-shm']) rmSync(workspace + suffix, { force: true })
  copyFileSync(seedCopy, workspace)
}

beforeAll(async () => {
  temp = makeTempDir()
  io = recordingIo(temp.dir, { LOOPBENCH_CONFIG_DIR: join(temp.dir, 'config') })
  ctx = { io, paths: { staticDir: temp.dir }, version: '1.0.0' }
  workspace = join(temp.dir, 'w.loopbench')
  seedCopy = join(temp.dir, 'seed.loopbench')
  // A workspace with tickets and survey responses in it already.
  for (const preset of ['zendesk-tickets.csv', 'survey-zh.csv']) {
    const run = await importFile(join(FIXTURES, 'presets', preset))
    expect(run.code).toBe(0)
  }
  // The CLI closed the workspace, which checkpointed and removed its WAL: the file is whole.
  expect(existsSync(workspace + '-wal')).toBe(false)
  copyFileSync(workspace, seedCopy)
  seeded = workspaceFingerprint(workspace)
})
afterAll(() => temp.cleanup())

/** Imports one file and checks the outcome the corpus promises. */
async function expectOutcome(path: string, outcome: Outcome, ...options: string[]): Promise<void> {
  restore()
  expect(workspaceFingerprint(workspace)).toBe(seeded)
  const run = await importFile(path, ...options)
  const name = basename(path)
  if ('refused' in outcome) {
    expect(run.code, run.stderr).toBe(1)
    expect(run.batches).toEqual([])
    expect(run.error?.code).toBe(outcome.refused)
    expect(run.error?.message.startsWith(name), run.error?.message).toBe(true)
    expect(run.error?.message).toMatch(outcome.reason)
    if (outcome.refused === 'import_rejected') {
      const rejects = run.error?.details?.rejects as Array<{ line: number; reason: string }>
      expect(rejects[0]?.line).toBe(outcome.line)
      expect(run.error?.message).toContain(`line ${outcome.line}:`)
    } else if (outcome.refused === 'import_unreadable') {
      expect(run.error?.details?.line).toBe(outcome.line)
      if (outcome.line !== null) expect(run.error?.message).toContain(`${name}, line ${outcome.line}:`)
    }
    // Nothing of the file was kept: no batch, no row, no reject, no saved state.
    expect(workspaceFingerprint(workspace)).toBe(seeded)
  } else {
    expect(run.code, run.stderr).toBe(0)
    expect(run.batches).toHaveLength(1)
    const batch = run.batches[0]!
    expect(batch.inserted).toBe(outcome.inserted)
    expect(batch.rejected).toBe(outcome.rejects.length)
    expect(batch.rejects.map((r) => r.line)).toEqual(outcome.rejects.map((r) => r.line))
    batch.rejects.forEach((r, i) => expect(r.reason).toMatch(outcome.rejects[i]!.reason))
    expect(workspaceFingerprint(workspace)).not.toBe(seeded)
  }
}

describe('the bad-input corpus through `loopbench import`', () => {
  it('has an expected outcome for every file, and a file for every expectation', () => {
    expect(readdirSync(BROKEN).sort()).toEqual(Object.keys(BROKEN_CASES).sort())
    expect(
      readdirSync(BAD_VALUES)
        .filter((f) => f !== 'README.md')
        .sort()
    ).toEqual(Object.keys(BAD_VALUE_CASES).sort())
    const readme = readFileSync(join(BAD_VALUES, 'README.md'), 'utf8')
    for (const file of Object.keys(BAD_VALUE_CASES)) expect(readme).toContain(`\`${file}\``)
  })

  it.each(Object.entries(BROKEN_CASES))('readers/broken/%s', async (file, outcome) => {
    await expectOutcome(join(BROKEN, file), outcome)
  })

  it.each(Object.entries(BAD_VALUE_CASES))('bad-values/%s', async (file, outcome) => {
    await expectOutcome(join(BAD_VALUES, file), outcome)
  })

  it('keeps cells that start with =, +, - or @ as text, exactly as they were', async () => {
    await expectOutcome(join(BAD_VALUES, 'formula-cells.csv'), BAD_VALUE_CASES['formula-cells.csv']!)
    const db = new Database(workspace, { readonly: true })
    const stored = db
      .prepare("SELECT text FROM tickets WHERE external_id LIKE 'F50%' ORDER BY external_id")
      .pluck()
      .all()
    db.close()
    expect(stored).toEqual([
      '=HYPERLINK("http://example.invalid","click me")',
      '+86 138 0013 8000 called twice',
      '-refund still missing',
      '@SUM(A1:A9)',
      '=1+1',
      "=cmd|' /C calc'!A0",
      'plain text'
    ])
  })

  it('refuses a GB18030 file forced to be read as UTF-8, naming the first line that is not', async () => {
    await expectOutcome(
      join(FIXTURES, 'presets', 'helpdesk-zh.gb18030.csv'),
      unreadable(1, /not valid UTF-8/),
      '--encoding',
      'utf-8'
    )
  })

  it('refuses a 50 MB single line, naming the line, without holding it in memory', async () => {
    const path = join(temp.dir, 'single-line-50mb.csv')
    const out = createWriteStream(path)
    out.write('ticket_id,created_at,channel,subject\n')
    const block = 'x'.repeat(1 << 20)
    for (let i = 0; i < 50; i++) if (!out.write(block)) await once(out, 'drain')
    out.end()
    await once(out, 'finish')
    await expectOutcome(path, unreadable(2, /longer than 16 MB/))
  })

  it('rejects the bad rows of a file whose problems stay under the threshold, and keeps the rest', async () => {
    restore()
    const run = await importFile(join(BAD_VALUES, 'unparseable-dates.csv'))
    expect(run.code).toBe(0)
    const db = new Database(workspace, { readonly: true })
    const [batch] = db
      .prepare('SELECT id, rows_rejected FROM import_batches ORDER BY id DESC LIMIT 1')
      .all() as Array<{ id: number; rows_rejected: number }>
    const rejects = db
      .prepare('SELECT line, reason, raw FROM import_rejects WHERE batch_id = ?')
      .all(batch!.id)
    const imported = db.prepare("SELECT count(*) FROM tickets WHERE external_id LIKE 'T3%'").pluck().get()
    db.close()
    expect(batch!.rows_rejected).toBe(1)
    expect(rejects).toEqual([
      {
        line: 12,
        reason: "“created_at”: not a date: 'next Tuesday'",
        raw: expect.stringContaining('T3010') as unknown
      }
    ])
    expect(imported).toBe(39)
  })
})
