import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import ExcelJS from 'exceljs'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { openTableSource, peekRows } from '../../../../src/main/core/import/readers/open-table'
import {
  cellText,
  isDateFormat,
  unescapeOoxml,
  wallClockIso
} from '../../../../src/main/core/import/readers/xlsx-cells'
import { makeTempDir } from '../../../helpers/temp-dir'
import { readAll, readAllFailure, readFailure } from './read-helpers'

/** Long Chinese text, so that the shared strings span many inflated chunks. */
const chinese = (i: number): string =>
  `第${i}号工单：退款一直没有到账，物流太慢了，客服态度很好，问题已经解决。`.repeat(3)

/** A workbook with every kind of cell the reader must turn into text. */
async function writeWorkbook(path: string, options: { date1904?: boolean } = {}): Promise<void> {
  const workbook = new ExcelJS.Workbook()
  if (options.date1904 === true) workbook.properties.date1904 = true
  workbook.addWorksheet('Notes') // empty: the reader must skip it by default
  const sheet = workbook.addWorksheet('工单')
  sheet.addRow(['id', 'created', 'text', 'score', 'flag', 'link'])
  const created = sheet.getCell('B2')
  sheet.getRow(2).values = [
    1,
    new Date(Date.UTC(2026, 2, 5, 14, 22, 0)),
    { richText: [{ text: 'Hello ' }, { font: { bold: true }, text: '世界' }] },
    4.5,
    true,
    { text: 'docs', hyperlink: 'https://example.com' }
  ]
  created.numFmt = 'yyyy-mm-dd hh:mm'
  sheet.getRow(3).values = [
    2,
    { formula: 'B2+1', result: 46087.598611111 },
    { formula: '"a"&"b"', result: 'ab' },
    { formula: 'D2*2', result: 9 },
    false,
    { error: '#N/A' }
  ]
  sheet.getCell('B3').numFmt = 'yyyy-mm-dd hh:mm'
  // Row 4 left empty on purpose; row 5 is sparse; row 6 has a merged range; row 7 a time.
  sheet.getCell('A5').value = 3
  sheet.getCell('F5').value = 'last'
  sheet.getCell('A6').value = 4
  sheet.getCell('C6').value = 'merged'
  sheet.mergeCells('C6:D6')
  sheet.getCell('A7').value = 5
  sheet.getCell('B7').value = 0.5
  sheet.getCell('B7').numFmt = 'hh:mm:ss'
  sheet.getCell('A8').value = 6
  sheet.getCell('H8').value = 'beyond the header'
  for (let i = 0; i < 3000; i++) sheet.addRow([100 + i, null, chinese(i)])
  const hidden = workbook.addWorksheet('Hidden', { state: 'hidden' })
  hidden.addRow(['secret'])
  await workbook.xlsx.writeFile(path)
}

describe('xlsx cell text', () => {
  it('formats wall-clock dates, times and Excel’s special values', () => {
    expect(wallClockIso(new Date(Date.UTC(2026, 2, 5, 14, 21, 59, 999)))).toBe('2026-03-05T14:22:00')
    expect(wallClockIso(new Date(Date.UTC(1899, 11, 30, 9, 5, 0)))).toBe('09:05:00')
    expect(wallClockIso(new Date(Number.NaN))).toBe('')
    expect(cellText(0.1 + 0.2, 'General', false)).toBe('0.30000000000000004')
    expect(cellText(46086.5, 'dd/mm/yyyy', false)).toBe('2026-03-05T12:00:00')
    expect(cellText(1, 'dd/mm/yyyy', true)).toBe('1904-01-02T00:00:00')
    expect(cellText({ error: '#DIV/0!' }, undefined, false)).toBe('')
    expect(cellText({ formula: 'X', result: { error: '#N/A' } }, undefined, false)).toBe('')
    expect(cellText(Number.NaN, undefined, false)).toBe('')
    expect(cellText(true, undefined, false)).toBe('TRUE')
  })

  it('recognises date formats and nothing else', () => {
    for (const format of ['yyyy-mm-dd', 'm/d/yy h:mm', '[h]:mm:ss', 'dd"日"', '[$-804]yyyy"年"m"月"d"日"'])
      expect(isDateFormat(format), format).toBe(true)
    for (const format of ['General', '0.00', '#,##0 "days"', '0.0%', '[Red]0.00', '@', '0.00E+00', undefined])
      expect(isDateFormat(format), String(format)).toBe(false)
  })

  it('undoes OOXML escapes of control characters', () => {
    expect(unescapeOoxml('line_x000D_\nnext_x005F_x')).toBe('line\r\nnext_x')
  })
})

describe('XLSX reader', () => {
  let temp: ReturnType<typeof makeTempDir>
  let book: string
  beforeAll(async () => {
    temp = makeTempDir('loopbench-xlsx-')
    book = join(temp.dir, 'book.xlsx')
    await writeWorkbook(book)
  })
  afterAll(() => temp.cleanup())

  it('lists every worksheet and reads the first that has data', async () => {
    const result = await readAll(book, 'book.xlsx')
    expect(result.info).toEqual({
      format: 'xlsx',
      encoding: 'utf-8',
      encodingSource: 'not_applicable',
      delimiter: null,
      sheets: ['Notes', '工单', 'Hidden'],
      sheet: '工单'
    })
    expect(result.headerLines).toEqual([['id', 'created', 'text', 'score', 'flag', 'link']])
    expect(result.progress.bytesRead).toBe(result.progress.totalBytes)
  })

  it('turns each kind of cell into text, aligned by column, with Excel row numbers', async () => {
    const { rows } = await readAll(book, 'book.xlsx')
    expect(rows.slice(0, 6)).toEqual([
      { line: 2, cells: ['1', '2026-03-05T14:22:00', 'Hello 世界', '4.5', 'TRUE', 'docs'] },
      { line: 3, cells: ['2', '2026-03-06T14:22:00', 'ab', '9', 'FALSE', ''] },
      { line: 5, cells: ['3', '', '', '', '', 'last'] },
      { line: 6, cells: ['4', '', 'merged', '', '', ''] },
      { line: 7, cells: ['5', '12:00:00', '', '', '', ''] },
      {
        line: 8,
        cells: ['6', '', '', '', '', '', '', 'beyond the header'],
        issue: 'has values in 8 columns; the header has 6'
      }
    ])
  })

  it('keeps long Chinese text intact across decompression chunks', async () => {
    const { rows } = await readAll(book, 'book.xlsx')
    const text = rows.slice(6)
    expect(text).toHaveLength(3000)
    text.forEach((row, i) => {
      expect(row.line).toBe(9 + i)
      expect(row.cells[2]).toBe(chinese(i))
    })
  })

  it('reads the sheet asked for, matching its name loosely, and says which exist when it is missing', async () => {
    const hidden = await readAll(book, 'book.xlsx', { sheet: ' hidden ', headerRows: 0 })
    expect(hidden.info.sheet).toBe('Hidden')
    expect(hidden.rows).toEqual([{ line: 1, cells: ['secret'] }])
    const failure = await readAllFailure(book, 'book.xlsx', { sheet: 'Tickets' })
    expect(failure.reason).toBe(
      'the workbook has no sheet named “Tickets” (its sheets: “Notes”, “工单”, “Hidden”)'
    )
  })

  it('says an empty sheet is empty', async () => {
    const failure = await readAllFailure(book, 'book.xlsx', { sheet: 'Notes' })
    expect(failure.reason).toContain('“Notes” is empty')
  })

  it('releases the file when the caller stops early', async () => {
    const openFiles = (): number | null =>
      existsSync('/proc/self/fd') ? readdirSync('/proc/self/fd').length : null
    const before = openFiles()
    const source = await openTableSource(book, 'book.xlsx', { headerRows: 1 })
    for await (const chunk of source.chunks(10)) {
      expect(chunk).toHaveLength(10)
      break
    }
    await source.close()
    if (before !== null) expect(openFiles()).toBe(before)
  })

  it('peeks only the first rows and lists the sheets', async () => {
    const { info, rows } = await peekRows(book, 'book.xlsx', {}, 3)
    expect(info.sheets).toEqual(['Notes', '工单', 'Hidden'])
    expect(rows.map((row) => row.line)).toEqual([1, 2, 3])
  })

  it('reads dates of the 1904 date system', async () => {
    const path = join(temp.dir, 'mac.xlsx')
    await writeWorkbook(path, { date1904: true })
    const { rows } = await readAll(path, 'mac.xlsx')
    expect(rows[0]?.cells[1]).toBe('2026-03-05T14:22:00')
  })

  it('reads what the streaming writer writes (sheet before shared strings, inline strings)', async () => {
    for (const useSharedStrings of [true, false]) {
      const path = join(temp.dir, `stream-${useSharedStrings}.xlsx`)
      const writer = new ExcelJS.stream.xlsx.WorkbookWriter({
        filename: path,
        useSharedStrings,
        useStyles: true
      })
      const sheet = writer.addWorksheet('Data')
      sheet.addRow(['n', 'when', 'text']).commit()
      for (let i = 0; i < 2000; i++)
        sheet.addRow([i, new Date(Date.UTC(2026, 0, 1 + (i % 28))), chinese(i)]).commit()
      sheet.commit()
      await writer.commit()
      const { rows } = await readAll(path, 'stream.xlsx')
      expect(rows).toHaveLength(2000)
      expect(rows[1999]).toEqual({
        line: 2001,
        cells: ['1999', `2026-01-${String(1 + (1999 % 28)).padStart(2, '0')}T00:00:00`, chinese(1999)]
      })
    }
  })

  it('refuses a truncated workbook, a ZIP that is not a workbook, and text named .xlsx', async () => {
    const bytes = readFileSync(book)
    const cut = join(temp.dir, 'cut.xlsx')
    writeFileSync(cut, bytes.subarray(0, Math.floor(bytes.length / 2)))
    expect((await readAllFailure(cut, 'cut.xlsx')).reason).toContain('damaged or truncated')
    const text = join(temp.dir, 'text.xlsx')
    writeFileSync(text, 'id,name\n1,a\n')
    expect((await readAllFailure(text, 'text.xlsx')).reason).toContain('this is not an XLSX file')
    expect((await readFailure(peekRows(text, 'text.xlsx', {}, 5))).reason).toContain(
      'this is not an XLSX file'
    )
  })

  it.each([
    ['sheet', 'xl/worksheets/sheet1.xml', false],
    ['shared strings', 'xl/sharedStrings.xml', true]
  ] as const)(
    'refuses a workbook whose %s data is damaged, without hanging',
    async (_part, entry, useSharedStrings) => {
      // Flip bytes inside the compressed part: inflate or the XML parser must fail, and cleanly.
      const path = join(temp.dir, `whole-${entry.length}.xlsx`)
      const writer = new ExcelJS.stream.xlsx.WorkbookWriter({ filename: path, useSharedStrings })
      const sheet = writer.addWorksheet('Data')
      sheet.addRow(['n', 'text']).commit()
      for (let i = 0; i < 20000; i++) sheet.addRow([i, `row ${i} ${chinese(i)}`]).commit()
      sheet.commit()
      await writer.commit()
      const bytes = readFileSync(path)
      const start = bytes.indexOf(Buffer.from(entry)) + entry.length + 2000
      for (let i = start; i < start + 5000; i++) bytes[i] = (bytes[i] as number) ^ 0x5a
      const damaged = join(temp.dir, `damaged-${entry.length}.xlsx`)
      writeFileSync(damaged, bytes)
      const failure = await readAllFailure(damaged, 'damaged.xlsx')
      expect(failure.reason).toMatch(/^this XLSX file is damaged/)
      expect(failure.message.startsWith('damaged.xlsx')).toBe(true)
    },
    20_000
  )
})
