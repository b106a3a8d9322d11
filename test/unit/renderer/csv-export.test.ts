import { describe, expect, it } from 'vitest'
import { CSV_BOM, csvCell, exportFileName, toCsv } from '../../../src/renderer/src/editors/sql/csv-export'

describe('CSV export', () => {
  it('neutralises cells a spreadsheet would run as formulas', () => {
    expect(csvCell('=HYPERLINK("http://x","y")')).toBe(`"'=HYPERLINK(""http://x"",""y"")"`)
    expect(csvCell('+1 555 0100')).toBe("'+1 555 0100")
    expect(csvCell('-2+3')).toBe("'-2+3")
    expect(csvCell('@SUM(A1)')).toBe("'@SUM(A1)")
    expect(csvCell('\tcmd')).toBe("'\tcmd")
    expect(csvCell('\rcmd')).toBe(`"'\rcmd"`)
    expect(csvCell('a=b')).toBe('a=b')
  })

  it('writes numbers as numbers, negative ones included, and null as an empty field', () => {
    expect(csvCell(-5)).toBe('-5')
    expect(csvCell(0.25)).toBe('0.25')
    expect(csvCell(Number.NaN)).toBe('')
    expect(csvCell(null)).toBe('')
  })

  it('quotes fields with commas, quotes, line breaks or edge spaces and doubles the quotes', () => {
    expect(csvCell('a,b')).toBe('"a,b"')
    expect(csvCell('say "hi"')).toBe('"say ""hi"""')
    expect(csvCell('line 1\nline 2')).toBe('"line 1\nline 2"')
    expect(csvCell(' padded')).toBe('" padded"')
    expect(csvCell('plain')).toBe('plain')
  })

  it('starts with a UTF-8 BOM so Excel reads Chinese, and ends rows with CRLF', () => {
    const csv = toCsv(
      ['渠道', 'tickets'],
      [
        ['邮件', 12],
        ['=cmd', null]
      ]
    )
    expect(csv.startsWith(CSV_BOM)).toBe(true)
    expect(csv).toBe(`${CSV_BOM}渠道,tickets\r\n邮件,12\r\n'=cmd,\r\n`)
    expect(new TextEncoder().encode(csv).slice(0, 3)).toEqual(new Uint8Array([0xef, 0xbb, 0xbf]))
  })

  it('writes a header alone for an empty result, and pads short rows', () => {
    expect(toCsv(['a', 'b'], [])).toBe(`${CSV_BOM}a,b\r\n`)
    expect(toCsv(['a', 'b'], [['x']])).toBe(`${CSV_BOM}a,b\r\nx,\r\n`)
  })

  it('names the file after the moment of the export', () => {
    expect(exportFileName(new Date(2026, 4, 10, 14, 2, 9))).toBe('loopbench-query-2026-05-10-140209.csv')
  })
})
