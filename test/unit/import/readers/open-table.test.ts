import { existsSync, readdirSync } from 'node:fs'
import iconv from 'iconv-lite'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { openTableSource, peekRows } from '../../../../src/main/core/import/readers/open-table'
import { SAMPLE_BYTES } from '../../../../src/main/core/import/readers/read-limits'
import { makeTempDir } from '../../../helpers/temp-dir'
import { readAll, readAllFailure, readFailure, writeFixture } from './read-helpers'

/** Open file descriptors of this process (Linux), to prove handles are released. */
const openFiles = (): number | null =>
  existsSync('/proc/self/fd') ? readdirSync('/proc/self/fd').length : null

describe('openTableSource and peekRows', () => {
  let temp: ReturnType<typeof makeTempDir>
  beforeAll(() => {
    temp = makeTempDir('loopbench-open-table-')
  })
  afterAll(() => temp.cleanup())

  it('reads a CSV: header lines, rows after them, detected encoding and delimiter', async () => {
    const path = writeFixture(temp.dir, 't.csv', '\ufeff工单号;满意度\r\n1;5\r\n2;4\r\n')
    const result = await readAll(path, 't.csv')
    expect(result.info).toEqual({
      format: 'csv',
      encoding: 'utf-8',
      encodingSource: 'bom',
      delimiter: ';',
      sheets: [],
      sheet: null
    })
    expect(result.headerLines).toEqual([['工单号', '满意度']])
    expect(result.rows).toEqual([
      { line: 2, cells: ['1', '5'] },
      { line: 3, cells: ['2', '4'] }
    ])
    expect(result.warnings).toEqual([])
    expect(result.progress).toEqual({
      bytesRead: result.progress.totalBytes,
      totalBytes: result.progress.totalBytes
    })
  })

  it('flags rows with too many or too few fields and pads short ones', async () => {
    const path = writeFixture(temp.dir, 'w.csv', 'a,b,c\n1,2,3\n1,2\n1,2,3,4\n1,2,3,\n')
    const { rows } = await readAll(path, 'w.csv')
    expect(rows).toEqual([
      { line: 2, cells: ['1', '2', '3'] },
      { line: 3, cells: ['1', '2', ''], issue: 'has 2 fields; the header has 3' },
      { line: 4, cells: ['1', '2', '3', '4'], issue: 'has 4 fields; the header has 3' },
      // A trailing delimiter adds only an empty field: nothing is lost, nothing is flagged.
      { line: 5, cells: ['1', '2', '3'] }
    ])
  })

  it('does not flag short rows whose missing fields have no header either', async () => {
    const path = writeFixture(temp.dir, 'trail.csv', 'a,b,,\n1,2\n1,2,3,4\n')
    const result = await readAll(path, 'trail.csv')
    expect(result.rows).toEqual([
      { line: 2, cells: ['1', '2', '', ''] },
      { line: 3, cells: ['1', '2', '3', '4'] }
    ])
    expect(result.warnings).toEqual([
      expect.objectContaining({ code: 'empty_headers', details: { columns: [3, 4] } })
    ])
  })

  it('keeps duplicate header names as they are and warns', async () => {
    const path = writeFixture(temp.dir, 'dup.csv', 'id,score,score, id \n1,2,3,4\n')
    const result = await readAll(path, 'dup.csv')
    expect(result.headerLines).toEqual([['id', 'score', 'score', ' id ']])
    expect(result.warnings).toHaveLength(1)
    expect(result.warnings[0]).toMatchObject({
      code: 'duplicate_headers',
      details: {
        duplicates: [
          { name: 'id', columns: [1, 4] },
          { name: 'score', columns: [2, 3] }
        ]
      }
    })
  })

  it('takes several header rows (SurveyMonkey) and none at all', async () => {
    const path = writeFixture(temp.dir, 'sm.csv', 'Respondent ID,Q1,\n,Response,Other\n101,Yes,\n')
    const two = await readAll(path, 'sm.csv', { headerRows: 2 })
    expect(two.headerLines).toEqual([
      ['Respondent ID', 'Q1', ''],
      ['', 'Response', 'Other']
    ])
    expect(two.rows).toEqual([{ line: 3, cells: ['101', 'Yes', ''] }])
    const none = await readAll(path, 'sm.csv', { headerRows: 0 })
    expect(none.headerLines).toEqual([])
    expect(none.rows.map((row) => row.line)).toEqual([1, 2, 3])
  })

  it('honours format, encoding and delimiter when given', async () => {
    const path = writeFixture(temp.dir, 'upload-1', iconv.encode('名字|城市\n张三|北京\n', 'gb18030'))
    const result = await readAll(path, 'upload-1', { format: 'csv', encoding: 'gb18030', delimiter: '|' })
    expect(result.info).toMatchObject({
      format: 'csv',
      encoding: 'gb18030',
      encodingSource: 'given',
      delimiter: '|'
    })
    expect(result.rows).toEqual([{ line: 2, cells: ['张三', '北京'] }])
    const tsv = await readAll(writeFixture(temp.dir, 'x.dat', 'a\tb\n1\t2\n'), 'x.dat', { format: 'tsv' })
    expect(tsv.info).toMatchObject({ format: 'tsv', delimiter: '\t' })
  })

  it('sniffs the format of a file without a known extension', async () => {
    const json = await readAll(writeFixture(temp.dir, 'u1', '[{"a":1}]'), 'u1')
    expect(json.info.format).toBe('json')
    const ndjson = await readAll(writeFixture(temp.dir, 'u2', '{"a":1}\n{"a":2}\n'), 'u2')
    expect(ndjson.info.format).toBe('ndjson')
    const tsv = await readAll(writeFixture(temp.dir, 'u3.txt', 'a\tb\n1\t2\n'), 'u3.txt')
    expect(tsv.info).toMatchObject({ format: 'tsv', delimiter: '\t' })
    // The display name's extension wins over a temporary upload path without one.
    const named = await readAll(writeFixture(temp.dir, 'u4', 'a;b\n1;2\n'), 'export.csv')
    expect(named.info.format).toBe('csv')
  })

  it('reads UTF-16 without a BOM and GB18030 without being told', async () => {
    const text = '工单号,描述\n1,退款一直没有到账\n'
    for (const [name, bytes, encoding] of [
      ['le.csv', iconv.encode(text, 'utf-16le'), 'utf-16le'],
      ['be.csv', iconv.encode(text, 'utf-16be'), 'utf-16be'],
      ['gb.csv', iconv.encode(text, 'gbk'), 'gb18030']
    ] as const) {
      const result = await readAll(writeFixture(temp.dir, name, bytes), name)
      expect(result.info).toMatchObject({ encoding, encodingSource: 'detected' })
      expect(result.rows).toEqual([{ line: 2, cells: ['1', '退款一直没有到账'] }])
    }
  })

  it('stops at bytes in another encoding after the sample, naming their line', async () => {
    const head =
      'id,text\n' + Array.from({ length: 40000 }, (_, i) => `${i},退款一直没有到账 ${i}\n`).join('')
    expect(Buffer.byteLength(head)).toBeGreaterThan(SAMPLE_BYTES)
    const bytes = Buffer.concat([Buffer.from(head), iconv.encode('40000,物流太慢了\n', 'gbk')])
    const failure = await readAllFailure(writeFixture(temp.dir, 'late-gbk.csv', bytes), 'late-gbk.csv')
    expect(failure.line).toBe(40002)
    expect(failure.reason).toContain('may mix two encodings')
  })

  it('peeks without reading further than it needs (a broken end does not matter)', async () => {
    const rows = Array.from({ length: 200000 }, (_, i) => `${i},text ${i}`).join('\n')
    const path = writeFixture(temp.dir, 'big.csv', `id,text\n${rows}\n"never closed\n`)
    const { info, rows: peeked } = await peekRows(path, 'big.csv', {}, 5)
    expect(info.delimiter).toBe(',')
    expect(peeked.map((row) => row.cells[0])).toEqual(['id', '0', '1', '2', '3'])
    const failure = await readAllFailure(path, 'big.csv')
    expect(failure.line).toBe(200002)
  })

  it('releases the file when the caller stops early, and chunks() runs once', async () => {
    const path = writeFixture(
      temp.dir,
      'stop.csv',
      'a\n' + Array.from({ length: 5000 }, (_, i) => String(i)).join('\n')
    )
    const before = openFiles()
    const source = await openTableSource(path, 'stop.csv', { headerRows: 1 })
    let seen = 0
    for await (const chunk of source.chunks(100)) {
      seen += chunk.length
      if (seen >= 200) break
    }
    expect(seen).toBe(200)
    if (before !== null) expect(openFiles()).toBe(before)
    await source.close()
    await expect(async () => {
      for await (const _chunk of source.chunks()) break
    }).rejects.toThrow(/only once/)
  })

  it('releases the file when the caller closes without reading', async () => {
    const path = writeFixture(temp.dir, 'close.csv', 'a\n1\n')
    const before = openFiles()
    const source = await openTableSource(path, 'close.csv', { headerRows: 1 })
    await source.close()
    await source.close()
    if (before !== null) expect(openFiles()).toBe(before)
  })

  it('reports progress while reading', async () => {
    const path = writeFixture(
      temp.dir,
      'progress.csv',
      'n\n' + Array.from({ length: 400000 }, (_, i) => String(i)).join('\n')
    )
    const source = await openTableSource(path, 'progress.csv', { headerRows: 1 })
    const seen: number[] = []
    for await (const _chunk of source.chunks(50000)) seen.push(source.progress().bytesRead)
    expect(seen.some((bytes) => bytes < source.progress().totalBytes)).toBe(true)
    expect(seen.at(-1)).toBe(source.progress().totalBytes)
  })

  it('turns file-system failures into structural errors naming the file', async () => {
    const missing = await readFailure(peekRows(`${temp.dir}/nope.csv`, 'nope.csv', {}, 5))
    expect(missing.message).toBe(
      'nope.csv: the file cannot be found — it may have been moved, renamed or deleted'
    )
    const folder = await readAllFailure(temp.dir, 'folder.csv')
    expect(folder.reason).toBe('this is a folder, not a file')
  })
})
