import { createWriteStream, readdirSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { once } from 'node:events'
import iconv from 'iconv-lite'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { OpenOptions } from '../../../../src/main/core/import/readers/table-source'
import { makeTempDir } from '../../../helpers/temp-dir'
import { readAll, readAllFailure } from './read-helpers'
import type { ReadResult } from './read-helpers'

const FIXTURES = join(import.meta.dirname, '../../../fixtures/import/readers')
const README = readFileSync(join(FIXTURES, 'README.md'), 'utf8')

/** One file of the corpus and what reading it must give. */
interface CorpusCase {
  file: string
  options?: Partial<OpenOptions>
  /** A structural error: the line (null when the file as a whole is wrong) and the reason's start. */
  error?: { line: number | null; reason: string }
  /** Otherwise the file reads; these check the result. */
  check?: (result: ReadResult) => void
  /** Text of the README row that must appear verbatim (the promise the table makes). */
  promise: string
}

const rowIssues = (result: ReadResult): Array<{ line: number; issue: string | undefined }> =>
  result.rows.filter((row) => row.issue !== undefined).map((row) => ({ line: row.line, issue: row.issue }))

const CASES: CorpusCase[] = [
  {
    file: 'empty.csv',
    error: { line: null, reason: 'the file is empty' },
    promise: 'error: `the file is empty`'
  },
  {
    file: 'blank-lines.csv',
    error: { line: null, reason: 'the file is empty (it has no rows, only blank lines)' },
    promise: '`the file is empty (it has no rows, only blank lines)`'
  },
  {
    file: 'header-only.csv',
    check: (result) => {
      expect(result.headerLines).toEqual([['ticket_id', 'created_at', 'channel', 'subject', 'csat']])
      expect(result.rows).toEqual([])
    },
    promise: 'no error: the header, zero rows'
  },
  {
    file: 'binary-garbage.csv',
    error: { line: 1, reason: 'this file contains binary data, not text' },
    promise: 'error, line 1: `this file contains binary data, not text`'
  },
  {
    file: 'xlsx-saved-as.csv',
    error: {
      line: null,
      reason: 'this file is a ZIP archive (perhaps an Excel workbook with the wrong extension), not CSV text'
    },
    promise: '`this file is a ZIP archive (perhaps an Excel workbook with the wrong extension), not CSV text`'
  },
  {
    file: 'old-excel.xls',
    error: { line: null, reason: 'this is an old-format Excel workbook (.xls) or a password-protected one' },
    promise: '`this is an old-format Excel workbook (.xls) or a password-protected one`'
  },
  {
    file: 'unbalanced-quote.csv',
    error: { line: 4, reason: 'a quoted field that starts on this line is never closed' },
    promise: 'error, line 4: `a quoted field that starts on this line is never closed`'
  },
  {
    file: 'semicolon-delimited.csv',
    check: (result) => {
      expect(result.info.delimiter).toBe(';')
      expect(result.headerLines).toEqual([['Ticket', 'Kanal', 'Betreff', 'Bewertung']])
      expect(result.rows.map((row) => row.cells)).toEqual([
        ['2001', 'E-Mail', 'Erstattung fehlt', '2'],
        ['2002', 'Chat', 'App stürzt ab', '1'],
        ['2003', 'Telefon', 'Danke', '5']
      ])
    },
    promise: 'no error: the sniffer picks `;`'
  },
  {
    file: 'semicolon-delimited.csv',
    options: { delimiter: ',' },
    check: (result) => {
      expect(result.headerLines).toEqual([['Ticket;Kanal;Betreff;Bewertung']])
      expect(result.rows.map((row) => row.cells)).toEqual([
        ['2001;E-Mail;Erstattung fehlt;2'],
        ['2002;Chat;App stürzt ab;1'],
        ['2003;Telefon;Danke;5']
      ])
      expect(rowIssues(result)).toEqual([])
    },
    promise: 'forced to `,` every row arrives as one column (not structural)'
  },
  {
    file: 'too-many-fields.csv',
    check: (result) => {
      expect(rowIssues(result)).toEqual([{ line: 3, issue: 'has 6 fields; the header has 5' }])
      expect(result.rows).toHaveLength(3)
    },
    promise: 'row issue, line 3: `has 6 fields; the header has 5`'
  },
  {
    file: 'too-few-fields.csv',
    check: (result) => {
      expect(rowIssues(result)).toEqual([{ line: 3, issue: 'has 3 fields; the header has 5' }])
      expect(result.rows[1]?.cells).toEqual(['1002', '2026-03-05 10:40', 'chat', '', ''])
    },
    promise: 'row issue, line 3: `has 3 fields; the header has 5`'
  },
  {
    file: 'duplicate-headers.csv',
    check: (result) => {
      expect(result.headerLines).toEqual([['ticket_id', 'score', 'comment', 'score']])
      expect(result.warnings.map((w) => w.code)).toEqual(['duplicate_headers'])
      expect(result.warnings[0]?.message).toContain('“score” (columns 2, 4)')
      expect(result.rows).toHaveLength(2)
    },
    promise: 'warning `duplicate_headers`: `“score” (columns 2, 4)`'
  },
  {
    file: 'missing-headers.csv',
    check: (result) => {
      expect(result.warnings.map((w) => w.message)).toEqual(['Columns 2, 4 have no name in the header.'])
      expect(rowIssues(result)).toEqual([])
    },
    promise: 'warning `empty_headers`: `Columns 2, 4 have no name in the header.`'
  },
  {
    file: 'mixed-utf8-gbk.csv',
    error: { line: 4, reason: 'the file mixes two text encodings: line 1 is UTF-8 but line 4 is not (GBK?)' },
    promise: 'error, line 4: `the file mixes two text encodings: line 1 is UTF-8 but line 4 is not (GBK?)`'
  },
  {
    file: 'not-utf8-not-gb18030.csv',
    error: { line: 3, reason: 'this line is not valid UTF-8, and the file is not GB18030 (GBK) either' },
    promise: 'error, line 3: `this line is not valid UTF-8, and the file is not GB18030 (GBK) either`'
  },
  {
    file: 'utf16le-no-bom.csv',
    check: (result) => {
      expect(result.info).toMatchObject({ encoding: 'utf-16le', encodingSource: 'detected' })
      expect(result.headerLines).toEqual([['工单号', '满意度', '描述']])
      expect(result.rows.map((row) => row.cells)).toEqual([
        ['1', '5', '很好'],
        ['2', '1', '退款一直没有到账']
      ])
    },
    promise: 'no error: detected as UTF-16 LE from its NUL pattern'
  },
  {
    file: 'utf32.csv',
    error: { line: null, reason: 'this file is UTF-32 text, which Loopbench does not read' },
    promise: '`this file is UTF-32 text, which Loopbench does not read`'
  },
  {
    file: 'invalid.json',
    error: { line: 3, reason: 'the JSON is not valid here' },
    promise: 'error, line 3: `the JSON is not valid here`'
  },
  {
    file: 'not-a-list.json',
    error: { line: 1, reason: 'this JSON object holds no list of records' },
    promise: 'error, line 1: `this JSON object holds no list of records`'
  },
  {
    file: 'scalar.json',
    error: { line: 1, reason: 'this is not a JSON list of records: the file holds a single text value' },
    promise: 'error, line 1: `this is not a JSON list of records: the file holds a single text value`'
  },
  {
    file: 'list-of-numbers.json',
    error: { line: 1, reason: 'the JSON list holds a number here, not a record with fields' },
    promise: 'error, line 1: `the JSON list holds a number here, not a record with fields`'
  },
  {
    file: 'truncated.json',
    error: { line: 4, reason: 'the file ends before the JSON list is closed — it may be truncated' },
    promise: 'error, line 4: `the file ends before the JSON list is closed — it may be truncated`'
  },
  {
    file: 'trailing-text.json',
    error: { line: 2, reason: 'there is more text after the end of the JSON list' },
    promise: 'error, line 2: `there is more text after the end of the JSON list`'
  },
  {
    file: 'two-lists.json',
    error: { line: 3, reason: 'the file holds more than one list of records (“tickets” and “users”)' },
    promise: 'error, line 3: `the file holds more than one list of records (“tickets” and “users”)`'
  },
  {
    file: 'broken-line.ndjson',
    error: { line: 3, reason: 'the JSON is not valid here (Unterminated string)' },
    promise: 'error, line 3: `the JSON is not valid here (Unterminated string)`'
  },
  {
    file: 'array-line.ndjson',
    error: { line: 2, reason: 'this line holds a list, not a JSON object' },
    promise: 'error, line 2: `this line holds a list, not a JSON object`'
  },
  {
    file: 'truncated.xlsx',
    error: { line: null, reason: 'this is not an XLSX file, or it is damaged or truncated' },
    promise: 'error: `this is not an XLSX file, or it is damaged or truncated`'
  },
  {
    file: 'zip-not-xlsx.xlsx',
    error: { line: null, reason: 'this is a ZIP archive but not an XLSX workbook' },
    promise: 'error: `this is a ZIP archive but not an XLSX workbook`'
  },
  {
    file: 'text-named.xlsx',
    error: { line: null, reason: 'this is not an XLSX file (it may be damaged or truncated' },
    promise: 'error: `this is not an XLSX file (it may be damaged or truncated`'
  }
]

/** The README row for a file (the first one naming it in backticks). */
function readmeRows(file: string): string[] {
  return README.split('\n').filter((line) => line.startsWith(`| \`${file}\` |`))
}

/** A reason reads as a sentence for a person: no code, no stack, no placeholders. */
function expectPlainSentence(reason: string): void {
  expect(reason.length).toBeGreaterThan(10)
  expect(reason.length).toBeLessThan(300)
  expect(reason).toMatch(/^[a-z“]/)
  expect(reason).not.toMatch(/undefined|null\b|NaN|\[object|Error:|\bat .*:\d+|ENOENT|EACCES/)
}

/** Reads `file` and checks the outcome the case promises. */
async function expectOutcome(path: string, corpusCase: CorpusCase): Promise<void> {
  const options = corpusCase.options ?? {}
  if (corpusCase.error !== undefined) {
    const failure = await readAllFailure(path, corpusCase.file, options)
    expect(failure.file).toBe(corpusCase.file)
    expect(failure.line).toBe(corpusCase.error.line)
    expect(failure.reason.startsWith(corpusCase.error.reason), failure.reason).toBe(true)
    const where =
      corpusCase.error.line === null ? corpusCase.file : `${corpusCase.file}, line ${corpusCase.error.line}`
    expect(failure.message).toBe(`${where}: ${failure.reason}`)
    expectPlainSentence(failure.reason)
  } else {
    corpusCase.check?.(await readAll(path, corpusCase.file, options))
  }
}

describe('broken-file corpus (test/fixtures/import/readers/broken)', () => {
  it('has a test case for every file and a README row for every case', () => {
    const files = readdirSync(join(FIXTURES, 'broken')).sort()
    expect([...new Set(CASES.map((c) => c.file))].sort()).toEqual(files)
    for (const corpusCase of CASES) {
      const rows = readmeRows(corpusCase.file)
      expect(rows, `README row for ${corpusCase.file}`).toHaveLength(1)
      expect(rows[0], corpusCase.file).toContain(corpusCase.promise)
    }
  })

  it.each(
    CASES.map(
      (c) => [`${c.file}${c.options === undefined ? '' : ` ${JSON.stringify(c.options)}`}`, c] as const
    )
  )(
    '%s',
    async (_name, corpusCase) => {
      await expectOutcome(join(FIXTURES, 'broken', corpusCase.file), corpusCase)
    },
    10_000
  )
})

describe('broken files generated by the test', () => {
  let temp: ReturnType<typeof makeTempDir>
  beforeAll(() => {
    temp = makeTempDir('loopbench-broken-')
  })
  afterAll(() => temp.cleanup())

  /** Writes a file from pieces without holding it whole (50 MB). */
  async function writeLarge(
    name: string,
    head: string,
    repeat: string,
    bytes: number,
    tail = ''
  ): Promise<string> {
    const path = join(temp.dir, name)
    const out = createWriteStream(path)
    out.write(head)
    const block = repeat.repeat(Math.ceil((1 << 20) / repeat.length))
    for (let written = 0; written < bytes; written += block.length) {
      if (!out.write(block)) await once(out, 'drain')
    }
    out.end(tail)
    await once(out, 'finish')
    return path
  }

  const GENERATED: Array<CorpusCase & { make: () => Promise<string> }> = [
    {
      file: 'single-line-50mb.csv',
      make: () => writeLarge('single-line-50mb.csv', 'id,text\n', 'abcdefghij', 50 << 20),
      error: {
        line: 2,
        reason: 'a record that starts on this line is longer than 16 MB — is the delimiter right?'
      },
      promise:
        'error, line 2: `a record that starts on this line is longer than 16 MB — is the delimiter right?`'
    },
    {
      file: 'runaway-quote-50mb.csv',
      make: () =>
        writeLarge(
          'runaway-quote-50mb.csv',
          'id,text\n1,ok\n2,"never closed\n',
          '3,next row of text\n',
          50 << 20
        ),
      error: { line: 3, reason: 'a quoted field that starts on this line runs on for more than 16 MB' },
      promise: 'error, line 3: `a quoted field that starts on this line runs on for more than 16 MB`'
    },
    {
      file: 'single-line-50mb.ndjson',
      make: () => writeLarge('single-line-50mb.ndjson', '{"text": "', 'abcdefghij', 50 << 20, '"}\n'),
      error: { line: 1, reason: 'this line is longer than 16 MB' },
      promise: 'error, line 1: `this line is longer than 16 MB`'
    },
    {
      file: 'late-gbk.csv',
      make: async () => {
        const path = join(temp.dir, 'late-gbk.csv')
        const head =
          'id,text\n' + Array.from({ length: 40000 }, (_, i) => `${i},退款一直没有到账 ${i}\n`).join('')
        const out = createWriteStream(path)
        out.end(Buffer.concat([Buffer.from(head), iconv.encode('40000,物流太慢了\n', 'gbk')]))
        await once(out, 'finish')
        return path
      },
      error: { line: 40002, reason: 'this line is not valid UTF-8 although the lines before it are' },
      promise: 'error, line 40002: `this line is not valid UTF-8 although the lines before it are`'
    }
  ]

  it('lists every generated case in the README', () => {
    for (const corpusCase of GENERATED)
      expect(readmeRows(corpusCase.file)[0] ?? '', corpusCase.file).toContain(corpusCase.promise)
  })

  it.each(GENERATED.map((c) => [c.file, c] as const))(
    '%s',
    async (_name, corpusCase) => {
      const path = await corpusCase.make()
      const before = process.memoryUsage().rss
      await expectOutcome(path, corpusCase)
      // The record limit keeps memory bounded: a 50 MB line never becomes a 50 MB string.
      expect(process.memoryUsage().rss - before).toBeLessThan(200 * 1024 * 1024)
    },
    30_000
  )
})
